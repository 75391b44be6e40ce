// The command line end to end on tests/data, compared with numbers computed independently in closed
// form (tests/data/make_synthetic.py → tests/expected/*.csv).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/run_frontline.hpp"

namespace frontline::test {
namespace {

namespace fs = std::filesystem;

const std::string kData = FRONTLINE_TEST_DATA;
const std::string kExpected = std::string(FRONTLINE_SOURCE_DIR) + "/tests/expected";
const std::string kSynthetic = kData + "/synthetic";

std::vector<std::string> filesIn(const std::string& folder) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::size_t lineCount(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(Cli, StatsMatchesClosedFormAreas) {
    const RunResult result = runFrontline({"stats", kSynthetic, "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectCsvMatches(result.out, kExpected + "/synthetic_stats.csv");
}

TEST(Cli, StatsByLayerSplitsTheHeldArea) {
    const RunResult result =
        runFrontline({"stats", kSynthetic, "--at", "2001-06-01", "--by", "halves", "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectCsvMatches(result.out, kExpected + "/synthetic_by_halves_2001.csv");
}

TEST(Cli, SeriesTakesDatesFromFileNames) {
    std::vector<std::string> arguments{"series", "--format", "csv"};
    for (const auto& file : filesIn(kData + "/series")) arguments.push_back(file);
    const RunResult result = runFrontline(arguments);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectCsvMatches(result.out, kExpected + "/synthetic_series.csv");
}

// WGS84 arcs in closed form (a parallel) and by Simpson's rule (a meridian), km.
double parallelKm(double latDeg, double dLonDeg) {
    const double a = 6378.137, e2 = 0.00669437999014, phi = latDeg * M_PI / 180;
    return dLonDeg * M_PI / 180 * a * std::cos(phi) / std::sqrt(1 - e2 * std::sin(phi) * std::sin(phi));
}

double meridianKm(double lat0Deg, double lat1Deg) {
    const double a = 6378.137, e2 = 0.00669437999014;
    auto m = [&](double phi) { return a * (1 - e2) / std::pow(1 - e2 * std::sin(phi) * std::sin(phi), 1.5); };
    const int n = 100;
    const double h = (lat1Deg - lat0Deg) * M_PI / 180 / n;
    double sum = m(lat0Deg * M_PI / 180) + m(lat1Deg * M_PI / 180);
    for (int i = 1; i < n; ++i) sum += (i % 2 ? 4 : 2) * m(lat0Deg * M_PI / 180 + i * h);
    return sum * h / 3;
}

TEST(Cli, SeriesFrontLeavesOutTheContextLines) {
    // The 2000 snapshot is the box 44–46 E × 40–41 N; the context line runs along its west side, so the
    // front is the other three sides, less the 10 m of the north and south sides inside the match zone.
    std::vector<std::string> arguments{
        "series", "--format", "csv", "--context", kData + "/context/west_border.geojson", "--match-m", "10"};
    for (const auto& file : filesIn(kData + "/series")) arguments.push_back(file);
    const RunResult result = runFrontline(arguments);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string firstRow = result.out.substr(result.out.find('\n') + 1);
    const double frontKm =
        std::strtod(firstRow.substr(firstRow.rfind(',', firstRow.find('\n')) + 1).c_str(), nullptr);
    const double expected = parallelKm(40, 2) + parallelKm(41, 2) + meridianKm(40, 41) - 2 * 0.010;
    EXPECT_NEAR(frontKm, expected, 0.05);  // the column has 0.1 km
    EXPECT_GT(std::abs(frontKm - (expected + meridianKm(40, 41))), 100);
}

// The closed-form steps of tests/expected/synthetic_series.csv, summed per year: each step counts in
// the year of its later snapshot (439 days from 2000-01-01 to 2001-03-15, 473 to 2002-07-01).
TEST(Cli, SeriesEveryYearSumsTheStepsWhereTheyAreFirstSeen) {
    std::vector<std::string> arguments{"series", "--format", "csv", "--every", "year", kData + "/series"};
    const RunResult result = runFrontline(arguments);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const Csv csv = parseCsv(result.out);
    ASSERT_EQ(csv.rows.size(), 2u) << result.out;
    const auto cell = [&](std::size_t row, const std::string& name) {
        return csv.rows[row][static_cast<std::size_t>(csv.column(name))];
    };
    EXPECT_EQ(cell(0, "period"), "2001-01-01");
    EXPECT_EQ(cell(0, "days"), "439");
    EXPECT_NEAR(std::stod(cell(0, "gained_km2")), 6981.392008, kToleranceKm2);
    EXPECT_NEAR(std::stod(cell(0, "lost_km2")), 7051.005252, kToleranceKm2);
    EXPECT_NEAR(std::stod(cell(0, "net_km2_per_day")), -69.613245 / 439, 0.001);
    EXPECT_EQ(cell(1, "period"), "2002-01-01");
    EXPECT_EQ(cell(1, "first_seen"), "2001-03-15");
    EXPECT_EQ(cell(1, "days"), "473");
    EXPECT_NEAR(std::stod(cell(1, "net_km2")), -2361.846352, kToleranceKm2);
}

// The tables of a report that has several: CSV puts a blank line between them.
std::vector<std::string> csvTables(const std::string& text) {
    std::vector<std::string> tables;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find("\n\n", start)) != std::string::npos; start = end + 2) {
        tables.push_back(text.substr(start, end + 1 - start));
    }
    tables.push_back(text.substr(start));
    return tables;
}

std::vector<std::string> column(const Csv& csv, const std::string& name) {
    std::vector<std::string> values;
    for (const auto& row : csv.rows) values.push_back(row[static_cast<std::size_t>(csv.column(name))]);
    return values;
}

const std::string kTowns = kData + "/places/towns.geojson";

TEST(Cli, StatsByLayerWithoutADateSplitsEveryState) {
    const RunResult result = runFrontline({"stats", kSynthetic, "--by", "halves", "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectCsvMatches(result.out, kExpected + "/synthetic_by_halves.csv");
}

TEST(Cli, DiffByLayerSplitsGainedAndLostAndAddsUpToTheDiff) {
    const RunResult result = runFrontline({"diff", kSynthetic, "--from", "2000-01-01", "--to", "2001-03-15",
                                           "--by", "halves", "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "");  // the halves do not overlap: no warning
    const std::vector<std::string> tables = csvTables(result.out);
    ASSERT_EQ(tables.size(), 2u) << result.out;
    expectCsvMatches(tables[1], kExpected + "/synthetic_diff_by_halves.csv");
    // The total row is the diff's own gained and lost.
    const Csv areas = parseCsv(tables[0]), regions = parseCsv(tables[1]);
    EXPECT_EQ(regions.rows.back()[static_cast<std::size_t>(regions.column("gained_km2"))], areas.rows[2][2]);
    EXPECT_EQ(regions.rows.back()[static_cast<std::size_t>(regions.column("lost_km2"))], areas.rows[3][2]);
}

TEST(Cli, StatsPlacesGivesTheDatesEachPlaceChangedHands) {
    const RunResult result = runFrontline({"stats", kSynthetic, "--places=" + kTowns, "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectCsvMatches(result.out, kExpected + "/synthetic_places_timeline.csv");
    EXPECT_EQ(column(parseCsv(result.out), "layer"), std::vector<std::string>(6, "towns"));
}

TEST(Cli, DiffPlacesOfAFolderOfSnapshotsComeFromAPointFile) {
    const RunResult result = runFrontline({"diff", kData + "/series", "--from", "2000-01-01", "--to",
                                           "2001-03-15", "--places", kTowns, "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::vector<std::string> tables = csvTables(result.out);
    ASSERT_EQ(tables.size(), 2u) << result.out;
    const Csv places = parseCsv(tables[1]);
    EXPECT_EQ(places.header,
              (std::vector<std::string>{"place", "name_alt", "layer", "change", "line_km", "on_line"}));
    EXPECT_EQ(column(places, "place"), (std::vector<std::string>{"Edge", "Hole", "North", "Rim"}));
    EXPECT_EQ(column(places, "change"), (std::vector<std::string>{"lost", "lost", "gained", "lost"}));
    // Edge lies 0.05° of longitude east of the 2001 box (4.23 km at 40.5 N); Rim on the 2000 box's side,
    // which is on the line even with no uncertainty stated.
    EXPECT_EQ(column(places, "line_km"), (std::vector<std::string>{"4.2", "21.1", "21.0", "0.0"}));
    EXPECT_EQ(column(places, "on_line"), (std::vector<std::string>{"no", "no", "no", "yes"}));
}

TEST(Cli, DiffWithMoreTablesIsOneJsonObject) {
    const RunResult result = runFrontline({"diff", kSynthetic, "--from", "2000-01-01", "--to", "2001-03-15",
                                           "--by", "halves", "--places=" + kTowns, "--format", "json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("{\n  \"areas\": [\n", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("\n  ],\n  \"regions\": [\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\n  ],\n  \"places\": [\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\"line_km\": 4.2,"), std::string::npos) << result.out;
}

// The done-when of issue #12, item 5, on the bundled scenario: the 2020 war took Shusha, Hadrut, Jabrayil,
// Fuzuli, Qubadli, Zangilan and Sugovushan; Khankendi, Martakert, Askeran and Khojavend stayed held.
TEST(Cli, DiffNamesThePlacesThe2020WarTook) {
    const std::string scenario = std::string(FRONTLINE_SOURCE_DIR) + "/geodata/karabakh";
    const RunResult result = runFrontline(
        {"diff", scenario, "--from", "1994-05-12", "--to", "2020-11-10", "--places", "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::vector<std::string> tables = csvTables(result.out);
    ASSERT_EQ(tables.size(), 2u) << result.out;
    const Csv places = parseCsv(tables[1]);
    const std::vector<std::string> names = column(places, "place");
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
    auto named = [&](const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    for (const char* taken :
         {"Shusha", "Hadrut", "Jabrayil", "Fuzuli", "Qubadli", "Zangilan", "Sugovushan"}) {
        EXPECT_TRUE(named(taken)) << taken << " in\n" << tables[1];
    }
    for (const char* kept : {"Khankendi", "Martakert", "Askeran", "Khojavend"}) {
        EXPECT_FALSE(named(kept)) << kept << " in\n" << tables[1];
    }
    EXPECT_EQ(column(places, "change"), std::vector<std::string>(names.size(), "lost"));
}

TEST(Cli, StatsAndDiffTakeAFolderOfSnapshots) {
    const RunResult stats = runFrontline({"stats", "--format", "csv", kData + "/series"});
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    expectCsvMatches(stats.out, kExpected + "/synthetic_series.csv");
    const RunResult diff = runFrontline(
        {"diff", "--format", "csv", kData + "/series", "--from", "2000-01-01", "--to", "2002-07-01"});
    ASSERT_EQ(diff.exitCode, 0) << diff.err;
    const Csv csv = parseCsv(diff.out);
    // From the box of 2000 to that of 2002: the net is the difference of the closed-form areas.
    EXPECT_NEAR(std::stod(csv.rows[4][2]), 16394.243612 - 18825.703208, kToleranceKm2) << diff.out;
}

// A [series] of three lines in scenario.toml reads the same files as the folder given on the command line.
TEST(Cli, AManifestSeriesIsTheFolderOfSnapshots) {
    const RunResult result = runFrontline({"stats", "--format", "csv", kData + "/series_manifest"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectCsvMatches(result.out, kExpected + "/synthetic_series.csv");
}

TEST(Cli, SeriesContextNeedsAMatchTolerance) {
    std::vector<std::string> arguments{"series", "--context", kData + "/context/west_border.geojson"};
    for (const auto& file : filesIn(kData + "/series")) arguments.push_back(file);
    const RunResult result = runFrontline(arguments);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--context needs --match-m METRES"), std::string::npos) << result.err;
}

TEST(Cli, SeriesTakesDatesFromAProperty) {
    std::vector<std::string> arguments{"series", "--date-field", "date", "--format", "csv"};
    for (const auto& file : filesIn(kData + "/series_field")) arguments.push_back(file);
    const RunResult result = runFrontline(arguments);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    expectCsvMatches(result.out, kExpected + "/synthetic_series.csv");
}

TEST(Cli, SeriesWithoutADateInTheNameSaysWhich) {
    const RunResult result = runFrontline({"series", kSynthetic + "/layers/region.geojson"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "frontline: error: '" + kSynthetic +
                              "/layers/region.geojson': no date in the file name (--date-regex "
                              "'(\\d{4}-\\d{2}-\\d{2}|\\d{8})')\n");
}

TEST(Cli, DiffReportsChangeAndWritesGeoJson) {
    const std::string out =
        (fs::temp_directory_path() / ("frontline-diff-" + std::to_string(::getpid()) + ".geojson")).string();
    const RunResult result = runFrontline(
        {"diff", kSynthetic, "--from", "2000-01-01", "--to", "2001-03-15", "--out", out, "--format", "csv"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const Csv csv = parseCsv(result.out);
    ASSERT_EQ(csv.rows.size(), 6u);
    EXPECT_EQ(csv.rows[2][0], "gained");
    EXPECT_NEAR(std::stod(csv.rows[2][2]), 6981.392008, kToleranceKm2);
    EXPECT_EQ(csv.rows[3][0], "lost");
    EXPECT_NEAR(std::stod(csv.rows[3][2]), 7051.005252, kToleranceKm2);
    EXPECT_EQ(csv.rows[5][0], "closure");
    EXPECT_LT(std::stod(csv.rows[5][2]), 1e-6);

    // The written file reads back as the same areas.
    const RunResult info = runFrontline({"info", out, "--format", "csv"});
    ASSERT_EQ(info.exitCode, 0) << info.err;
    const Csv layers = parseCsv(info.out);
    ASSERT_EQ(layers.rows.size(), 1u);
    EXPECT_EQ(layers.rows[0][static_cast<std::size_t>(layers.column("features"))], "2");
    EXPECT_NEAR(std::stod(layers.rows[0][static_cast<std::size_t>(layers.column("area_km2"))]),
                6981.392008 + 7051.005252, kToleranceKm2);
    fs::remove(out);
}

TEST(Cli, DiffPiecesStayValidWhenReadBack) {
    // The 2020 war on the bundled scenario: thin pieces along the old line once rounded to GeoJSON's 7
    // decimals one coordinate at a time made a ring touch itself, and reading the file back warned.
    const std::string scenario = std::string(FRONTLINE_SOURCE_DIR) + "/geodata/karabakh";
    const std::string out =
        (fs::temp_directory_path() / ("frontline-diff-valid-" + std::to_string(::getpid()) + ".geojson"))
            .string();
    const RunResult result =
        runFrontline({"diff", scenario, "--from", "1994-05-12", "--to", "2020-11-10", "--out", out});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const RunResult info = runFrontline({"info", out, "--format", "csv", "--strict"});
    EXPECT_EQ(info.exitCode, 0) << info.err;
    EXPECT_EQ(info.err, "");
    fs::remove(out);
}

TEST(Cli, DiffToAnUnwritablePathFailsAndLeavesNothing) {
    const RunResult result = runFrontline({"diff", kSynthetic, "--from", "2000-01-01", "--to", "2001-03-15",
                                           "--out", "/nonexistent/x.geojson"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("frontline: error: cannot write '/nonexistent/x.geojson': ", 0), 0u)
        << result.err;
    EXPECT_FALSE(fs::exists("/nonexistent/x.geojson"));
}

TEST(Cli, FormatsAgreeOnTheNumbers) {
    const RunResult csv = runFrontline({"stats", kSynthetic, "--format", "csv"});
    const RunResult json = runFrontline({"stats", kSynthetic, "--format", "json"});
    const RunResult table = runFrontline({"stats", kSynthetic});
    const RunResult markdown = runFrontline({"stats", kSynthetic, "--format", "md"});
    ASSERT_EQ(json.exitCode, 0);
    for (const char* number : {"18825.703", "6981.392", "-2361.846", "16394.244"}) {
        EXPECT_NE(csv.out.find(number), std::string::npos) << number;
        EXPECT_NE(json.out.find(number), std::string::npos) << number;
        EXPECT_NE(table.out.find(number), std::string::npos) << number;
        EXPECT_NE(markdown.out.find(number), std::string::npos) << number;
    }
    EXPECT_NE(json.out.find("\"gained_km2\": null"), std::string::npos);
}

TEST(Cli, BadInputEndsWithExitCode2AndOneLine) {
    struct Case {
        std::vector<std::string> arguments;
        std::string message;
    };
    for (const Case& c : std::vector<Case>{
             {{"stats", kSynthetic, "--at", "2020-13-01"},
              "frontline: usage error: --at: '2020-13-01' is not a valid date: month 13 is not in 1..12\n"},
             {{"stats", kSynthetic, "--at", "1999-12-31"},
              "frontline: usage error: no control state on or before 1999-12-31 in '" + kSynthetic +
                  "/scenario.toml' (the first is 2000-01-01)\n"},
             {{"stats", kSynthetic, "--format", "xml"},
              "frontline: usage error: unknown --format 'xml' (table, csv, json, md)\n"},
             {{"stats", kSynthetic, "--method", "flat"},
              "frontline: usage error: unknown --method 'flat' (geodesic, planar)\n"},
             {{"info", "/nonexistent.geojson"}, "frontline: error: '/nonexistent.geojson': no such file\n"},
             {{"stats", "/nonexistent"}, "frontline: error: '/nonexistent': no such file\n"},
             {{"diff", kSynthetic, "--from", "2001-01-01", "--to", "2000-06-01"},
              "frontline: usage error: --to 2000-06-01 is before --from 2001-01-01\n"},
             {{"export", kSynthetic, "--out", "never-written.png", "--at", "2001-06-01", "--names", "latin"},
              "frontline: usage error: unknown --names 'latin' (primary, alt, both)\n"},
         }) {
        const RunResult result = runFrontline(c.arguments);
        EXPECT_EQ(result.exitCode, 2) << c.message;
        EXPECT_EQ(result.err, c.message);
        EXPECT_EQ(lineCount(result.err), 1u);
    }
}

TEST(Cli, UnknownOptionIsAUsageError) {
    const RunResult result = runFrontline({"stats", "--colour", "red"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("--colour"), std::string::npos) << result.err;
}

TEST(Cli, EveryCommandHasHelpWithAnExample) {
    for (const char* command : {"info", "stats", "diff", "series"}) {
        const RunResult result = runFrontline({command, "--help"});
        EXPECT_EQ(result.exitCode, 0) << command;
        EXPECT_NE(result.out.find("Example"), std::string::npos) << command;
        EXPECT_NE(result.out.find(std::string("frontline ") + command), std::string::npos) << command;
    }
}

// The length of the meridian arc between two latitudes on WGS84, km, by Simpson's rule on
// M'(φ) = a(1 − e²) / (1 − e² sin²φ)^{3/2}: a line along one meridian is a chain of geodesics.
double meridianArcKm(double fromDegrees, double toDegrees) {
    const double a = 6378.137, f = 1 / 298.257223563, e2 = f * (2 - f);
    const double pi = std::acos(-1.0);
    const double from = fromDegrees * pi / 180, to = toDegrees * pi / 180;
    auto derivative = [&](double phi) {
        return a * (1 - e2) / std::pow(1 - e2 * std::sin(phi) * std::sin(phi), 1.5);
    };
    const int steps = 1000;
    const double h = (to - from) / steps;
    double sum = derivative(from) + derivative(to);
    for (int i = 1; i < steps; ++i) sum += (i % 2 ? 4 : 2) * derivative(from + i * h);
    return sum * h / 3;
}

// Each layer counts the warnings about its own features: the bow-tie (one self-intersecting polygon,
// repaired) has one, the unclosed ring one, the clean cell none.
TEST(Cli, InfoCountsTheWarningsOfEachLayer) {
    const std::string bad = std::string(FRONTLINE_SOURCE_DIR) + "/tests/bad/";
    const RunResult run =
        runFrontline({"info", bad + "self-intersection.geojson", kSynthetic + "/layers/held_2000.geojson",
                      bad + "unclosed-ring.geojson", "--format", "csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const Csv table = parseCsv(run.out);
    ASSERT_EQ(table.rows.size(), 3u);
    const auto warnings = static_cast<std::size_t>(table.column("warnings"));
    EXPECT_EQ(table.rows[0][warnings], "1");
    EXPECT_EQ(table.rows[1][warnings], "0");
    EXPECT_EQ(table.rows[2][warnings], "1");
}

TEST(Cli, InfoForProgramsGivesTheBoundingBoxAsNumbersAndTheLengthOfLines) {
    const std::string border = kData + "/context/west_border.geojson";  // 44°E, 39.9–41.6°N
    const RunResult csv =
        runFrontline({"info", border, kSynthetic + "/layers/held_2000.geojson", "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    const Csv table = parseCsv(csv.out);
    EXPECT_EQ(table.header, (std::vector<std::string>{"layer", "role", "source_crs", "features", "vertices",
                                                      "min_lon", "min_lat", "max_lon", "max_lat", "area_km2",
                                                      "length_km", "warnings"}));
    ASSERT_EQ(table.rows.size(), 2u);
    auto field = [&](std::size_t row, const std::string& name) {
        return table.rows[row][static_cast<std::size_t>(table.column(name))];
    };
    EXPECT_EQ(field(0, "min_lon"), "44.0000000");
    EXPECT_EQ(field(0, "min_lat"), "39.9000000");
    EXPECT_EQ(field(0, "max_lon"), "44.0000000");
    EXPECT_EQ(field(0, "max_lat"), "41.6000000");
    EXPECT_EQ(field(0, "area_km2"), "");
    EXPECT_NEAR(std::stod(field(0, "length_km")), meridianArcKm(39.9, 41.6), 0.001);
    EXPECT_EQ(field(1, "length_km"), "");  // polygons only
    EXPECT_EQ(field(1, "max_lat"), "41.0000000");

    const RunResult json = runFrontline({"info", border, "--format", "json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_NE(json.out.find("\"min_lat\": 39.9,"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"area_km2\": null,"), std::string::npos) << json.out;
    // The text table keeps its one bbox column.
    const RunResult text = runFrontline({"info", border});
    EXPECT_NE(text.out.find("44.0000 39.9000 44.0000 41.6000"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("length_km"), std::string::npos) << text.out;
}

TEST(Cli, InfoDescribesTheScenario) {
    const RunResult result = runFrontline({"info", kSynthetic});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("5 layers, 4 control states (2000-01-01 … 2003-01-01), 2 events"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("WGS 84 (EPSG:4326)"), std::string::npos);
}

// Writes a grid of COLUMNS × ROWS square cells of 0.01° from 44°E, 40°N, each edge in `steps` pieces on
// one lattice (shared vertices are equal to the last digit), then the first `repeats` cells again, and
// returns the vertex count. With `outlineOnly`, one polygon with the grid's outer lattice points instead.
std::size_t writeCellGrid(const fs::path& path, int columns, int rows, int steps, int repeats,
                          bool outlineOnly) {
    std::ofstream out(path);
    const double step = 0.01 / steps;
    std::size_t vertices = 0;
    auto point = [&](int i, int j) {
        char text[48];
        std::snprintf(text, sizeof text, "[%.7f,%.7f]", 44.0 + i * step, 40.0 + j * step);
        ++vertices;
        return std::string(text);
    };
    // Counter-clockwise round the lattice box [i0, i1] × [j0, j1].
    auto ring = [&](int i0, int j0, int i1, int j1) {
        std::string text = "[[";
        for (int i = i0; i < i1; ++i) text += point(i, j0) + ",";
        for (int j = j0; j < j1; ++j) text += point(i1, j) + ",";
        for (int i = i1; i > i0; --i) text += point(i, j1) + ",";
        for (int j = j1; j > j0; --j) text += point(i0, j) + ",";
        return text + point(i0, j0) + "]]";
    };
    out << R"({"type":"FeatureCollection","features":[)";
    auto feature = [&](int n, const std::string& coordinates) {
        out << (n ? "," : "") << R"({"type":"Feature","id":"c)" << n
            << R"(","properties":{},"geometry":{"type":"Polygon","coordinates":)" << coordinates << "}}\n";
    };
    if (outlineOnly) {
        feature(0, ring(0, 0, columns * steps, rows * steps));
    } else {
        const int cells = columns * rows;
        for (int n = 0; n < cells + repeats; ++n) {
            const int c = (n % cells) % columns, r = (n % cells) / columns;
            feature(n, ring(c * steps, r * steps, (c + 1) * steps, (r + 1) * steps));
        }
    }
    out << "]}\n";
    return vertices;
}

// info streams a layer's features and unites their polygons batch by batch: a layer of more than one
// batch (2^20 vertices) must still give the area of the union, overlaps counted once. The grid's cells
// share their borders, and the first row is there twice, at the end of the file (another batch than
// the originals); the union is the grid's outline, whose own area is measured as one polygon.
TEST(CliLarge, InfoOfALayerOfSeveralBatchesMeasuresTheUnion) {
    const fs::path folder = fs::temp_directory_path() / ("frontline-batches-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    const int columns = 40, rows = 28, steps = 240;
    const std::size_t vertices =
        writeCellGrid(folder / "cells.geojson", columns, rows, steps, columns, /*outlineOnly=*/false);
    writeCellGrid(folder / "outline.geojson", columns, rows, steps, 0, /*outlineOnly=*/true);
    ASSERT_GT(vertices, std::size_t{1} << 20);
    const RunResult cells = runFrontline({"info", (folder / "cells.geojson").string(), "--format", "csv"});
    const RunResult outline =
        runFrontline({"info", (folder / "outline.geojson").string(), "--format", "csv"});
    fs::remove_all(folder);
    ASSERT_EQ(cells.exitCode, 0) << cells.err;
    ASSERT_EQ(outline.exitCode, 0) << outline.err;
    const Csv grid = parseCsv(cells.out), box = parseCsv(outline.out);
    const auto field = [](const Csv& csv, const char* name) {
        return csv.rows.at(0).at(static_cast<std::size_t>(csv.column(name)));
    };
    EXPECT_EQ(field(grid, "features"), std::to_string(columns * rows + columns));
    EXPECT_EQ(field(grid, "vertices"), std::to_string(vertices));
    EXPECT_EQ(field(grid, "max_lon"), field(box, "max_lon"));
    // 0.4° × 0.28° at 40° N: 34 km × 31 km; the repeated row would add 38 km² to a sum over features.
    EXPECT_NEAR(std::stod(field(grid, "area_km2")), std::stod(field(box, "area_km2")), 0.0015);
    EXPECT_NEAR(std::stod(field(box, "area_km2")), 1060, 1);
}

// The scale the issue asks for: 500 daily snapshot files of ~5,000 vertices each.
TEST(CliLarge, SeriesHandles500SnapshotsOf5000Vertices) {
    const fs::path folder = fs::temp_directory_path() / ("frontline-500-" + std::to_string(::getpid()));
    const std::string generate =
        std::string(FRONTLINE_SNAPSHOT_GENERATOR) + " '" + folder.string() + "' 500 5000 42";
    ASSERT_EQ(std::system(generate.c_str()), 0);
    std::vector<std::string> arguments{"series", "--format", "csv"};
    for (const auto& file : filesIn(folder.string())) arguments.push_back(file);
    ASSERT_EQ(arguments.size(), 503u);
    const RunResult result = runFrontline(arguments);
    fs::remove_all(folder);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const Csv csv = parseCsv(result.out);
    ASSERT_EQ(csv.rows.size(), 500u);
    EXPECT_EQ(csv.rows.front()[0], "2020-01-01");
    EXPECT_EQ(csv.rows.back()[0], "2021-05-14");  // 499 days later
    const auto at = [&](std::size_t r, const char* name) {
        return std::stod(csv.rows[r][static_cast<std::size_t>(csv.column(name))]);
    };
    for (std::size_t r = 1; r < csv.rows.size(); ++r) {
        const double net = at(r, "net_km2");
        EXPECT_NEAR(net, at(r, "area_km2") - at(r - 1, "area_km2"), 0.0015) << csv.rows[r][0];
        // The printed net is the printed gained minus the printed lost.
        EXPECT_NEAR(net, at(r, "gained_km2") - at(r, "lost_km2"), 1e-9) << csv.rows[r][0];
        EXPECT_EQ(csv.rows[r][static_cast<std::size_t>(csv.column("days"))], "1");
    }
}

}  // namespace
}  // namespace frontline::test
