#pragma once
// Polygons cut into triangles for drawing: GEOS's constrained Delaunay triangulation, whose triangles
// cover each polygon exactly (holes left out, no overlaps, every ring edge kept as a triangle edge).

#include <vector>

#include "core/geometry.hpp"
#include "geo/geos.hpp"

namespace frontline::geo {

// The polygonal part of `geometry` as triangles, three corners each, in the geometry's own coordinates
// (triangulate projected coordinates: the triangles are straight in whatever plane they are given).
// The polygons must be valid. Throws GeometryError with GEOS's reason.
std::vector<Coord> triangulate(GeosContext& context, const Geometry& geometry);

}  // namespace frontline::geo
