#include "analysis/claims.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "analysis/calibration.hpp"
#include "core/error.hpp"
#include "geo/thread_context.hpp"

namespace frontline::analysis {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

Claim claim(const std::string& id, double value, Qualifier qualifier, const std::string& measure,
            double tolerance = 0.05) {
    Claim result;
    result.id = id;
    result.value = value;
    result.unit = "km2";
    result.qualifier = qualifier;
    result.tolerance = tolerance;
    result.measure = measure;
    result.checkable = !measure.empty();
    result.publication = "test";
    return result;
}

TEST(AcceptedRange, FollowsTheQualifierTable) {
    EXPECT_EQ(acceptedRange(claim("a", 100, Qualifier::About, "1", 0.05)).text(), "[95, 105]");
    EXPECT_EQ(acceptedRange(claim("a", 100, Qualifier::Nearly, "1", 0.1)).text(), "[90, 100]");
    EXPECT_EQ(acceptedRange(claim("a", 100, Qualifier::Over, "1")).text(), "(100, ∞)");
    EXPECT_EQ(acceptedRange(claim("a", 100, Qualifier::Under, "1")).text(), "(−∞, 100)");
    EXPECT_EQ(acceptedRange(claim("a", 100, Qualifier::AtLeast, "1")).text(), "[100, ∞)");
    EXPECT_EQ(acceptedRange(claim("a", 100, Qualifier::AtMost, "1")).text(), "(−∞, 100]");
    EXPECT_EQ(acceptedRange(claim("a", 7, Qualifier::About, "1", 0.05)).text(), "[6.65, 7.35]");
    EXPECT_EQ(acceptedRange(claim("a", 100, Qualifier::Exactly, "1")).text(), "[100, 100]");
}

TEST(AcceptedRange, OpenBoundsExcludeThemselves) {
    const AcceptedRange over = acceptedRange(claim("a", 24, Qualifier::Over, "1"));
    EXPECT_FALSE(over.contains(24));
    EXPECT_TRUE(over.contains(24.001));
    const AcceptedRange under = acceptedRange(claim("a", 24, Qualifier::Under, "1"));
    EXPECT_FALSE(under.contains(24));
    EXPECT_TRUE(under.contains(-1e300));
    const AcceptedRange atMost = acceptedRange(claim("a", 0, Qualifier::AtMost, "1"));
    EXPECT_TRUE(atMost.contains(0));
    EXPECT_FALSE(atMost.contains(0.001));
}

TEST(AcceptedRange, ClosedBoundsForgiveRoundingNoise) {
    const AcceptedRange exactly = acceptedRange(claim("a", 72, Qualifier::Exactly, "1"));
    EXPECT_TRUE(exactly.contains(72 * (1 + 1e-12)));
    EXPECT_FALSE(exactly.contains(72.001));
}

TEST(Judge, ValueInRangeIsConsistent) {
    const AcceptedRange range{95, 105, false, false};
    EXPECT_EQ(judge(range, {100, 50, 150}), Verdict::Consistent);
    // Without a likely range the worst case is all there is.
    EXPECT_EQ(judge(range, {110, 104, 120}), Verdict::ConsistentWithinLikelyRange);
    EXPECT_EQ(judge(range, {110, 106, 120}), Verdict::Inconsistent);
    EXPECT_EQ(judge(AcceptedRange{0, kInfinity, true, true}, {0, 0, 0}), Verdict::Inconsistent);
    EXPECT_EQ(toString(Verdict::ConsistentWithinLikelyRange), "consistent within the likely range");
}

TEST(Judge, TheVerdictSaysWhichRangeDecided) {
    const AcceptedRange range{95, 105, false, false};
    // value 110; likely [107, 113]; worst [100, 120]
    EXPECT_EQ(judge(range, {110, 100, 120, 107, 113}), Verdict::ConsistentOnlyAtWorstCase);
    EXPECT_EQ(judge(range, {110, 100, 120, 105, 113}), Verdict::ConsistentWithinLikelyRange);
    EXPECT_EQ(judge(range, {110, 106, 120, 107, 113}), Verdict::Inconsistent);
    EXPECT_EQ(toString(Verdict::ConsistentOnlyAtWorstCase), "consistent only at the worst case");
}

// Area of a longitude/latitude quadrangle on the WGS84 ellipsoid from the authalic-latitude formula
// A = a²/2 · Δλ · (q(φ2) − q(φ1)) — independent of PROJ's geodesic polygon area. (The box's top edge
// is a parallel here and a geodesic there; for 0.1° boxes near the equator they differ by < 1e-6.)
double quadrangleKm2(double lon1, double lat1, double lon2, double lat2) {
    constexpr double a = 6378137.0;
    constexpr double f = 1 / 298.257223563;
    const double e2 = f * (2 - f);
    const double e = std::sqrt(e2);
    auto q = [&](double latDeg) {
        const double s = std::sin(latDeg * M_PI / 180);
        return (1 - e2) * (s / (1 - e2 * s * s) - std::log((1 - e * s) / (1 + e * s)) / (2 * e));
    };
    return a * a / 2 * (lon2 - lon1) * M_PI / 180 * (q(lat2) - q(lat1)) / 1e6;
}

Feature box(const std::string& id, double lon1, double lat1, double lon2, double lat2) {
    Feature feature;
    feature.id = id;
    feature.geometry.polygons.push_back(
        Polygon{{Path{{lon1, lat1}, {lon2, lat1}, {lon2, lat2}, {lon1, lat2}, {lon1, lat1}}}});
    return feature;
}

Layer layer(const std::string& id, LayerRole role, double uncertaintyM, std::vector<Feature> features) {
    Layer result;
    result.id = id;
    result.path = id + ".geojson";
    result.title = id;
    result.role = role;
    result.uncertaintyM = uncertaintyM;
    result.features = std::move(features);
    return result;
}

// Two dated states over 0.1° boxes at the equator: A = [0, 0.2]×[0, 0.1] held from 2000-01-01,
// B = [0, 0.1]×[0, 0.1] from 2001-01-01; a boundary box with 1 km uncertainty; two events.
class SyntheticScenario : public ::testing::Test {
protected:
    SyntheticScenario()
        : m_frame(m_context.proj, Coord{0.1, 0.05}),
          m_measurer{m_context.geos, m_frame, AreaMethod::Geodesic},
          m_source(m_measurer, m_scenario) {
        m_scenario.manifestPath = "synthetic/scenario.toml";
        m_scenario.layers.push_back(layer("control_a", LayerRole::Control, 0, {box("held", 0, 0, 0.2, 0.1)}));
        m_scenario.layers.push_back(layer("control_b", LayerRole::Control, 0, {box("held", 0, 0, 0.1, 0.1)}));
        m_scenario.layers.push_back(layer("fuzzy", LayerRole::Boundary, 1000, {box("cell", 0, 0, 0.1, 0.1)}));
        m_scenario.timeline = Timeline({ControlState{Date(2000, 1, 1), "control_a", "", "start", false},
                                        ControlState{Date(2001, 1, 1), "control_b", "", "half lost", false},
                                        ControlState{Date(2002, 1, 1), "", "", "nothing held", true}});
        m_scenario.events.push_back(Event{"war", Date(2020, 9, 27), std::nullopt, 0, "war", "", "", ""});
        m_scenario.events.push_back(Event{"ceasefire", Date(2020, 11, 10), 0, 180, "ceasefire", "", "", ""});
    }

