#pragma once

#include "core/geometry.hpp"

namespace frontline::geo {

// Longest edge kept as it is, in degrees of longitude or latitude (≈1.1 km).
inline constexpr double kMaxEdgeDegrees = 0.01;

// The distance between an edge's two readings (core/geometry.hpp, Edges): a geodesic along a parallel
// bows towards the pole by about L²·tan(φ)/(8R) at its middle; TODO measured in tests/geo/densify_test.cpp.

// Splits every polygon and line edge longer than `maxStepDegrees` (in longitude or latitude) into equal
// pieces along the line `edges` says it is: points on the geodesic, or interpolated in lon/lat.
//
// Why: geodesic areas (geo/geodesic.hpp) take every edge as a geodesic, and GEOS cuts polygons along
// the straight lon/lat line. On a 50 km edge the two lines are ~40 m apart and the pieces of an overlay
// stop adding up (1e-4 of the area). Once no edge spans more than 0.01° the two readings of any edge are
// within 2 cm, so the area measures the input as `edges` reads it and overlays close to 1e-9. Shorter
// edges are kept as they are in both readings: their two lines are already that close.
void densify(Geometry& lonLat, Edges edges, double maxStepDegrees = kMaxEdgeDegrees);

}  // namespace frontline::geo
