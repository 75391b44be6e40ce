#include "render/panel_text.hpp"

#include <algorithm>

#include "render/area_labels.hpp"
#include "render/style.hpp"

namespace frontline::render {

namespace {

const analysis::StateStats* row(const std::vector<analysis::StateStats>& stats, int state) {
    if (state < 0 || static_cast<std::size_t>(state) >= stats.size()) return nullptr;
    return &stats[static_cast<std::size_t>(state)];
}

// A map older than events the panel lists beside it says so: at 1 Nov 2020 the 1994 line is still
// drawn while the events of October 2020 are listed. Counted from the data, not from a time since the
// state: a daily series is never stale for being a day old, a state is stale once something dated
// after it is reported.
std::string staleNotice(const Scenario& scenario, int state, const Date& date) {
    const auto& states = scenario.timeline.states();
    const Date& drawn = states[static_cast<std::size_t>(state)].date;
    const auto count = std::count_if(scenario.events.begin(), scenario.events.end(),
                                     [&](const Event& e) { return drawn < e.date && !(date < e.date); });
    if (count == 0) return "";
    std::string notice = "Map of " + formatDateLong(drawn) + ": " +
                         (count == 1 ? std::string("1 event") : std::to_string(count) + " events") +
                         " since then not yet mapped";
    if (static_cast<std::size_t>(state) + 1 < states.size())
        return notice + " (next map " + formatDateLong(states[static_cast<std::size_t>(state) + 1].date) +
               ")";
    return notice + " (no later map)";
}

}  // namespace

std::string titleAt(const std::string& title, const Date& date, const ShownSpan& span) {
    // "…, 1994–2023" (an en dash between two four-digit years, ending the title).
    const std::string dash = "\u2013";
    const std::size_t length = 4 + dash.size() + 4;
    if (title.size() < length) return title;
    const std::string range = title.substr(title.size() - length);
    auto isYear = [](const std::string& text) {
        return text.size() == 4 &&
               std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::string first = range.substr(0, 4), last = range.substr(4 + dash.size());
    if (range.compare(4, dash.size(), dash) != 0 || !isYear(first) || !isYear(last)) return title;
    if (span.from) first = std::to_string(span.from->year());
    if (span.to) last = std::to_string(span.to->year());
    if (date.year() > std::stoi(last) && date.year() >= std::stoi(first)) last = std::to_string(date.year());
    const std::string head = title.substr(0, title.size() - length);
    return first == last ? head + first : head + first + dash + last;
}

FrameEnds frameEnds(const Timeline& timeline, const FrameSpec& frame) {
    if (frame.transition) return {frame.transition->from, frame.transition->to};
    // A plain frame whose map is not the state in force at its date is the first frame of a change (the
    // schedule dates it with the new state's date): it is between the two as well.
    return {frame.state, timeline.indexAt(frame.date)};
}

PanelText panelText(const Scenario& scenario, const std::vector<analysis::StateStats>& stats,
                    const FrameSpec& frame, const ShownSpan& span) {
    PanelText text;
    text.title = titleAt(scenario.title, frame.date, span);
    const FrameEnds ends = frameEnds(scenario.timeline, frame);
    const auto& states = scenario.timeline.states();
    text.between = ends.between();
    text.cursor = frame.date;
    if (!text.between) {
        text.date = formatDateLong(frame.date);
        const analysis::StateStats* shown = row(stats, ends.to);
        if (!shown) {
            text.inForce = "No control state yet";
            return text;
        }
        text.inForce = "In force since " + shown->state.date.iso() +
                       (shown->state.label.empty() ? "" : ": " + shown->state.label);
        text.notice = staleNotice(scenario, ends.to, frame.date);
        const AreaLabels area = areaLabels(shown->area);
        text.area = scenario.subject + ": " + area.value + " km²";
        // Nothing held is exact; a held area without a range has none stated.
        const bool exact = shown->area.min == shown->area.max;
        text.detail = exact ? (shown->area.value > 0 ? "no uncertainty stated for the outlines" : "")
                            : "likely " + area.likelyMin + "–" + area.likelyMax + " km², at worst " +
                                  area.min + "–" + area.max + " km²";
        if (shown->sincePrevious) {
            const ChangeLabels change = changeLabels(*shown->sincePrevious);
            // Both dates: "since" alone would read as "until this frame's date", years later on a still
            // dated after the last state.
            text.detail += (text.detail.empty() ? "Change " : "; change ") +
                           formatDateLong(stats[static_cast<std::size_t>(ends.to) - 1].state.date) + " → " +
                           formatDateLong(shown->state.date) + ": net " + change.net + " km² (gained " +
                           change.gained + ", lost " + change.lost + ")";
        }
        return text;
    }

    const analysis::StateStats* from = row(stats, ends.from);
    const analysis::StateStats* to = row(stats, ends.to);
    auto dateOf = [&](const analysis::StateStats* end) {
        return end ? formatDateLong(end->state.date) : std::string("no state");
    };
    // Each end as measured, to the precision of its own range.
    auto areaOf = [](const analysis::StateStats* end) {
        return end ? areaLabels(end->area).value : std::string("none");
    };
    text.date = dateOf(from) + " → " + dateOf(to);
    text.notice =
        "Between two dated maps: the data do not say when or in what order places changed in between";
    text.area = scenario.subject + ": " + areaOf(from) + " → " + areaOf(to) + " km²";
    // The likely range of each end, when either has one (an exact end is its value).
    auto rangeOf = [](const analysis::StateStats* end) {
        if (!end) return std::string("none");
        const AreaLabels labels = areaLabels(end->area);
        return end->area.min == end->area.max ? labels.value : labels.likelyMin + "–" + labels.likelyMax;
    };
    const bool ranged = (from && from->area.min != from->area.max) || (to && to->area.min != to->area.max);
    if (ranged) text.detail = "likely " + rangeOf(from) + " → " + rangeOf(to) + " km²";
    if (from && to && ends.to == ends.from + 1 && to->sincePrevious) {
        const ChangeLabels change = changeLabels(*to->sincePrevious);
        text.detail += std::string(text.detail.empty() ? "Change" : "; change") + ": net " + change.net +
                       " km² (gained " + change.gained + ", lost " + change.lost + ")";
    }
    // The last day the old state was in force: where the chart's line still has the old area.
    if (ends.from >= 0 && static_cast<std::size_t>(ends.from) + 1 < states.size())
        text.cursor = states[static_cast<std::size_t>(ends.from) + 1].date.plusDays(-1);
    else if (ends.from >= 0)
        text.cursor = states[static_cast<std::size_t>(ends.from)].date;
    else if (!states.empty())
        text.cursor = states.front().date.plusDays(-1);
    return text;
}

}  // namespace frontline::render
