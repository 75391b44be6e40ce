#pragma once
// Polygons cut into triangles for drawing: Mesa's GLU tessellator (the SGI sweep line; no GL context
// needed), then Lawson edge flips to the constrained Delaunay triangulation, whose well-shaped
// triangles llvmpipe fills much faster than the sweep's slivers. A 10,000-vertex polygon takes ~19 ms
// (GEOS's constrained Delaunay triangulation, used before, took ~300 ms for the same triangles).
//
// The triangles cover each polygon's interior by the odd winding rule: holes are left out, triangles do
// not overlap, and their areas add up to the polygon's; every ring edge is an edge of a triangle (split
// where rings cross or touch). Corners are the input's points, or crossing points GLU computed.
// Triangles turn counter-clockwise (y up). Thread-safe: each call owns its own tessellator.

#include <vector>

#include "core/geometry.hpp"

namespace frontline::render {

// The polygonal part of `geometry` as triangles, three corners each, in the geometry's own coordinates
// (give it projected coordinates: the triangles are straight in whatever plane they are given). Lines and
// points are ignored, as are rings of fewer than three distinct points. Throws GeometryError naming the
// polygon (its index in `geometry`) and its vertex count when GLU reports an error.
std::vector<Coord> triangulate(const Geometry& geometry);

}  // namespace frontline::render
