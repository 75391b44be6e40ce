// Pins the bundled Karabakh layers, so that a careless edit of the data fails CI. Reference values are
// the published figures (shared/DATA.md §3) with the tolerance their generalisation allows, and the
// areas measured when the layers were derived (geodata/karabakh/SOURCES.md).

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analysis/control.hpp"
#include "core/diagnostics.hpp"
#include "geo/geodesic.hpp"
#include "io/scenario_reader.hpp"

namespace frontline {
namespace {

const std::string kScenario = std::string(FRONTLINE_SOURCE_DIR) + "/geodata/karabakh";

class KarabakhTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_proj = new geo::ProjContext;
        s_geos = new geo::GeosContext;
        s_diagnostics = new Diagnostics;
        s_scenario = new Scenario(io::readScenario(kScenario, {true, true}, *s_proj, *s_geos, *s_diagnostics));
    }
    static void TearDownTestSuite() {
        delete s_scenario;
        delete s_diagnostics;
        delete s_geos;
        delete s_proj;
    }
    static double areaKm2(const std::string& layer, const std::string& feature = {}) {
        return geo::geodesicAreaKm2(analysis::layerPolygons(*s_geos, s_scenario->layer(layer), feature));
    }

    static geo::ProjContext* s_proj;
    static geo::GeosContext* s_geos;
    static Diagnostics* s_diagnostics;
    static Scenario* s_scenario;
};

geo::ProjContext* KarabakhTest::s_proj = nullptr;
geo::GeosContext* KarabakhTest::s_geos = nullptr;
Diagnostics* KarabakhTest::s_diagnostics = nullptr;
Scenario* KarabakhTest::s_scenario = nullptr;

TEST_F(KarabakhTest, LoadsStrictlyWithoutWarnings) {
    // Loaded with strict = true: any invalid polygon would have thrown.
    EXPECT_TRUE(s_diagnostics->empty());
    for (const auto& layer : s_scenario->layers) EXPECT_EQ(layer.sourceCrs, "WGS 84 (EPSG:4326)") << layer.id;
}

TEST_F(KarabakhTest, CountryAreasCalibrateWithinOnePercent) {
    EXPECT_NEAR(areaKm2("borders", "arm"), 29743, 0.01 * 29743);  // official area of Armenia
    EXPECT_NEAR(areaKm2("borders", "aze"), 86600, 0.01 * 86600);  // of Azerbaijan
}

TEST_F(KarabakhTest, NkaoIsPinnedAndWithinThreePercentOfTheOfficialArea) {
    EXPECT_NEAR(areaKm2("nkao"), 4282, 5);            // polygonized NE "Former USSR oblast in 1991"
    EXPECT_NEAR(areaKm2("nkao"), 4388, 0.03 * 4388);  // published ≈4,400 (4,388)
}

TEST_F(KarabakhTest, HeldArea1994IsPinned) {
    EXPECT_NEAR(areaKm2("control_1994"), 11927, 10);  // polygonized NE "Ceasefire Line 1994"
}

TEST_F(KarabakhTest, AuthoredStatesArePinned) {
    EXPECT_NEAR(areaKm2("control_2020-11-10"), 7753.8, 1.0);
    EXPECT_NEAR(areaKm2("control_2020-11-20"), 6756.2, 1.0);
    EXPECT_NEAR(areaKm2("control_2020-11-25"), 4944.9, 1.0);
    EXPECT_NEAR(areaKm2("control_2022-08-26"), 3100.0, 1.0);
}

TEST_F(KarabakhTest, HeldAfterHandoversIsWithinPublishedEstimates) {
    const double area = areaKm2("control_2020-12-01");
    EXPECT_NEAR(area, 3098.7, 1.0);
    EXPECT_GE(area, 2800);  // ≈2,800 [19] … 27.7 % of the pre-war area ≈3,170 [18]
    EXPECT_LE(area, 3200);
}

TEST_F(KarabakhTest, StatesShrinkMonotonicallyAndEndEmpty) {
    const auto& states = s_scenario->timeline.states();
    ASSERT_EQ(states.size(), 7u);
    double previous = 1e9;
    for (std::size_t i = 0; i + 2 < states.size(); ++i) {  // the 2022 reroute adds a sliver: stop before it
        const double area = geo::geodesicAreaKm2(analysis::controlGeometry(*s_geos, *s_scenario, states[i]));
        EXPECT_LT(area, previous) << states[i].date.iso();
        previous = area;
    }
    EXPECT_TRUE(states.back().empty);
    EXPECT_EQ(states.back().date, Date(2023, 9, 20));
}

TEST_F(KarabakhTest, EveryLayerHasProvenance) {
    std::ifstream in(kScenario + "/SOURCES.md");
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& layer : s_scenario->layers) {
        const std::string file = layer.path.substr(layer.path.rfind('/') + 1);
        EXPECT_NE(text.str().find(file.substr(0, file.find('.'))), std::string::npos) << file << " not in SOURCES.md";
        EXPECT_FALSE(layer.attribution.empty()) << layer.id;
        EXPECT_GT(layer.uncertaintyM, 0) << layer.id;
    }
}

TEST_F(KarabakhTest, EventsAndClaimsAreLoaded) {
    EXPECT_GE(s_scenario->events.size(), 30u);
    EXPECT_GE(s_scenario->claims.size(), 40u);
    for (const auto& claim : s_scenario->claims) EXPECT_FALSE(claim.publication.empty()) << claim.id;
}

}  // namespace
}  // namespace frontline
