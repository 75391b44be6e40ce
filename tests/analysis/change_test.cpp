#include "analysis/change.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "geo/geodesic.hpp"

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
    EXPECT_NEAR(change.netKm2(), change.to.valueKm2 - change.from.valueKm2, 1e-6);
    EXPECT_NEAR(change.gained.valueKm2, geo::geodesicAreaKm2(box(47.0, 39.5, 47.5, 40.5)), 1e-6);
    EXPECT_NEAR(change.lost.valueKm2, geo::geodesicAreaKm2(box(46.0, 39.5, 46.5, 40.5)), 1e-6);
    EXPECT_LT(change.closureKm2, 1e-6);
    EXPECT_TRUE(closureHolds(change));
}

TEST_F(ChangeTest, UncertaintyWidensAreaByAboutPerimeterTimesDistance) {
    const Geometry shape = box(46.0, 39.5, 47.0, 40.5);
    const double uM = 1000;
    const AreaInterval interval = m_measurer.areaInterval(shape, uM);
    const double perimeterKm = geo::geodesicLengthKm(shape);
    // Grown: A + P·u + π·u² (rounded corners); shrunk: A − P·u + 4·u² (square corners). LAEA keeps areas,
    // not lengths: 0.5 % slack covers its scale error this far from the centre.
    const double u = uM / 1000;
    EXPECT_NEAR(interval.maxKm2 - interval.valueKm2, perimeterKm * u + M_PI * u * u, 0.005 * perimeterKm * u);
    EXPECT_NEAR(interval.valueKm2 - interval.minKm2, perimeterKm * u - 4 * u * u, 0.005 * perimeterKm * u);
}

TEST_F(ChangeTest, IntervalsPropagateTheWorstCase) {
    const Geometry from = box(46.0, 39.5, 47.0, 40.5);
    const Geometry to = box(46.5, 39.5, 47.5, 40.5);
    const Change exact = computeChange(m_measurer, from, to);
    const Change fuzzy = computeChange(m_measurer, from, to, 2000, 1000);
    EXPECT_DOUBLE_EQ(fuzzy.gained.valueKm2, exact.gained.valueKm2);
    EXPECT_LT(fuzzy.gained.minKm2, exact.gained.valueKm2);
    EXPECT_GT(fuzzy.gained.maxKm2, exact.gained.valueKm2);
    EXPECT_LT(fuzzy.lost.minKm2, exact.lost.valueKm2);
    EXPECT_GT(fuzzy.lost.maxKm2, exact.lost.valueKm2);
    // Net spans [min(to) − max(from), max(to) − min(from)].
    EXPECT_NEAR(fuzzy.net.minKm2, fuzzy.to.minKm2 - fuzzy.from.maxKm2, 1e-9);
    EXPECT_NEAR(fuzzy.net.maxKm2, fuzzy.to.maxKm2 - fuzzy.from.minKm2, 1e-9);
    // The moving front is 111 km long (1° of latitude); shifting it by ±3 km at most changes
    // the gained area by about 111 × 3 km² plus the strips along the fixed edges.
    EXPECT_GT(fuzzy.gained.maxKm2 - exact.gained.valueKm2, 111 * 2.5);
}

TEST_F(ChangeTest, EverythingLostWhenNothingRemains) {
    const Geometry from = box(46.0, 39.5, 47.0, 40.5);
    const Change change = computeChange(m_measurer, from, Geometry{});
    EXPECT_NEAR(change.lost.valueKm2, geo::geodesicAreaKm2(from), 1e-9);
    EXPECT_EQ(change.gained.valueKm2, 0);
    EXPECT_EQ(change.to.valueKm2, 0);
}

}  // namespace
}  // namespace frontline::analysis
