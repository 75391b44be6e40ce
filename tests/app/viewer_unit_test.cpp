// `frontline view` without a window: the input-script parser and the playback model.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/viewer_hover.hpp"
#include "app/viewer_playback.hpp"
#include "app/viewer_script.hpp"
#include "core/error.hpp"
#include "render/gl_fixture.hpp"

namespace frontline::test {
namespace {

const std::string kSynthetic = FRONTLINE_TEST_DATA "/synthetic";

// --- what a tooltip shows ---

// Sources as events.toml has them (geodata/karabakh): web addresses and titles stay; corpus file names,
// remarks about DATA.md and the numbers of its list go.
TEST(ReaderSource, LeavesOutInternalFileNames) {
    EXPECT_EQ(app::readerSource("001_d5079c402e4418d4.txt (CEPA, Ben Dubow, Sept 2022)"),
              "CEPA, Ben Dubow, Sept 2022");
    EXPECT_EQ(app::readerSource("004_766afdce31d03e96.txt (commentary after the Sept 2023 offensive); "
                                "000_9193451b199c7477.txt"),
              "commentary after the Sept 2023 offensive");
    EXPECT_EQ(app::readerSource("rightsinrussia.org/26-december-1991/ (outside DATA.md); context from "
                                "002_dcdecc0e2fd5b3a7.txt (CSS Analyses)"),
              "rightsinrussia.org/26-december-1991/; context from CSS Analyses");
    EXPECT_EQ(app::readerSource("civilnet.am/news/383220 (Four-Day War timeline; outside DATA.md)"),
              "civilnet.am/news/383220 (Four-Day War timeline)");
    EXPECT_EQ(app::readerSource(
                  "[28] english.alarabiya.net (2020-11-08); [29] wikimili.com/en/Battle_of_Shusha_(2020)"),
              "english.alarabiya.net (2020-11-08); wikimili.com/en/Battle_of_Shusha_(2020)");
    EXPECT_EQ(app::readerSource("Wikipedia 'Gülablı' (DATA.md section 7)"), "Wikipedia 'Gülablı'");
    EXPECT_EQ(
        app::readerSource("nagorno-karabach.se/documents/nk_soviet_1988_2_20.html (text of the resolution)"),
        "nagorno-karabach.se/documents/nk_soviet_1988_2_20.html (text of the resolution)");
    EXPECT_EQ(app::readerSource("000_9193451b199c7477.txt"), "");
}

// No event of the bundled scenario shows a file name of the working folders.
TEST(ReaderSource, BundledEventsShowNoFileNames) {
    geo::ThreadContext context;
    const Scenario karabakh = loadScenario(context, FRONTLINE_SOURCE_DIR "/geodata/karabakh");
    ASSERT_FALSE(karabakh.events.empty());
    for (const auto& event : karabakh.events) {
        const std::string source = app::readerSource(event.source);
        EXPECT_EQ(source.find(".txt"), std::string::npos) << event.id << ": " << source;
        EXPECT_EQ(source.find(".md"), std::string::npos) << event.id << ": " << source;
        EXPECT_EQ(source.find("] "), std::string::npos) << event.id << ": " << source;
    }
}

// --- script ---

TEST(ViewerScript, ParsesTimedCommands) {
    const auto commands =
        app::parseScript("# demo\n0.5 key space\n1 wheel 10 20 3  # zoom\n\n2 quit\n", "s.txt");
    ASSERT_EQ(commands.size(), 3u);
    EXPECT_DOUBLE_EQ(commands[1].atSeconds, 1.0);
    EXPECT_EQ(commands[1].name, "wheel");
    EXPECT_EQ(commands[1].arguments, (std::vector<std::string>{"10", "20", "3"}));
    EXPECT_EQ(commands[2].line, 5);
}

TEST(ViewerScript, RejectsUnknownCommand) {
    try {
        app::parseScript("1 jump 3\n", "s.txt");
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(), "s.txt:1: unknown command 'jump'");
    }
}

TEST(ViewerScript, RejectsTimeGoingBack) {
    try {
        app::parseScript("2 state\n1 quit\n", "s.txt");
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_STREQ(e.what(), "s.txt:2: time 1 is before the line above's");
    }
}

TEST(ViewerScript, RejectsWrongArgumentCount) {
    EXPECT_THROW(app::parseScript("1 click 3\n", "s.txt"), UsageError);
    EXPECT_THROW(app::parseScript("1 key\n", "s.txt"), UsageError);
}

// --- playback ---

class PlaybackTest : public ::testing::Test {
protected:
    void SetUp() override { scenario = loadScenario(context, kSynthetic); }

