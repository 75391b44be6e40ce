// Held areas and changes split over regions, against the closed-form areas of lon/lat cells: the
// synthetic scenario's halves (tests/data/make_synthetic.py) and its change from A to B.

#include "analysis/regions.hpp"

#include <gtest/gtest.h>

#include "cells.hpp"
#include "core/error.hpp"
#include "measured_test.hpp"

namespace frontline::analysis {
namespace {

using testing::Box;
using testing::cellKm2;

constexpr Box kWest{44, 39, 45.5, 42}, kEast{45.5, 39, 47, 42};
constexpr Box kA{44, 40, 46, 41}, kBOuter{44, 40, 45.5, 41.5}, kBHole{44.5, 40.5, 45, 41};

Layer regionLayer(std::initializer_list<std::pair<std::string, Box>> regions) {
    Layer layer;
    layer.id = "halves";
    layer.path = "halves.geojson";
    layer.role = LayerRole::Boundary;
    for (const auto& [id, box] : regions)
        layer.features.push_back({id, testing::cells({{box, {}}}), {{"name", id + " half"}}});
    return layer;
}

class RegionsTest : public testing::MeasuredTest {
protected:
    RegionsTest() : MeasuredTest({45.5, 40.5}) {}

    const Geometry m_a = testing::cells({{kA, {}}});
    const Geometry m_b = testing::cells({{kBOuter, {kBHole}}});
};

// Densified parallels are within 1e-7 of true ones in area (make_synthetic.py).
double tolerance(double km2) { return 1e-6 * km2 + 1e-6; }

TEST_F(RegionsTest, BreakdownSplitsTheHeldAreaOverTheFeatures) {
    const Regions regions(m_measurer, regionLayer({{"west", kWest}, {"east", kEast}}));
    const std::vector<BreakdownRow> rows = regions.breakdown(m_b);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].featureId, "west");
    EXPECT_EQ(rows[0].name, "west half");
    EXPECT_NEAR(rows[0].featureKm2, cellKm2(kWest), tolerance(cellKm2(kWest)));
    const double heldB = cellKm2(kBOuter) - cellKm2(kBHole);
    EXPECT_NEAR(rows[0].heldKm2, heldB, tolerance(heldB));
    EXPECT_EQ(rows[1].heldKm2, 0);  // B lies west of 45.5 E
}

TEST_F(RegionsTest, ChangePiecesAddUpToTheWholeChange) {
    const Change change = computeChange(m_measurer, m_a, m_b);
    const ChangeBreakdown split =
        Regions(m_measurer, regionLayer({{"west", kWest}, {"east", kEast}})).change(change);
    ASSERT_EQ(split.regions.size(), 2u);
    // A → B gains the strip north of 41 N (west half) and loses the hole (west) and the strip east of
    // 45.5 E (east).
    const double strip = cellKm2({44, 41, 45.5, 41.5}), hole = cellKm2(kBHole),
                 east = cellKm2({45.5, 40, 46, 41});
    EXPECT_NEAR(split.regions[0].gainedKm2, strip, tolerance(strip));
    EXPECT_NEAR(split.regions[0].lostKm2, hole, tolerance(hole));
    EXPECT_NEAR(split.regions[1].gainedKm2, 0, 1e-9);
    EXPECT_NEAR(split.regions[1].lostKm2, east, tolerance(east));
    EXPECT_NEAR(split.outside.gainedKm2, 0, 1e-9);
    EXPECT_NEAR(split.outside.lostKm2, 0, 1e-9);
    // The invariant diff --by prints: the regions cover the change, so their pieces add up to it.
    EXPECT_NEAR(split.regions[0].gainedKm2 + split.regions[1].gainedKm2, change.gained.value,
                1e-6 * change.gained.value);
    EXPECT_NEAR(split.regions[0].lostKm2 + split.regions[1].lostKm2, change.lost.value,
                1e-6 * change.lost.value);
}

TEST_F(RegionsTest, WhatNoRegionCoversIsOutside) {
    const Change change = computeChange(m_measurer, m_a, m_b);
    const ChangeBreakdown split = Regions(m_measurer, regionLayer({{"west", kWest}})).change(change);
    const double east = cellKm2({45.5, 40, 46, 41});
    EXPECT_NEAR(split.outside.lostKm2, east, tolerance(east));
    EXPECT_NEAR(split.regions[0].lostKm2 + split.outside.lostKm2, change.lost.value,
                1e-6 * change.lost.value);
    EXPECT_NEAR(split.regions[0].gainedKm2 + split.outside.gainedKm2, change.gained.value,
                1e-6 * change.gained.value);
}

TEST_F(RegionsTest, ALayerWithoutPolygonsIsAnError) {
    Layer points;
    points.id = "towns";
    points.path = "towns.geojson";
    points.features.push_back({"t", {{}, {}, {{45, 40}}}, {}});
    try {
        Regions(m_measurer, points);
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "layer 'towns' (towns.geojson) has no polygons to split areas over");
    }
}

}  // namespace
}  // namespace frontline::analysis
