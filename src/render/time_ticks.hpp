#pragma once
// The ticks of a time axis (the chart's x axis, the viewer's timeline): the unit and step chosen from
// the span and how many labels fit, dates at round places (the 1st of a month, 1 Jan, Mondays for
// weeks) and their labels: "12 Mar", "Mar", "2022", with the year added to the first tick and where
// the year changes ("12 Mar 2022", "Jan 2023"). Pure: no fonts, no pixels; the caller says how much
// room a label takes.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"

namespace frontline::render {

enum class TickUnit { Day, Month, Year };

struct TimeTick {
    Date date;
    std::string label;
};

struct TimeTicks {
    TickUnit unit = TickUnit::Year;
    int step = 1;  // days, months or years from one tick to the next
    std::vector<TimeTick> ticks;
};

// The ticks dated in [first, last] at the finest step of 1, 2, 7, 14 days; 1, 3, 6 months; 1, 2, 5, 10,
// 20, 50, 100… years that gives at most `maxCount` of them (none when maxCount is 0), except that whole
// months or years are taken instead of a finer step where they give from three to maxCount ticks.
TimeTicks timeTicks(const Date& first, const Date& last, std::size_t maxCount);

// Where a tick's label lies on the axis, its left and right ends in pixels; nullopt where it has no
// room (past an end of the axis): the tick is left out.
using LabelExtent = std::function<std::optional<std::pair<float, float>>(const TimeTick&)>;

// The finest ticks of timeTicks(first, last, n ≤ maxCount) whose labels, placed by `extent`, keep at
// least `gap` pixels apart, without those that have no room (the year then goes on the first kept).
TimeTicks fitTimeTicks(const Date& first, const Date& last, std::size_t maxCount, const LabelExtent& extent,
                       float gap);

}  // namespace frontline::render
