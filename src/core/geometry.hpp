#pragma once
// Plain geometry values, free of any library. Coordinates are longitude/latitude in degrees on WGS84
// (x = lon, y = lat) unless a variable's name says it is projected (projectedXy, metres).

#include <cstddef>
#include <string>
#include <vector>

namespace frontline {

// What the line between two consecutive vertices of the input is.
//   Geodesic: the shortest path on the WGS84 ellipsoid, the reading of GeographicLib and pyproj's
//     Geod.geometry_area_perimeter, PostGIS geography, QGIS's ellipsoidal measure and Google Earth; the
//     default, so that a reporter checking an area in one of them gets the same number.
//   LonLat: a straight line in longitude and latitude (RFC 7946 §3.1.1, a flat map): an edge along a
//     parallel stays on it, where the geodesic bows towards the pole (geo/densify.hpp gives sizes).
enum class Edges { Geodesic, LonLat };

// "geodesic" or "lonlat"; UsageError otherwise.
Edges parseEdges(const std::string& text);
// Words for a report: "geodesic edges" or "edges straight in lon/lat (RFC 7946)".
std::string describe(Edges edges);

struct Coord {
    double x = 0;
    double y = 0;
    friend bool operator==(const Coord&, const Coord&) = default;
};

// A ring (closed: first == last) or a line string.
using Path = std::vector<Coord>;

// rings[0] is the exterior ring, the others are holes.
struct Polygon {
    std::vector<Path> rings;
    friend bool operator==(const Polygon&, const Polygon&) = default;
};

// A feature's geometry: any mix of polygons, lines and points (a flattened geometry collection).
struct Geometry {
    std::vector<Polygon> polygons;
    std::vector<Path> lines;
    std::vector<Coord> points;

    bool empty() const { return polygons.empty() && lines.empty() && points.empty(); }
    std::size_t vertexCount() const;
    friend bool operator==(const Geometry&, const Geometry&) = default;
};

struct BoundingBox {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool valid = false;

    void expand(const Coord& c);
    void expand(const BoundingBox& other);
    Coord centre() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
};

BoundingBox boundingBox(const Geometry& geometry);

}  // namespace frontline
