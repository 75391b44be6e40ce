// Ticks of a time axis, against dates counted by hand on a calendar.

#include "render/time_ticks.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace frontline::render {
namespace {

std::vector<std::string> dates(const TimeTicks& ticks) {
    std::vector<std::string> out;
    for (const auto& tick : ticks.ticks) out.push_back(tick.date.iso());
    return out;
}

std::vector<std::string> labels(const TimeTicks& ticks) {
    std::vector<std::string> out;
    for (const auto& tick : ticks.ticks) out.push_back(tick.label);
    return out;
}

TEST(TimeTicks, NinetyDaysGiveMonthsOnTheFirst) {
    // Fortnights would fit too (14, 28 Mar … 23 May: 6), but three month starts read better.
    const TimeTicks ticks = timeTicks(Date(2022, 3, 1), Date(2022, 5, 29), 8);
    EXPECT_EQ(ticks.unit, TickUnit::Month);
    EXPECT_EQ(ticks.step, 1);
    EXPECT_EQ(dates(ticks), (std::vector<std::string>{"2022-03-01", "2022-04-01", "2022-05-01"}));
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"Mar 2022", "Apr", "May"}));
}

TEST(TimeTicks, MonthLabelsShowTheYearWhereItChanges) {
    const TimeTicks ticks = timeTicks(Date(2022, 11, 15), Date(2023, 2, 12), 8);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"Dec 2022", "Jan 2023", "Feb"}));
}

TEST(TimeTicks, TwentyNineYearsGiveFiveYearTicks) {
    // 1 year: 29 ticks, 2 years: 14, 5 years: 6.
    const TimeTicks ticks = timeTicks(Date(1994, 5, 12), Date(2023, 9, 20), 8);
    EXPECT_EQ(ticks.unit, TickUnit::Year);
    EXPECT_EQ(ticks.step, 5);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"1995", "2000", "2005", "2010", "2015", "2020"}));
    EXPECT_EQ(ticks.ticks.front().date, Date(1995, 1, 1));
}

TEST(TimeTicks, TenDaysGiveDays) {
    const TimeTicks ticks = timeTicks(Date(2022, 6, 1), Date(2022, 6, 10), 12);
    EXPECT_EQ(ticks.unit, TickUnit::Day);
    EXPECT_EQ(ticks.step, 1);
    ASSERT_EQ(ticks.ticks.size(), 10u);
    EXPECT_EQ(ticks.ticks.front().label, "1 Jun 2022");
    EXPECT_EQ(ticks.ticks[1].label, "2 Jun");
    EXPECT_EQ(ticks.ticks.back().label, "10 Jun");
}

TEST(TimeTicks, DayLabelsShowTheYearWhereItChanges) {
    const TimeTicks ticks = timeTicks(Date(2022, 12, 30), Date(2023, 1, 2), 10);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"30 Dec 2022", "31 Dec", "1 Jan 2023", "2 Jan"}));
}

TEST(TimeTicks, WeeksStartOnMondays) {
    // 1 Mar 2022 was a Tuesday; two month starts only (1 Mar, 1 Apr), so weeks.
    const TimeTicks ticks = timeTicks(Date(2022, 3, 1), Date(2022, 4, 15), 8);
    EXPECT_EQ(ticks.unit, TickUnit::Day);
    EXPECT_EQ(ticks.step, 7);
    EXPECT_EQ(dates(ticks), (std::vector<std::string>{"2022-03-07", "2022-03-14", "2022-03-21", "2022-03-28",
                                                      "2022-04-04", "2022-04-11"}));
    EXPECT_EQ(labels(ticks).front(), "7 Mar 2022");
}

TEST(TimeTicks, TwoYearsGiveQuarters) {
    // Months: 22 ticks; quarters: 7; 1 Jan only once, so not years.
    const TimeTicks ticks = timeTicks(Date(2021, 1, 10), Date(2022, 11, 30), 10);
    EXPECT_EQ(ticks.unit, TickUnit::Month);
    EXPECT_EQ(ticks.step, 3);
    EXPECT_EQ(labels(ticks),
              (std::vector<std::string>{"Apr 2021", "Jul", "Oct", "Jan 2022", "Apr", "Jul", "Oct"}));
}

