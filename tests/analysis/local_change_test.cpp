#include "analysis/local_change.hpp"

#include <gtest/gtest.h>

#include <random>

#include "analysis/front_series.hpp"
#include "geo/densify.hpp"
#include "geo/geodesic.hpp"
#include "geo/random_star.hpp"
#include "geo/zone_area.hpp"

namespace frontline::analysis {
namespace {

using testing::FrontSeries;

// The local overlay against the full one: the same pieces on the same sides, the same areas, and the
// closure holding on the tables' areas.
void expectSameAsFullOverlay(const Geometry& from, const Geometry& to) {
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable fromEdges(from), toEdges(to, &fromEdges);
    const std::optional<GainedLostPieces> local = localChangePieces(geos, from, to, fromEdges, toEdges);
    ASSERT_TRUE(local) << "the local overlay fell back";
    const GainedLostPieces full = geodesicChangePieces(geos, from, to, fromEdges, toEdges);
    EXPECT_NEAR(local->gainedKm2, full.gainedKm2, 1e-9);
    EXPECT_NEAR(local->lostKm2, full.lostKm2, 1e-9);
    EXPECT_EQ(local->gainedLonLat.polygons.size(), full.gainedLonLat.polygons.size());
    EXPECT_EQ(local->lostLonLat.polygons.size(), full.lostLonLat.polygons.size());
    // The pieces handed back are the pieces themselves: measured again by geod_polygonarea.
    EXPECT_NEAR(geo::geodesicAreaKm2(local->gainedLonLat), local->gainedKm2, 1e-6);
    EXPECT_NEAR(geo::geodesicAreaKm2(local->lostLonLat), local->lostKm2, 1e-6);
    const double closure =
        std::fabs(toEdges.areaKm2() - fromEdges.areaKm2() - (local->gainedKm2 - local->lostKm2));
    EXPECT_LE(closure, closureToleranceKm2(fromEdges.areaKm2(), toEdges.areaKm2()));
}

Geometry box(double west, double south, double east, double north) {
    Geometry geometry;
    geometry.polygons.push_back(
        {{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}}});
    geo::densify(geometry, Edges::Geodesic);
    return geometry;
}

// A cell between two meridians (in hundredths of a degree), 40–41° N, its parallels split every 0.01°
// (the vertices of two such cells are the same numbers, so they share the edges of their overlap).
Geometry cellBetween(int hundredthsWest, int hundredthsEast) {
    Path ring;
    for (int i = hundredthsWest; i <= hundredthsEast; ++i) ring.push_back({i / 100.0, 40});
    for (int i = hundredthsEast; i >= hundredthsWest; --i) ring.push_back({i / 100.0, 41});
    ring.push_back(ring.front());
    Geometry geometry;
    geometry.polygons.push_back({{ring}});
    return geometry;
}

// The front moved from 46° E to 46.5° E: the gain is the zone between, in closed form (lon/lat edges
// along the parallels every 0.01° bow poleward by 2 cm, 2e-7 of the gain).
TEST(LocalChangePieces, GainAgainstTheZoneFormula) {
    const Geometry from = cellBetween(4400, 4600), to = cellBetween(4400, 4650);
    expectSameAsFullOverlay(from, to);
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable fromEdges(from), toEdges(to);
    const auto pieces = localChangePieces(geos, from, to, fromEdges, toEdges);
    ASSERT_TRUE(pieces);
    EXPECT_NEAR(pieces->gainedKm2 / geo::testing::zoneAreaKm2(46, 40, 46.5, 41), 1.0, 1e-6);
    EXPECT_EQ(pieces->lostKm2, 0);
}

TEST(LocalChangePieces, OneStretchAdvancing) {
    FrontSeries series(3000);
    const Geometry from = series.held();
    series.push(1500, 20, 2.5);
    expectSameAsFullOverlay(from, series.held());
}

TEST(LocalChangePieces, OneStretchFallingBack) {
    FrontSeries series(3000);
    const Geometry from = series.held();
    series.push(700, 25, -2.8);
    expectSameAsFullOverlay(from, series.held());
}

TEST(LocalChangePieces, SeveralStretchesBothWays) {
    FrontSeries series(3000);
    const Geometry from = series.held();
    series.push(300, 12, 1.5);
    series.push(1200, 30, -2.0);
    series.push(2600, 10, 3.0);
    const Geometry to = series.held();
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable fromEdges(from), toEdges(to);
    const auto boxes = changedBoxes(fromEdges, toEdges);
    ASSERT_TRUE(boxes);
    EXPECT_EQ(boxes->size(), 3u);  // three stretches far apart: three small overlays
    expectSameAsFullOverlay(from, to);
}

// A stretch pushed one way then, overlapping it, another the other way: the front crosses its old
// line, and the pieces alternate between gained and lost.
TEST(LocalChangePieces, StretchThatCrossesTheOldLine) {
    FrontSeries series(3000);
    const Geometry from = series.held();
    series.push(1000, 30, 2.0);
    series.push(1030, 30, -2.5);
    expectSameAsFullOverlay(from, series.held());
}

class RandomRealLikeDays : public ::testing::TestWithParam<int> {};

TEST_P(RandomRealLikeDays, EqualTheFullOverlay) {
    std::mt19937 random(static_cast<unsigned>(GetParam()));
    FrontSeries series(3000);
    for (int day = 0; day < 3; ++day) {
        const Geometry from = series.held();
        series.randomDay(random);
        expectSameAsFullOverlay(from, series.held());
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomRealLikeDays, ::testing::Range(1, 11));

TEST(LocalChangePieces, SameStateHasNoPieces) {
    const Geometry held = FrontSeries(500).held();
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable edges(held);
    const auto boxes = changedBoxes(edges, edges);
    ASSERT_TRUE(boxes);
    EXPECT_TRUE(boxes->empty());
    const auto pieces = localChangePieces(geos, held, held, edges, edges);
    ASSERT_TRUE(pieces);
    EXPECT_EQ(pieces->gainedKm2, 0);
    EXPECT_EQ(pieces->lostKm2, 0);
}

// A hole lost inside the held area: the lost piece is the hole, measured as geod_polygonarea measures it.
TEST(LocalChangePieces, HoleAppearing) {
    const Geometry from = box(44, 39, 47, 41);
    Geometry to = from;
    Path hole{{45.5, 39.8}, {45.5, 40.2}, {46.1, 40.2}, {46.1, 39.8}, {45.5, 39.8}};  // clockwise
    to.polygons[0].rings.push_back(hole);
    expectSameAsFullOverlay(from, to);
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable fromEdges(from), toEdges(to);
    const auto pieces = localChangePieces(geos, from, to, fromEdges, toEdges);
    ASSERT_TRUE(pieces);
    EXPECT_NEAR(pieces->lostKm2, geo::geodesicRingAreaKm2(hole), 1e-9);
    EXPECT_EQ(pieces->gainedKm2, 0);
    // And the hole retaken.
    expectSameAsFullOverlay(to, from);
}

// A corridor cut through the held area: one polygon becomes two, the corridor (45.4–45.6° E) is lost.
TEST(LocalChangePieces, PartsSplitting) {
    const Geometry from = cellBetween(4400, 4700);
    Geometry to = cellBetween(4400, 4540);
    to.polygons.push_back(cellBetween(4560, 4700).polygons.front());
    expectSameAsFullOverlay(from, to);
    expectSameAsFullOverlay(to, from);  // and the parts joined again
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable fromEdges(from), toEdges(to);
    const auto pieces = localChangePieces(geos, from, to, fromEdges, toEdges);
    ASSERT_TRUE(pieces);
    EXPECT_NEAR(pieces->lostKm2 / geo::testing::zoneAreaKm2(45.4, 40, 45.6, 41), 1.0, 1e-6);
}

// Two stars crossing each other hundreds of times share no edge: one overlay of the whole is cheaper,
// and the local path says so by giving nothing.
TEST(LocalChangePieces, FallsBackWhereMostEdgesChange) {
    std::mt19937 random(7);
    const Geometry from = geo::testing::randomStar(random, {46.5, 39.8}, 0.8, 300);
    const Geometry to = geo::testing::randomStar(random, {46.6, 39.85}, 0.8, 300);
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable fromEdges(from), toEdges(to);
    EXPECT_FALSE(localChangePieces(geos, from, to, fromEdges, toEdges));
}

// A ring spanning more than 180° of longitude is measured by geod_polygonarea itself, so its table
// does not hold its outline and nothing can be shown locally.
TEST(LocalChangePieces, FallsBackWhereATableLacksTheOutline) {
    Geometry wide;
    wide.polygons.push_back({{{{-100, 10}, {100, 10}, {100, 20}, {-100, 20}, {-100, 10}}}});
    geo::GeosContext geos;
    const geo::GeodesicEdgeTable edges(wide);
    EXPECT_FALSE(edges.complete());
    EXPECT_FALSE(changedBoxes(edges, edges));
    EXPECT_FALSE(localChangePieces(geos, wide, wide, edges, edges));
}

}  // namespace
}  // namespace frontline::analysis
