#include "core/geometry.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace frontline {

Edges parseEdges(const std::string& text) {
    if (text == "geodesic") return Edges::Geodesic;
    if (text == "lonlat") return Edges::LonLat;
    throw UsageError("unknown --edges '" + text + "' (geodesic, lonlat)");
}

std::string describe(Edges edges) {
    return edges == Edges::Geodesic ? "geodesic edges" : "edges straight in lon/lat (RFC 7946)";
}

std::size_t Geometry::vertexCount() const {
    std::size_t count = points.size();
    for (const auto& polygon : polygons) {
        for (const auto& ring : polygon.rings) count += ring.size();
    }
    for (const auto& line : lines) count += line.size();
    return count;
}

void BoundingBox::expand(const Coord& c) {
    if (!valid) {
        minX = maxX = c.x;
        minY = maxY = c.y;
        valid = true;
        return;
    }
    minX = std::min(minX, c.x);
    minY = std::min(minY, c.y);
    maxX = std::max(maxX, c.x);
    maxY = std::max(maxY, c.y);
}

void BoundingBox::expand(const BoundingBox& other) {
    if (!other.valid) return;
    expand(Coord{other.minX, other.minY});
    expand(Coord{other.maxX, other.maxY});
}

BoundingBox boundingBox(const Geometry& geometry) {
    BoundingBox box;
    for (const auto& polygon : geometry.polygons) {
        if (!polygon.rings.empty()) {
            for (const auto& c : polygon.rings.front()) box.expand(c);
        }
    }
    for (const auto& line : geometry.lines) {
        for (const auto& c : line) box.expand(c);
    }
    for (const auto& c : geometry.points) box.expand(c);
    return box;
}

}  // namespace frontline
