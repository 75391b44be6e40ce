// Writing typed features through GDAL, read back with GDAL's C API (tests/io/ogr_read_back.hpp): the
// driver, the CRS, each field's OGR type and value, and the area of the geometry as it was read back.

#include "io/vector_writer.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/error.hpp"
#include "geo/geodesic.hpp"
#include "io/ogr_read_back.hpp"
#include "io/temporary_folder.hpp"

namespace frontline::io {
namespace {

namespace fs = std::filesystem;
using test::ReadBack;
using test::readBack;

Path rectangle(double west, double south, double east, double north) {
    return {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
}

// A polygon with a hole, its vertices off GeoJSON's 1e-7° grid, and a second piece of two polygons.
std::vector<OutputFeature> pieces() {
    Geometry holed;
    holed.polygons.push_back(
        {{rectangle(44.123456789, 40.0, 45.0, 40.5), rectangle(44.5, 40.1, 44.6, 40.2)}});
    Geometry twoParts;
    twoParts.polygons.push_back({{rectangle(46.0, 39.0, 46.25, 39.25)}});
    twoParts.polygons.push_back({{rectangle(46.5, 39.0, 46.75, 39.5)}});
    auto feature = [](const std::string& id, const Geometry& geometry, const std::string& name) {
        return OutputFeature{id,
                             geometry,
                             {{"name", name},
                              {"count", std::int64_t{42}},
                              {"area_km2", geo::geodesicAreaKm2(geometry)},
                              {"from", Date(1994, 5, 12)}}};
    };
    return {feature("holed", holed, "Ağdam"), feature("two", twoParts, "Füzuli")};
}

std::string contentOf(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::set<std::string> namesIn(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
    return names;
}

class VectorFileTest : public ::testing::Test {
protected:
    fs::path write(const std::string& name, const std::vector<OutputFeature>& features) {
        const fs::path path = m_folder / name;
        VectorFile(path).write(features, GeometryKind::Polygons, m_geos, m_diagnostics);
        return path;
    }

    test::TemporaryFolder m_temporary{"vector"};
    const fs::path& m_folder = m_temporary.path();
    geo::GeosContext m_geos;
    Diagnostics m_diagnostics;
};

struct FormatCase {
    std::string extension;
    std::string driver;
    OGRFieldType dateType;  // FlatGeobuf has DateTime only
    OGRFieldType integerType;
    std::set<std::string> files;  // what the folder holds afterwards
};

class VectorFileFormatTest : public VectorFileTest, public ::testing::WithParamInterface<FormatCase> {};

TEST_P(VectorFileFormatTest, WritesTypedFieldsAndTheGeometryInLonLat) {
    const FormatCase& format = GetParam();
    const auto features = pieces();
    const fs::path path = write("pieces" + format.extension, features);
    EXPECT_EQ(namesIn(m_folder), format.files);

    const ReadBack file = readBack(path.string());
    EXPECT_EQ(file.driver, format.driver);
    EXPECT_EQ(file.layerName, "pieces");
    EXPECT_EQ(file.epsg, 4326);
    EXPECT_EQ(file.fieldTypes.at("id"), OFTString);
    EXPECT_EQ(file.fieldTypes.at("name"), OFTString);
    EXPECT_EQ(file.fieldTypes.at("count"), format.integerType);
    EXPECT_EQ(file.fieldTypes.at("area_km2"), OFTReal);
    EXPECT_EQ(file.fieldTypes.at("from"), format.dateType);
    ASSERT_EQ(file.features.size(), 2u);
    for (std::size_t i = 0; i < features.size(); ++i) {
        // FlatGeobuf's spatial index puts the features in its own order.
        const auto found = std::find_if(file.features.begin(), file.features.end(), [&](const auto& feature) {
            return feature.text.at("id") == features[i].id;
        });
        ASSERT_NE(found, file.features.end()) << features[i].id;
        const auto& feature = *found;
        EXPECT_EQ(feature.text.at("name"), std::get<std::string>(features[i].fields[0].value));
        EXPECT_EQ(feature.text.at("count"), "42");
        EXPECT_EQ(feature.text.at("from").substr(0, 10), "1994/05/12");
        const double written = std::get<double>(features[i].fields[2].value);
        EXPECT_NEAR(feature.real.at("area_km2"), written, 1e-9 * written);
        // The geometry as read back has the area its field says: nothing lost, longitude first.
        EXPECT_EQ(feature.geometry.polygons.size(), features[i].geometry.polygons.size());
        EXPECT_NEAR(geo::geodesicAreaKm2(feature.geometry), feature.real.at("area_km2"), 1e-6 * written);
        const BoundingBox box = boundingBox(feature.geometry);
        EXPECT_GE(box.minX, 44.0);
        EXPECT_LE(box.maxY, 40.5);
        if (features[i].id == "holed") {
            EXPECT_EQ(feature.geometry.polygons[0].rings.size(), 2u);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, VectorFileFormatTest,
    ::testing::Values(FormatCase{".gpkg", "GPKG", OFTDate, OFTInteger64, {"pieces.gpkg"}},
                      FormatCase{".fgb", "FlatGeobuf", OFTDateTime, OFTInteger64, {"pieces.fgb"}},
                      FormatCase{".shp",
                                 "ESRI Shapefile",
                                 OFTDate,
                                 OFTInteger64,
                                 {"pieces.shp", "pieces.shx", "pieces.dbf", "pieces.prj", "pieces.cpg"}},
                      FormatCase{".geojson", "GeoJSON", OFTDate, OFTInteger, {"pieces.geojson"}},
                      FormatCase{".json", "GeoJSON", OFTDate, OFTInteger, {"pieces.json"}}),
    [](const ::testing::TestParamInfo<FormatCase>& test) { return test.param.extension.substr(1); });

TEST_F(VectorFileTest, GeoJsonKeepsSevenDecimalsAndValidPolygons) {
    // Rounded one coordinate at a time, the vertex 4e-8° above the bottom edge would land on it and the
    // ring would touch itself; snap-rounding keeps it valid.
    Geometry spike;
    spike.polygons.push_back({{{{0, 0}, {1, 0}, {1, 1}, {0.5, 0.00000004}, {0, 1}, {0, 0}}}});
    Geometry offGrid;
    offGrid.polygons.push_back({{rectangle(44.123456789, 40.0, 45.0, 40.5)}});
    const fs::path path = write("grid.geojson", {{"spike", spike, {}}, {"off", offGrid, {}}});

    const ReadBack file = readBack(path.string());
    ASSERT_EQ(file.features.size(), 2u);
    EXPECT_TRUE(geo::checkPolygonValidity(m_geos, file.features[0].geometry).valid);
    const BoundingBox box = boundingBox(file.features[1].geometry);
    EXPECT_DOUBLE_EQ(box.minX, 44.1234568);
    // The other formats keep every digit.
    const ReadBack exact = readBack(write("grid.gpkg", {{"off", offGrid, {}}}).string());
    ASSERT_EQ(exact.features.size(), 1u);
    EXPECT_EQ(boundingBox(exact.features[0].geometry).minX, 44.123456789);
}

TEST_F(VectorFileTest, AFeatureWithoutGeometryIsKeptOrLeftOutWithAWarning) {
    std::vector<OutputFeature> features = pieces();
    features[1].geometry = {};
    const ReadBack package = readBack(write("some.gpkg", features).string());
    ASSERT_EQ(package.features.size(), 2u);
    EXPECT_EQ(package.features[1].geometryType, "");
    EXPECT_TRUE(m_diagnostics.empty());

    const ReadBack flat = readBack(write("some.fgb", features).string());
    ASSERT_EQ(flat.features.size(), 1u);
    ASSERT_EQ(m_diagnostics.warnings().size(), 1u);
    EXPECT_EQ(m_diagnostics.warnings()[0].where, "'" + (m_folder / "some.fgb").string() + "'");
    EXPECT_EQ(m_diagnostics.warnings()[0].message,
              "feature 'two' has no geometry, which FlatGeobuf cannot hold; left out");
}

TEST_F(VectorFileTest, AnUnknownExtensionIsAUsageErrorBeforeAnythingIsWritten) {
    for (const auto& [name, reason] : std::vector<std::pair<std::string, std::string>>{
             {"x.kml", "frontline does not write '.kml' files"},
             {"x", "no extension to choose the format by"},
         }) {
        const fs::path path = m_folder / name;
        try {
            VectorFile file(path);
            ADD_FAILURE() << name << " accepted";
        } catch (const UsageError& e) {
            EXPECT_EQ(std::string(e.what()), "cannot write '" + path.string() + "': " + reason +
                                                 " (supported: .gpkg, .fgb, .shp, .geojson, .json)");
        }
    }
    EXPECT_TRUE(namesIn(m_folder).empty());
    EXPECT_EQ(VectorFile(m_folder / "UPPER.GPKG").format(), VectorFormat::GeoPackage);
}

TEST_F(VectorFileTest, AReadOnlyFileIsNotReplaced) {
    const fs::path path = m_folder / "kept.gpkg";
    std::ofstream(path) << "old";
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const std::string message =
        "cannot write '" + path.string() + "': it exists and is read-only (left as it is)";
    try {
        VectorFile file(path);
        ADD_FAILURE() << "a read-only target accepted";
    } catch (const DataError& e) {
        EXPECT_EQ(std::string(e.what()), message);
    }
    // Made read-only while the features were computed.
    const fs::path later = m_folder / "later.gpkg";
    std::ofstream(later) << "old";
    const VectorFile file(later);
    fs::permissions(later, fs::perms::owner_read);
    EXPECT_THROW(file.write(pieces(), GeometryKind::Polygons, m_geos, m_diagnostics), DataError);

    EXPECT_EQ(contentOf(path), "old");
    EXPECT_EQ(contentOf(later), "old");
    EXPECT_EQ(namesIn(m_folder), (std::set<std::string>{"kept.gpkg", "later.gpkg"}));
}

TEST_F(VectorFileTest, AReadOnlyShapefileSidecarIsNotReplaced) {
    const fs::path dbf = m_folder / "kept.dbf";
    std::ofstream(dbf) << "old";
    fs::permissions(dbf, fs::perms::owner_read);
    EXPECT_THROW(VectorFile(m_folder / "kept.shp"), DataError);
    try {
        VectorFile file(m_folder / "kept.shp");
    } catch (const DataError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot write '" + (m_folder / "kept.shp").string() +
                                             "': its sidecar '" + dbf.string() +
                                             "' exists and is read-only (left as it is)");
    }
    EXPECT_EQ(namesIn(m_folder), std::set<std::string>{"kept.dbf"});
}

TEST_F(VectorFileTest, ReplacesAnOlderFileAndAShapefilesStaleSidecars) {
    std::ofstream(m_folder / "old.gpkg") << "old";
    write("old.gpkg", pieces());
    EXPECT_EQ(readBack((m_folder / "old.gpkg").string()).features.size(), 2u);

    // A spatial index of an older Shapefile would point the new one's readers at wrong offsets.
    for (const char* name : {"old.shp", "old.dbf", "old.qix", "old.sbn", "old.sbx"}) {
        std::ofstream(m_folder / name) << "old";
    }
    write("old.shp", pieces());
    EXPECT_EQ(namesIn(m_folder),
              (std::set<std::string>{"old.gpkg", "old.shp", "old.shx", "old.dbf", "old.prj", "old.cpg"}));
    EXPECT_EQ(readBack((m_folder / "old.shp").string()).features.size(), 2u);
}

TEST_F(VectorFileTest, AMissingFolderIsAnErrorNamingTheFile) {
    const fs::path path = m_folder / "nowhere" / "x.gpkg";
    try {
        VectorFile file(path);
        ADD_FAILURE() << "a missing folder accepted";
    } catch (const DataError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot write '" + path.string() + "': No such file or directory");
    }
}

}  // namespace
}  // namespace frontline::io
