#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "geo/equal_area.hpp"
#include "geo/proj.hpp"

namespace frontline::geo {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Meridian arc length on WGS84 (Helmert's series), metres; independent of PROJ.
double meridianArcM(double latDeg) {
    constexpr double a = 6378137.0;
    constexpr double f = 1 / 298.257223563;
    const double n = f / (2 - f);
    const double phi = latDeg * kPi / 180;
    return a / (1 + n) *
           ((1 + n * n / 4 + n * n * n * n / 64) * phi - 1.5 * n * (1 - n * n / 8) * std::sin(2 * phi) +
            15.0 / 16 * n * n * std::sin(4 * phi) - 35.0 / 48 * n * n * n * std::sin(6 * phi));
}

TEST(Transformer, UsesLongitudeFirstEvenForEpsg4326) {
    // EPSG:4326 declares latitude first; frontline always hands PROJ lon/lat. A point on UTM 38N's
    // central meridian (45°E) must land at easting 500,000 m and northing k0·M(φ).
    ProjContext context;
    const Transformer toUtm(context, "EPSG:4326", "EPSG:32638");
    Path point{{45.0, 40.0}};
    toUtm.forward(point);
    EXPECT_NEAR(point[0].x, 500000.0, 1e-6);
    EXPECT_NEAR(point[0].y, 0.9996 * meridianArcM(40.0), 0.001);
}

TEST(Transformer, RoundTripsThroughUtmToNanodegrees) {
    ProjContext context;
    const Transformer toUtm(context, "EPSG:4326", "EPSG:32638");
    std::mt19937 random(7);
    std::uniform_real_distribution<double> lon(43.0, 49.0), lat(37.5, 42.5);
    Path original;
    for (int i = 0; i < 1000; ++i) original.push_back({lon(random), lat(random)});
    Path points = original;
    toUtm.forward(points);
    toUtm.inverse(points);
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_NEAR(points[i].x, original[i].x, 1e-9);
        EXPECT_NEAR(points[i].y, original[i].y, 1e-9);
    }
}

TEST(EqualAreaFrame, CentreProjectsToOriginAndBack) {
    ProjContext context;
    const EqualAreaFrame frame(context, Coord{46.6, 39.8});
    Geometry geometry;
    geometry.points = {{46.6, 39.8}, {47.0, 40.2}};
    const Geometry projected = frame.project(geometry);
    EXPECT_NEAR(projected.points[0].x, 0, 1e-6);
    EXPECT_NEAR(projected.points[0].y, 0, 1e-6);
    // PROJ inverts ellipsoidal LAEA through a series for the authalic latitude: good to ~1e-8° (1 mm).
    const Geometry back = frame.unproject(projected);
    EXPECT_NEAR(back.points[1].x, 47.0, 1e-8);
    EXPECT_NEAR(back.points[1].y, 40.2, 1e-8);
}

TEST(Transformer, RejectsAnUnknownCrsNamingIt) {
    ProjContext context;
    try {
        Transformer(context, "EPSG:999999", "EPSG:4326");
        FAIL() << "no exception";
    } catch (const GeometryError& e) {
        EXPECT_NE(std::string(e.what()).find("PROJ cannot read the CRS 'EPSG:999999'"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace frontline::geo