    // Like buildSchedule: state 0 held, a transition to 1, state 1 held, then state 2.
    std::vector<render::FrameSpec> schedule() const {
        const auto& states = scenario.timeline.states();
        std::vector<render::FrameSpec> frames;
        auto still = [&](int state, Date date) {
            render::FrameSpec spec;
            spec.date = date;
            spec.state = state;
            return spec;
        };
        for (int i = 0; i < 3; ++i) frames.push_back(still(0, states[0].date));
        for (int i = 1; i < 4; ++i) {
            render::FrameSpec spec = still(1, states[1].date);
            spec.transition = render::Transition{0, 1, i / 4.0};
            frames.push_back(spec);
        }
        for (int i = 0; i < 3; ++i) frames.push_back(still(1, states[1].date));
        for (int i = 0; i < 3; ++i) frames.push_back(still(2, states[2].date));
        return frames;
    }

    geo::ThreadContext context;
    Scenario scenario;
};

TEST_F(PlaybackTest, TicksWhereEachStateIsFirstWhole) {
    const app::Playback playback(schedule(), 10, scenario);
    ASSERT_EQ(playback.stateFrames().size(), 3u);
    EXPECT_EQ(playback.stateFrames()[0].first, 0u);
    EXPECT_EQ(playback.stateFrames()[1].first, 6u);
    EXPECT_EQ(playback.stateFrames()[2].first, 9u);
}

TEST_F(PlaybackTest, AdvancesAtFpsTimesSpeedOnlyWhilePlaying) {
    app::Playback playback(schedule(), 10, scenario);
    EXPECT_FALSE(playback.advance(1.0));
    EXPECT_EQ(playback.frame(), 0u);
    playback.togglePlay();
    playback.advance(0.25);  // 2.5 frames
    EXPECT_EQ(playback.frame(), 2u);
    playback.faster();
    playback.advance(0.2);  // 0.5 left + 4 frames
    EXPECT_EQ(playback.frame(), 6u);
    playback.advance(10);
    EXPECT_EQ(playback.frame(), playback.frameCount() - 1);
    EXPECT_FALSE(playback.playing()) << "stops at the last frame";
}

TEST_F(PlaybackTest, NextAndPreviousStateJumpBetweenTicks) {
    app::Playback playback(schedule(), 10, scenario);
    playback.nextState();
    EXPECT_EQ(playback.frame(), 6u);
    playback.nextState();
    EXPECT_EQ(playback.frame(), 9u);
    playback.previousState();
    EXPECT_EQ(playback.frame(), 6u);
    playback.seek(4);
    playback.previousState();
    EXPECT_EQ(playback.frame(), 0u);
}

TEST_F(PlaybackTest, TypedDateIsAStillUntilPlayed) {
    app::Playback playback(schedule(), 10, scenario);
    const Date typed(2001, 6, 1);
    playback.jumpTo(typed);
    EXPECT_EQ(playback.date(), typed);
    ASSERT_TRUE(playback.still());
    EXPECT_EQ(playback.frame(), 8u) << "the slider shows the last frame not after the date";
    playback.seek(2);
    EXPECT_FALSE(playback.still());
}

}  // namespace
}  // namespace frontline::test
