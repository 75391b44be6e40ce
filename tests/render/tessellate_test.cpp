// Tessellation invariants (as earcut's tests check them): the triangles cover exactly the polygon's
// area, none lies outside it, and the cover is the constrained Delaunay one (no slivers for llvmpipe).

#include "render/tessellate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <utility>

#include "core/error.hpp"
#include "geo/geos.hpp"

namespace frontline::render {
namespace {

constexpr double kPi = 3.14159265358979323846;

Path closed(Path ring) {
    ring.push_back(ring.front());
    return ring;
}

Path square(double x0, double y0, double size) {
    return closed({{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}});
}

// A star of `vertices` points with random radii: ragged like a digitised front line, valid (each ray
// has one point), around (cx, cy) in projected metres.
Path noisyStar(std::mt19937& random, double cx, double cy, double radius, int vertices) {
    std::uniform_real_distribution<double> wobble(0.5, 1.0);
    Path ring;
    for (int i = 0; i < vertices; ++i) {
        const double angle = 2 * kPi * i / vertices;
        const double r = radius * wobble(random);
        ring.push_back({cx + r * std::cos(angle), cy + r * std::sin(angle)});
    }
    return closed(ring);
}

double triangleArea(const Coord& a, const Coord& b, const Coord& c) {
    return ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
}

// Summed absolute areas: overlapping or inside-out triangles would add, not cancel.
double coveredArea(const std::vector<Coord>& corners) {
    double area = 0;
    for (std::size_t t = 0; t + 2 < corners.size(); t += 3)
        area += std::abs(triangleArea(corners[t], corners[t + 1], corners[t + 2]));
    return area;
}

// Even-odd point in polygon over all rings (a point on an edge may go either way).
bool inside(const Polygon& polygon, const Coord& p) {
    bool in = false;
    for (const Path& ring : polygon.rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Coord& a = ring[i];
            const Coord& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
        }
    }
    return in;
}

bool inside(const Geometry& geometry, const Coord& p) {
    return std::any_of(geometry.polygons.begin(), geometry.polygons.end(),
                       [&](const Polygon& polygon) { return inside(polygon, p); });
}

// The invariants every tessellation must keep: three corners a triangle, the polygon's planar area
// (GEOS) to 1e-9 relative, and every triangle of visible size inside the polygon.
void expectExactCover(const Geometry& geometry, const std::vector<Coord>& corners) {
    geo::GeosContext context;
    const double expected = geo::planarArea(context, geometry);
    ASSERT_EQ(corners.size() % 3, 0u);
    EXPECT_NEAR(coveredArea(corners), expected, 1e-9 * expected);
    std::size_t outside = 0;
    for (std::size_t t = 0; t + 2 < corners.size(); t += 3) {
        const Coord centroid{(corners[t].x + corners[t + 1].x + corners[t + 2].x) / 3,
                             (corners[t].y + corners[t + 1].y + corners[t + 2].y) / 3};
        // A zero-area triangle's centroid lies on an edge, where the even-odd test may say either.
        if (std::abs(triangleArea(corners[t], corners[t + 1], corners[t + 2])) <= 1e-12 * expected) continue;
        if (!inside(geometry, centroid)) ++outside;
    }
    EXPECT_EQ(outside, 0u) << "triangles with their centroid outside the polygon";
}

Geometry polygons(std::vector<Polygon> parts) {
    Geometry geometry;
    geometry.polygons = std::move(parts);
    return geometry;
}

TEST(Triangulate, PolygonWithHoles) {
    const Geometry shape = polygons({{{square(0, 0, 10), square(1, 1, 2), square(5, 5, 3)}}});
    const auto corners = triangulate(shape);
    EXPECT_NEAR(coveredArea(corners), 100 - 4 - 9, 1e-12);
    expectExactCover(shape, corners);
}

TEST(Triangulate, MultipolygonWithAnIslandInAHole) {
    // A ring with a lake, an island in the lake, and a separate square: holes and islands of a front.
    const Geometry shape =
        polygons({{{square(0, 0, 10), square(2, 2, 6)}}, {{square(4, 4, 2)}}, {{square(20, 0, 5)}}});
    const auto corners = triangulate(shape);
    EXPECT_NEAR(coveredArea(corners), 100 - 36 + 4 + 25, 1e-12);
    expectExactCover(shape, corners);
}

TEST(Triangulate, TenThousandVertexStar) {
    std::mt19937 random(7);
    const Geometry shape = polygons({{{noisyStar(random, 250000, -80000, 60000, 10000)}}});
    const auto corners = triangulate(shape);
    EXPECT_EQ(corners.size(), 3u * (10000 - 2));
    expectExactCover(shape, corners);
}

TEST(Triangulate, StarWithStarHolesInProjectedMetres) {
    std::mt19937 random(11);
    Polygon polygon{{noisyStar(random, 0, 0, 90000, 3000)}};
    polygon.rings.push_back(noisyStar(random, -20000, 0, 9000, 400));
    polygon.rings.push_back(noisyStar(random, 20000, 5000, 9000, 400));
    const Geometry shape = polygons({polygon});
    expectExactCover(shape, triangulate(shape));
}

TEST(Triangulate, RepeatedAndCollinearPoints) {
    // Every corner twice, points along the edges, and a duplicated closing point.
    const Path ring{{0, 0}, {0, 0}, {2, 0}, {4, 0}, {4, 0}, {4, 1}, {4, 2}, {4, 3},
                    {2, 3}, {2, 3}, {0, 3}, {0, 2}, {0, 1}, {0, 0}, {0, 0}};
    const Geometry shape = polygons({{{ring}}});
    const auto corners = triangulate(shape);
    EXPECT_NEAR(coveredArea(corners), 12, 1e-12);
    expectExactCover(shape, corners);
}

TEST(Triangulate, Sliver) {
    // 100 km long, a millimetre wide, with points along both long sides.
    Path ring;
    for (int i = 0; i <= 100; ++i) ring.push_back({i * 1000.0, 0});
    for (int i = 100; i >= 0; --i) ring.push_back({i * 1000.0 + 0.5, 0.001});
    const Geometry shape = polygons({{{closed(ring)}}});
    expectExactCover(shape, triangulate(shape));
}

TEST(Triangulate, HoleTouchingTheShell) {
    // The hole shares the shell's corner (valid in OGC terms): GLU merges the two vertices.
    const Geometry shape = polygons({{{square(0, 0, 10), closed({{0, 0}, {3, 1}, {1, 3}})}}});
    const auto corners = triangulate(shape);
    EXPECT_NEAR(coveredArea(corners), 100 - 4, 1e-12);
    expectExactCover(shape, corners);
}

TEST(Triangulate, ClockwiseShellAndCounterClockwiseHole) {
    Path shell = square(0, 0, 10), hole = square(2, 2, 2);
    std::reverse(shell.begin(), shell.end());
    std::reverse(hole.begin(), hole.end());
    const Geometry shape = polygons({{{shell, hole}}});
    const auto corners = triangulate(shape);
    EXPECT_NEAR(coveredArea(corners), 96, 1e-12);
    expectExactCover(shape, corners);
}

TEST(Triangulate, CollapsedRingsGiveNothing) {
    const Geometry shape =
        polygons({{{closed({{0, 0}, {1, 1}, {2, 2}})}}, {{closed({{5, 5}, {5, 5}, {6, 6}})}}, {{}}});
    EXPECT_EQ(coveredArea(triangulate(shape)), 0);
    Geometry lines;
    lines.lines.push_back({{0, 0}, {1, 1}});
    EXPECT_TRUE(triangulate(lines).empty());
}

TEST(Triangulate, SelfCrossingRingIsCutAtTheCrossing) {
    // A bow tie: GLU asks for the crossing point (combine callback); odd winding fills both lobes.
    const Geometry bowTie = polygons({{{closed({{0, 0}, {2, 2}, {2, 0}, {0, 2}})}}});
    EXPECT_NEAR(coveredArea(triangulate(bowTie)), 2, 1e-12);
}

// Constrained Delaunay: across every interior edge the two opposite angles add up to at most π (up to
// rounding), so there are no needless slivers.
TEST(Triangulate, InteriorEdgesAreDelaunay) {
    std::mt19937 random(3);
    const Geometry shape =
        polygons({{{noisyStar(random, 0, 0, 1000, 2000), noisyStar(random, 100, 0, 200, 100)}}});
    const auto corners = triangulate(shape);
    std::map<std::pair<std::pair<double, double>, std::pair<double, double>>, std::vector<Coord>> opposite;
    auto key = [](const Coord& a, const Coord& b) {
        const auto p = std::make_pair(a.x, a.y), q = std::make_pair(b.x, b.y);
        return p < q ? std::make_pair(p, q) : std::make_pair(q, p);
    };
    for (std::size_t t = 0; t + 2 < corners.size(); t += 3) {
        for (std::size_t k = 0; k < 3; ++k)
            opposite[key(corners[t + k], corners[t + (k + 1) % 3])].push_back(corners[t + (k + 2) % 3]);
    }
    std::size_t interior = 0, bad = 0;
    for (const auto& [edge, apexes] : opposite) {
        ASSERT_LE(apexes.size(), 2u);
        if (apexes.size() < 2) continue;
        ++interior;
        const Coord a{edge.first.first, edge.first.second}, b{edge.second.first, edge.second.second};
        auto angle = [&](const Coord& c) {
            return std::abs(std::atan2((a.x - c.x) * (b.y - c.y) - (a.y - c.y) * (b.x - c.x),
                                       (a.x - c.x) * (b.x - c.x) + (a.y - c.y) * (b.y - c.y)));
        };
        if (angle(apexes[0]) + angle(apexes[1]) > kPi + 1e-9) ++bad;
    }
    EXPECT_GT(interior, 2000u);
    EXPECT_EQ(bad, 0u);
}

TEST(Triangulate, RejectsNonFiniteCoordinate) {
    const Geometry shape =
        polygons({{{square(0, 0, 1)}},
                  {{closed({{0, 0}, {1, 0}, {std::numeric_limits<double>::quiet_NaN(), 1}, {0, 1}})}}});
    try {
        triangulate(shape);
        FAIL() << "no exception";
    } catch (const GeometryError& error) {
        EXPECT_STREQ(error.what(),
                     "triangulate: polygon 2 of 2 (1 ring, 5 vertices): a coordinate is not finite");
    }
}

TEST(Triangulate, ReportsGluErrorWithThePolygon) {
    // GLU refuses coordinates beyond 1e150 (GLU_TESS_MAX_COORD).
    const Geometry shape = polygons({{{closed({{0, 0}, {1e200, 0}, {0, 1}})}}});
    try {
        triangulate(shape);
        FAIL() << "no exception";
    } catch (const GeometryError& error) {
        EXPECT_STREQ(error.what(),
                     "triangulate: polygon 1 of 1 (1 ring, 4 vertices): a coordinate is too large");
    }
}

}  // namespace
}  // namespace frontline::render