    std::vector<ClaimResult> evaluate(const std::vector<Claim>& claims) {
        return evaluateClaims(claims, m_source);
    }

    std::string errorOf(const Claim& bad) {
        try {
            evaluate({bad});
        } catch (const DataError& e) {
            return e.what();
        }
        return "(no error)";
    }

    geo::ThreadContext m_context;
    Scenario m_scenario;
    geo::EqualAreaFrame m_frame;
    Measurer m_measurer;
    ScenarioMeasureSource m_source;
    const double m_cellKm2 = quadrangleKm2(0, 0, 0.1, 0.1);
};

TEST_F(SyntheticScenario, AreasMatchTheIndependentFormula) {
    const auto results = evaluate({claim("a", 1, Qualifier::Over, "area(control@2000-06-01)"),
                                   claim("b", 1, Qualifier::Over, "area(control@2001-01-01)"),
                                   claim("lost", 1, Qualifier::Over, "lost(2000-01-01, 2001-01-01)"),
                                   claim("gained", 1, Qualifier::AtMost, "gained(2000-01-01, 2001-01-01)"),
                                   claim("none", 0, Qualifier::AtMost, "area(control@2002-01-01)")});
    EXPECT_NEAR(results[0].computed->value, quadrangleKm2(0, 0, 0.2, 0.1), 1e-4 * m_cellKm2);
    EXPECT_NEAR(results[1].computed->value, m_cellKm2, 1e-4 * m_cellKm2);
    EXPECT_NEAR(results[2].computed->value, quadrangleKm2(0.1, 0, 0.2, 0.1), 1e-4 * m_cellKm2);
    EXPECT_NEAR(results[3].computed->value, 0, 1e-9);
    EXPECT_EQ(results[4].computed->value, 0);
    // Zero uncertainty: exact intervals.
    for (const auto& result : results) {
        EXPECT_EQ(result.computed->min, result.computed->value) << result.claim.id;
        EXPECT_EQ(result.computed->max, result.computed->value) << result.claim.id;
    }
    EXPECT_EQ(results[0].verdict, Verdict::Consistent);
}

TEST_F(SyntheticScenario, VerdictsFollowValueIntervalAndRange) {
    const std::string fuzzy = "area(layer:fuzzy#cell)";
    const auto results = evaluate({claim("on", m_cellKm2, Qualifier::About, fuzzy, 0.01),
                                   claim("near", 1.2 * m_cellKm2, Qualifier::About, fuzzy, 0.05),
                                   claim("far", 3 * m_cellKm2, Qualifier::About, fuzzy, 0.05)});
    EXPECT_EQ(results[0].verdict, Verdict::Consistent);
    EXPECT_EQ(results[1].verdict, Verdict::ConsistentWithinLikelyRange);  // a layer: likely = worst case
    EXPECT_EQ(results[2].verdict, Verdict::Inconsistent);

    // 1 km around a square of side s ≈ 11.1 km: shrunk (s − 2)², grown s² + 4s + π (round corners).
    const double side = std::sqrt(m_cellKm2);
    const Interval interval = *results[0].computed;
    EXPECT_NEAR(interval.min, (side - 2) * (side - 2), 0.01 * m_cellKm2);
    EXPECT_NEAR(interval.max, m_cellKm2 + 4 * side + M_PI, 0.01 * m_cellKm2);
    EXPECT_LE(interval.min, interval.value);
    EXPECT_GE(interval.max, interval.value);
}

TEST_F(SyntheticScenario, BaselineSaysWhatTheToolUsed) {
    Claim lost = claim("lost", 1, Qualifier::Over, "lost(2000-01-01, 2001-01-01)");
    lost.baseline = "half of the square";
    const auto results = evaluate({lost});
    EXPECT_EQ(results[0].baseline(),
              "half of the square (used: lost(2000-01-01, 2001-01-01) → control_a (start, from 2000-01-01; "
              "outline: "
              "100 % own line) → control_b (half lost, from 2001-01-01; outline: 100 % own line); overlay, "
              "band on the "
              "outline of the pieces only)");
}

TEST_F(SyntheticScenario, DaysUseTheEventsLocalDates) {
    Claim days = claim("days", 44, Qualifier::Exactly, "days(event:war, event:ceasefire)");
    days.unit = "days";
    Claim hours = claim("hours", 1, Qualifier::Over, "hours(event:ceasefire, event:ceasefire)");
    hours.unit = "hours";
    const auto results = evaluate({days, hours});
    EXPECT_EQ(results[0].computed->value, 44);
    EXPECT_EQ(results[0].verdict, Verdict::Consistent);
    EXPECT_EQ(results[1].computed->value, 0);
    EXPECT_EQ(results[1].verdict, Verdict::Inconsistent);
}

TEST_F(SyntheticScenario, NotCheckableClaimsOfAGroupThatDisagree) {
    Claim a = claim("a", 2000, Qualifier::Exactly, "");
    Claim b = claim("b", 1960, Qualifier::Exactly, "");
    Claim c = claim("c", 1960, Qualifier::AtLeast, "");
    Claim alone = claim("alone", 5, Qualifier::Exactly, "");
    a.group = b.group = c.group = "peacekeepers";
    const auto results = evaluate({a, b, c, alone});
    EXPECT_EQ(results[0].verdict, Verdict::SourcesDisagree);
    EXPECT_EQ(results[0].note, "group peacekeepers: disagrees with b (exactly 1960 km2)");
    EXPECT_EQ(results[1].verdict, Verdict::SourcesDisagree);
    EXPECT_EQ(results[1].note, "group peacekeepers: disagrees with a (exactly 2000 km2)");
    EXPECT_EQ(results[2].verdict, Verdict::NotCheckable);  // at least 1960 admits 2000 and 1960
    EXPECT_EQ(results[3].verdict, Verdict::NotCheckable);
    EXPECT_FALSE(results[3].computed);
}

TEST_F(SyntheticScenario, ErrorsNameTheClaim) {
    EXPECT_EQ(errorOf(claim("bad", 1, Qualifier::Over, "days(2020-01-01, event:nope)")),
              "claim 'bad': measure column 18: no event 'nope' in the scenario");
    EXPECT_EQ(errorOf(claim("early", 1, Qualifier::Over, "area(control@1990-01-01)")),
              "claim 'early': measure column 6: no control state on or before 1990-01-01 (the first is "
              "2000-01-01)");
    EXPECT_EQ(errorOf(claim("syntax", 1, Qualifier::Over, "area(layer:fuzzy")),
              "claim 'syntax': measure column 17: expected ')'");
    EXPECT_EQ(errorOf(claim("feature", 1, Qualifier::Over, "area(layer:fuzzy#nope)")),
              "claim 'feature': measure column 6: layer 'fuzzy' (fuzzy.geojson) has no feature 'nope'");
}

TEST_F(SyntheticScenario, CalibrationFlagsEntriesOutsideTheirTolerance) {
    const std::vector<CalibrationEntry> entries{
        {"on", "On", "area(control@2001-01-01)", m_cellKm2, 0.01, "formula", ""},
        {"off", "Off", "area(control@2001-01-01)", 1.1 * m_cellKm2, 0.01, "formula", ""},
        {"info", "Info", "area(control@2001-01-01)", 2 * m_cellKm2, std::nullopt, "formula", ""}};
    const auto results = calibrate(entries, m_source);
    EXPECT_EQ(results[0].status, CalibrationStatus::Ok);
    EXPECT_NEAR(results[0].errorPct, 0, 1e-2);
    EXPECT_EQ(results[1].status, CalibrationStatus::Exceeds);
    EXPECT_NEAR(results[1].errorPct, 100 * (1 / 1.1 - 1), 1e-2);
    EXPECT_EQ(results[2].status, CalibrationStatus::Informational);
    EXPECT_NEAR(results[2].errorPct, -50, 1e-2);
    EXPECT_TRUE(anyExceeds(results));
    EXPECT_FALSE(anyExceeds({results[0], results[2]}));
}

}  // namespace
}  // namespace frontline::analysis
