#include "render/time_ticks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "render/style.hpp"

namespace frontline::render {

namespace {

struct Step {
    TickUnit unit;
    int size;
};

constexpr std::array<Step, 10> kFineSteps{{{TickUnit::Day, 1},
                                           {TickUnit::Day, 2},
                                           {TickUnit::Day, 7},
                                           {TickUnit::Day, 14},
                                           {TickUnit::Month, 1},
                                           {TickUnit::Month, 3},
                                           {TickUnit::Month, 6},
                                           {TickUnit::Year, 1},
                                           {TickUnit::Year, 2},
                                           {TickUnit::Year, 5}}};

long floorDiv(long a, long b) { return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0); }

// Ticks are numbered in their unit: days since 1970-01-01, months since January of year 0, years. A
// tick of a step of n is one whose number, less the step's offset, is a multiple of n: 2-day ticks on
// even days since the epoch, weeks on Mondays (1970-01-01 was a Thursday: day −3 was a Monday),
// fortnights on every other Monday; months from January (3 months: quarters), years at multiples.
long offsetOf(Step step) { return step.unit == TickUnit::Day && step.size >= 7 ? -3 : 0; }

// The number of the unit `date` falls in, and whether `date` is its first day.
std::pair<long, bool> unitOf(const Date& date, TickUnit unit) {
    switch (unit) {
        case TickUnit::Day:
            return {date.daysSinceEpoch(), true};
        case TickUnit::Month:
            return {static_cast<long>(date.year()) * 12 + static_cast<long>(date.month()) - 1,
                    date.day() == 1};
        case TickUnit::Year:
            return {date.year(), date.month() == 1 && date.day() == 1};
    }
    return {0, true};
}

Date dateOf(long number, TickUnit unit) {
    switch (unit) {
        case TickUnit::Day:
            return Date::fromDaysSinceEpoch(number);
        case TickUnit::Month:
            return Date(static_cast<int>(number / 12), static_cast<unsigned>(number % 12) + 1, 1);
        case TickUnit::Year:
            return Date(static_cast<int>(number), 1, 1);
    }
    return {};
}

// The numbers of the first and last tick in [first, last] at `step` (first > last: none).
std::pair<long, long> tickRange(const Date& first, const Date& last, Step step) {
    const auto [begin, atStart] = unitOf(first, step.unit);
    const long lowest = (atStart ? begin : begin + 1) - offsetOf(step);
    const long highest = unitOf(last, step.unit).first - offsetOf(step);
    return {floorDiv(lowest + step.size - 1, step.size) * step.size + offsetOf(step),
            floorDiv(highest, step.size) * step.size + offsetOf(step)};
}

std::size_t tickCount(const Date& first, const Date& last, Step step) {
    const auto [a, b] = tickRange(first, last, step);
    return a > b ? 0 : static_cast<std::size_t>((b - a) / step.size + 1);
}

std::string label(const Date& date, TickUnit unit, bool withYear) {
    switch (unit) {
        case TickUnit::Day:
            return withYear
                       ? fmt::format("{} {} {}", date.day(), monthAbbreviation(date.month()), date.year())
                       : fmt::format("{} {}", date.day(), monthAbbreviation(date.month()));
        case TickUnit::Month:
            return withYear ? fmt::format("{} {}", monthAbbreviation(date.month()), date.year())
                            : monthAbbreviation(date.month());
        case TickUnit::Year:
            return std::to_string(date.year());
    }
    return date.iso();
}

// The year goes on the first tick and wherever it changes.
void labelTicks(TimeTicks& ticks) {
    for (std::size_t i = 0; i < ticks.ticks.size(); ++i) {
        const bool withYear = i == 0 || ticks.ticks[i - 1].date.year() != ticks.ticks[i].date.year();
        ticks.ticks[i].label = label(ticks.ticks[i].date, ticks.unit, withYear);
    }
}

}  // namespace

TimeTicks timeTicks(const Date& first, const Date& last, std::size_t maxCount) {
    TimeTicks result;
    if (maxCount == 0 || last < first) return result;
    Step step = kFineSteps.back();
    bool found = false;
    for (const Step& candidate : kFineSteps) {
        step = candidate;
        if ((found = tickCount(first, last, step) <= maxCount)) break;
    }
    // Past 5 years: 10, 20, 50, 100 … (years end at 9999: a step of 10,000 has no tick at all).
    for (int magnitude = 10; !found; magnitude *= 10) {
        for (const int factor : {1, 2, 5}) {
            step = {TickUnit::Year, magnitude * factor};
            if ((found = tickCount(first, last, step) <= maxCount)) break;
        }
    }
    // Whole months (or years) where they give three ticks or more: the 1st of a month reads more
    // easily than every other Monday, 1 Jan than the quarters.
    for (const TickUnit unit : {TickUnit::Month, TickUnit::Year}) {
        const std::size_t count = tickCount(first, last, {unit, 1});
        if (unit > step.unit && count >= 3 && count <= maxCount) {
            step = {unit, 1};
            break;
        }
    }
    result.unit = step.unit;
    result.step = step.size;
    const auto [a, b] = tickRange(first, last, step);
    for (long number = a; number <= b; number += step.size)
        result.ticks.push_back({dateOf(number, step.unit), {}});
    labelTicks(result);
    return result;
}

TimeTicks fitTimeTicks(const Date& first, const Date& last, std::size_t maxCount, const LabelExtent& extent,
                       float gap) {
    while (true) {
        TimeTicks ticks = timeTicks(first, last, maxCount);
        const std::size_t made = ticks.ticks.size();
        // Ticks without room go; a new first tick gets the year, and may then have no room itself.
        for (bool dropped = true; dropped;) {
            dropped = std::erase_if(ticks.ticks, [&](const TimeTick& tick) { return !extent(tick); }) > 0;
            labelTicks(ticks);
        }
        bool fits = true;
        for (std::size_t i = 1; i < ticks.ticks.size() && fits; ++i) {
            fits = extent(ticks.ticks[i - 1])->second + gap <= extent(ticks.ticks[i])->first;
        }
        // Fewer allowed than were made: the next coarser step (the count falls every time round).
        if (fits || made == 0) return ticks;
        maxCount = made - 1;
    }
}

}  // namespace frontline::render