TEST(TimeTicks, FiveYearsGiveYearsRatherThanHalves) {
    const TimeTicks ticks = timeTicks(Date(2018, 3, 1), Date(2023, 2, 1), 10);
    EXPECT_EQ(ticks.unit, TickUnit::Year);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"2019", "2020", "2021", "2022", "2023"}));
}

TEST(TimeTicks, CenturiesPastFiftyYears) {
    const TimeTicks ticks = timeTicks(Date(1200, 1, 1), Date(2023, 1, 1), 5);
    EXPECT_EQ(ticks.step, 200);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"1200", "1400", "1600", "1800", "2000"}));
}

TEST(TimeTicks, NoneWhenNoneMayBeShown) {
    EXPECT_TRUE(timeTicks(Date(2022, 1, 1), Date(2023, 1, 1), 0).ticks.empty());
    EXPECT_TRUE(timeTicks(Date(2023, 1, 1), Date(2022, 1, 1), 10).ticks.empty());
}

TEST(TimeTicks, NeverMoreThanTheMaxCount) {
    const Date first(2019, 7, 13);
    for (const long span : {0L, 1L, 6L, 13L, 31L, 45L, 89L, 200L, 400L, 1000L, 3000L, 10957L, 40000L}) {
        const Date last = first.plusDays(span);
        for (std::size_t most = 0; most <= 16; ++most) {
            const TimeTicks ticks = timeTicks(first, last, most);
            EXPECT_LE(ticks.ticks.size(), most) << span << " days, at most " << most;
            for (std::size_t i = 0; i < ticks.ticks.size(); ++i) {
                EXPECT_LE(first, ticks.ticks[i].date);
                EXPECT_LE(ticks.ticks[i].date, last);
                if (i > 0) {
                    EXPECT_LT(ticks.ticks[i - 1].date, ticks.ticks[i].date);
                }
            }
        }
    }
}

TEST(FitTimeTicks, LabelsDoNotOverlap) {
    // 6 px per character, 4 px per day, centred on their tick.
    const Date origin(2022, 3, 1);
    const auto place = [&](const TimeTick& tick) {
        const float x = 4.0f * static_cast<float>(daysBetween(origin, tick.date));
        const float w = 6.0f * static_cast<float>(tick.label.size());
        return std::make_pair(x - w / 2, x + w / 2);
    };
    const LabelExtent extent = [&](const TimeTick& tick) { return std::optional(place(tick)); };
    const TimeTicks ticks = fitTimeTicks(origin, Date(2022, 12, 26), 100, extent, 8);
    ASSERT_GE(ticks.ticks.size(), 2u);
    for (std::size_t i = 1; i < ticks.ticks.size(); ++i) {
        EXPECT_LE(place(ticks.ticks[i - 1]).second + 8, place(ticks.ticks[i]).first) << ticks.ticks[i].label;
    }
    // Months are 112–124 px apart, "Mar 2022" is 48 px wide: every month fits, fortnights do not.
    EXPECT_EQ(ticks.unit, TickUnit::Month);
    EXPECT_EQ(ticks.step, 1);
    EXPECT_EQ(ticks.ticks.size(), 10u);
}

TEST(FitTimeTicks, LabelsWithoutRoomAreLeftOutAndTheYearMoves) {
    // The axis runs from 20 Feb to 31 Dec 2022 at 2 px a day; a label must lie within it.
    const Date origin(2022, 2, 20);
    const float end = 2.0f * static_cast<float>(daysBetween(origin, Date(2022, 12, 31)));
    const LabelExtent extent = [&](const TimeTick& tick) -> std::optional<std::pair<float, float>> {
        const float x = 2.0f * static_cast<float>(daysBetween(origin, tick.date));
        const float w = 6.0f * static_cast<float>(tick.label.size());
        if (x - w / 2 < 0 || x + w / 2 > end) return std::nullopt;
        return std::make_pair(x - w / 2, x + w / 2);
    };
    // "Mar 2022" (48 px) centred 18 px from the start has no room: April takes the year.
    const TimeTicks ticks = fitTimeTicks(origin, Date(2022, 12, 31), 100, extent, 8);
    EXPECT_EQ(ticks.unit, TickUnit::Month);
    EXPECT_EQ(labels(ticks),
              (std::vector<std::string>{"Apr 2022", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}));
}

}  // namespace
}  // namespace frontline::render
