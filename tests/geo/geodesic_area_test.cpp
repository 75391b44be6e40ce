// Geodesic areas against the closed-form area of an ellipsoidal zone, computed here independently of
// PROJ: A = Δλ · b²/2 · [q(φ2) − q(φ1)], q(φ) = sinφ/(1 − e² sin²φ) + artanh(e sinφ)/e.
//
// A lon/lat "cell" has parallels for its north and south edges; parallels are not geodesics, so the
// test polygons densify them (2,000 vertices per edge). The area between a parallel and its geodesic
// chords then shrinks below 2e-10 of the cell even at 60°N.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/equal_area.hpp"
#include "geo/geodesic.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "zone_area.hpp"

namespace frontline::geo {
namespace {

constexpr double kA = testing::kWgs84A;
constexpr double kF = testing::kWgs84F;
constexpr double kPi = std::numbers::pi;
using testing::zoneAreaKm2;

Path edge(Coord from, Coord to, int count) {
    Path points;
    for (int i = 0; i < count; ++i) {
        const double t = static_cast<double>(i) / count;
        points.push_back({from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t});
    }
    return points;
}

// A closed ring around the cell; parallels densified, meridians (geodesics already) with few points.
Path cellRing(double west, double south, double east, double north, bool counterClockwise = true) {
    constexpr int kParallelPoints = 2000;
    Path ring;
    for (const Path& part :
         {edge({west, south}, {east, south}, kParallelPoints), edge({east, south}, {east, north}, 4),
          edge({east, north}, {west, north}, kParallelPoints), edge({west, north}, {west, south}, 4)}) {
        ring.insert(ring.end(), part.begin(), part.end());
    }
    if (!counterClockwise) std::reverse(ring.begin(), ring.end());
    ring.push_back(ring.front());
    return ring;
}

Geometry cell(double west, double south, double east, double north) {
    Geometry geometry;
    geometry.polygons.push_back({{cellRing(west, south, east, north)}});
    return geometry;
}

TEST(ZoneFormula, MatchesTheWholeEllipsoid) {
    // Sanity of the reference itself: 4π·a²·… for WGS84 is 510,065,621.724 km².
    EXPECT_NEAR(zoneAreaKm2(-180, -90, 180, 90), 510065621.724, 0.01);
}

TEST(GeodesicArea, SquareDegreeAtEquator) {
    const double expected = zoneAreaKm2(0, 0, 1, 1);
    EXPECT_NEAR(geodesicAreaKm2(cell(0, 0, 1, 1)), expected, expected * 1e-9);
}

TEST(GeodesicArea, SquareDegreeAt60North) {
    const double expected = zoneAreaKm2(30, 60, 31, 61);
    EXPECT_NEAR(geodesicAreaKm2(cell(30, 60, 31, 61)), expected, expected * 1e-9);
}

TEST(GeodesicArea, IgnoresRingOrientation) {
    Geometry clockwise;
    clockwise.polygons.push_back({{cellRing(10, 20, 11, 21, false)}});
    EXPECT_NEAR(geodesicAreaKm2(clockwise), geodesicAreaKm2(cell(10, 20, 11, 21)), 1e-9);
}

TEST(GeodesicArea, PolygonWithHoleSubtractsTheHole) {
    Geometry withHole;
    withHole.polygons.push_back({{cellRing(44, 39, 46, 41), cellRing(44.5, 39.5, 45.5, 40.5, false)}});
    const double expected = zoneAreaKm2(44, 39, 46, 41) - zoneAreaKm2(44.5, 39.5, 45.5, 40.5);
    EXPECT_NEAR(geodesicAreaKm2(withHole), expected, expected * 1e-9);
}

TEST(GeodesicArea, MultiPolygonSumsItsParts) {
    Geometry two = cell(44, 39, 45, 40);
    two.polygons.push_back(cell(46, 41, 47, 42.5).polygons.front());
    const double expected = zoneAreaKm2(44, 39, 45, 40) + zoneAreaKm2(46, 41, 47, 42.5);
    EXPECT_NEAR(geodesicAreaKm2(two), expected, expected * 1e-9);
}

TEST(GeodesicArea, UndensifiedCellDiffersBecauseEdgesAreGeodesics) {
    // Four corners only: both east-west edges are geodesics bulging poleward (the southern one more),
    // so the area differs from the zone's by far more than the 1e-9 the densified cell meets.
    Geometry corners;
    corners.polygons.push_back({{{{30, 60}, {31, 60}, {31, 61}, {30, 61}, {30, 60}}}});
    const double zone = zoneAreaKm2(30, 60, 31, 61);
    EXPECT_GT(std::fabs(geodesicAreaKm2(corners) - zone), 1e-5 * zone);
}

TEST(GeodesicLength, OneDegreeOfTheEquator) {
    // a · π/180 exactly: the equator is a geodesic.
    EXPECT_NEAR(geodesicLengthKm(Path{{0, 0}, {1, 0}}), kA * kPi / 180 / 1000, 1e-9);
}

TEST(GeodesicLength, OneDegreeOfMeridianAt45North) {
    // Meridian arc 44.5°..45.5°N by the series for M(φ) (Helmert), good to far below a millimetre.
    auto meridianArc = [](double latDeg) {
        const double n = kF / (2 - kF);
        const double phi = latDeg * kPi / 180;
        const double a0 = 1 + n * n / 4 + n * n * n * n / 64;
        return kA / (1 + n) *
               (a0 * phi - 1.5 * n * (1 - n * n / 8) * std::sin(2 * phi) +
                15.0 / 16 * n * n * std::sin(4 * phi) - 35.0 / 48 * n * n * n * std::sin(6 * phi));
    };
    const double expectedKm = (meridianArc(45.5) - meridianArc(44.5)) / 1000;
    EXPECT_NEAR(geodesicLengthKm(Path{{10, 44.5}, {10, 45.5}}), expectedKm, 1e-6);
}

TEST(PlanarArea, EqualAreaProjectionAgreesWithZoneFormula) {
    GeosContext geos;
    ProjContext proj;
    for (auto [west, south] : {std::pair{0.0, 0.0}, std::pair{30.0, 60.0}, std::pair{46.0, 39.5}}) {
        const EqualAreaFrame frame(proj, Coord{west + 0.5, south + 0.5});
        const double expected = zoneAreaKm2(west, south, west + 1, south + 1);
        EXPECT_NEAR(frame.planarAreaKm2(geos, cell(west, south, west + 1, south + 1)), expected,
                    expected * 5e-4)
            << "cell at " << west << ", " << south;
    }
}

}  // namespace
}  // namespace frontline::geo
