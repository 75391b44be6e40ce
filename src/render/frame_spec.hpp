#pragma once
// What one frame shows: the date, the control state or a transition between two, the events to caption
// and the animation clock. Made by the schedule (export/) or the viewer, drawn by the Renderer.

#include <optional>

#include "core/date.hpp"

namespace frontline::render {

// A change between two control states in progress; the schedule never asks for progress 0 or 1 (those
// frames are the plain states).
struct Transition {
    int from = -1;  // state index, −1 = nothing held yet
    int to = -1;
    double progress = 0;  // (0, 1)
};

// The span a video shows when the user chose one (--from/--to): the title's years and the chart's time
// axis follow it, so that a video of December 2020 neither says "1994–2023" nor draws 29 years to show
// one month. An end not given is the data's own.
struct ShownSpan {
    std::optional<Date> from;
    std::optional<Date> to;
};

// What one frame shows.
struct FrameSpec {
    Date date;       // the date counter
    int state = -1;  // the state drawn when there is no transition
    std::optional<Transition> transition;
    std::optional<Date> eventsSince;  // captions for events after this date, up to `date`
    double seconds = 0;               // the frame's time in the video; draws nothing
};

}  // namespace frontline::render
