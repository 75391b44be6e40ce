// Piece areas from edge tables against PROJ's geod_polygonarea on the same pieces, and table areas
// against the closed-form area of an ellipsoidal zone (zone_area.hpp, independent of PROJ).

#include "geo/geodesic_edges.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/geodesic.hpp"
#include "geo/geos.hpp"
#include "zone_area.hpp"

namespace frontline::geo {
namespace {

using testing::zoneAreaKm2;
constexpr double kPi = std::numbers::pi;

// A lon/lat cell, counter-clockwise, parallels densified so that geodesic chords follow them.
Geometry cell(double west, double south, double east, double north) {
    Path ring;
    const int steps = 2000;
    for (int i = 0; i <= steps; ++i) ring.push_back({west + (east - west) * i / steps, south});
    for (int i = 0; i <= steps; ++i) ring.push_back({east - (east - west) * i / steps, north});
    ring.push_back(ring.front());
    Geometry g;
    g.polygons.push_back(Polygon{{ring}});
    return g;
}

// A wobbly disc (radius in degrees, deterministic bumps) with a round hole: what a front looks like.
Geometry wobblyDisc(Coord centre, double radius, double phase, int vertices) {
    Path shell, hole;
    for (int i = 0; i < vertices; ++i) {
        const double t = 2 * kPi * i / vertices;
        const double r = radius * (1 + 0.08 * std::sin(7 * t + phase) + 0.03 * std::sin(31 * t + 2 * phase));
        shell.push_back({centre.x + r * std::cos(t), centre.y + r * std::sin(t)});
    }
    for (int i = 0; i < 64; ++i) {
        const double t = -2 * kPi * i / 64;
        hole.push_back({centre.x + 0.2 * radius * std::cos(t), centre.y + 0.2 * radius * std::sin(t)});
    }
    shell.push_back(shell.front());
    hole.push_back(hole.front());
    Geometry g;
    g.polygons.push_back(Polygon{{shell, hole}});
    return g;
}

TEST(GeodesicEdgeTable, AreaOfACellMatchesTheZoneFormula) {
    const GeodesicEdgeTable table(cell(44, 39, 45, 40));
    EXPECT_NEAR(table.areaKm2() / zoneAreaKm2(44, 39, 45, 40), 1.0, 1e-9);
    EXPECT_EQ(table.edgeCount(), 4002u);
}

TEST(GeodesicEdgeTable, AreaEqualsGeodPolygonArea) {
    const Geometry shape = wobblyDisc({46.5, 39.8}, 0.6, 0.3, 5000);
    const GeodesicEdgeTable table(shape);
    EXPECT_NEAR(table.areaKm2() / geodesicAreaKm2(shape), 1.0, 1e-12);
    EXPECT_NEAR(geodesicAreaKm2(shape, {}) / geodesicAreaKm2(shape), 1.0, 1e-12);
}

// The next day's table takes the edges the two share from the day before's: the same bits as solving
// every edge, so a series does not depend on which tables were built first.
TEST(GeodesicEdgeTable, EdgesTakenFromThePreviousTableGiveTheSameArea) {
    const Geometry before = wobblyDisc({46.5, 39.8}, 0.6, 0.3, 5000);
    Geometry after = before;
    Path& ring = after.polygons[0].rings[0];
    for (std::size_t i = 100; i < 140; ++i) ring[i].x += 0.01;  // one stretch moved east
    const GeodesicEdgeTable previous(before);
    const GeodesicEdgeTable solved(after), reused(after, &previous);
    EXPECT_EQ(reused.areaKm2(), solved.areaKm2());
    EXPECT_EQ(solved.reusedCount(), 0u);
    EXPECT_EQ(reused.reusedCount(), reused.edgeCount() - 41);  // the 40 moved vertices' 41 edges solved
    // Reversed, the ring's edges run the other way: solved again rather than negated.
    Geometry reversed = after;
    for (auto& r : reversed.polygons[0].rings) std::reverse(r.begin(), r.end());
    const GeodesicEdgeTable backwards(reversed, &previous);
    EXPECT_EQ(backwards.reusedCount(), 0u);
    EXPECT_EQ(backwards.areaKm2(), GeodesicEdgeTable(reversed).areaKm2());
}

TEST(GeodesicEdgeTable, EdgesNotSharedAreTheMovedStretchOnBothSides) {
    const Geometry before = cell(44, 39, 45, 40);
    Geometry after = before;
    after.polygons[0].rings[0][1000].y = 38.9;  // one vertex of the southern parallel moved south
    const GeodesicEdgeTable a(before), b(after);
    EXPECT_TRUE(a.complete());
    EXPECT_EQ(a.edgesNotSharedWith(b).size(), 2u);
    EXPECT_EQ(b.edgesNotSharedWith(a).size(), 2u);
    EXPECT_TRUE(a.edgesNotSharedWith(a).empty());
    // The same outline with the held area on the other side of it shares no edge.
    Geometry hole;
    hole.polygons.push_back({{cell(43, 38, 46, 41).polygons[0].rings[0], before.polygons[0].rings[0]}});
    std::reverse(hole.polygons[0].rings[1].begin(), hole.polygons[0].rings[1].end());
    const GeodesicEdgeTable around(hole);
    EXPECT_EQ(around.edgesNotSharedWith(a).size(), around.edgeCount());
}

TEST(GeodesicEdgeTable, FindsEdgesInBothDirections) {
    const Geometry shape = wobblyDisc({46.5, 39.8}, 0.6, 0.3, 100);
    const GeodesicEdgeTable table(shape);
    const Path& ring = shape.polygons[0].rings[0];
    const auto forward = table.find(ring[3], ring[4]);
    const auto backward = table.find(ring[4], ring[3]);
    ASSERT_TRUE(forward && backward);
    EXPECT_EQ(forward->s12, -backward->s12);
    EXPECT_NE(forward->s12, 0.0);
    // The shell runs counter-clockwise: the disc is left of its edges as drawn, right of them reversed.
    EXPECT_TRUE(forward->interiorLeft);
    EXPECT_FALSE(backward->interiorLeft);
    // The hole runs clockwise: the disc is left of its edges too.
    const Path& hole = shape.polygons[0].rings[1];
    ASSERT_TRUE(table.find(hole[0], hole[1]));
    EXPECT_TRUE(table.find(hole[0], hole[1])->interiorLeft);
    EXPECT_FALSE(table.find(ring[3], ring[5]));
}

TEST(GeodesicEdgeTable, PiecesOfAnOverlayAreMeasuredByLookUp) {
    GeosContext geos;
    const Geometry before = wobblyDisc({46.5, 39.8}, 0.6, 0.3, 5000);
    const Geometry after = wobblyDisc({46.52, 39.79}, 0.6, 1.1, 5000);
    const GeodesicEdgeTable tableBefore(before), tableAfter(after);
    const Geometry gained = subtract(geos, after, before);
    const Geometry lost = subtract(geos, before, after);
    ASSERT_FALSE(gained.polygons.empty());
    ASSERT_FALSE(lost.polygons.empty());
    for (const Geometry* piece : {&gained, &lost}) {
        EdgeLookupCount count;
        const double area = geodesicAreaKm2(*piece, {&tableBefore, &tableAfter}, &count);
        EXPECT_NEAR(area / geodesicAreaKm2(*piece), 1.0, 1e-10);
        // Only edges cut at the crossings of the two outlines are solved again.
        EXPECT_GT(count.found, 20 * count.solved);
        EXPECT_GT(count.solved, 0u);
    }
    const double closure = tableAfter.areaKm2() - tableBefore.areaKm2() -
                           (geodesicAreaKm2(gained, {&tableBefore, &tableAfter}) -
                            geodesicAreaKm2(lost, {&tableBefore, &tableAfter}));
    EXPECT_LT(std::fabs(closure), 1e-8 * tableAfter.areaKm2());
}

TEST(GeodesicEdgeTable, RingAcrossTheAntimeridianIsLeftToTheLibrary) {
    Geometry shape = cell(179, 10, 181, 11);
    for (auto& point : shape.polygons[0].rings[0]) {
        if (point.x > 180) point.x -= 360;
    }
    const GeodesicEdgeTable table(shape);
    EXPECT_NEAR(table.areaKm2() / zoneAreaKm2(179, 10, 181, 11), 1.0, 1e-9);
    EXPECT_NEAR(geodesicAreaKm2(shape, {&table}) / zoneAreaKm2(179, 10, 181, 11), 1.0, 1e-9);
}

TEST(GeodesicEdgeTable, RingAroundThePoleIsLeftToTheLibrary) {
    // The cap north of 80°N: one ring along the parallel, winding once around the pole.
    Path ring;
    for (int i = 0; i < 3600; ++i) ring.push_back({-180 + i * 0.1, 80});
    ring.push_back(ring.front());
    Geometry cap;
    cap.polygons.push_back(Polygon{{ring}});
    const double expected = zoneAreaKm2(-180, 80, 180, 90);
    EXPECT_NEAR(GeodesicEdgeTable(cap).areaKm2() / expected, 1.0, 1e-6);
    EXPECT_NEAR(geodesicAreaKm2(cap, {}) / expected, 1.0, 1e-6);
}

}  // namespace
}  // namespace frontline::geo

