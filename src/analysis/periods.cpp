#include "analysis/periods.hpp"

#include <cmath>

namespace frontline::analysis {

std::optional<Period> parsePeriod(std::string_view text) {
    if (text == "week") return Period::Week;
    if (text == "month") return Period::Month;
    if (text == "year") return Period::Year;
    return std::nullopt;
}

Date periodStart(const Date& date, Period period) {
    switch (period) {
        case Period::Week: {
            // 1970-01-01 was a Thursday: days since the epoch + 3 is 0 on a Monday, modulo 7.
            const long days = date.daysSinceEpoch();
            const long sinceMonday = ((days + 3) % 7 + 7) % 7;
            return date.plusDays(-sinceMonday);
        }
        case Period::Month:
            return Date(date.year(), date.month(), 1);
        case Period::Year:
            return Date(date.year(), 1, 1);
    }
    return date;
}

double printedKm2(double value) { return std::round(value * 1000.0) / 1000.0; }

std::vector<Step> printedSteps(std::vector<Step> steps) {
    for (Step& step : steps) {
        step.gainedKm2 = printedKm2(step.gainedKm2);
        step.lostKm2 = printedKm2(step.lostKm2);
    }
    return steps;
}

std::vector<PeriodTotal> periodTotals(const std::vector<Step>& steps, Period period) {
    std::vector<PeriodTotal> totals;
    for (const Step& step : steps) {
        const Date start = periodStart(step.to, period);
        if (totals.empty() || totals.back().start != start) {
            PeriodTotal total;
            total.start = start;
            total.firstSeen = step.from;
            totals.push_back(total);
        }
        PeriodTotal& total = totals.back();
        total.lastSeen = step.to;
        ++total.steps;
        total.gainedKm2 += step.gainedKm2;
        total.lostKm2 += step.lostKm2;
    }
    return totals;
}

}  // namespace frontline::analysis
