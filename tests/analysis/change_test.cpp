#include "analysis/change.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "../geo/random_star.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_edges.hpp"

namespace frontline::analysis {
namespace {

Geometry box(double west, double south, double east, double north) {
    // Densified so that buffering and projection see the shape, not four far-apart corners.
    Path ring;
    const int n = 200;
    auto add = [&](Coord a, Coord b) {
        for (int i = 0; i < n; ++i) ring.push_back({a.x + (b.x - a.x) * i / n, a.y + (b.y - a.y) * i / n});
    };
    add({west, south}, {east, south});
    add({east, south}, {east, north});
    add({east, north}, {west, north});
    add({west, north}, {west, south});
    ring.push_back(ring.front());
    Geometry geometry;
    geometry.polygons.push_back({{ring}});
    return geometry;
}

class ChangeTest : public ::testing::Test {
protected:
    geo::GeosContext m_geos;
    geo::ProjContext m_proj;
    geo::EqualAreaFrame m_frame{m_proj, Coord{46.5, 40.0}};
    Measurer m_measurer{m_geos, m_frame};
};

TEST_F(ChangeTest, NetIsGainedMinusLostAndClosureHolds) {
    const Geometry from = box(46.0, 39.5, 47.0, 40.5);
    const Geometry to = box(46.5, 39.5, 47.5, 40.5);
    const Change change = computeChange(m_measurer, from, to);
    EXPECT_NEAR(change.netKm2(), change.to.value - change.from.value, 1e-6);
    EXPECT_NEAR(change.gained.value, geo::geodesicAreaKm2(box(47.0, 39.5, 47.5, 40.5)), 1e-6);
    EXPECT_NEAR(change.lost.value, geo::geodesicAreaKm2(box(46.0, 39.5, 46.5, 40.5)), 1e-6);
    EXPECT_LT(change.closureKm2, 1e-6);
    EXPECT_TRUE(closureHolds(change));
}

// The held area advances east by 0.2° and has two specks cut out of it (0.001° and 0.002° squares,
// 0.0094 and 0.038 km²). With a minimum of 0.02 km² the small speck is left out of lost and out of the
// lost pieces, counted; the closure is still that of all pieces. Both methods sort the pieces alike.
TEST_F(ChangeTest, MinAreaLeavesSliversOutOfTheChangeAndCountsThem) {
    auto square = [](double west, double south, double side) {
        return Path{{west, south},
                    {west, south + side},
                    {west + side, south + side},
                    {west + side, south},
                    {west, south}};
    };
    Geometry to = box(46.0, 39.5, 47.2, 40.5);
    to.polygons[0].rings.push_back(square(46.3, 40.0, 0.001));
    to.polygons[0].rings.push_back(square(46.6, 40.2, 0.002));
    auto area = [](const Path& ring) {
        Geometry g;
        g.polygons.push_back({{ring}});
        return geo::geodesicAreaKm2(g);
    };
    const double small = area(square(46.3, 40.0, 0.001)), large = area(square(46.6, 40.2, 0.002));
    const double advance = geo::geodesicAreaKm2(box(47.0, 39.5, 47.2, 40.5));
    for (const AreaMethod method : {AreaMethod::Geodesic, AreaMethod::Planar}) {
        SCOPED_TRACE(method == AreaMethod::Geodesic ? "geodesic" : "planar");
        const Measurer measurer{m_geos, m_frame, method};
        const StateEvidence fromEvidence =
            stateEvidence(measurer, box(46.0, 39.5, 47.0, 40.5), {}, {"from", "from", 100}, {});
        const StateEvidence toEvidence = stateEvidence(measurer, to, {}, {"to", "to", 100}, {});
        const Change all = computeChange(measurer, fromEvidence, toEvidence);
        EXPECT_FALSE(all.pieces.has_value());
        EXPECT_NEAR(all.lost.value / (small + large), 1.0, 1e-5);

        const Change change = computeChange(measurer, fromEvidence, toEvidence, {}, 0.02);
        ASSERT_TRUE(change.pieces.has_value());
        EXPECT_EQ(change.pieces->kept, 2u);  // the advance and the larger speck
        EXPECT_EQ(change.pieces->dropped, 1u);
        EXPECT_NEAR(change.pieces->droppedLostKm2 / small, 1.0, 1e-5);
        EXPECT_EQ(change.pieces->droppedGainedKm2, 0.0);
        EXPECT_NEAR(change.gained.value / advance, 1.0, 1e-5);
        EXPECT_NEAR(change.lost.value / large, 1.0, 1e-5);
        EXPECT_NEAR(change.netKm2(), change.gained.value - change.lost.value, 1e-12);
        EXPECT_EQ(change.lostLonLat.polygons.size(), 1u);
        EXPECT_EQ(change.gainedLonLat.polygons.size(), 1u);
        EXPECT_NEAR(change.closureKm2, all.closureKm2, 1e-12);
        EXPECT_TRUE(closureHolds(change));
        // Kept and dropped add up to the change without a minimum.
        EXPECT_NEAR(change.lost.value + change.pieces->droppedLostKm2, all.lost.value, 1e-9);
        EXPECT_LE(change.lost.min, change.lost.value);
        EXPECT_GE(change.lost.max, change.lost.value);
    }
}

// One tolerance for diff, series and the --by sums: 1e-6 of the larger area plus 1e-6 km², whichever
// of the two is larger and whatever their signs.
TEST(ClosureTolerance, IsOneMillionthOfTheLargerAreaPlusOneMillionthKm2) {
    EXPECT_DOUBLE_EQ(closureToleranceKm2(2000, 1000), 2e-3 + 1e-6);
    EXPECT_DOUBLE_EQ(closureToleranceKm2(1000, 2000), 2e-3 + 1e-6);
    EXPECT_DOUBLE_EQ(closureToleranceKm2(0, 0), 1e-6);
    EXPECT_DOUBLE_EQ(closureToleranceKm2(-3000, 10), 3e-3 + 1e-6);
    Change change;
    change.from = Interval::exact(5000);
    change.to = Interval::exact(100);
    change.closureKm2 = 4e-3;  // within 1e-6 of the 5,000 km² it came from, not of the 100 it went to
    EXPECT_TRUE(closureHolds(change));
    change.closureKm2 = 6e-3;
    EXPECT_FALSE(closureHolds(change));
}

TEST_F(ChangeTest, UncertaintyWidensAreaByAboutPerimeterTimesDistance) {
    const Geometry shape = box(46.0, 39.5, 47.0, 40.5);
    const double uM = 1000;
    const Interval interval = m_measurer.areaInterval(shape, uM);
    const double perimeterKm = geo::geodesicLengthKm(shape);
    // Grown: A + P·u + π·u² (rounded corners); shrunk: A − P·u + 4·u² (square corners). LAEA keeps areas,
    // not lengths: 0.5 % slack covers its scale error this far from the centre.
    const double u = uM / 1000;
    EXPECT_NEAR(interval.max - interval.value, perimeterKm * u + M_PI * u * u, 0.005 * perimeterKm * u);
    EXPECT_NEAR(interval.value - interval.min, perimeterKm * u - 4 * u * u, 0.005 * perimeterKm * u);
}

// Geodesic length of a densified straight lon/lat segment, km.
double segmentKm(Coord a, Coord b) {
    Path path;
    for (int i = 0; i <= 400; ++i) path.push_back({a.x + (b.x - a.x) * i / 400, a.y + (b.y - a.y) * i / 400});
    return geo::geodesicLengthKm(path);
}

TEST_F(ChangeTest, IntervalsComeFromTheOutlineOfEachPiece) {
    const Geometry from = box(46.0, 39.5, 47.0, 40.5);
    const Geometry to = box(46.5, 39.5, 47.5, 40.5);
    const Change exact = computeChange(m_measurer, from, to);
    const Change fuzzy = computeChange(m_measurer, from, to, 2000, 1000);
    EXPECT_DOUBLE_EQ(fuzzy.gained.value, exact.gained.value);
    // The gained piece [47, 47.5] × [39.5, 40.5] is bounded by from's east edge (u = 2 km) and by three
    // edges of to (u = 1 km). Shrunk by its band it loses the four strips less their corner overlaps
    // (2·1 + 2·1 + 1·1 + 1·1 km²); grown, it gains them plus the round corners (under 8π km²).
    const double side = segmentKm({47, 39.5}, {47, 40.5});
    const double strips =
        2 * side + 1 * side + segmentKm({47, 40.5}, {47.5, 40.5}) + segmentKm({47, 39.5}, {47.5, 39.5});
    EXPECT_NEAR(exact.gained.value - fuzzy.gained.min, strips - 6, 0.005 * strips);
    EXPECT_GT(fuzzy.gained.max - exact.gained.value, strips);
    EXPECT_LT(fuzzy.gained.max - exact.gained.value, strips + 8 * M_PI);
    EXPECT_LT(fuzzy.lost.min, exact.lost.value);
    EXPECT_GT(fuzzy.lost.max, exact.lost.value);
    // Net from the overlay: [least gained − most lost, most gained − least lost].
    EXPECT_DOUBLE_EQ(fuzzy.net.min, fuzzy.gained.min - fuzzy.lost.max);
    EXPECT_DOUBLE_EQ(fuzzy.net.max, fuzzy.gained.max - fuzzy.lost.min);
    // The likely range lies inside the worst case and around the value.
    for (const Interval* part : {&fuzzy.gained, &fuzzy.lost, &fuzzy.net, &fuzzy.from, &fuzzy.to}) {
        EXPECT_LE(part->min, part->likelyMin);
        EXPECT_LE(part->likelyMin, part->value);
        EXPECT_LE(part->value, part->likelyMax);
        EXPECT_LE(part->likelyMax, part->max);
    }
    EXPECT_LT(fuzzy.gained.likelyMax, fuzzy.gained.max);
}

TEST_F(ChangeTest, AStateAgainstItselfChangesNothingAtAll) {
    const Geometry shape = box(46.0, 39.5, 47.0, 40.5);
    const Change change = computeChange(m_measurer, shape, shape, 4000, 4000);
    for (const Interval* part : {&change.gained, &change.lost, &change.net}) {
        EXPECT_EQ(part->min, 0);
        EXPECT_EQ(part->max, 0);
        EXPECT_EQ(part->likelyMin, 0);
        EXPECT_EQ(part->likelyMax, 0);
    }
    EXPECT_GT(change.from.max, change.from.value);  // the state itself is uncertain
}

TEST_F(ChangeTest, RoundingSliversHaveNoBand) {
    // The same square drawn again with every other vertex moved by 1e-6° (0.1 m): the overlay leaves
    // slivers of a few m² along the whole outline, which must not open a 4 km band around it.
    const Geometry from = box(46.0, 39.5, 47.0, 40.5);
    Geometry to = from;
    auto& ring = to.polygons[0].rings[0];
    for (std::size_t i = 1; i + 1 < ring.size(); i += 2)
        ring[i].y += (ring[i].x > 46.0 && ring[i].x < 47.0) ? 1e-6 : 0;
    const Change change = computeChange(m_measurer, from, to, 4000, 4000);
    EXPECT_GT(change.gained.value + change.lost.value, 0);
    EXPECT_LT(change.gained.value + change.lost.value, 0.02);  // 400 triangles of ~24 m²
    EXPECT_EQ(change.gained.max, change.gained.value);
    EXPECT_EQ(change.lost.max, change.lost.value);
}

TEST_F(ChangeTest, SharedStretchesCancel) {
    // to keeps the west 0.8° of from: its west edge and most of its north and south edges are the same
    // line in both states and bound no piece. Only the 0.2° strip's own outline widens the lost interval.
    const Geometry from = box(46.0, 39.5, 47.0, 40.5);
    const Geometry to = box(46.0, 39.5, 46.8, 40.5);
    const double u = 3;  // km, both states
    const Change change = computeChange(m_measurer, from, to, u * 1000, u * 1000);
    EXPECT_NEAR(change.gained.max, 0, 1e-6);
    const double side = segmentKm({47, 39.5}, {47, 40.5});
    const double strips =
        u * (2 * side + segmentKm({46.8, 40.5}, {47, 40.5}) + segmentKm({46.8, 39.5}, {47, 39.5}));
    EXPECT_GT(change.lost.max - change.lost.value, strips);
    EXPECT_LT(change.lost.max - change.lost.value, strips + 2 * M_PI * u * u);
    // Both whole outlines buffered (the old model) would have added about 2 × 3 km × 440 km more.
    EXPECT_LT(change.lost.max - change.lost.value, 0.5 * (change.from.max - change.from.min));
}

TEST_F(ChangeTest, EverythingLostWhenNothingRemains) {
    const Geometry from = box(46.0, 39.5, 47.0, 40.5);
    const Change change = computeChange(m_measurer, from, Geometry{});
    EXPECT_NEAR(change.lost.value, geo::geodesicAreaKm2(from), 1e-9);
    EXPECT_EQ(change.gained.value, 0);
    EXPECT_EQ(change.to.value, 0);
}

// The one-overlay split (what series, stats and diff use) against two differences, on random stars
// that cross each other hundreds of times: many pieces, slivers among them.
class RandomChangePieces : public ::testing::TestWithParam<int> {};

TEST_P(RandomChangePieces, EqualTwoDifferences) {
    std::mt19937 random(static_cast<unsigned>(GetParam()));
    geo::GeosContext geos;
    const Geometry from = geo::testing::randomStar(random, {46.5, 39.8}, 0.8, 300);
    const Geometry to = geo::testing::randomStar(random, {46.6, 39.85}, 0.8, 300);
    const geo::GeodesicEdgeTable fromEdges(from), toEdges(to);
    // The split itself succeeds here (no two pieces share an edge); slivers are placed by a point test.
    const auto split =
        geo::splitSymmetricDifference(geo::symmetricDifference(geos, from, to), fromEdges, toEdges);
    ASSERT_TRUE(split);
    EXPECT_GT(std::count(split->sides.begin(), split->sides.end(), geo::GainedLost::Side::Unknown), 0);
    const GainedLostPieces pieces = geodesicChangePieces(geos, from, to, fromEdges, toEdges);
    const Geometry gained = geo::subtract(geos, to, from), lost = geo::subtract(geos, from, to);
    const double scale = geo::geodesicAreaKm2(gained) + geo::geodesicAreaKm2(lost);
    EXPECT_NEAR(pieces.gainedKm2, geo::geodesicAreaKm2(gained), 1e-9 * scale);
    EXPECT_NEAR(pieces.lostKm2, geo::geodesicAreaKm2(lost), 1e-9 * scale);
    // The polygons handed back are the pieces themselves, each on its side.
    EXPECT_NEAR(geo::geodesicAreaKm2(pieces.gainedLonLat), pieces.gainedKm2, 1e-9 * scale);
    EXPECT_NEAR(geo::geodesicAreaKm2(pieces.lostLonLat), pieces.lostKm2, 1e-9 * scale);
    EXPECT_EQ(pieces.gainedLonLat.polygons.size(), gained.polygons.size());
    EXPECT_EQ(pieces.lostLonLat.polygons.size(), lost.polygons.size());
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomChangePieces, ::testing::Range(1, 21));

}  // namespace
}  // namespace frontline::analysis
