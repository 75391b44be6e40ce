#include "analysis/periods.hpp"

#include <gtest/gtest.h>

namespace frontline::analysis {
namespace {

TEST(Periods, WeeksStartOnMondayAsIso8601Says) {
    // 2 Dec 2026 is a Wednesday, 1 Jan 2021 a Friday, 3 Jan 2021 a Sunday (calendar facts).
    EXPECT_EQ(periodStart(Date(2026, 12, 2), Period::Week), Date(2026, 11, 30));
    EXPECT_EQ(periodStart(Date(2021, 1, 1), Period::Week), Date(2020, 12, 28));
    EXPECT_EQ(periodStart(Date(2021, 1, 3), Period::Week), Date(2020, 12, 28));
    EXPECT_EQ(periodStart(Date(2021, 1, 4), Period::Week), Date(2021, 1, 4));
    // Before the epoch too (1969-12-29 was a Monday).
    EXPECT_EQ(periodStart(Date(1969, 12, 31), Period::Week), Date(1969, 12, 29));
}

TEST(Periods, MonthsAndYears) {
    EXPECT_EQ(periodStart(Date(2020, 2, 29), Period::Month), Date(2020, 2, 1));
    EXPECT_EQ(periodStart(Date(2020, 2, 29), Period::Year), Date(2020, 1, 1));
}

TEST(Periods, AChangeCountsWhereItIsFirstSeenAndTotalsAddUp) {
    const std::vector<Step> steps{{Date(2022, 1, 20), Date(2022, 1, 30), 5, 1},
                                  {Date(2022, 1, 30), Date(2022, 2, 2), 7, 2},  // first seen in February
                                  {Date(2022, 2, 2), Date(2022, 2, 20), 0, 4},
                                  {Date(2022, 2, 20), Date(2022, 4, 1), 3, 0}};  // March has no snapshot
    const auto months = periodTotals(steps, Period::Month);
    ASSERT_EQ(months.size(), 3u);
    EXPECT_EQ(months[0].start, Date(2022, 1, 1));
    EXPECT_DOUBLE_EQ(months[0].netKm2(), 4);
    EXPECT_EQ(months[0].days(), 10);
    EXPECT_EQ(months[1].start, Date(2022, 2, 1));
    EXPECT_EQ(months[1].steps, 2u);
    EXPECT_DOUBLE_EQ(months[1].gainedKm2, 7);
    EXPECT_DOUBLE_EQ(months[1].lostKm2, 6);
    EXPECT_EQ(months[1].firstSeen, Date(2022, 1, 30));
    EXPECT_EQ(months[1].days(), 21);
    EXPECT_DOUBLE_EQ(months[1].netKm2PerDay(), 1.0 / 21);
    EXPECT_EQ(months[2].start, Date(2022, 4, 1));
    double gained = 0, lost = 0;
    for (const auto& month : months) gained += month.gainedKm2, lost += month.lostKm2;
    EXPECT_DOUBLE_EQ(gained, 15);
    EXPECT_DOUBLE_EQ(lost, 7);
    const auto years = periodTotals(steps, Period::Year);
    ASSERT_EQ(years.size(), 1u);
    EXPECT_DOUBLE_EQ(years[0].netKm2(), 8);
    EXPECT_EQ(years[0].days(), 71);
}

TEST(PrintedSteps, RoundGainedAndLostAsTablesPrintThem) {
    const auto printed = printedSteps({{Date(2022, 1, 1), Date(2022, 1, 2), 1.00049, 2.0006}});
    ASSERT_EQ(printed.size(), 1u);
    EXPECT_DOUBLE_EQ(printed[0].gainedKm2, 1.0);
    EXPECT_DOUBLE_EQ(printed[0].lostKm2, 2.001);
    EXPECT_DOUBLE_EQ(printedKm2(-0.0004), 0.0);
}

}  // namespace
}  // namespace frontline::analysis
