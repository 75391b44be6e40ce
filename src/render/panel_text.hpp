#pragma once
// The words and numbers at the top of the panel for one frame, and the date of the chart's cursor:
// decided here, before any drawing, so that tests can read them and the viewer's timeline shows the
// same date line as the panel.
//
// A frame shows either one state, the one in force at its date, or the map between two states: a
// transition, or the first frame of one, whose date is already the new state's while its map is still
// the old state. Between two maps, neither end is presented as in force: the date line names both
// dates ("12 May 1994 → 10 Nov 2020"), a notice says the frame is between two maps, the area line gives
// both measured areas ("11,750 → 7,480 km²", never a number in between: nothing was measured there),
// and the chart's cursor stays on the last day of the old state, with its area, until the new map is
// drawn whole. The cursor holds rather than moves to the new date because the map, too, still shows
// mostly the old state, and a cursor anywhere in between would point at a date no map describes.

#include <optional>
#include <string>
#include <vector>

#include "analysis/stats.hpp"
#include "core/scenario.hpp"
#include "render/frame_spec.hpp"

namespace frontline::render {

// The states a frame draws, as indices into the timeline (−1: nothing held yet). One state: from = to.
struct FrameEnds {
    int from = -1;
    int to = -1;
    bool between() const { return from != to; }
};
FrameEnds frameEnds(const Timeline& timeline, const FrameSpec& frame);

// The scenario's title for a frame at `date`: a title ending in a year range ("Nagorno-Karabakh,
// 1994–2023") has its range carried on to the year of a frame dated after it ("1994–2025"), so that a
// still after the last state does not contradict its own date line; any other title as it is. With a
// span shown, the range is the span's years ("Nagorno-Karabakh, 2020" for 1 Nov–12 Dec 2020; an end
// not given keeps the title's year).
std::string titleAt(const std::string& title, const Date& date, const ShownSpan& span = {});

struct PanelText {
    std::string title;  // titleAt(scenario.title, frame date, span)
    bool between = false;
    std::string date;  // "10 Nov 2020"; between two maps "12 May 1994 → 10 Nov 2020"
    // Between two maps, says so; on one state, names the events since it that it does not show (a
    // stale map: "Map of 12 May 1994: 3 events since then not yet mapped (next map 10 Nov 2020)").
    std::string notice;
    std::string inForce;  // "In force since 1994-05-12: label", or "No control state yet"; empty between
    std::string area;     // "Armenian-held: 11,750 km²", between "Armenian-held: 11,750 → 7,480 km²"
    std::string detail;   // the ranges and the change since the state before (between: the change shown)
    Date cursor;          // the chart's cursor
};

// `stats`: one row per timeline state, as Scene::stats(); `span`: MapOptions::span.
PanelText panelText(const Scenario& scenario, const std::vector<analysis::StateStats>& stats,
                    const FrameSpec& frame, const ShownSpan& span = {});

}  // namespace frontline::render
