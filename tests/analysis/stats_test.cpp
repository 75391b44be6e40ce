#include "analysis/stats.hpp"

#include <gtest/gtest.h>

#include "geo/densify.hpp"

namespace frontline::analysis {
namespace {

// 30 daily states of a strip whose east edge moves back and forth, each its own layer with 500 m of
// positional uncertainty: enough for three runs of at least 8 states.
Scenario dailyStrips() {
    Scenario scenario;
    scenario.name = "strips";
    std::vector<ControlState> states;
    for (int day = 0; day < 30; ++day) {
        Layer layer;
        layer.id = "day" + std::to_string(day);
        layer.role = LayerRole::Control;
        layer.uncertaintyM = 500;
        const double east = 47.0 + 0.05 * day - (day % 3 == 0 ? 0.12 : 0.0);
        Feature feature;
        feature.id = "held";
        feature.geometry.polygons.push_back({{{{46, 40}, {east, 40}, {east, 41}, {46, 41}, {46, 40}}}});
        geo::densify(feature.geometry, Edges::Geodesic);
        layer.features.push_back(std::move(feature));
        scenario.layers.push_back(std::move(layer));
        states.push_back({Date(2020, 1, 1).plusDays(day), "day" + std::to_string(day), "", "", false});
    }
    scenario.timeline = Timeline(std::move(states));
    return scenario;
}

// The rows do not depend on how the timeline is cut between threads: the same numbers to the bit.
TEST(TimelineStats, ThreadsChangeNothing) {
    const Scenario scenario = dailyStrips();
    const auto one = timelineStats(scenario, AreaMethod::Geodesic, 1);
    const auto three = timelineStats(scenario, AreaMethod::Geodesic, 3);
    ASSERT_EQ(one.size(), 30u);
    ASSERT_EQ(three.size(), 30u);
    for (std::size_t i = 0; i < one.size(); ++i) {
        EXPECT_EQ(one[i].state.date, three[i].state.date);
        EXPECT_EQ(one[i].area.value, three[i].area.value) << i;
        EXPECT_EQ(one[i].area.min, three[i].area.min) << i;
        EXPECT_EQ(one[i].area.likelyMax, three[i].area.likelyMax) << i;
        EXPECT_EQ(one[i].planarKm2, three[i].planarKm2) << i;
        EXPECT_EQ(one[i].frontKm, three[i].frontKm) << i;
        ASSERT_EQ(one[i].sincePrevious.has_value(), i > 0);
        ASSERT_EQ(three[i].sincePrevious.has_value(), i > 0);
        if (i == 0) continue;
        EXPECT_EQ(one[i].sincePrevious->gained.value, three[i].sincePrevious->gained.value) << i;
        EXPECT_EQ(one[i].sincePrevious->lost.max, three[i].sincePrevious->lost.max) << i;
        // And each step closes: the change is the difference of the two areas.
        EXPECT_NEAR(three[i].sincePrevious->netKm2(), three[i].area.value - three[i - 1].area.value,
                    1e-6 * three[i].area.value);
    }
}

// A scope leaves rows and changes out and measures what it keeps to the bit as without it, whatever
// the threads: a still's numbers are those of the whole timeline's.
TEST(TimelineStats, ScopeMeasuresWhatItKeepsAsWithout) {
    const Scenario scenario = dailyStrips();
    const auto all = timelineStats(scenario, AreaMethod::Geodesic, 1);
    for (const bool panel : {true, false}) {
        for (const int shown : {0, 9, 16, 29}) {
            const auto some = timelineStats(scenario, AreaMethod::Geodesic, 3, {}, {},
                                            StatsScope::still(30, shown, panel, false));
            ASSERT_EQ(some.size(), 30u);
            for (std::size_t i = 0; i < some.size(); ++i) {
                const bool isShown = static_cast<int>(i) == shown;
                EXPECT_EQ(some[i].state.date, all[i].state.date);
                EXPECT_EQ(some[i].measured, panel || isShown) << i;
                EXPECT_EQ(some[i].sincePrevious.has_value(), panel && isShown && i > 0) << i;
                if (!some[i].measured) {
                    EXPECT_EQ(some[i].area.value, 0) << i;
                    EXPECT_TRUE(some[i].frontLonLat.empty()) << i;
                    continue;
                }
                EXPECT_EQ(some[i].area.value, all[i].area.value) << i;
                EXPECT_EQ(some[i].area.likelyMin, all[i].area.likelyMin) << i;
                EXPECT_EQ(some[i].planarKm2, all[i].planarKm2) << i;
                EXPECT_EQ(some[i].frontKm, all[i].frontKm) << i;
                EXPECT_EQ(some[i].frontLonLat, all[i].frontLonLat) << i;
                if (!some[i].sincePrevious) continue;
                EXPECT_EQ(some[i].sincePrevious->gained.value, all[i].sincePrevious->gained.value) << i;
                EXPECT_EQ(some[i].sincePrevious->lost.max, all[i].sincePrevious->lost.max) << i;
                EXPECT_EQ(some[i].sincePrevious->keptLonLat, all[i].sincePrevious->keptLonLat) << i;
            }
        }
    }
    // Chart bars need every change: the scope of such a still is the whole timeline.
    const auto bars =
        timelineStats(scenario, AreaMethod::Geodesic, 2, {}, {}, StatsScope::still(30, 5, true, true));
    for (std::size_t i = 1; i < bars.size(); ++i) {
        ASSERT_TRUE(bars[i].sincePrevious) << i;
        EXPECT_EQ(bars[i].sincePrevious->net.value, all[i].sincePrevious->net.value) << i;
    }
}

}  // namespace
}  // namespace frontline::analysis
