#pragma once
// Lon/lat cells (west, south, east, north) whose areas are known in closed form, as in
// tests/data/make_synthetic.py: meridian edges are geodesics, parallel edges are densified every 0.005°,
// and the area of the ellipsoidal zone is A = Δλ·b²/2·[q(φ₂) − q(φ₁)], with
// q(φ) = sin φ/(1 − e² sin² φ) + artanh(e sin φ)/e. No GEOS, PROJ or frontline code is involved.

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <numbers>
#include <utility>
#include <vector>

#include "core/geometry.hpp"

namespace frontline::testing {

struct Box {
    double west, south, east, north;
};

inline double cellKm2(const Box& c) {
    const double a = 6378137.0, f = 1 / 298.257223563, e2 = f * (2 - f), e = std::sqrt(e2);
    const double b2 = a * a * (1 - e2), toRad = std::numbers::pi / 180;
    auto q = [&](double latDeg) {
        const double s = std::sin(latDeg * toRad);
        return s / (1 - e2 * s * s) + std::atanh(e * s) / e;
    };
    return (c.east - c.west) * toRad * b2 / 2 * (q(c.north) - q(c.south)) / 1e6;
}

// The cell's ring, counter-clockwise, a vertex every 0.005° (reversed: clockwise, for a hole).
inline Path cellRing(const Box& c, bool clockwise = false) {
    Path ring;
    auto edge = [&ring](Coord from, Coord to) {
        const int count = std::max(
            1, static_cast<int>(
                   std::lround(std::max(std::fabs(to.x - from.x), std::fabs(to.y - from.y)) / 0.005)));
        for (int i = 0; i < count; ++i)
            ring.push_back({from.x + (to.x - from.x) * i / count, from.y + (to.y - from.y) * i / count});
    };
    edge({c.west, c.south}, {c.east, c.south});
    edge({c.east, c.south}, {c.east, c.north});
    edge({c.east, c.north}, {c.west, c.north});
    edge({c.west, c.north}, {c.west, c.south});
    if (clockwise) std::reverse(ring.begin(), ring.end());
    ring.push_back(ring.front());
    return ring;
}

// One polygon per outer cell, with the holes given for it.
inline Geometry cells(std::initializer_list<std::pair<Box, std::vector<Box>>> polygons) {
    Geometry geometry;
    for (const auto& [outer, holes] : polygons) {
        Polygon polygon{{cellRing(outer)}};
        for (const auto& hole : holes) polygon.rings.push_back(cellRing(hole, true));
        geometry.polygons.push_back(std::move(polygon));
    }
    return geometry;
}

}  // namespace frontline::testing
