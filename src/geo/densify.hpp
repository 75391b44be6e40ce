#pragma once

#include "core/geometry.hpp"

namespace frontline::geo {

// Longest edge kept as it is, in degrees of longitude or latitude (≈1.1 km).
inline constexpr double kMaxEdgeDegrees = 0.01;

// Splits every polygon and line edge longer than `maxStepDegrees` by linear interpolation in lon/lat.
//
// Why: RFC 7946 draws an edge straight in lon/lat, while geodesic areas take edges as geodesics, and
// GEOS cuts polygons along the lon/lat line. On a 50 km edge the two differ by ~40 m and the pieces of
// an overlay stop adding up (1e-4 of the area). At 0.01° the two lines are within 2 cm, so the
// geodesic area measures the RFC 7946 shape and overlays close to 1e-9.
void densify(Geometry& lonLat, double maxStepDegrees = kMaxEdgeDegrees);

}  // namespace frontline::geo
