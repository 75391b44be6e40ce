// Places against the held area of the synthetic states (tests/data/make_synthetic.py): which side holds
// each point follows from the boxes, and distances to a line along a meridian from the radius of the
// parallel.

#include "analysis/places.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>

#include "cells.hpp"
#include "measured_test.hpp"

namespace frontline::analysis {
namespace {

using testing::Box;

Feature point(const std::string& id, Coord lonLat) {
    Feature feature{id,
                    {},
                    {{"name", std::string(1, static_cast<char>(std::toupper(id[0]))) + id.substr(1)},
                     {"name_alt", id + "-alt"}}};
    feature.geometry.points.push_back(lonLat);
    return feature;
}

Layer control(const std::string& id, Geometry held, double uncertaintyM) {
    Layer layer;
    layer.id = id;
    layer.role = LayerRole::Control;
    layer.uncertaintyM = uncertaintyM;
    layer.features.push_back({"held", std::move(held), {}});
    return layer;
}

// Distance along the parallel at `latDeg` over dLonDeg on WGS84 (its radius a·cos φ / √(1 − e² sin² φ)),
// km; the geodesic between the two points is shorter by far less than a metre at these lengths.
double parallelKm(double latDeg, double dLonDeg) {
    const double a = 6378.137, e2 = 0.00669437999014, phi = latDeg * M_PI / 180;
    return dLonDeg * M_PI / 180 * a * std::cos(phi) / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi));
}

// The synthetic states: A = 44–46 E × 40–41 N (exact), B = 44–45.5 × 40–41.5 with a hole
// 44.5–45 × 40.5–41 (±5 km), C = 44–45 × 40–41.5 and an island 46–46.5 × 41–41.5, then nothing.
class PlacesTest : public testing::MeasuredTest {
protected:
    PlacesTest() : MeasuredTest({45.25, 40.75}) {
        m_scenario.layers.push_back(control("a", testing::cells({{Box{44, 40, 46, 41}, {}}}), 0));
        m_scenario.layers.push_back(
            control("b", testing::cells({{Box{44, 40, 45.5, 41.5}, {Box{44.5, 40.5, 45, 41}}}}), 5000));
        m_scenario.layers.push_back(
            control("c", testing::cells({{Box{44, 40, 45, 41.5}, {}}, {Box{46, 41, 46.5, 41.5}, {}}}), 0));
        Layer towns;
        towns.id = "towns";
        towns.role = LayerRole::Place;
        towns.features = {point("core", {44.25, 40.25}),   point("hole", {44.75, 40.75}),
                          point("edge", {45.55, 40.5}),    point("north", {44.25, 41.25}),
                          point("island", {46.25, 41.25}), point("far", {47.5, 39.5}),
                          point("rim", {46.0, 40.5})};  // on A's east side
        m_scenario.layers.push_back(std::move(towns));
        m_scenario.timeline = Timeline({{Date(2000, 1, 1), "a", "", "A", false},
                                        {Date(2001, 3, 15), "b", "", "B", false},
                                        {Date(2002, 7, 1), "c", "", "C", false},
                                        {Date(2003, 1, 1), "", "", "nothing", true}});
        m_places = scenarioPlaces(m_scenario, m_diagnostics);
    }

    const ControlState& state(std::size_t i) const { return m_scenario.timeline.states()[i]; }

    Scenario m_scenario;
    Diagnostics m_diagnostics;
    std::vector<Place> m_places;
};

