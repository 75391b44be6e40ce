#include "analysis/series.hpp"

#include <gtest/gtest.h>

#include <random>

#include "analysis/front_series.hpp"
#include "core/error.hpp"
#include "geo/densify.hpp"
#include "geo/geodesic.hpp"

namespace frontline::analysis {
namespace {

Geometry strip(double west, double east) {
    Geometry geometry;
    geometry.polygons.push_back({{{{west, 40}, {east, 40}, {east, 41}, {west, 41}, {west, 40}}}});
    // Lon/lat edges, so that the difference of two strips is a strip (geodesics along the parallels
    // between other end points would be other curves); densified as the layer reader does.
    geo::densify(geometry, Edges::LonLat);
    return geometry;
}

// Snapshots handed over out of date order: the front moves east a tenth of a degree a day.
std::vector<Snapshot> snapshots() {
    std::vector<Snapshot> all;
    for (int day : {3, 1, 4, 0, 2}) {
        all.push_back({Date(2020, 1, 1).plusDays(day), "day" + std::to_string(day),
                       strip(46.0 + 0.1 * day, 47.0 + 0.2 * day), std::nullopt});
    }
    return all;
}

std::vector<SeriesRow> run(const std::vector<Snapshot>& input, unsigned threads,
                           std::optional<double> minAreaKm2 = std::nullopt) {
    SeriesOptions options;
    options.threads = threads;
    options.minAreaKm2 = minAreaKm2;
    Diagnostics diagnostics;
    return computeSeries(
        input.size(), [&](std::size_t i, geo::ThreadContext&, Diagnostics&) { return input[i]; }, options,
        diagnostics);
}

TEST(ComputeSeries, OrdersByDateAndMeasuresEachStep) {
    const auto rows = run(snapshots(), 2);
    ASSERT_EQ(rows.size(), 5u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].date, Date(2020, 1, 1).plusDays(static_cast<long>(i)));
        const int day = static_cast<int>(i);
        EXPECT_NEAR(rows[i].areaKm2, geo::geodesicAreaKm2(strip(46.0 + 0.1 * day, 47.0 + 0.2 * day)), 1e-9);
    }
    EXPECT_FALSE(rows[0].gainedKm2.has_value());
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const int day = static_cast<int>(i);
        EXPECT_NEAR(*rows[i].gainedKm2, geo::geodesicAreaKm2(strip(47.0 + 0.2 * (day - 1), 47.0 + 0.2 * day)),
                    1e-6);
        EXPECT_NEAR(*rows[i].lostKm2, geo::geodesicAreaKm2(strip(46.0 + 0.1 * (day - 1), 46.0 + 0.1 * day)),
                    1e-6);
        EXPECT_NEAR(*rows[i].netKm2, rows[i].areaKm2 - rows[i - 1].areaKm2, 1e-6);
    }
}

