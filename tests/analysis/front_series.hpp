#pragma once
// Daily held areas shaped like real control maps, as bench/make_front_series.py makes them: a straight
// border on the west, a coast on the south and a front of many vertices; a day moves one or a few
// stretches of the front and keeps every other vertex as it was.

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "core/geometry.hpp"
#include "geo/densify.hpp"

namespace frontline::analysis::testing {

class FrontSeries {
public:
    explicit FrontSeries(int vertices) {
        for (int i = 0; i < vertices; ++i) {
            const double t = static_cast<double>(i) / (vertices - 1);
            const double bulge = 2.2 * std::sin(std::numbers::pi * t) +
                                 0.15 * std::sin(11 * std::numbers::pi * t) +
                                 0.03 * std::sin(97 * std::numbers::pi * t);
            m_front.push_back({rounded(kWest + 0.3 + bulge), rounded(kNorth - t * (kNorth - kSouth))});
        }
    }

    // Moves the front's vertices centre − width … centre + width east by up to `pushKm` (negative: west),
    // tapering to nothing at both ends of the stretch.
    void push(int centre, int width, double pushKm) {
        const double kmLon = 111.32 * std::cos(48.0 * std::numbers::pi / 180);
        for (int j = std::max(0, centre - width); j <= std::min<int>(size() - 1, centre + width); ++j) {
            const double weight = std::pow(std::cos(0.5 * std::numbers::pi * (j - centre) / width), 2);
            m_front[static_cast<std::size_t>(j)].x =
                rounded(m_front[static_cast<std::size_t>(j)].x + weight * pushKm / kmLon);
        }
    }

    // One or two random stretches of at most 4 % of the front moved by up to 3 km, as a day does.
    void randomDay(std::mt19937& random) {
        const int stretches = std::uniform_int_distribution<int>(1, 2)(random);
        for (int s = 0; s < stretches; ++s) {
            const int width = std::uniform_int_distribution<int>(size() / 300 + 1, size() / 100 + 1)(random);
            const int centre = std::uniform_int_distribution<int>(width, size() - width - 1)(random);
            push(centre, width, std::uniform_real_distribution<double>(-3.0, 3.0)(random));
        }
    }

    int size() const { return static_cast<int>(m_front.size()); }

    // The held area, counter-clockwise, densified as the layer reader does.
    Geometry held() const {
        Path ring{{kWest, kNorth}};
        ring.insert(ring.end(), m_front.begin(), m_front.end());
        const double start = m_front.back().x;
        for (int k = 1; k < 12; ++k) {
            ring.push_back({rounded(start - (start - kWest) * k / 12),
                            rounded(kSouth - 0.08 * std::sin(std::numbers::pi * k / 12))});
        }
        ring.push_back({kWest, kSouth});
        ring.push_back(ring.front());
        std::reverse(ring.begin(), ring.end());
        Geometry geometry;
        geometry.polygons.push_back({{ring}});
        geo::densify(geometry, Edges::Geodesic);
        return geometry;
    }

private:
    static constexpr double kWest = 36.0, kSouth = 46.5, kNorth = 50.0;
    static double rounded(double degrees) { return std::round(degrees * 1e6) / 1e6; }
    Path m_front;
};

}  // namespace frontline::analysis::testing
