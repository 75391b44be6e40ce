// `frontline check` on the bundled Karabakh scenario: structure, not verdicts (the data may still move).

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "analysis/claims.hpp"
#include "analysis/stats.hpp"
#include "app/run_frontline.hpp"
#include "geo/thread_context.hpp"
#include "io/scenario_reader.hpp"

namespace frontline {
namespace {

const std::string kScenario = std::string(FRONTLINE_SOURCE_DIR) + "/geodata/karabakh";

class BundledClaims : public ::testing::Test {
protected:
    // The claims evaluated once for the suite. The measurer borrows the frame and the context, the
    // frame was made from the scenario: members are destroyed in reverse order, borrowers first.
    struct Evaluated {
        geo::ThreadContext context;
        Scenario scenario;
        geo::EqualAreaFrame frame;
        analysis::Measurer measurer;
        std::vector<analysis::ClaimResult> results;

        Evaluated()
            : scenario(readScenario(context)),
              frame(analysis::scenarioFrame(context.proj, scenario)),
              measurer{context.geos, frame, analysis::AreaMethod::Geodesic},
              results(evaluate(measurer, scenario)) {}

    private:
        static Scenario readScenario(geo::ThreadContext& context) {
            Diagnostics diagnostics;
            return io::readScenario(kScenario, {.strict = false, .loadLayers = true, .edges = std::nullopt},
                                    context.proj, context.geos, diagnostics);
        }
        static std::vector<analysis::ClaimResult> evaluate(const analysis::Measurer& measurer,
                                                           const Scenario& scenario) {
            analysis::ScenarioMeasureSource source(measurer, scenario);
            return analysis::evaluateClaims(scenario.claims, source);
        }
    };

    static void SetUpTestSuite() { s_evaluated = std::make_unique<Evaluated>(); }
    static void TearDownTestSuite() { s_evaluated.reset(); }

    static const analysis::ClaimResult& byValue(double value, const std::string& measurePrefix) {
        auto found = std::find_if(s_evaluated->results.begin(), s_evaluated->results.end(),
                                  [&](const analysis::ClaimResult& r) {
                                      return r.claim.value == value && r.claim.unit == "km2" &&
                                             r.claim.measure.rfind(measurePrefix, 0) == 0;
                                  });
        if (found == s_evaluated->results.end())
            throw std::runtime_error("no claim of " + std::to_string(value) + " km2 measured by " +
                                     measurePrefix);
        return *found;
    }

