// Reading any OGR source into WGS84 lon/lat. Other formats and CRSs are made from the synthetic GeoJSON
// with GDAL's own ogr2ogr, then read back: the area must not depend on the container or the CRS.

#include "io/layer_reader.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "geo/geodesic.hpp"

namespace frontline::io {
namespace {

namespace fs = std::filesystem;

const std::string kHeld2000 = std::string(FRONTLINE_TEST_DATA) + "/synthetic/layers/held_2000.geojson";
// The closed-form area of the cell 44–46°E, 40–41°N (tests/data/make_synthetic.py).
constexpr double kHeld2000Km2 = 18825.703208;

class LayerReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_folder = fs::temp_directory_path() / ("frontline-reader-" + std::to_string(::getpid()));
        fs::create_directories(m_folder);
    }
    void TearDown() override { fs::remove_all(m_folder); }

    std::string write(const std::string& name, const std::string& content) {
        const fs::path path = m_folder / name;
        std::ofstream(path) << content;
        return path.string();
    }
    // ogr2ogr INPUT → OUTPUT with extra arguments; skips the test when gdal-bin is missing.
    std::string convert(const std::string& output, const std::string& arguments) {
        if (std::system("command -v ogr2ogr > /dev/null") != 0) return {};
        const fs::path path = m_folder / output;
        const std::string command =
            "ogr2ogr -q " + arguments + " '" + path.string() + "' '" + kHeld2000 + "'";
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
        return path.string();
    }
    Layer read(const std::string& path, LayerReadOptions options = {}) {
        return readLayer(path, options, m_proj, m_geos, m_diagnostics);
    }

    fs::path m_folder;
    geo::ProjContext m_proj;
    geo::GeosContext m_geos;
    Diagnostics m_diagnostics;
};

TEST_F(LayerReaderTest, ReadsGeoJsonWithIdsAndProperties) {
    const Layer layer = read(kHeld2000);
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(layer.features[0].id, "held");
    EXPECT_EQ(layer.features[0].property("name"), "held");
    EXPECT_EQ(layer.sourceCrs, "WGS 84 (EPSG:4326)");
    EXPECT_NEAR(geo::geodesicAreaKm2(layer.features[0].geometry), kHeld2000Km2, 1e-3);
    EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(LayerReaderTest, SameAreaFromEveryFormatAndCrs) {
    struct Case {
        const char* file;
        const char* arguments;
        double
            toleranceKm2;  // lossless containers: none; KML keeps ~1e-7°; reprojection moves vertices ~1 mm
    };
    const double fromGeoJson = geo::geodesicAreaKm2(read(kHeld2000).features.at(0).geometry);
    EXPECT_NEAR(fromGeoJson, kHeld2000Km2, 1e-3);
    for (const Case& c : {Case{"held.gpkg", "-f GPKG", 1e-9}, Case{"held.shp", "-f 'ESRI Shapefile'", 1e-9},
                          Case{"held.fgb", "-f FlatGeobuf", 1e-9}, Case{"held.kml", "-f KML", 1e-3},
                          Case{"held_utm.gpkg", "-f GPKG -t_srs EPSG:32638", 1e-3},
                          Case{"held_gk.shp", "-f 'ESRI Shapefile' -t_srs EPSG:28408", 1e-3}}) {
        const std::string path = convert(c.file, c.arguments);
        if (path.empty()) GTEST_SKIP() << "ogr2ogr (gdal-bin) not installed";
        const Layer layer = read(path);
        ASSERT_EQ(layer.features.size(), 1u) << c.file;
        double area = 0;
        for (const auto& feature : layer.features) area += geo::geodesicAreaKm2(feature.geometry);
        EXPECT_NEAR(area, fromGeoJson, c.toleranceKm2) << c.file << " (" << layer.sourceCrs << ")";
    }
}

// A 2° × 1° cell given by its four corners: read with geodesic edges (the default) its area is that of
// the four vertices as geod_polygonarea takes them, as pyproj, PostGIS geography and QGIS measure it;
// with lon/lat edges, the closed-form area of the zone 44–46° E, 40–41° N (kHeld2000Km2).
TEST_F(LayerReaderTest, EdgesAreGeodesicsUnlessReadStraightInLonLat) {
    const std::string path =
        write("corners.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"cell",)"
                                 R"("properties":{},"geometry":{"type":"Polygon","coordinates":)"
                                 R"([[[44,40],[46,40],[46,41],[44,41],[44,40]]]}}]})");
    const Path corners{{44, 40}, {46, 40}, {46, 41}, {44, 41}, {44, 40}};
    const double karney = geo::geodesicRingAreaKm2(corners);
    const double geodesic = geo::geodesicAreaKm2(read(path).features.at(0).geometry);
    LayerReadOptions straight;
    straight.edges = Edges::LonLat;
    const double lonLat = geo::geodesicAreaKm2(read(path, straight).features.at(0).geometry);
    EXPECT_NEAR(geodesic / karney, 1.0, 1e-12);
    EXPECT_NEAR(lonLat / kHeld2000Km2, 1.0, 1e-9);
    // The two readings of one file differ by far more than either's error: both edges along the
    // parallels bow north by ~0.48 km, enclosing ~54 km² each way; the southern, longer one more, so
    // the geodesic cell is smaller (measured: by 0.503 km², 2.7e-5).
    EXPECT_LT(geodesic, lonLat - 0.4) << geodesic << " vs " << lonLat;
    EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(LayerReaderTest, MissingCrsIsAnErrorUnlessOneIsGiven) {
    const std::string path = convert("nocrs.shp", "-f 'ESRI Shapefile'");
    if (path.empty()) GTEST_SKIP() << "ogr2ogr (gdal-bin) not installed";
    fs::remove(m_folder / "nocrs.prj");
    try {
        read(path);
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_EQ(std::string(e.what()), "'" + path +
                                             "': layer 'nocrs' declares no CRS; give one with `crs = "
                                             "\"EPSG:…\"` in the manifest or --crs");
    }
    LayerReadOptions options;
    options.assumeCrs = "EPSG:4326";
    EXPECT_NEAR(geo::geodesicAreaKm2(read(path, options).features.at(0).geometry), kHeld2000Km2, 1e-3);
}

TEST_F(LayerReaderTest, RepairsInvalidPolygonWithAWarningNamingTheFeature) {
    const std::string path = write("bow.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"bow","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]})");
    const Layer layer = read(path);
    ASSERT_EQ(m_diagnostics.warnings().size(), 1u);
    EXPECT_EQ(m_diagnostics.warnings()[0].where, "'" + path + "': layer 'bow' feature 'bow'");
    ASSERT_TRUE(m_diagnostics.warnings()[0].source.has_value());
    EXPECT_TRUE(m_diagnostics.warnings()[0].source->inLayer(path, "bow"));
    EXPECT_EQ(m_diagnostics.warnings()[0].source->feature, "bow");
    EXPECT_EQ(m_diagnostics.warnings()[0].message,
              "invalid polygon (Self-intersection[0.5 0.5]); repaired with GEOS MakeValid");
    EXPECT_EQ(layer.features[0].geometry.polygons.size(), 2u);
}

