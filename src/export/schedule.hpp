#pragma once
// The frame schedule of an animation: which date, state or transition each frame shows.
//
// Key dates are the start, every control state's date in (from, to], and the end. The first key is
// held; then for each next key the date counter runs from the previous key to it (the old state stays,
// it is still in force), the area changes from the old state to the new one (a transition whose first
// and last frames are exactly the two states), and the new state is held. Events dated after the
// previous key are captioned.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/scenario.hpp"
#include "core/timeline.hpp"
#include "render/frame_spec.hpp"

namespace frontline::render {
class Scene;
}

namespace frontline::exporting {

// How a video of fixed length shares its time out: `State` gives every state the same time (changes
// cluster in real series, and time pacing would pass a war's six weeks in a blink after 26 quiet years);
// `Time` makes screen time proportional to the days elapsed.
enum class Pace { State, Time };

struct ScheduleOptions {
    double fps = 30;
    // The video lasts exactly this long (round(duration × fps) frames); unset: per-state timing from
    // transitionSeconds and holdSeconds.
    std::optional<double> durationSeconds;
    Pace pace = Pace::State;
    double transitionSeconds = 2;  // the change of area; the date counter runs for half as long before it
    double holdSeconds = 1;        // each state shown still
    std::optional<Date> from;      // default: the first state's date
    std::optional<Date> to;        // default: the last state's date
};

// With a duration, each frame shows a state exactly as it is on the date shown: paced by state, the
// frames are shared out equally between the key dates (a state with room for it gets the transition,
// capped at half its share, then is held); paced by time, frame i shows the date i/(N-1) of the way from
// `from` to `to` and whatever state is in force then, cut without a transition. When there are more
// states than frames, some are never shown on their own, in either pacing.
//
// Throws UsageError for fps ≤ 0, negative durations, a duration under one frame or from > to.
std::vector<render::FrameSpec> buildSchedule(const Timeline& timeline, const ScheduleOptions& options);

// What a video shows when --from or --to is not given. It runs from the first state to the last, and on
// to the last date after it on which a drawn layer's feature appears or ends (its valid_from or
// valid_to): a corridor proposed in 2025 after a timeline that ends in 2023 would otherwise never be
// seen. It does not start earlier than the first state, which would open on years without a map of
// control; the layers only seen before it are listed in `leftOut`.
struct DefaultSpan {
    // A layer whose every feature ends (valid_to, exclusive) on or before `from`.
    struct LeftOut {
        std::string layerId;
        Date until;
        // "'nkao' (until 1991-11-26)"
        std::string text() const { return "'" + layerId + "' (until " + until.iso() + ")"; }
        friend bool operator==(const LeftOut&, const LeftOut&) = default;
    };
    std::optional<Date> from, to;         // as given, or the defaults (unset for a scenario without states)
    std::optional<Date> lastStateDate;    // `to` goes past it when a layer changes later
    std::vector<std::string> extendedBy;  // layer ids whose dates moved `to` past the last state
    std::vector<LeftOut> leftOut;
};
DefaultSpan defaultSpan(const Scenario& scenario, const std::optional<Date>& from,
                        const std::optional<Date>& to);

// "state" or "time"; UsageError otherwise.
Pace parsePace(const std::string& text);

// smoothstep: eases a transition in and out; 0 → 0, 1 → 1.
double ease(double t);

}  // namespace frontline::exporting
