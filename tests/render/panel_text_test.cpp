// The panel's words for a frame (render/panel_text.hpp): a frame between two maps never presents the new
// state as in force, and a plain state's frame reads as it always did. The synthetic scenario's areas are
// known in closed form (tests/expected/synthetic_stats.csv): 18,825.703 km² from 2000-01-01, 18,756.090
// from 2001-03-15, no uncertainty stated (so rounded to 4 significant figures).

#include "render/panel_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/stats.hpp"
#include "core/diagnostics.hpp"
#include "geo/thread_context.hpp"
#include "io/scenario_reader.hpp"

namespace frontline::test {
namespace {

struct Synthetic {
    Synthetic() {
        Diagnostics diagnostics;
        scenario =
            io::readScenario(FRONTLINE_TEST_DATA "/synthetic", {}, context.proj, context.geos, diagnostics);
        stats = analysis::timelineStats(scenario, analysis::AreaMethod::Geodesic, 1);
    }
    render::PanelText at(const render::FrameSpec& frame) const {
        return render::panelText(scenario, stats, frame);
    }
    geo::ThreadContext context;
    Scenario scenario;
    std::vector<analysis::StateStats> stats;
};

render::FrameSpec plain(const Date& date, int state) {
    render::FrameSpec frame;
    frame.date = date;
    frame.state = state;
    return frame;
}

// Every line of the panel's top, as drawn.
std::string allText(const render::PanelText& text) {
    return text.date + "\n" + text.notice + "\n" + text.inForce + "\n" + text.area + "\n" + text.detail;
}

TEST(PanelText, PlainStateIsInForce) {
    const Synthetic synthetic;
    const auto text = synthetic.at(plain(Date(2001, 3, 15), 1));
    EXPECT_FALSE(text.between);
    EXPECT_EQ(text.date, "15 Mar 2001");
    EXPECT_EQ(text.notice, "");
    EXPECT_EQ(text.inForce, "In force since 2001-03-15: Front moves north");
    EXPECT_EQ(text.area, "Blue-held: 18,760 km²");
    EXPECT_EQ(text.cursor, Date(2001, 3, 15));
}

// A state older than an event dated before the frame is stale, and the notice says so with the next
// map's date; an event on or before the state's own date, or after the frame, is not counted.
TEST(PanelText, MapOlderThanAnEventSaysSo) {
    const Synthetic synthetic;
    // The synthetic events: "start" on 2000-01-01 (the first state's date), "offensive" on 2002-06-30.
    EXPECT_EQ(synthetic.at(plain(Date(2002, 6, 29), 1)).notice, "");
    EXPECT_EQ(synthetic.at(plain(Date(2000, 6, 1), 0)).notice, "");
    const auto stale = synthetic.at(plain(Date(2002, 6, 30), 1));
    EXPECT_FALSE(stale.between);
    EXPECT_EQ(stale.notice, "Map of 15 Mar 2001: 1 event since then not yet mapped (next map 1 Jul 2002)");
    EXPECT_EQ(stale.inForce, "In force since 2001-03-15: Front moves north");
    // After the last state: no later map.
    Synthetic late;
    late.scenario.events.push_back({"late", Date(2004, 1, 1), {}, 0, "Later", "", "", "synthetic"});
    EXPECT_EQ(late.at(plain(Date(2004, 2, 1), 3)).notice,
              "Map of 1 Jan 2003: 1 event since then not yet mapped (no later map)");
}

// The change a state made names both its dates: "since" alone would read as up to the frame's date.
TEST(PanelText, ChangeNamesBothDates) {
    const Synthetic synthetic;
    const auto text = synthetic.at(plain(Date(2001, 6, 1), 1));
    EXPECT_NE(text.detail.find("hange 1 Jan 2000 → 15 Mar 2001: net "), std::string::npos) << text.detail;
}

// A title's closing year range runs on to a frame dated after it, and only then.
TEST(TitleAt, FollowsTheSpanShown) {
    const std::string title = "Nagorno-Karabakh, 1994–2023";
    render::ShownSpan december{Date(2020, 11, 1), Date(2020, 12, 12)};
    EXPECT_EQ(render::titleAt(title, Date(2020, 11, 10), december), "Nagorno-Karabakh, 2020");
    render::ShownSpan fromWar{Date(2020, 9, 27), std::nullopt};
    EXPECT_EQ(render::titleAt(title, Date(2021, 1, 1), fromWar), "Nagorno-Karabakh, 2020–2023");
    render::ShownSpan toLate{std::nullopt, Date(2025, 8, 8)};
    EXPECT_EQ(render::titleAt(title, Date(2025, 8, 8), toLate), "Nagorno-Karabakh, 1994–2025");
    // A title without a year range is left as it is.
    EXPECT_EQ(render::titleAt("Synthetic front", Date(2020, 11, 10), december), "Synthetic front");
}

TEST(TitleAt, CarriesTheYearRangeToTheFramesYear) {
    EXPECT_EQ(render::titleAt("Nagorno-Karabakh, 1994–2023", Date(2025, 9, 1)),
              "Nagorno-Karabakh, 1994–2025");
    EXPECT_EQ(render::titleAt("Nagorno-Karabakh, 1994–2023", Date(2023, 12, 31)),
              "Nagorno-Karabakh, 1994–2023");
    EXPECT_EQ(render::titleAt("Nagorno-Karabakh, 1994–2023", Date(1990, 1, 1)),
              "Nagorno-Karabakh, 1994–2023");
    EXPECT_EQ(render::titleAt("Synthetic front", Date(2025, 9, 1)), "Synthetic front");
    EXPECT_EQ(render::titleAt("Front 1994-2023", Date(2025, 9, 1)), "Front 1994-2023")
        << "a hyphen is not a range";
    EXPECT_EQ(render::titleAt("2023", Date(2025, 9, 1)), "2023");
}

TEST(PanelText, BeforeTheFirstStateNothingIsInForce) {
    const Synthetic synthetic;
    const auto text = synthetic.at(plain(Date(1999, 6, 1), -1));
    EXPECT_FALSE(text.between);
    EXPECT_EQ(text.inForce, "No control state yet");
    EXPECT_EQ(text.area, "");
}

// Mid-transition the schedule dates the frame with the new state's date; the panel names both ends and
// both measured areas, says it is between two maps, and keeps the chart's cursor on the old state.
TEST(PanelText, MidTransitionDoesNotStateTheNewAreaAsInForce) {
    const Synthetic synthetic;
    render::FrameSpec frame = plain(Date(2001, 3, 15), 1);
    frame.transition = render::Transition{0, 1, 0.5};
    const auto text = synthetic.at(frame);
    EXPECT_TRUE(text.between);
    EXPECT_EQ(text.date, "1 Jan 2000 → 15 Mar 2001");
    EXPECT_NE(text.notice.find("Between two dated maps"), std::string::npos) << text.notice;
    EXPECT_EQ(text.inForce, "");
    EXPECT_EQ(allText(text).find("In force"), std::string::npos) << allText(text);
    EXPECT_EQ(text.area, "Blue-held: 18,830 → 18,760 km²");
    // The new state's area never appears alone, as the plain frame prints it.
    EXPECT_EQ(allText(text).find("Blue-held: 18,760 km²"), std::string::npos);
    EXPECT_EQ(text.detail.rfind("Change: net ", 0), 0u) << text.detail;
    // The last day of the old state: the chart's line there has the old area.
    EXPECT_EQ(text.cursor, Date(2001, 3, 14));
    // Whatever the progress: no number in between is ever printed.
    for (double progress : {0.01, 0.3, 0.99}) {
        frame.transition->progress = progress;
        const auto other = synthetic.at(frame);
        EXPECT_EQ(other.area, text.area) << progress;
        EXPECT_EQ(other.date, text.date) << progress;
        EXPECT_EQ(other.cursor, text.cursor) << progress;
    }
}

// The first frame of a change draws the old state at the new state's date: between two maps as well.
TEST(PanelText, OldMapAtTheNewDateIsBetweenTwoMaps) {
    const Synthetic synthetic;
    const auto text = synthetic.at(plain(Date(2001, 3, 15), 0));
    EXPECT_TRUE(text.between);
    EXPECT_EQ(text.date, "1 Jan 2000 → 15 Mar 2001");
    EXPECT_EQ(text.inForce, "");
    EXPECT_EQ(text.cursor, Date(2001, 3, 14));
}

// From nothing held (a video that starts before the first state) and to nothing held (the empty state).
TEST(PanelText, EndsWithNothingHeld) {
    const Synthetic synthetic;
    render::FrameSpec first = plain(Date(2000, 1, 1), 0);
    first.transition = render::Transition{-1, 0, 0.5};
    const auto fromNothing = synthetic.at(first);
    EXPECT_EQ(fromNothing.date, "no state → 1 Jan 2000");
    EXPECT_EQ(fromNothing.area, "Blue-held: none → 18,830 km²");
    EXPECT_EQ(fromNothing.cursor, Date(1999, 12, 31));

    render::FrameSpec last = plain(Date(2003, 1, 1), 3);
    last.transition = render::Transition{2, 3, 0.5};
    const auto toNothing = synthetic.at(last);
    EXPECT_EQ(toNothing.date, "1 Jul 2002 → 1 Jan 2003");
    EXPECT_NE(toNothing.area.find(" → 0 km²"), std::string::npos) << toNothing.area;
    EXPECT_EQ(toNothing.cursor, Date(2002, 12, 31));
}

TEST(FrameEnds, TransitionOrTheStateDrawnAndTheStateInForce) {
    const Synthetic synthetic;
    const Timeline& timeline = synthetic.scenario.timeline;
    EXPECT_FALSE(render::frameEnds(timeline, plain(Date(2001, 6, 1), 1)).between());
    render::FrameSpec frame = plain(Date(2001, 3, 15), 1);
    frame.transition = render::Transition{0, 1, 0.5};
    const auto ends = render::frameEnds(timeline, frame);
    EXPECT_EQ(ends.from, 0);
    EXPECT_EQ(ends.to, 1);
    EXPECT_TRUE(render::frameEnds(timeline, plain(Date(2001, 3, 15), 0)).between());
}

}  // namespace
}  // namespace frontline::test