// streamAllLayers hands on each feature as readAllLayers keeps it, in order, between the layer's
// beginLayer and endLayer; the layer passed carries no features, and its vertex count grows as read.
TEST_F(LayerReaderTest, StreamHandsOnEachFeatureAsReadAllLayersKeepsIt) {
    const std::string path = write("two.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"bow","properties":{"n":"1"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}},
        {"type":"Feature","id":"road","properties":{"n":"2"},"geometry":{"type":"LineString","coordinates":[[0,0],[0.5,0.02]]}}]})");
    struct Recorder final : LayerSink {
        void beginLayer(const Layer& layer) override {
            events.push_back("begin " + layer.id + " " + layer.sourceCrs);
            EXPECT_TRUE(layer.features.empty());
        }
        void feature(const Layer& layer, Feature&& feature) override {
            events.push_back("feature " + feature.id + " after " + std::to_string(layer.sourceVertexCount));
            EXPECT_TRUE(layer.features.empty());
            features.push_back(std::move(feature));
        }
        void endLayer(const Layer& layer) override {
            events.push_back("end " + std::to_string(layer.sourceVertexCount));
        }
        std::vector<std::string> events;
        std::vector<Feature> features;
    } recorder;
    streamAllLayers(path, {}, m_proj, m_geos, m_diagnostics, recorder);
    EXPECT_EQ(recorder.events,
              (std::vector<std::string>{"begin two WGS 84 (EPSG:4326)", "feature bow after 5",
                                        "feature road after 7", "end 7"}));
    const std::vector<Layer> layers = readAllLayers(path, {}, m_proj, m_geos, m_diagnostics);
    ASSERT_EQ(layers.size(), 1u);
    EXPECT_EQ(layers[0].sourceVertexCount, 7u);
    ASSERT_EQ(layers[0].features.size(), recorder.features.size());
    for (std::size_t i = 0; i < recorder.features.size(); ++i) {
        const Feature &kept = layers[0].features[i], &streamed = recorder.features[i];
        EXPECT_EQ(streamed.id, kept.id);
        EXPECT_EQ(streamed.properties, kept.properties);
        EXPECT_EQ(streamed.geometry.polygons.size(), kept.geometry.polygons.size());  // the bow repaired
        EXPECT_EQ(streamed.geometry.vertexCount(), kept.geometry.vertexCount());      // densified
    }
    EXPECT_EQ(recorder.features[0].geometry.polygons.size(), 2u);
    EXPECT_GT(recorder.features[1].geometry.vertexCount(), 2u);
    EXPECT_EQ(m_diagnostics.warnings().size(), 2u);  // the repair, once per reading
}

TEST_F(LayerReaderTest, StrictRejectsInvalidPolygon) {
    const std::string path = write("bow.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"bow","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]})");
    LayerReadOptions options;
    options.strict = true;
    try {
        read(path, options);
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "'" + path + "': layer 'bow' feature 'bow': invalid polygon: Self-intersection[0.5 0.5]");
        ASSERT_TRUE(e.where().has_value());
        EXPECT_EQ(e.where()->file, path);
        EXPECT_EQ(e.where()->feature, "bow");
    }
}

TEST_F(LayerReaderTest, CoordinatesOutsideTheGlobeAreAnError) {
    const std::string path = write("far.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"x","properties":{},"geometry":{"type":"Point","coordinates":[500000,4400000]}}]})");
    try {
        read(path);
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_NE(
            std::string(e.what()).find("feature 'x': coordinate (500000.000000, 4400000.000000) is outside"),
            std::string::npos)
            << e.what();
    }
}

TEST_F(LayerReaderTest, MalformedJsonNamesLineAndColumn) {
    const std::string path =
        write("broken.geojson", "{\"type\": \"FeatureCollection\",\n  \"features\": [ }\n");
    try {
        read(path);
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot open '" + path +
                                             "' as vector data: malformed JSON at line 2, column 17"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(LayerReaderTest, MissingFileIsNamed) {
    try {
        read("/nonexistent/held.geojson");
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "'/nonexistent/held.geojson': no such file");
    }
}

}  // namespace
}  // namespace frontline::io
