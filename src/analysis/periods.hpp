#pragma once
// Totals per calendar period (week, month, year) of a series of changes, as analysts publish them.
// A change is counted in the period of the snapshot where it is first seen: the step from 30 Jan to
// 2 Feb counts in February, wherever in those days the ground changed hands.

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace frontline::analysis {

enum class Period { Week, Month, Year };

// "week", "month" or "year"; nullopt otherwise.
std::optional<Period> parsePeriod(std::string_view text);

// The first day of the period `date` falls in: the Monday of its ISO week, the 1st of its month, 1 Jan.
Date periodStart(const Date& date, Period period);

// One step of a series: from the snapshot of `from` to that of `to`.
struct Step {
    Date from;
    Date to;
    double gainedKm2 = 0;
    double lostKm2 = 0;
};

// km² as printed in every table (3 decimals): change figures are summed and differenced as printed,
// so that a printed net is the printed gained minus the printed lost and a period's total is the sum
// of its printed steps (the rounding this adds, under 0.0005 km² a step, is far below any interval).
double printedKm2(double value);
// The steps with their gained and lost km² as printed: what period totals are summed from.
std::vector<Step> printedSteps(std::vector<Step> steps);

struct PeriodTotal {
    Date start;      // first day of the period
    Date firstSeen;  // the earliest snapshot before the changes counted here (the first step's `from`)
    Date lastSeen;   // the last snapshot in the period
    std::size_t steps = 0;
    double gainedKm2 = 0;
    double lostKm2 = 0;
    double netKm2() const { return gainedKm2 - lostKm2; }
    // Days the counted changes span (lastSeen - firstSeen): the net per day is over those days, not
    // over the calendar period, so a month seen for ten days is not diluted over thirty.
    long days() const { return daysBetween(firstSeen, lastSeen); }
    double netKm2PerDay() const { return days() > 0 ? netKm2() / static_cast<double>(days()) : 0.0; }
};

// Steps in date order; periods without a step are not listed. The totals of all periods add up to the
// totals of all steps.
std::vector<PeriodTotal> periodTotals(const std::vector<Step>& steps, Period period);

}  // namespace frontline::analysis
