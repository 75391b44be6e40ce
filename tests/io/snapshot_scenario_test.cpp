// A scenario made from snapshot files: how its context layers are named on the map (io::contextLabel:
// the name property most of the features have, water told apart by the file's name or the features'
// own tags, lines named only when they are water), and whom its credits name (--attribution).

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "geo/thread_context.hpp"
#include "io/snapshots.hpp"

namespace frontline::test {
namespace {

Feature feature(std::map<std::string, std::string> properties, bool polygon) {
    Feature f;
    f.properties = std::move(properties);
    if (polygon)
        f.geometry.polygons.push_back({{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}});
    else
        f.geometry.lines.push_back({{0, 0}, {1, 1}});
    return f;
}

Layer layerOf(std::vector<Feature> features, std::string sourceLayer = "layer") {
    Layer layer;
    layer.features = std::move(features);
    layer.sourceLayer = std::move(sourceLayer);
    return layer;
}

TEST(ContextLabel, CountriesByTheNamePropertyMostFeaturesHave) {
    // Natural Earth's admin-0 countries: NAME on every feature, "name" on one only.
    const Layer countries =
        layerOf({feature({{"NAME", "Armenia"}, {"name", "x"}}, true), feature({{"NAME", "Azerbaijan"}}, true),
                 feature({{"NAME", "Iran"}}, true)});
    const io::ContextLabel label = io::contextLabel(countries, "data/ne_10m_admin_0_countries.shp");
    EXPECT_EQ(label.label, "NAME");
    EXPECT_EQ(label.labelStyle, "region");
    EXPECT_FALSE(label.water);
}

TEST(ContextLabel, NoNamesNoLabel) {
    const Layer unnamed = layerOf({feature({{"id", "1"}}, true), feature({{"name", ""}}, true)});
    EXPECT_EQ(io::contextLabel(unnamed, "zones.geojson").label, "");
    EXPECT_EQ(io::contextLabel(layerOf({}), "empty.geojson").label, "");
}

TEST(ContextLabel, WaterByTheFilesNameOrTheFeaturesTags) {
    const Layer lakes = layerOf({feature({{"name", "Lake Sevan"}}, true)});
    EXPECT_TRUE(io::contextLabel(lakes, "geodata/lakes.geojson").water);
    EXPECT_EQ(io::contextLabel(lakes, "geodata/lakes.geojson").labelStyle, "water");
    EXPECT_TRUE(io::contextLabel(lakes, "ne_10m_rivers_lake_centerlines.shp").water);
    // A word, not a part of one: "seasonal" and "Sevastopol" are not water.
    EXPECT_FALSE(io::contextLabel(lakes, "seasonal_zones.geojson").water);
    EXPECT_FALSE(io::contextLabel(lakes, "sevastopol.geojson").water);
    EXPECT_TRUE(
        io::contextLabel(layerOf({feature({{"name", "Sevan"}}, true)}, "Hydrography"), "x.gpkg").water);
    const Layer tagged = layerOf({feature({{"name", "Dnipro"}, {"waterway", "river"}}, false),
                                  feature({{"NAME", "Kakhovka"}, {"featurecla", "Reservoir"}}, true),
                                  feature({{"name", "road"}}, false)});
    const io::ContextLabel label = io::contextLabel(tagged, "osm_export.geojson");
    EXPECT_TRUE(label.water);
    EXPECT_EQ(label.label, "name");
}

TEST(ContextLabel, LinesNamedOnlyWhenWater) {
    const Layer borders = layerOf({feature({{"name", "Armenia–Azerbaijan"}}, false)});
    EXPECT_EQ(io::contextLabel(borders, "borders.geojson").label, "");
    EXPECT_EQ(io::contextLabel(borders, "rivers.geojson").label, "name");
}

// --attribution goes to every snapshot layer (the credits of every frame), not to the context layers,
// which come named and styled from contextLabel.
TEST(SnapshotScenario, AttributionOnEverySnapshotLayerAndContextLabelled) {
    geo::ThreadContext context;
    Diagnostics diagnostics;
    io::SnapshotScenarioOptions options;
    options.read.dating = io::SnapshotDating({}, R"((\d{4}-?\d{2}-?\d{2}))");
    options.context = {FRONTLINE_TEST_DATA "/context/west_border.geojson"};
    options.matchM = 10;
    options.attribution = "Maps: a test; borders: another";
    const Scenario scenario = io::readSnapshotScenario(io::snapshotPaths({FRONTLINE_TEST_DATA "/series"}),
                                                       options, context, diagnostics);
    std::size_t snapshots = 0;
    for (const Layer& layer : scenario.layers) {
        if (layer.role == LayerRole::Control) {
            ++snapshots;
            EXPECT_EQ(layer.attribution, options.attribution) << layer.id;
        } else {
            EXPECT_EQ(layer.attribution, "") << layer.id;
            EXPECT_EQ(layer.style.label, "") << "a border line is not named";
            EXPECT_EQ(layer.style.stroke, "#555555");
        }
    }
    EXPECT_EQ(snapshots, scenario.timeline.states().size());
    EXPECT_GE(snapshots, 3u);
}

}  // namespace
}  // namespace frontline::test