// Day 1 advances east by 0.2° and has two specks cut out of it (0.001° and 0.002° square holes, 0.0094 and
// 0.038 km²): with --min-area 0.02 the larger speck counts as lost and the smaller is dropped and counted;
// the closure still holds on all pieces.
TEST(ComputeSeries, MinAreaDropsSliversAndCountsThem) {
    auto withHoles = [] {
        Geometry geometry = strip(46.0, 47.2);
        auto hole = [](double west, double south, double side) {
            return Path{{west, south},
                        {west, south + side},
                        {west + side, south + side},
                        {west + side, south},
                        {west, south}};
        };
        geometry.polygons[0].rings.push_back(hole(46.3, 40.3, 0.001));
        geometry.polygons[0].rings.push_back(hole(46.6, 40.6, 0.002));
        return geometry;
    };
    const std::vector<Snapshot> input{{Date(2020, 1, 1), "d0", strip(46.0, 47.0), std::nullopt},
                                      {Date(2020, 1, 2), "d1", withHoles(), std::nullopt}};
    auto cell = [](double west, double south, double side) {
        Geometry g;
        g.polygons.push_back({{{{west, south},
                                {west + side, south},
                                {west + side, south + side},
                                {west, south + side},
                                {west, south}}}});
        return geo::geodesicAreaKm2(g);
    };
    const double small = cell(46.3, 40.3, 0.001), large = cell(46.6, 40.6, 0.002);
    const double advance = geo::geodesicAreaKm2(strip(47.0, 47.2));
    const auto all = run(input, 2);
    EXPECT_NEAR(*all[1].lostKm2, small + large, 1e-9);
    EXPECT_FALSE(all[1].pieces.has_value());

    const auto rows = run(input, 2, 0.02);
    ASSERT_TRUE(rows[1].pieces.has_value());
    const KeptPieces& pieces = *rows[1].pieces;
    EXPECT_EQ(pieces.kept, 2u);  // the advance and the larger speck
    EXPECT_EQ(pieces.dropped, 1u);
    EXPECT_NEAR(pieces.droppedLostKm2, small, 1e-9);
    EXPECT_EQ(pieces.droppedGainedKm2, 0.0);
    EXPECT_NEAR(*rows[1].gainedKm2, advance, 1e-6);
    EXPECT_NEAR(*rows[1].lostKm2, large, 1e-9);
    EXPECT_NEAR(*rows[1].netKm2, advance - large, 1e-6);
    EXPECT_LT(rows[1].closureKm2, 1e-6);
    // Kept and dropped add up to the change measured without a threshold.
    EXPECT_NEAR(pieces.lostKm2 + pieces.droppedLostKm2, *all[1].lostKm2, 1e-9);
    EXPECT_NEAR(pieces.gainedKm2 + pieces.droppedGainedKm2, *all[1].gainedKm2, 1e-9);

    // The planar method sorts the same pieces the same way (its areas agree to ~1e-7).
    SeriesOptions planar;
    planar.method = AreaMethod::Planar;
    planar.minAreaKm2 = 0.02;
    Diagnostics diagnostics;
    const auto planarRows = computeSeries(
        input.size(), [&](std::size_t i, geo::ThreadContext&, Diagnostics&) { return input[i]; }, planar,
        diagnostics);
    ASSERT_TRUE(planarRows[1].pieces.has_value());
    EXPECT_EQ(planarRows[1].pieces->kept, 2u);
    EXPECT_EQ(planarRows[1].pieces->dropped, 1u);
    EXPECT_NEAR(planarRows[1].pieces->droppedLostKm2 / small, 1.0, 1e-5);
}

TEST(ComputeSeries, ResultsDoNotDependOnThreadCount) {
    const auto one = run(snapshots(), 1);
    const auto two = run(snapshots(), 2);
    ASSERT_EQ(one.size(), two.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
        EXPECT_EQ(one[i].areaKm2, two[i].areaKm2);
        EXPECT_EQ(one[i].gainedKm2, two[i].gainedKm2);
        EXPECT_EQ(one[i].lostKm2, two[i].lostKm2);
    }
}

TEST(ComputeSeries, LongSeriesIsMeasuredAcrossWindows) {
    // 150 days, more than two windows of edge tables; the east edge advances and falls back.
    auto east = [](int day) { return 47.0 + 0.01 * day - (day % 3 == 0 ? 0.015 : 0.0); };
    auto west = [](int day) { return 46.0 + 0.005 * day; };
    std::vector<Snapshot> input;
    for (int day = 0; day < 150; ++day)
        input.push_back({Date(2020, 1, 1).plusDays(day), "d", strip(west(day), east(day)), std::nullopt});
    const auto rows = run(input, 2);
    ASSERT_EQ(rows.size(), 150u);
    for (int day = 1; day < 150; ++day) {
        const auto& row = rows[static_cast<std::size_t>(day)];
        const double gained =
            east(day) > east(day - 1) ? geo::geodesicAreaKm2(strip(east(day - 1), east(day))) : 0.0;
        const double lost =
            geo::geodesicAreaKm2(strip(west(day - 1), west(day))) +
            (east(day) < east(day - 1) ? geo::geodesicAreaKm2(strip(east(day), east(day - 1))) : 0.0);
        EXPECT_NEAR(*row.gainedKm2, gained, 1e-6) << "day " << day;
        EXPECT_NEAR(*row.lostKm2, lost, 1e-6) << "day " << day;
        EXPECT_LT(row.closureKm2, 1e-6) << "day " << day;
    }
}