namespace frontline::geo {
namespace {

Geometry lonLatBox(double west, double south, double east, double north) {
    Geometry g;
    g.polygons.push_back(
        Polygon{{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}}});
    return g;
}

TEST(SplitSymmetricDifference, MatchesTwoDifferences) {
    GeosContext geos;
    const Geometry before = wobblyDisc({46.5, 39.8}, 0.6, 0.3, 5000);
    const Geometry after = wobblyDisc({46.52, 39.79}, 0.6, 1.1, 5000);
    const GeodesicEdgeTable tableBefore(before), tableAfter(after);
    const auto split =
        splitSymmetricDifference(symmetricDifference(geos, before, after), tableBefore, tableAfter);
    ASSERT_TRUE(split);
    EXPECT_NEAR(split->gainedKm2 / geodesicAreaKm2(subtract(geos, after, before)), 1.0, 1e-10);
    EXPECT_NEAR(split->lostKm2 / geodesicAreaKm2(subtract(geos, before, after)), 1.0, 1e-10);
    // And the other way round, gained and lost swap.
    const auto back =
        splitSymmetricDifference(symmetricDifference(geos, after, before), tableAfter, tableBefore);
    ASSERT_TRUE(back);
    EXPECT_NEAR(back->gainedKm2 / split->lostKm2, 1.0, 1e-12);
    EXPECT_NEAR(back->lostKm2 / split->gainedKm2, 1.0, 1e-12);
}

TEST(SplitSymmetricDifference, ShrinkingIsAllLostGrowingAllGained) {
    GeosContext geos;
    const Geometry big = lonLatBox(45, 39, 47, 41), small = lonLatBox(45.5, 39.5, 46, 40);
    const GeodesicEdgeTable tableBig(big), tableSmall(small);
    const auto shrink = splitSymmetricDifference(symmetricDifference(geos, big, small), tableBig, tableSmall);
    ASSERT_TRUE(shrink);
    EXPECT_EQ(shrink->gainedKm2, 0.0);
    EXPECT_NEAR(shrink->lostKm2, tableBig.areaKm2() - tableSmall.areaKm2(), 1e-9 * tableBig.areaKm2());
    const auto grow = splitSymmetricDifference(symmetricDifference(geos, small, big), tableSmall, tableBig);
    ASSERT_TRUE(grow);
    EXPECT_EQ(grow->lostKm2, 0.0);
    EXPECT_NEAR(grow->gainedKm2, tableBig.areaKm2() - tableSmall.areaKm2(), 1e-9 * tableBig.areaKm2());
    // From nothing, everything is gained.
    const GeodesicEdgeTable none{Geometry{}};
    const auto fromNothing = splitSymmetricDifference(small, none, tableSmall);
    ASSERT_TRUE(fromNothing);
    EXPECT_EQ(fromNothing->gainedKm2, tableSmall.areaKm2());
}

TEST(SplitSymmetricDifference, RefusesPiecesThatMergedAcrossASharedEdge) {
    // The front moved east by exactly one box: the lost and the gained box share an edge, and GEOS
    // returns them as one rectangle, which cannot be split by its edges' sides.
    GeosContext geos;
    const Geometry west = lonLatBox(45, 39, 46, 40), east = lonLatBox(46, 39, 47, 40);
    const GeodesicEdgeTable tableWest(west), tableEast(east);
    const Geometry pieces = symmetricDifference(geos, west, east);
    ASSERT_EQ(pieces.polygons.size(), 1u);
    EXPECT_FALSE(splitSymmetricDifference(pieces, tableWest, tableEast));
}

}  // namespace
}  // namespace frontline::geo