    static std::unique_ptr<Evaluated> s_evaluated;
};

std::unique_ptr<BundledClaims::Evaluated> BundledClaims::s_evaluated;

TEST_F(BundledClaims, HeadlineLossesAreMeasuredByOverlayWithIntervalAndBaseline) {
    for (const auto* result : {&byValue(3800, "lost("), &byValue(4700, "lost(")}) {
        SCOPED_TRACE(result->claim.id);
        ASSERT_TRUE(result->computed);
        EXPECT_NE(result->verdict, analysis::Verdict::NotCheckable);
        EXPECT_NE(result->verdict, analysis::Verdict::SourcesDisagree);
        EXPECT_GT(result->computed->value, 0);
        EXPECT_LT(result->computed->min, result->computed->max);  // the layers have positional uncertainty
        EXPECT_NE(result->baseline().find(result->claim.baseline), std::string::npos);
        EXPECT_NE(result->baseline().find("(used: lost("), std::string::npos);
        EXPECT_NE(result->baseline().find("±"), std::string::npos);
    }
}

TEST_F(BundledClaims, OverlayIntervalIsNoWiderThanAreaDifference) {
    // lost(a, b) ⊆ grown(a) − shrunk(b), so its worst case can never exceed the interval arithmetic
    // on the two areas; the net variant of the 3,800 claim keeps that comparison visible.
    const auto& overlay = byValue(3800, "lost(");
    const auto& difference = byValue(3800, "area(");
    EXPECT_GE(overlay.computed->min, difference.computed->min - 1e-6);
    EXPECT_LE(overlay.computed->max, difference.computed->max + 1e-6);
}

TEST_F(BundledClaims, EveryCheckableClaimLiesWithinItsInterval) {
    ASSERT_EQ(s_evaluated->results.size(), s_evaluated->scenario.claims.size());
    for (const auto& result : s_evaluated->results) {
        SCOPED_TRACE(result.claim.id);
        EXPECT_EQ(result.claim.checkable, result.computed.has_value());
        if (!result.computed) continue;
        EXPECT_LE(result.computed->min, result.computed->value);
        EXPECT_GE(result.computed->max, result.computed->value);
        EXPECT_FALSE(result.used.empty());
    }
}

TEST(CheckCommand, ReportsEveryClaimAndExitsZero) {
    const test::RunResult run = test::runFrontline({"check", kScenario, "--format", "csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const test::Csv csv = test::parseCsv(run.out);
    for (const char* column :
         {"id", "verdict", "computed", "min", "max", "claimed", "accepted", "baseline", "publication"}) {
        EXPECT_GE(csv.column(column), 0) << column;
    }
    EXPECT_GE(csv.rows.size(), 50u);
}

TEST(CheckCommand, TableNamesScenarioAndAreaMethod) {
    const test::RunResult run = test::runFrontline({"check", kScenario});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::string firstLine = run.out.substr(0, run.out.find('\n'));
    EXPECT_NE(firstLine.find("karabakh"), std::string::npos);
    EXPECT_NE(firstLine.find("geodesic on the WGS84 ellipsoid"), std::string::npos);
}

TEST(CheckCommand, CalibrationPrintsEveryEntry) {
    const test::RunResult run = test::runFrontline({"check", kScenario, "--calibration", "--format", "csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;  // every entry with a tolerance is within it
    const test::Csv csv = test::parseCsv(run.out);
    for (const char* column :
         {"unit", "computed_km2", "official_km2", "error_pct", "tolerance_pct", "status"}) {
        EXPECT_GE(csv.column(column), 0) << column;
    }
    // One row per [[entry]] of the table.
    std::ifstream table(std::filesystem::path(kScenario) / "calibration.toml");
    std::size_t entries = 0;
    for (std::string line; std::getline(table, line);) entries += line.rfind("[[entry]]", 0) == 0 ? 1 : 0;
    EXPECT_GE(entries, 11u);
    EXPECT_EQ(csv.rows.size(), entries);
}

TEST(CheckCommand, BadMeasureIsBadInput) {
    const auto claims = std::filesystem::temp_directory_path() /
                        ("frontline-bad-claims-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(claims) << "[[claim]]\nid = \"unclosed\"\nstatement = \"s\"\nvalue = 1.0\nunit = \"km2\"\n"
                             "publication = \"p\"\nmeasure = \"area(control@1994-05-12\"\n";
    const test::RunResult run = test::runFrontline({"check", kScenario, "--claims", claims.string()});
    std::filesystem::remove(claims);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("claim 'unclosed': measure column 24: expected ')'"), std::string::npos)
        << run.err;
}

TEST(CheckCommand, FailOnInconsistentExitsOne) {
    const auto claims = std::filesystem::temp_directory_path() /
                        ("frontline-wrong-claims-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(claims)
        << "[[claim]]\nid = \"wrong-days\"\nstatement = \"s\"\nvalue = 45.0\nunit = \"days\"\n"
           "qualifier = \"exactly\"\npublication = \"p\"\n"
           "measure = \"days(2020-09-27, 2020-11-10)\"\n";
    const test::RunResult report = test::runFrontline({"check", kScenario, "--claims", claims.string()});
    const test::RunResult strict =
        test::runFrontline({"check", kScenario, "--claims", claims.string(), "--fail-on-inconsistent"});
    std::filesystem::remove(claims);
    EXPECT_EQ(report.exitCode, 0) << report.err;
    EXPECT_NE(report.out.find("inconsistent"), std::string::npos);
    EXPECT_EQ(strict.exitCode, 1);
    EXPECT_NE(strict.err.find("inconsistent claims: wrong-days"), std::string::npos) << strict.err;
}

}  // namespace
}  // namespace frontline
