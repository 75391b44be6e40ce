#pragma once
// Random star-shaped polygons for overlay tests: valid by construction, and two of them cross each other
// hundreds of times.

#include <cmath>
#include <numbers>
#include <random>

#include "core/geometry.hpp"
#include "geo/densify.hpp"

namespace frontline::geo::testing {

// A random star-shaped polygon (valid by construction) around a centre, radius in degrees, with its
// vertices only (edges as long as the rays' spacing).
inline Geometry randomStarVertices(std::mt19937& random, Coord centre, double radius, int vertices) {
    std::uniform_real_distribution<double> wobble(0.4, 1.0);
    Path ring;
    for (int i = 0; i < vertices; ++i) {
        const double angle = 2 * std::numbers::pi * i / vertices;
        const double r = radius * wobble(random);
        ring.push_back({centre.x + r * std::cos(angle), centre.y + r * std::sin(angle)});
    }
    ring.push_back(ring.front());
    Geometry geometry;
    geometry.polygons.push_back({{ring}});
    return geometry;
}

// The same, densified as the layer reader does (its edges are up to 50 km long).
inline Geometry randomStar(std::mt19937& random, Coord centre, double radius, int vertices) {
    Geometry geometry = randomStarVertices(random, centre, radius, vertices);
    densify(geometry, Edges::Geodesic);
    return geometry;
}

}  // namespace frontline::geo::testing
