#include "geo/densify.hpp"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "geo/geodesic.hpp"

namespace frontline::geo {

namespace {

double spanDegrees(const Coord& a, const Coord& b) {
    return std::max(std::fabs(b.x - a.x), std::fabs(b.y - a.y));
}

// Appends the points of a→b that come before b, `pieces` equal steps along the geodesic.
void appendGeodesic(Path& dense, const Coord& a, const Coord& b, int pieces) {
    geod_geodesicline line{};
    geod_inverseline(&line, &wgs84Ellipsoid(), a.y, a.x, b.y, b.x,
                     GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN);
    dense.push_back(a);
    for (int k = 1; k < pieces; ++k) {
        double lat = 0, lon = 0;
        // Unrolled, the longitude runs on continuously from a's (edges never cross ±180°: the reader
        // refuses them), so a point is never thrown to the other side of the map.
        geod_genposition(&line, GEOD_LONG_UNROLL, line.s13 * k / pieces, &lat, &lon, nullptr, nullptr,
                         nullptr, nullptr, nullptr, nullptr);
        // A NaN here would reach GEOS, whose overlay may then never end; the reader refuses non-finite
        // input, so this is a guard against the library, not the data.
        if (!std::isfinite(lat) || !std::isfinite(lon))
            throw GeometryError("no point on the geodesic from (" + std::to_string(a.x) + ", " +
                                std::to_string(a.y) + ") to (" + std::to_string(b.x) + ", " +
                                std::to_string(b.y) + ")");
        dense.push_back({lon, lat});
    }
}

void appendLonLat(Path& dense, const Coord& a, const Coord& b, int pieces) {
    for (int k = 0; k < pieces; ++k) {
        const double t = static_cast<double>(k) / pieces;
        dense.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
    }
}

void densifyPath(Path& path, Edges edges, double maxStep) {
    bool needed = false;
    for (std::size_t i = 1; i < path.size() && !needed; ++i)
        needed = spanDegrees(path[i - 1], path[i]) > maxStep;
    if (!needed) return;
    Path dense;
    dense.reserve(path.size() * 2);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const Coord a = path[i];
        const Coord b = path[i + 1];
        const int pieces = std::max(1, static_cast<int>(std::ceil(spanDegrees(a, b) / maxStep)));
        if (pieces == 1) {
            dense.push_back(a);
        } else if (edges == Edges::Geodesic) {
            appendGeodesic(dense, a, b, pieces);
        } else {
            appendLonLat(dense, a, b, pieces);
        }
    }
    dense.push_back(path.back());
    path = std::move(dense);
}

}  // namespace

void densify(Geometry& lonLat, Edges edges, double maxStepDegrees) {
    for (auto& polygon : lonLat.polygons) {
        for (auto& ring : polygon.rings) densifyPath(ring, edges, maxStepDegrees);
    }
    for (auto& line : lonLat.lines) densifyPath(line, edges, maxStepDegrees);
}

}  // namespace frontline::geo
