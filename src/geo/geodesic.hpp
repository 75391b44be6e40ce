#pragma once
// Measures on the WGS84 ellipsoid with Karney's algorithms (PROJ's geodesic.h). Edges are geodesics,
// as in pyproj.Geod and SpatiaLite's ST_Area(geom, 1); input is lon/lat in degrees.

#include "core/geometry.hpp"

struct geod_geodesic;

namespace frontline::geo {

// The WGS84 ellipsoid as PROJ's geodesic code takes it.
const geod_geodesic& wgs84Ellipsoid();

// Area enclosed by a ring in km², positive whatever its orientation.
double geodesicRingAreaKm2(const Path& ring);
// Exterior minus holes, km².
double geodesicAreaKm2(const Polygon& polygon);
// Sum over the polygons, km² (the polygons must not overlap; dissolve first if they may).
double geodesicAreaKm2(const Geometry& geometry);
// Length of a path along geodesics, km.
double geodesicLengthKm(const Path& path);
// Lines plus polygon boundaries, km.
double geodesicLengthKm(const Geometry& geometry);
// Distance between two points, km.
double geodesicDistanceKm(const Coord& a, const Coord& b);

}  // namespace frontline::geo
