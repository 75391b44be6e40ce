// Scenario manifests: the synthetic scenario loads, and every kind of mistake is named with
// file:line:column, the entry and the key.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "io/scenario_reader.hpp"

namespace frontline::io {
namespace {

namespace fs = std::filesystem;

const std::string kSynthetic = std::string(FRONTLINE_TEST_DATA) + "/synthetic";
const std::string kLayer = kSynthetic + "/layers/held_2000.geojson";

class ManifestTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_folder = fs::temp_directory_path() / ("frontline-manifest-" + std::to_string(::getpid()));
        fs::create_directories(m_folder);
    }
    void TearDown() override { fs::remove_all(m_folder); }

    Scenario load(const std::string& manifest) {
        std::ofstream(m_folder / "scenario.toml") << manifest;
        return readScenario(m_folder, {}, m_proj, m_geos, m_diagnostics);
    }
    // The DataError message for a manifest, with the temp folder replaced by "DIR".
    std::string errorOf(const std::string& manifest) {
        try {
            load(manifest);
        } catch (const DataError& e) {
            std::string message = e.what();
            const std::string folder = m_folder.string();
            for (auto at = message.find(folder); at != std::string::npos; at = message.find(folder)) {
                message.replace(at, folder.size(), "DIR");
            }
            return message;
        }
        return "no error";
    }

    fs::path m_folder;
    geo::ProjContext m_proj;
    geo::GeosContext m_geos;
    Diagnostics m_diagnostics;
};

const std::string kHeader = "[scenario]\nname = \"t\"\n";
std::string layer(const std::string& extra = "") {
    return "[[layer]]\nid = \"held\"\npath = \"" + kLayer + "\"\nrole = \"control\"\n" + extra;
}

// [series] attribution: the credit of every snapshot layer, as --attribution on the command line.
TEST_F(ManifestTest, SeriesAttributionGoesToEverySnapshot) {
    const Scenario scenario = load(kHeader + "[series]\nfiles = \"" + std::string(FRONTLINE_TEST_DATA) +
                                   "/series/held_*.geojson\"\nattribution = \"Maps: a test\"\n");
    ASSERT_GE(scenario.layers.size(), 3u);
    for (const Layer& layer : scenario.layers) EXPECT_EQ(layer.attribution, "Maps: a test") << layer.id;
}

TEST_F(ManifestTest, LoadsTheSyntheticScenario) {
    const Scenario scenario = readScenario(kSynthetic, {}, m_proj, m_geos, m_diagnostics);
    EXPECT_EQ(scenario.name, "synthetic");
    EXPECT_EQ(scenario.subject, "Blue-held");
    EXPECT_EQ(scenario.layers.size(), 5u);
    ASSERT_EQ(scenario.timeline.states().size(), 4u);
    EXPECT_EQ(scenario.timeline.states()[1].date, Date(2001, 3, 15));  // a TOML date, not a string
    EXPECT_TRUE(scenario.timeline.states()[3].empty);
    ASSERT_EQ(scenario.events.size(), 2u);
    EXPECT_EQ(scenario.events[1].minutesOfDay, 13 * 60);
    EXPECT_EQ(scenario.events[1].utcOffsetMinutes, 240);
    EXPECT_EQ(scenario.layer("held_2002").uncertaintyM, 1000.0);
    EXPECT_EQ(scenario.layer("held_2000").style.fill, "#2255aa");
    EXPECT_TRUE(m_diagnostics.empty());
}

TEST_F(ManifestTest, UnknownKeyIsAnError) {
    EXPECT_EQ(
        errorOf(kHeader + layer("colour = \"red\"\n")),
        "DIR/scenario.toml:7:10: [[layer]] 'held': 'colour': unknown key (known: id, path, source_layer, "
        "role, "
        "title, uncertainty_m, attribution, sources, crs, style, references, match_m, front, "
        "length_resolution, schematic)");
}

TEST_F(ManifestTest, UnknownRoleIsAnError) {
    EXPECT_EQ(errorOf(kHeader + "[[layer]]\nid = \"x\"\npath = \"" + kLayer + "\"\nrole = \"frontier\"\n"),
              "DIR/scenario.toml:6:8: [[layer]] 'x': 'role': unknown role 'frontier' (boundary, control, "
              "corridor, place, context)");
}

TEST_F(ManifestTest, MissingLayerFileIsNamed) {
    EXPECT_EQ(errorOf(kHeader + "[[layer]]\nid = \"x\"\npath = \"nowhere.geojson\"\nrole = \"control\"\n"),
              "DIR/scenario.toml:5:8: [[layer]] 'x': 'path': no such file 'DIR/nowhere.geojson'");
}

TEST_F(ManifestTest, MalformedTomlNamesLineAndColumn) {
    const std::string message = errorOf(kHeader + "[[layer]]\nid = \"x\n");
    EXPECT_EQ(message.rfind("DIR/scenario.toml:4:", 0), 0u) << message;
    EXPECT_NE(message.find("malformed TOML"), std::string::npos) << message;
}

TEST_F(ManifestTest, BadDateIsAnError) {
    EXPECT_EQ(errorOf(kHeader + layer() + "[[state]]\ndate = \"2020-02-30\"\nlayer = \"held\"\n"),
              "DIR/scenario.toml:8:8: [[state]] #1: 'date': '2020-02-30' is not a valid date: day 30 does "
              "not exist in 2020-02");
}

TEST_F(ManifestTest, StateNamingAMissingLayerIsAnError) {
    EXPECT_EQ(errorOf(kHeader + layer() + "[[state]]\ndate = \"2020-01-01\"\nlayer = \"gone\"\n"),
              "DIR/scenario.toml:9:9: [[state]] #1: 'layer': no layer with id 'gone'");
}

TEST_F(ManifestTest, StateNamingAMissingFeatureIsAnError) {
    EXPECT_EQ(errorOf(kHeader + layer() +
                      "[[state]]\ndate = \"2020-01-01\"\nlayer = \"held\"\nfeature = \"nope\"\n"),
              "DIR/scenario.toml:10:11: [[state]] #1: 'feature': layer 'held' has no feature 'nope'");
}

TEST_F(ManifestTest, TwoStatesOnOneDateAreAnError) {
    EXPECT_EQ(errorOf(kHeader + layer() +
                      "[[state]]\ndate = \"2020-01-01\"\nlayer = \"held\"\n[[state]]\ndate = "
                      "\"2020-01-01\"\nempty = true\n"),
              "DIR/scenario.toml: two control states share the date 2020-01-01");
}

TEST_F(ManifestTest, StateOnANonControlLayerIsAnError) {
    EXPECT_EQ(errorOf(kHeader + "[[layer]]\nid = \"b\"\npath = \"" + kLayer +
                      "\"\nrole = \"boundary\"\n[[state]]\ndate = \"2020-01-01\"\nlayer = \"b\"\n"),
              "DIR/scenario.toml:9:9: [[state]] #1: 'layer': layer 'b' has role 'boundary', not 'control'");
}

TEST_F(ManifestTest, MissingScenarioTableIsAnError) {
    EXPECT_EQ(errorOf(layer()), "DIR/scenario.toml:1:1: scenario.toml: missing the [scenario] table");
}

TEST_F(ManifestTest, BadStyleColourIsAnError) {
    EXPECT_EQ(errorOf(kHeader + layer("[layer.style]\nfill = \"red\"\n")),
              "DIR/scenario.toml:8:8: [[layer]] 'held'.style: 'fill': must be #rrggbb or #rrggbbaa");
}

}  // namespace
}  // namespace frontline::io
