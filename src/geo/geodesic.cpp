#include "geo/geodesic.hpp"

#include <geodesic.h>

#include <cmath>
#include <vector>

namespace frontline::geo {

const geod_geodesic& wgs84Ellipsoid() {
    static const geod_geodesic ellipsoid = [] {
        geod_geodesic g{};
        geod_init(&g, 6378137.0, 1 / 298.257223563);
        return g;
    }();
    return ellipsoid;
}

double geodesicRingAreaKm2(const Path& ring) {
    // geod_polygonarea closes the ring itself; a repeated closing vertex would add an empty edge.
    std::size_t count = ring.size();
    if (count >= 2 && ring.front() == ring.back()) --count;
    if (count < 3) return 0;
    // Scratch buffers reused per thread: areas run in a hot loop over thousands of rings.
    thread_local std::vector<double> lats, lons;
    lats.resize(count);
    lons.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        lats[i] = ring[i].y;
        lons[i] = ring[i].x;
    }
    double areaM2 = 0;
    double perimeterM = 0;
    geod_polygonarea(&wgs84Ellipsoid(), lats.data(), lons.data(), static_cast<int>(count), &areaM2,
                     &perimeterM);
    return std::fabs(areaM2) / 1e6;
}

double geodesicAreaKm2(const Polygon& polygon) {
    if (polygon.rings.empty()) return 0;
    double area = geodesicRingAreaKm2(polygon.rings.front());
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) area -= geodesicRingAreaKm2(polygon.rings[i]);
    return area;
}

double geodesicAreaKm2(const Geometry& geometry) {
    double area = 0;
    for (const auto& polygon : geometry.polygons) area += geodesicAreaKm2(polygon);
    return area;
}

double geodesicDistanceKm(const Coord& a, const Coord& b) {
    double distanceM = 0;
    geod_inverse(&wgs84Ellipsoid(), a.y, a.x, b.y, b.x, &distanceM, nullptr, nullptr);
    return distanceM / 1000;
}

double geodesicLengthKm(const Path& path) {
    double length = 0;
    for (std::size_t i = 1; i < path.size(); ++i) length += geodesicDistanceKm(path[i - 1], path[i]);
    return length;
}

double geodesicLengthKm(const Geometry& geometry) {
    double length = 0;
    for (const auto& line : geometry.lines) length += geodesicLengthKm(line);
    for (const auto& polygon : geometry.polygons) {
        for (const auto& ring : polygon.rings) length += geodesicLengthKm(ring);
    }
    return length;
}

}  // namespace frontline::geo
