// simplifyLines: Douglas–Peucker for strokes. Every kept line stays within the tolerance of the line it
// came from (checked against each input vertex, independently of GEOS), what is straight becomes its two
// ends, and rings stay rings.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "geo/geos.hpp"

namespace frontline::geo {
namespace {

// Distance from `p` to the segment a–b.
double toSegment(Coord p, Coord a, Coord b) {
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    const double t = length2 == 0 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

double farthestFrom(const Path& original, const Path& kept) {
    double worst = 0;
    for (const Coord& p : original) {
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i + 1 < kept.size(); ++i)
            nearest = std::min(nearest, toSegment(p, kept[i], kept[i + 1]));
        worst = std::max(worst, nearest);
    }
    return worst;
}

TEST(SimplifyLines, AStraightLineKeepsItsEnds) {
    GeosContext context;
    Geometry lines;
    Path straight;
    for (int i = 0; i <= 100; ++i) straight.push_back({i * 0.5, 3 + i * 0.25});  // collinear, densified
    lines.lines.push_back(straight);
    const Geometry kept = simplifyLines(context, lines, 0.25);
    ASSERT_EQ(kept.lines.size(), 1u);
    ASSERT_EQ(kept.lines[0].size(), 2u);
    EXPECT_EQ(kept.lines[0].front(), straight.front());
    EXPECT_EQ(kept.lines[0].back(), straight.back());
}

TEST(SimplifyLines, StaysWithinTheToleranceAndKeepsWhatIsLarger) {
    GeosContext context;
    // A sine of amplitude 3 over 1,000 vertices: vertices only where the curve bends by more than the
    // tolerance, none of the input farther than it from what is kept.
    Path wave;
    for (int i = 0; i <= 1000; ++i) wave.push_back({i * 0.1, 3 * std::sin(i * 0.1 / 5)});
    Geometry lines;
    lines.lines.push_back(wave);
    for (double tolerance : {0.05, 0.25, 1.0}) {
        const Geometry kept = simplifyLines(context, lines, tolerance);
        ASSERT_EQ(kept.lines.size(), 1u);
        const Path& path = kept.lines[0];
        EXPECT_LT(path.size(), wave.size() / 4) << tolerance;
        EXPECT_GT(path.size(), 4u) << tolerance;  // the wave's 3 crests stay
        EXPECT_LE(farthestFrom(wave, path), tolerance * (1 + 1e-9)) << tolerance;
    }
}

TEST(SimplifyLines, RingsStayClosedAndTinyOnesAreKept) {
    GeosContext context;
    Path circle, tiny;
    for (int i = 0; i < 400; ++i) {
        const double angle = 2 * std::numbers::pi * i / 400;
        circle.push_back({10 + 50 * std::cos(angle), 20 + 50 * std::sin(angle)});
        tiny.push_back({0.05 * std::cos(angle), 0.05 * std::sin(angle)});
    }
    circle.push_back(circle.front());
    tiny.push_back(tiny.front());
    Geometry lines;
    lines.lines = {circle, tiny, {{0, 0}, {1, 1}}};
    const Geometry kept = simplifyLines(context, lines, 0.25);
    ASSERT_EQ(kept.lines.size(), 3u);  // one out per line in, in order
    EXPECT_EQ(kept.lines[0].front(), kept.lines[0].back());
    EXPECT_GE(kept.lines[0].size(), 4u);
    EXPECT_LT(kept.lines[0].size(), circle.size() / 4);
    EXPECT_LE(farthestFrom(circle, kept.lines[0]), 0.25 * (1 + 1e-9));
    EXPECT_EQ(kept.lines[1], tiny);  // within the tolerance of a point: kept as it was
    EXPECT_EQ(kept.lines[2], lines.lines[2]);
}

TEST(SimplifyLines, ALineWithANonFiniteCoordinateIsKeptAsItIs) {
    GeosContext context;
    Geometry lines;
    lines.lines.push_back({{0, 0}, {1, 0}, {2, std::numeric_limits<double>::infinity()}, {3, 0}, {4, 0}});
    const Geometry kept = simplifyLines(context, lines, 0.25);
    ASSERT_EQ(kept.lines.size(), 1u);
    EXPECT_EQ(kept.lines[0].size(), 5u);
}

}  // namespace
}  // namespace frontline::geo