// Real-like days (one or two stretches of the front moved a day, everything else shared), over more
// than one window of tables: each step, overlaid only where the days differ, equals the overlay of the
// whole, and the rows are the same bits on one thread and on two.
TEST(ComputeSeries, RealLikeDaysEqualTheFullOverlayOnAnyThreadCount) {
    std::mt19937 random(3);
    testing::FrontSeries front(1500);
    std::vector<Snapshot> input;
    for (int day = 0; day < 70; ++day) {
        if (day > 0) front.randomDay(random);
        input.push_back({Date(2022, 3, 1).plusDays(day), "d", front.held(), std::nullopt});
    }
    const auto one = run(input, 1);
    const auto two = run(input, 2);
    ASSERT_EQ(one.size(), input.size());
    geo::GeosContext geos;
    for (std::size_t i = 0; i < one.size(); ++i) {
        EXPECT_EQ(one[i].areaKm2, two[i].areaKm2);
        EXPECT_EQ(one[i].gainedKm2, two[i].gainedKm2);
        EXPECT_EQ(one[i].lostKm2, two[i].lostKm2);
        if (i == 0) continue;
        const geo::GeodesicEdgeTable from(input[i - 1].heldLonLat), to(input[i].heldLonLat);
        EXPECT_EQ(one[i].areaKm2, to.areaKm2());
        const GainedLostPieces full =
            geodesicChangePieces(geos, input[i - 1].heldLonLat, input[i].heldLonLat, from, to);
        EXPECT_NEAR(*one[i].gainedKm2, full.gainedKm2, 1e-9) << "day " << i;
        EXPECT_NEAR(*one[i].lostKm2, full.lostKm2, 1e-9) << "day " << i;
        EXPECT_LE(one[i].closureKm2, closureToleranceKm2(one[i - 1].areaKm2, one[i].areaKm2));
    }
}

TEST(ComputeSeries, FrontThatJumpsByItsWholeWidthIsSplitCorrectly) {
    // Lost and gained strips share an edge, so the overlay merges them into one piece; both must still
    // be told apart.
    const std::vector<Snapshot> input{{Date(2020, 1, 1), "a", strip(46, 47), std::nullopt},
                                      {Date(2020, 1, 2), "b", strip(47, 48), std::nullopt}};
    const auto rows = run(input, 1);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_NEAR(*rows[1].gainedKm2, geo::geodesicAreaKm2(strip(47, 48)), 1e-6);
    EXPECT_NEAR(*rows[1].lostKm2, geo::geodesicAreaKm2(strip(46, 47)), 1e-6);
}

TEST(ComputeSeries, TwoSnapshotsOnOneDateAreAnError) {
    auto input = snapshots();
    input.push_back({Date(2020, 1, 3), "again", strip(46, 47), std::nullopt});
    try {
        run(input, 2);
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "'day2' and 'again' both have the date 2020-01-03");
    }
}

TEST(ComputeSeries, LoaderErrorsReachTheCaller) {
    Diagnostics diagnostics;
    EXPECT_THROW(
        computeSeries(
            10,
            [](std::size_t i, geo::ThreadContext&, Diagnostics&) -> Snapshot {
                if (i == 7) throw DataError("'file7': broken");
                return {Date(2020, 1, 1).plusDays(static_cast<long>(i)), "f", strip(46, 47), std::nullopt};
            },
            SeriesOptions{}, diagnostics),
        DataError);
}

}  // namespace
}  // namespace frontline::analysis
