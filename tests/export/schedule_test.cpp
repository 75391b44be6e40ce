// Schedules of a fixed length (--duration): exactly round(seconds × fps) frames, and every frame shows
// the state in force on the date it shows.

#include "export/schedule.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/error.hpp"
#include "render/gl_fixture.hpp"
#include "render/offscreen.hpp"

namespace frontline::test {
namespace {

const std::string kSynthetic = FRONTLINE_TEST_DATA "/synthetic";

class DurationSchedule : public ::testing::Test {
protected:
    void SetUp() override {
        FRONTLINE_REQUIRE_DISPLAY();
        scenario = loadScenario(context, kSynthetic);
        renderer = std::make_unique<render::OffscreenRenderer>(scenario, context, sf::Vector2u{160, 90},
                                                               FRONTLINE_SHADER_DIR);
    }
    std::vector<render::FrameSpec> schedule(double seconds, exporting::Pace pace, double fps = 10) {
        exporting::ScheduleOptions options;
        options.fps = fps;
        options.durationSeconds = seconds;
        options.pace = pace;
        return exporting::buildSchedule(scenario.timeline, options);
    }

    geo::ThreadContext context;
    Scenario scenario;
    std::unique_ptr<render::OffscreenRenderer> renderer;
};

TEST_F(DurationSchedule, LastsExactlyTheDurationInEitherPace) {
    for (const auto pace : {exporting::Pace::State, exporting::Pace::Time}) {
        for (const double seconds : {0.1, 1.0, 7.34, 20.0}) {
            const auto frames = schedule(seconds, pace);
            EXPECT_EQ(frames.size(), static_cast<std::size_t>(std::lround(seconds * 10))) << seconds;
            for (std::size_t i = 0; i < frames.size(); ++i)
                EXPECT_DOUBLE_EQ(frames[i].seconds, static_cast<double>(i) / 10.0);
        }
    }
}

// Paced by time, the date runs evenly from the first state to the last and the map shows whatever is
// in force on it: the counter and the map cannot disagree.
TEST_F(DurationSchedule, PacedByTimeShowsTheStateInForceOnEachDate) {
    const auto frames = schedule(10, exporting::Pace::Time);
    const auto& states = scenario.timeline.states();
    ASSERT_EQ(frames.front().date, states.front().date);
    ASSERT_EQ(frames.back().date, states.back().date);
    const long span = daysBetween(states.front().date, states.back().date);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        EXPECT_FALSE(frames[i].transition);
        EXPECT_EQ(frames[i].state, renderer->scene().stateIndexAt(frames[i].date));
        const double expected =
            static_cast<double>(span) * static_cast<double>(i) / static_cast<double>(frames.size() - 1);
        EXPECT_NEAR(static_cast<double>(daysBetween(states.front().date, frames[i].date)), expected, 1.0);
    }
}

// Paced by state, the key dates share the frames equally (to one frame), and a change of state is a
// transition from exactly the state before to the state after.
TEST_F(DurationSchedule, PacedByStateSharesTheFramesEquallyBetweenKeys) {
    const auto frames = schedule(8, exporting::Pace::State);
    std::map<long, int> perDate;
    for (const auto& frame : frames) ++perDate[frame.date.daysSinceEpoch()];
    ASSERT_EQ(perDate.size(), scenario.timeline.states().size());
    int least = 1 << 30, most = 0;
    for (const auto& [day, count] : perDate) least = std::min(least, count), most = std::max(most, count);
    EXPECT_LE(most - least, 1);
    int shownBefore = frames.front().state;  // the state of the last frame that was not a transition
    for (std::size_t i = 1; i < frames.size(); ++i) {
        const auto& frame = frames[i];
        if (frame.transition) {
            EXPECT_EQ(frame.transition->to, frame.state);
            EXPECT_EQ(frame.transition->from, shownBefore);
            EXPECT_GT(frame.transition->progress, 0.0);
            EXPECT_LT(frame.transition->progress, 1.0);
        } else {
            EXPECT_EQ(frame.state, renderer->scene().stateIndexAt(frame.date));
            shownBefore = frame.state;
        }
    }
}

// The default span of the bundled scenario runs on to the 2025 corridor (its features' valid_from,
// 2025-08-08, in layers/zangezur_corridor.geojson) and names the NKAO outline (valid_to 1991-11-26 in
// layers/nkao.geojson), which ends before the first state (1994-05-12).
TEST(DefaultSpan, CoversLaterLayersAndNamesEarlierOnes) {
    geo::ThreadContext context;
    const Scenario karabakh = loadScenario(context, FRONTLINE_SOURCE_DIR "/geodata/karabakh");
    const exporting::DefaultSpan span = exporting::defaultSpan(karabakh, std::nullopt, std::nullopt);
    EXPECT_EQ(span.from, Date(1994, 5, 12));
    EXPECT_EQ(span.lastStateDate, Date(2023, 9, 20));
    EXPECT_EQ(span.to, Date(2025, 8, 8));
    EXPECT_EQ(span.extendedBy, std::vector<std::string>{"zangezur_corridor"});
    ASSERT_EQ(span.leftOut.size(), 1u);
    EXPECT_EQ(span.leftOut[0].layerId, "nkao");
    EXPECT_EQ(span.leftOut[0].until, Date(1991, 11, 26));
    EXPECT_EQ(span.leftOut[0].text(), "'nkao' (until 1991-11-26)");
    // What the user gives is kept, and nothing is said of what it leaves out.
    const auto given = exporting::defaultSpan(karabakh, Date(2020, 1, 1), Date(2021, 1, 1));
    EXPECT_EQ(given.from, Date(2020, 1, 1));
    EXPECT_EQ(given.to, Date(2021, 1, 1));
    EXPECT_TRUE(given.leftOut.empty());
    EXPECT_TRUE(given.extendedBy.empty());
}

// A scenario with nothing dated after its last state ends there.
TEST(DefaultSpan, EndsAtTheLastStateWhenNothingLaterIsDated) {
    geo::ThreadContext context;
    const Scenario synthetic = loadScenario(context, kSynthetic);
    const auto span = exporting::defaultSpan(synthetic, std::nullopt, std::nullopt);
    EXPECT_EQ(span.to, synthetic.timeline.states().back().date);
    EXPECT_EQ(span.from, synthetic.timeline.states().front().date);
    EXPECT_TRUE(span.extendedBy.empty());
    EXPECT_TRUE(span.leftOut.empty());
}

TEST_F(DurationSchedule, UnderOneFrameIsRefused) {
    EXPECT_THROW(schedule(0.01, exporting::Pace::State), UsageError);
}

}  // namespace
}  // namespace frontline::test
