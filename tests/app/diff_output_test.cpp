// frontline diff --out end to end: the file read back with GDAL's C API (tests/io/ogr_read_back.hpp),
// its Real fields against the printed report and against the area of its own geometry.

#include <gtest/gtest.h>

#include <filesystem>

#include "app/run_frontline.hpp"
#include "geo/geodesic.hpp"
#include "io/ogr_read_back.hpp"
#include "io/temporary_folder.hpp"

namespace frontline::test {
namespace {

namespace fs = std::filesystem;

const std::string kSynthetic = std::string(FRONTLINE_TEST_DATA) + "/synthetic";

class DiffOutputTest : public ::testing::Test {
protected:
    TemporaryFolder m_temporary{"diff-out"};
    const std::filesystem::path& m_folder = m_temporary.path();
};

// The report's km² of a row (3 decimals).
double reportedKm2(const Csv& csv, const std::string& measure) {
    for (const auto& row : csv.rows) {
        if (row[0] == measure) return std::stod(row[static_cast<std::size_t>(csv.column("km2"))]);
    }
    ADD_FAILURE() << "no row " << measure;
    return 0;
}

// The check: the 2020 war on the bundled scenario as a GeoPackage, with Real areas.
TEST_F(DiffOutputTest, KarabakhWarAsAGeoPackageWithRealAreas) {
    const std::string out = (m_folder / "changes.gpkg").string();
    const RunResult result =
        runFrontline({"diff", "--from", "1994-05-12", "--to", "2020-11-10", "--out", out, "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const Csv csv = parseCsv(result.out);

    const ReadBack file = readBack(out);
    EXPECT_EQ(file.driver, "GPKG");
    EXPECT_EQ(file.epsg, 4326);
    EXPECT_EQ(file.geometryType, "Multi Polygon");
    EXPECT_EQ(file.fieldNames, (std::vector<std::string>{"id", "from", "to", "area_km2", "likely_min_km2",
                                                         "likely_max_km2", "min_km2", "max_km2"}));
    for (const char* name : {"area_km2", "likely_min_km2", "likely_max_km2", "min_km2", "max_km2"}) {
        EXPECT_EQ(file.fieldTypes.at(name), OFTReal) << name;
    }
    EXPECT_EQ(file.fieldTypes.at("from"), OFTDate);
    EXPECT_EQ(file.fieldTypes.at("to"), OFTDate);
    ASSERT_EQ(file.features.size(), 2u);
    EXPECT_EQ(file.features[1].text.at("id"), "lost");
    EXPECT_EQ(file.features[1].text.at("from"), "1994/05/12");
    EXPECT_EQ(file.features[1].text.at("to"), "2020/11/10");
    for (const auto& feature : file.features) {
        const double km2 = feature.real.at("area_km2");
        EXPECT_NEAR(km2, reportedKm2(csv, feature.text.at("id")), 0.0005);
        // Full precision in a GeoPackage: the geometry's own geodesic area is the field's.
        EXPECT_NEAR(geo::geodesicAreaKm2(feature.geometry), km2, 1e-6 * std::max(km2, 1.0))
            << feature.text.at("id");
        EXPECT_LE(feature.real.at("min_km2"), feature.real.at("likely_min_km2"));
        EXPECT_LE(feature.real.at("likely_min_km2"), km2);
        EXPECT_LE(km2, feature.real.at("likely_max_km2"));
        EXPECT_LE(feature.real.at("likely_max_km2"), feature.real.at("max_km2"));
    }
    EXPECT_GT(file.features[1].real.at("area_km2"), 4000.0);
    EXPECT_EQ(fs::directory_iterator(m_folder)->path().filename(),
              "changes.gpkg");  // no -journal, no temporary
}

// --min-area on the 2020 war: the slivers between the 1994 and 2020 drawings of one border are counted
// and left out of lost and of the written pieces, whose geometry still measures as its area field.
TEST_F(DiffOutputTest, MinAreaLeavesSliversOutOfTheTotalsAndThePieces) {
    const std::vector<std::string> diff{"diff",       "--from",   "1994-05-12", "--to",
                                        "2020-11-10", "--format", "csv"};
    auto run = [&](const std::string& out, const std::vector<std::string>& extra) {
        std::vector<std::string> arguments = diff;
        arguments.insert(arguments.end(), {"--out", out});
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        const RunResult result = runFrontline(arguments);
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return parseCsv(result.out);
    };
    const std::string allOut = (m_folder / "all.gpkg").string(), keptOut = (m_folder / "kept.gpkg").string();
    const Csv all = run(allOut, {});
    const Csv kept = run(keptOut, {"--min-area", "0.01"});
    const double dropped = reportedKm2(kept, "pieces_dropped");
    EXPECT_GT(dropped, 0);
    EXPECT_GE(reportedKm2(kept, "pieces_kept"), 1);
    EXPECT_NEAR(reportedKm2(kept, "lost") + reportedKm2(kept, "dropped_lost"), reportedKm2(all, "lost"),
                0.0015);
    EXPECT_EQ(reportedKm2(kept, "closure"), reportedKm2(all, "closure"));
    const ReadBack allFile = readBack(allOut), keptFile = readBack(keptOut);
    ASSERT_EQ(keptFile.features.size(), 2u);
    ASSERT_EQ(allFile.features.size(), 2u);
    const std::size_t allPieces =
        allFile.features[0].geometry.polygons.size() + allFile.features[1].geometry.polygons.size();
    const std::size_t keptPieces =
        keptFile.features[0].geometry.polygons.size() + keptFile.features[1].geometry.polygons.size();
    EXPECT_EQ(keptPieces, static_cast<std::size_t>(reportedKm2(kept, "pieces_kept")));
    EXPECT_EQ(allPieces, keptPieces + static_cast<std::size_t>(dropped));
    const double lostKm2 = keptFile.features[1].real.at("area_km2");
    EXPECT_NEAR(lostKm2, reportedKm2(kept, "lost"), 0.0005);
    EXPECT_NEAR(geo::geodesicAreaKm2(keptFile.features[1].geometry), lostKm2, 1e-6 * lostKm2);
}

TEST_F(DiffOutputTest, EveryFormatCarriesTheSameAreas) {
    const RunResult report =
        runFrontline({"diff", kSynthetic, "--from", "2000-01-01", "--to", "2001-03-15", "--format", "csv"});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    const Csv csv = parseCsv(report.out);
    for (const std::string name : {"changes.gpkg", "changes.fgb", "changes.shp", "changes.geojson"}) {
        const std::string out = (m_folder / name).string();
        const RunResult result =
            runFrontline({"diff", kSynthetic, "--from", "2000-01-01", "--to", "2001-03-15", "--out", out});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        const ReadBack file = readBack(out);
        ASSERT_EQ(file.features.size(), 2u) << name;
        for (const auto& feature : file.features) {
            const double km2 = feature.real.at("area_km2");
            EXPECT_EQ(file.fieldTypes.at("area_km2"), OFTReal) << name;
            EXPECT_NEAR(km2, reportedKm2(csv, feature.text.at("id")), 0.0005) << name;
            // GeoJSON's 7 decimals move the outline by under a centimetre.
            EXPECT_NEAR(geo::geodesicAreaKm2(feature.geometry), km2, 1e-6 * km2) << name;
        }
    }
    // A Shapefile's field names have 10 characters at most: GDAL shortens two, and says so.
    const RunResult shapefile =
        runFrontline({"diff", kSynthetic, "--from", "2000-01-01", "--to", "2001-03-15", "--out",
                      (m_folder / "changes.shp").string(), "--format", "csv"});
    EXPECT_NE(shapefile.err.find("Normalized/laundered field name: 'likely_min_km2' to 'likely_min'"),
              std::string::npos)
        << shapefile.err;
}

}  // namespace
}  // namespace frontline::test
