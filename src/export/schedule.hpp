#pragma once
// The frame schedule of an animation: which date, state or transition each frame shows.
//
// Key dates are the start, every control state's date in (from, to], and the end. The first key is
// held; then for each next key the date counter runs from the previous key to it (the old state stays,
// it is still in force), the area changes from the old state to the new one (a transition whose first
// and last frames are exactly the two states), and the new state is held. Events dated after the
// previous key are captioned.

#include <optional>
#include <vector>

#include "core/date.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"

namespace frontline::exporting {

struct ScheduleOptions {
    double fps = 30;
    double transitionSeconds = 2;   // the change of area; the date counter runs for half as long before it
    double holdSeconds = 1;         // each state shown still
    std::optional<Date> from;       // default: the first state's date
    std::optional<Date> to;         // default: the last state's date
};

// Throws UsageError for fps ≤ 0, negative durations or from > to.
std::vector<render::FrameSpec> buildSchedule(const render::Scene& scene, const ScheduleOptions& options);

// smoothstep: eases a transition in and out; 0 → 0, 1 → 1.
double ease(double t);

}  // namespace frontline::exporting
