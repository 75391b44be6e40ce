// A scenario made from snapshot files: how its context layers are named on the map (io::contextLabel:
// the name property most of the features have, water told apart by the file's name or the features'
// own tags, lines named only when they are water), and whom its credits name (--attribution).

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
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

// A context file of points is a place layer: its names copied to `name`, its kinds read from
// OpenStreetMap's or Natural Earth's tags, unknown kinds left for the map to draw as villages.
// The legend's title: the layer's name as words, Natural Earth's scale prefix gone; the file's stem when
// GDAL gives no name.
TEST(ContextTitle, TheLayersNameAsWords) {
    // {GDAL's layer name, file, title}. A name that is all prefix or all separators is kept as it is,
    // never made empty; a name not in ASCII is kept, not capitalised.
    const std::vector<std::array<std::string, 3>> cases{
        {"ne_10m_rivers_lake_centerlines", "data/ne_10m_rivers_lake_centerlines.shp",
         "Rivers lake centerlines"},
        {"NE_110M_admin_0_countries", "x.shp", "Admin 0 countries"},
        {"osm-admin__borders_", "x.gpkg", "Osm admin borders"},
        {"Lake Sevan basin", "lakes.geojson", "Lake Sevan basin"},
        {"ne_10m_", "x.shp", "ne_10m_"},
        {"__", "x.shp", "__"},
        {"", "geodata/lakes.geojson", "Lakes"},
        {"\xC3\xA9tangs", "x.shp", "\xC3\xA9tangs"}};
    for (const auto& [name, file, title] : cases) {
        Layer layer;
        layer.sourceLayer = name;
        EXPECT_EQ(io::contextTitle(layer, file), title) << name;
    }
}

TEST(ContextPlaces, PointsArePlacesNamedAndKinded) {
    const auto point = [](std::map<std::string, std::string> properties) {
        Feature f;
        f.properties = std::move(properties);
        f.geometry.points.push_back({46.75, 39.8});
        return f;
    };
    Layer towns = layerOf({point({{"NAME", "Stepanakert"}, {"FEATURECLA", "Admin-0 capital"}}),
                           point({{"NAME", "Goris"}, {"place", "town"}}),
                           point({{"NAME", "Talish"}, {"place", "hamlet"}}), point({{"NAME", "Lisagor"}}),
                           point({{"NAME", "Shusha"}, {"name", "Şuşa"}, {"kind", "city"}})});
    EXPECT_TRUE(io::placesOnly(towns));
    io::nameThePlaces(towns);
    const auto& f = towns.features;
    EXPECT_EQ(f[0].property("name"), "Stepanakert");
    EXPECT_EQ(f[0].property("kind"), "capital");
    EXPECT_EQ(f[1].property("kind"), "town");
    EXPECT_EQ(f[2].property("kind"), "village");
    EXPECT_EQ(f[3].property("kind"), "") << "no known kind: none invented";
    EXPECT_EQ(f[4].property("name"), "Şuşa") << "a name given is kept";
    EXPECT_EQ(f[4].property("kind"), "city");
    EXPECT_FALSE(io::placesOnly(layerOf({point({{"name", "a"}}), feature({{"name", "b"}}, true)})));
    EXPECT_FALSE(io::placesOnly(layerOf({})));
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
            EXPECT_EQ(layer.title, "West border") << "west_border.geojson, in the legend";
        }
    }
    EXPECT_EQ(snapshots, scenario.timeline.states().size());
    EXPECT_GE(snapshots, 3u);
}

// A --context file of points comes in as a place layer, and the outlines are not matched against it.
TEST(SnapshotScenario, AContextOfPointsIsAPlaceLayer) {
    const std::filesystem::path towns = std::filesystem::temp_directory_path() /
                                        ("frontline-towns-" + std::to_string(::getpid()) + ".geojson");
    std::ofstream(towns) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"A","place":"town"},"geometry":{"type":"Point","coordinates":[44.5,40.5]}},
{"type":"Feature","properties":{"name":"B"},"geometry":{"type":"Point","coordinates":[45.5,40.2]}}]})";
    geo::ThreadContext context;
    Diagnostics diagnostics;
    io::SnapshotScenarioOptions options;
    options.read.dating = io::SnapshotDating({}, R"((\d{4}-?\d{2}-?\d{2}))");
    options.context = {FRONTLINE_TEST_DATA "/context/west_border.geojson", towns.string()};
    options.matchM = 10;
    const Scenario scenario = io::readSnapshotScenario(io::snapshotPaths({FRONTLINE_TEST_DATA "/series"}),
                                                       options, context, diagnostics);
    std::filesystem::remove(towns);
    const Layer* places = nullptr;
    for (const Layer& layer : scenario.layers)
        if (layer.role == LayerRole::Place) places = &layer;
    ASSERT_NE(places, nullptr);
    EXPECT_EQ(places->features.size(), 2u);
    EXPECT_EQ(places->features[0].property("kind"), "town");
    for (const Layer& layer : scenario.layers) {
        if (layer.role != LayerRole::Control) continue;
        EXPECT_EQ(std::count(layer.references.begin(), layer.references.end(), places->id), 0) << layer.id;
        EXPECT_EQ(layer.references.size(), 1u) << "the border alone";
    }
}

}  // namespace
}  // namespace frontline::test
