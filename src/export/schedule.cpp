#include "export/schedule.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "render/scene.hpp"

namespace frontline::exporting {

double ease(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

Pace parsePace(const std::string& text) {
    if (text == "state") return Pace::State;
    if (text == "time") return Pace::Time;
    throw UsageError("unknown --pace '" + text + "' (state, time)");
}

namespace {

// Exactly `frameCount` frames over the key dates, as buildSchedule's comment says.
std::vector<render::FrameSpec> durationSchedule(const Timeline& timeline, const ScheduleOptions& options,
                                                const std::vector<Date>& keys, std::size_t frameCount) {
    const auto& states = timeline.states();
    std::vector<render::FrameSpec> schedule;
    auto push = [&](const Date& date, int state, const std::optional<Date>& eventsSince) {
        render::FrameSpec spec;
        spec.date = date;
        spec.state = state;
        spec.eventsSince = eventsSince;
        spec.seconds = static_cast<double>(schedule.size()) / options.fps;
        schedule.push_back(spec);
        return &schedule.back();
    };
    auto stateBefore = [&](const Date& date) -> std::optional<Date> {
        const int index = timeline.indexAt(date);
        if (index > 0) return states[static_cast<std::size_t>(index) - 1].date;
        return std::nullopt;
    };
    if (options.pace == Pace::Time || keys.size() == 1) {
        const long days = daysBetween(keys.front(), keys.back());
        for (std::size_t i = 0; i < frameCount; ++i) {
            const double t =
                frameCount > 1 ? static_cast<double>(i) / static_cast<double>(frameCount - 1) : 1.0;
            const Date date =
                keys.front().plusDays(static_cast<long>(std::floor(t * static_cast<double>(days))));
            push(date, timeline.indexAt(date), stateBefore(date));
        }
        return schedule;
    }
    const std::size_t count = keys.size();
    const int morphCap = static_cast<int>(std::lround(options.transitionSeconds * options.fps));
    for (std::size_t k = 0; k < count; ++k) {
        // Key k has frames [begin, end): cumulative rounding shares out the remainder evenly.
        const std::size_t begin = k * frameCount / count, end = (k + 1) * frameCount / count;
        if (begin == end) continue;
        const Date key = keys[k];
        const std::optional<Date> since = k > 0 ? std::optional<Date>(keys[k - 1]) : stateBefore(key);
        const int after = timeline.indexAt(key);
        const int before = k > 0 ? timeline.indexAt(keys[k - 1]) : after;
        const int slot = static_cast<int>(end - begin);
        const int morph = before != after ? std::min(morphCap, slot / 2) : 0;
        for (int i = 0; i < slot; ++i) {
            render::FrameSpec* spec = push(key, after, since);
            if (i < morph)
                spec->transition =
                    render::Transition{before, after, ease(static_cast<double>(i + 1) / (morph + 1))};
        }
    }
    return schedule;
}

// Per-state timing, as buildSchedule's comment says: each key held, then the counter runs to the next
// key, the change of area plays and the new state is held.
std::vector<render::FrameSpec> stateSchedule(const Timeline& timeline, const ScheduleOptions& options,
                                             const std::vector<Date>& keys) {
    const auto& states = timeline.states();
    const Date from = keys.front();
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
        spec.state = timeline.indexAt(date);
        spec.eventsSince = eventsSince;
        return spec;
    };

    // The first key: events since the state before it.
    std::optional<Date> since;
    if (const int first = timeline.indexAt(from); first > 0)
        since = states[static_cast<std::size_t>(first) - 1].date;
    for (int i = 0; i < holdFrames; ++i) push(plain(from, since));

    for (std::size_t k = 1; k < keys.size(); ++k) {
        const Date previous = keys[k - 1], key = keys[k];
        const long days = daysBetween(previous, key);
        // The counter runs; the state in force stays until the key's own date.
        for (int i = 1; i < countFrames; ++i) {
            const long day = static_cast<long>(std::floor(static_cast<double>(days) * i / countFrames));
            push(plain(previous.plusDays(day), previous));
        }
        const int stateBefore = timeline.indexAt(previous), stateAfter = timeline.indexAt(key);
        if (stateBefore != stateAfter && morphFrames > 1) {
            // i = 0 and i = morphFrames are the plain states; between them the reveal runs.
            for (int i = 0; i <= morphFrames; ++i) {
                render::FrameSpec spec = plain(key, previous);
                if (i == 0)
                    spec.state = stateBefore;
                else if (i < morphFrames)
                    spec.transition = render::Transition{stateBefore, stateAfter,
                                                         ease(static_cast<double>(i) / morphFrames)};
                push(spec);
            }
        }
        for (int i = 0; i < holdFrames; ++i) push(plain(key, previous));
    }
    return schedule;
}

}  // namespace

DefaultSpan defaultSpan(const Scenario& scenario, const std::optional<Date>& from,
                        const std::optional<Date>& to) {
    DefaultSpan span{from, to, {}, {}, {}};
    const auto& states = scenario.timeline.states();
    if (states.empty()) return span;
    span.lastStateDate = states.back().date;
    if (!span.from) span.from = states.front().date;
    // Layers whose features have dates, as the map draws them (places are drawn whatever their dates).
    std::vector<const Layer*> dated;
    for (const auto& layer : scenario.layers) {
        if (layer.role == LayerRole::Control || layer.role == LayerRole::Place) continue;
        if (render::whyNotDrawn(scenario, layer)) continue;
        dated.push_back(&layer);
    }
    auto dateOf = [](const Feature& feature, const char* key) {
        return Date::tryParse(feature.property(key));
    };
    if (!span.to) {
        span.to = states.back().date;
        for (const Layer* layer : dated) {
            std::optional<Date> latest;
            for (const auto& feature : layer->features) {
                for (const char* key : {"valid_from", "valid_to"}) {
                    const auto date = dateOf(feature, key);
                    if (date && states.back().date < *date && (!latest || *latest < *date)) latest = date;
                }
            }
            if (!latest) continue;
            span.extendedBy.push_back(layer->id);
            if (*span.to < *latest) span.to = latest;
        }
    }
    if (!from) {
        for (const Layer* layer : dated) {
            std::optional<Date> end;  // the last day any feature is shown; unset: one is never ended
            bool ends = !layer->features.empty();
            for (const auto& feature : layer->features) {
                const auto validTo = dateOf(feature, "valid_to");
                if (!validTo) {
                    ends = false;
                    break;
                }
                if (!end || *end < *validTo) end = validTo;
            }
            // valid_to is exclusive: a feature ending on the first state's date is not seen on it.
            if (ends && end && !(*span.from < *end)) span.leftOut.push_back({layer->id, *end});
        }
    }
    return span;
}

std::vector<render::FrameSpec> buildSchedule(const Timeline& timeline, const ScheduleOptions& options) {
    if (!(options.fps > 0 && options.fps <= 240)) throw UsageError("--fps must be in (0, 240]");
    if (options.transitionSeconds < 0 || options.holdSeconds < 0)
        throw UsageError("--transition and --hold must not be negative");
    const auto& states = timeline.states();
    if (states.empty() && (!options.from || !options.to))
        throw UsageError("the scenario has no [[state]]: give --from and --to");
    const Date from = options.from ? *options.from : states.front().date;
    const Date to = options.to ? *options.to : states.back().date;
    if (to < from) throw UsageError("--from " + from.iso() + " is after --to " + to.iso());

    std::vector<Date> keys{from};
    for (const auto& state : states) {
        if (from < state.date && state.date <= to) keys.push_back(state.date);
    }
    if (keys.back() < to) keys.push_back(to);

    if (options.durationSeconds) {
        const double frameCount = std::round(*options.durationSeconds * options.fps);
        if (!(frameCount >= 1) || frameCount > 1e7) {
            throw UsageError(
                "--duration must last at least one frame (1/fps s) and at most 10 million frames");
        }
        return durationSchedule(timeline, options, keys, static_cast<std::size_t>(frameCount));
    }
    return stateSchedule(timeline, options, keys);
}

}  // namespace frontline::exporting
