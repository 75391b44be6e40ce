// The two readings of an edge (core/geometry.hpp, Edges) after densify(): geodesic edges keep the area
// of the raw vertices as Karney's algorithm gives it (geod_polygonarea, the code pyproj's
// Geod.geometry_area_perimeter, PostGIS geography and QGIS call), lon/lat edges the closed-form area of
// an ellipsoidal zone (zone_area.hpp, independent of PROJ).

#include "geo/densify.hpp"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "geo/geodesic.hpp"
#include "random_star.hpp"
#include "zone_area.hpp"

namespace frontline::geo {
namespace {

using testing::zoneAreaKm2;

Geometry cell(double west, double south, double east, double north) {
    Geometry geometry;
    geometry.polygons.push_back(
        {{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}}});
    return geometry;
}

// geod_polygonarea over the vertices as given: each edge a geodesic.
double karneyAreaKm2(const Path& ring) {
    geod_polygon polygon{};
    geod_polygon_init(&polygon, 0);
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        geod_polygon_addpoint(&wgs84Ellipsoid(), &polygon, ring[i].y, ring[i].x);
    double areaM2 = 0;
    geod_polygon_compute(&wgs84Ellipsoid(), &polygon, 0, 1, &areaM2, nullptr);
    return std::fabs(areaM2) / 1e6;
}

TEST(Densify, GeodesicEdgesKeepTheAreaOfTheRawVertices) {
    for (const Geometry& raw : {cell(44, 39, 45, 40), cell(30, 60, 33, 61), cell(-70, -50, -60, -45)}) {
        Geometry dense = raw;
        densify(dense, Edges::Geodesic);
        EXPECT_GE(dense.vertexCount(), 400u);  // no edge over 0.01°
        EXPECT_NEAR(geodesicAreaKm2(dense) / karneyAreaKm2(raw.polygons[0].rings[0]), 1.0, 1e-12);
    }
}

TEST(Densify, GeodesicEdgesKeepTheAreaOfRandomStars) {
    std::mt19937 random(7);
    for (int i = 0; i < 20; ++i) {
        // Edges up to ≈0.25° (28 km), as long as the straight stretches of a border.
        const Geometry raw = testing::randomStarVertices(random, {46.5, 40.0}, 0.8, 40);
        Geometry dense = raw;
        densify(dense, Edges::Geodesic);
        EXPECT_NEAR(geodesicAreaKm2(dense) / karneyAreaKm2(raw.polygons[0].rings[0]), 1.0, 1e-12) << i;
    }
}

TEST(Densify, LonLatEdgesMeasureTheZone) {
    for (const auto& [w, s, e, n] :
         {std::array{44.0, 39.0, 45.0, 40.0}, std::array{30.0, 60.0, 33.0, 61.0}}) {
        Geometry dense = cell(w, s, e, n);
        densify(dense, Edges::LonLat);
        // The parallel is followed by 0.01° chords measured as geodesics: 3.2e-9 short for the 3° cell at
        // 60° N (measured), the 1e-8 the issue asks for agreement with the reference.
        EXPECT_NEAR(geodesicAreaKm2(dense) / zoneAreaKm2(w, s, e, n), 1.0, 1e-8);
    }
}

TEST(Densify, GeodesicPointsLieOnTheGeodesic) {
    Geometry line;
    const Coord a{44.0, 45.0}, b{46.0, 45.0};
    line.lines.push_back({a, b});
    densify(line, Edges::Geodesic);
    const Path& points = line.lines[0];
    ASSERT_EQ(points.size(), 201u);  // 2° in 0.01° pieces
    EXPECT_EQ(points.front(), a);
    EXPECT_EQ(points.back(), b);
    const double whole = geodesicDistanceKm(a, b);
    for (std::size_t i = 1; i + 1 < points.size(); ++i) {
        // Off the geodesic, the detour would be longer; 1 µm of slack for rounding.
        EXPECT_NEAR(geodesicDistanceKm(a, points[i]) + geodesicDistanceKm(points[i], b), whole, 1e-9) << i;
        // Equal steps.
        EXPECT_NEAR(geodesicDistanceKm(points[i - 1], points[i]), whole / 200, 1e-9) << i;
    }
}

// The geodesic along a parallel bows towards the pole; at its middle by about L²·tan(φ)/(8·N) with
// N the prime vertical radius (the sagitta of a chord of the parallel's circle of latitude, seen on the
// tangent cone). For 2° at 45° N: L = 157.7 km, so about 0.49 km.
TEST(Densify, TheTwoReadingsOfAnEdgeAlongAParallelPartAtItsMiddle) {
    Geometry geodesic, lonLat;
    geodesic.lines.push_back({{44.0, 45.0}, {46.0, 45.0}});
    lonLat.lines = geodesic.lines;
    densify(geodesic, Edges::Geodesic);
    densify(lonLat, Edges::LonLat);
    const Coord middleGeodesic = geodesic.lines[0][100], middleLonLat = lonLat.lines[0][100];
    EXPECT_NEAR(middleGeodesic.x, 45.0, 1e-9);
    EXPECT_GT(middleGeodesic.y, 45.0);
    const double partKm = geodesicDistanceKm(middleGeodesic, middleLonLat);
    const double n = testing::kWgs84A / std::sqrt(1 - testing::kWgs84F * (2 - testing::kWgs84F) * 0.5);
    const double lengthKm = geodesicDistanceKm({44.0, 45.0}, {46.0, 45.0});
    const double expectedKm = lengthKm * lengthKm * std::tan(45.0 * M_PI / 180) / (8 * n / 1000);
    EXPECT_NEAR(partKm / expectedKm, 1.0, 0.01) << partKm << " km apart, expected " << expectedKm;
}

TEST(Densify, ShortEdgesAreKeptInBothReadings) {
    Geometry raw = cell(44.0, 40.0, 44.006, 40.009);
    for (Edges edges : {Edges::Geodesic, Edges::LonLat}) {
        Geometry dense = raw;
        densify(dense, edges);
        EXPECT_EQ(dense.polygons[0].rings[0], raw.polygons[0].rings[0]);
    }
}

TEST(Edges, ParsesBothNamesAndRefusesOthers) {
    EXPECT_EQ(parseEdges("geodesic"), Edges::Geodesic);
    EXPECT_EQ(parseEdges("lonlat"), Edges::LonLat);
    try {
        parseEdges("straight");
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(), "unknown --edges 'straight' (geodesic, lonlat)");
    }
}

}  // namespace
}  // namespace frontline::geo
