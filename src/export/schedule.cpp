#include "export/schedule.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace frontline::exporting {

double ease(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

std::vector<render::FrameSpec> buildSchedule(const render::Scene& scene, const ScheduleOptions& options) {
    if (!(options.fps > 0 && options.fps <= 240)) throw UsageError("--fps must be in (0, 240]");
    if (options.transitionSeconds < 0 || options.holdSeconds < 0) throw UsageError("--transition and --hold must not be negative");
    const auto& states = scene.scenario().timeline.states();
    if (states.empty() && (!options.from || !options.to)) throw UsageError("the scenario has no [[state]]: give --from and --to");
    const Date from = options.from ? *options.from : states.front().date;
    const Date to = options.to ? *options.to : states.back().date;
    if (to < from) throw UsageError("--from " + from.iso() + " is after --to " + to.iso());

    std::vector<Date> keys{from};
    for (const auto& state : states) {
        if (from < state.date && state.date <= to) keys.push_back(state.date);
    }
    if (keys.back() < to) keys.push_back(to);

    auto frames = [&](double seconds) { return static_cast<int>(std::lround(seconds * options.fps)); };
    const int holdFrames = std::max(1, frames(options.holdSeconds));
    const int countFrames = frames(options.transitionSeconds / 2);
    const int morphFrames = frames(options.transitionSeconds);

    std::vector<render::FrameSpec> schedule;
    auto push = [&](render::FrameSpec spec) {
        spec.seconds = static_cast<double>(schedule.size()) / options.fps;
        schedule.push_back(spec);
    };
    auto plain = [&](const Date& date, const std::optional<Date>& eventsSince) {
        render::FrameSpec spec;
        spec.date = date;
        spec.state = scene.stateIndexAt(date);
        spec.eventsSince = eventsSince;
        return spec;
    };

    // The first key: events since the state before it.
    std::optional<Date> since;
    if (const int first = scene.stateIndexAt(from); first > 0) since = states[static_cast<std::size_t>(first) - 1].date;
    for (int i = 0; i < holdFrames; ++i) push(plain(from, since));

    for (std::size_t k = 1; k < keys.size(); ++k) {
        const Date previous = keys[k - 1], key = keys[k];
        const long days = daysBetween(previous, key);
        // The counter runs; the state in force stays until the key's own date.
        for (int i = 1; i < countFrames; ++i) {
            const long day = static_cast<long>(std::floor(static_cast<double>(days) * i / countFrames));
            push(plain(previous.plusDays(day), previous));
        }
        const int stateBefore = scene.stateIndexAt(previous), stateAfter = scene.stateIndexAt(key);
        if (stateBefore != stateAfter && morphFrames > 1) {
            // i = 0 and i = morphFrames are the plain states; between them the reveal runs.
            for (int i = 0; i <= morphFrames; ++i) {
                render::FrameSpec spec = plain(key, previous);
                if (i == 0) spec.state = stateBefore;
                else if (i < morphFrames) spec.transition = render::Transition{stateBefore, stateAfter, ease(static_cast<double>(i) / morphFrames)};
                push(spec);
            }
        }
        for (int i = 0; i < holdFrames; ++i) push(plain(key, previous));
    }
    return schedule;
}

}  // namespace frontline::exporting