TEST_F(PlacesTest, EveryPointOfThePlaceLayersIsAPlace) {
    ASSERT_EQ(m_places.size(), 7u);
    EXPECT_EQ(m_places[1].id, "hole");
    EXPECT_EQ(m_places[1].name, "Hole");
    EXPECT_EQ(m_places[1].nameAlt, "hole-alt");
    EXPECT_EQ(m_places[1].layerId, "towns");
    EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(PlacesTest, HeldPlacesIncludeTheOutlineButNotAHole) {
    const Geometry b = testing::cells({{Box{44, 40, 45.5, 41.5}, {Box{44.5, 40.5, 45, 41}}}});
    EXPECT_EQ(heldPlaces(m_geos, b, m_places),
              (std::vector<bool>{true, false, false, true, false, false, false}));
    const Geometry a = testing::cells({{Box{44, 40, 46, 41}, {}}});
    EXPECT_EQ(heldPlaces(m_geos, a, m_places),
              (std::vector<bool>{true, true, true, false, false, false, true}));
    EXPECT_EQ(heldPlaces(m_geos, Geometry{}, m_places), std::vector<bool>(7, false));
}

TEST_F(PlacesTest, ChangesBetweenTwoStatesAreSortedByNameWithTheNearerLine) {
    TimelineEvidence evidence(m_measurer, m_scenario);
    const std::vector<PlaceChange> changes = placeChanges(evidence, state(0), state(1), m_places);
    ASSERT_EQ(changes.size(), 4u);
    EXPECT_EQ(changes[0].place.name, "Edge");
    EXPECT_FALSE(changes[0].gained);
    // 0.05° east of B's east side, which is ±5 km: on the line. A's side is 0.45° away.
    EXPECT_NEAR(changes[0].line.distanceKm, parallelKm(40.5, 0.05), 0.01);
    EXPECT_TRUE(changes[0].line.onLine);
    EXPECT_EQ(changes[1].place.name, "Hole");
    EXPECT_FALSE(changes[1].gained);
    EXPECT_NEAR(changes[1].line.distanceKm, parallelKm(40.75, 0.25), 0.05);  // to the hole's sides
    EXPECT_FALSE(changes[1].line.onLine);
    EXPECT_EQ(changes[2].place.name, "North");
    EXPECT_TRUE(changes[2].gained);
    // Exactly on A's outline: on the line although A states no uncertainty.
    EXPECT_EQ(changes[3].place.name, "Rim");
    EXPECT_FALSE(changes[3].gained);
    EXPECT_NEAR(changes[3].line.distanceKm, 0, 1e-6);
    EXPECT_TRUE(changes[3].line.onLine);
}

TEST_F(PlacesTest, AStateAgainstItselfChangesNoPlace) {
    TimelineEvidence evidence(m_measurer, m_scenario);
    EXPECT_TRUE(placeChanges(evidence, state(1), state(1), m_places).empty());
}

TEST_F(PlacesTest, TimelineGivesTheFirstStateOfEachNewHolding) {
    TimelineEvidence evidence(m_measurer, m_scenario);
    const std::vector<PlaceTimeline> timelines = placeTimelines(evidence, m_places);
    ASSERT_EQ(timelines.size(), 6u);  // "far" was never held
    auto changes = [](const PlaceTimeline& timeline) {
        std::string text;
        for (const auto& event : timeline.changes) {
            text += event.date.iso() + (event.gained ? "+" : "-") + (event.onLine ? "?" : "") + " ";
        }
        return text;
    };
    EXPECT_EQ(timelines[0].place.name, "Core");
    EXPECT_EQ(changes(timelines[0]), "2003-01-01- ");
    EXPECT_EQ(timelines[1].place.name, "Edge");
    EXPECT_EQ(changes(timelines[1]), "2001-03-15-? ");
    EXPECT_EQ(timelines[2].place.name, "Hole");
    EXPECT_EQ(changes(timelines[2]), "2001-03-15- 2002-07-01+ 2003-01-01- ");
    EXPECT_TRUE(timelines[2].heldAtStart);
    EXPECT_FALSE(timelines[2].heldAtEnd);
    EXPECT_EQ(timelines[3].place.name, "Island");
    EXPECT_EQ(changes(timelines[3]), "2002-07-01+ 2003-01-01- ");
    EXPECT_FALSE(timelines[3].heldAtStart);
    EXPECT_EQ(timelines[4].place.name, "North");
    EXPECT_EQ(changes(timelines[4]), "2001-03-15+ 2003-01-01- ");
    EXPECT_EQ(timelines[5].place.name, "Rim");
    EXPECT_EQ(changes(timelines[5]), "2001-03-15-? ");
}

TEST(PlacesOf, TakesTheFirstPointAndWarnsOfFeaturesWithoutOne) {
    Layer layer;
    layer.id = "mixed";
    layer.path = "mixed.geojson";
    Feature two = point("two", {1, 2});
    two.geometry.points.push_back({3, 4});
    Feature area{"area", testing::cells({{Box{0, 0, 1, 1}, {}}}), {}};
    layer.features = {two, area};
    Diagnostics diagnostics;
    const std::vector<Place> places = placesOf(layer, diagnostics);
    ASSERT_EQ(places.size(), 1u);
    EXPECT_EQ(places[0].lonLat, (Coord{1, 2}));
    EXPECT_EQ(places[0].name, "Two");
    ASSERT_EQ(diagnostics.warnings().size(), 2u);
    EXPECT_EQ(diagnostics.warnings()[0].where, "layer 'mixed' (mixed.geojson) feature 'two'");
    EXPECT_EQ(diagnostics.warnings()[0].message, "has 2 points; the place is its first");
    EXPECT_EQ(diagnostics.warnings()[1].message, "has no point; not a place");
    // Without a name property the id names the place.
    layer.features = {Feature{"x1", {{}, {}, {{5, 6}}}, {}}};
    EXPECT_EQ(placesOf(layer, diagnostics).front().name, "x1");
}

}  // namespace
}  // namespace frontline::analysis
