#include "core/date.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace frontline {
namespace {

TEST(Date, ParsesIsoAndCompactForms) {
    EXPECT_EQ(Date::parse("2020-11-10"), Date(2020, 11, 10));
    EXPECT_EQ(Date::parse("20201110"), Date(2020, 11, 10));
    EXPECT_EQ(Date::parse("2020-11-10").iso(), "2020-11-10");
}

TEST(Date, RejectsMonth13) {
    try {
        Date::parse("2020-13-01");
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "'2020-13-01' is not a valid date: month 13 is not in 1..12");
    }
}

TEST(Date, RejectsDayThatDoesNotExist) {
    EXPECT_THROW(Date::parse("2021-02-29"), std::invalid_argument);
    EXPECT_NO_THROW(Date::parse("2020-02-29"));                      // leap year
    EXPECT_THROW(Date::parse("1900-02-29"), std::invalid_argument);  // century, not leap
    EXPECT_NO_THROW(Date::parse("2000-02-29"));                      // divisible by 400
    EXPECT_THROW(Date::parse("2020-04-31"), std::invalid_argument);
}

TEST(Date, NamesTheBrokenRuleAndTheText) {
    const auto messageOf = [](const char* text) -> std::string {
        try {
            Date::parse(text);
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        return "no exception";
    };
    EXPECT_EQ(messageOf("2021-02-29"), "'2021-02-29' is not a valid date: day 29 does not exist in 2021-02");
    EXPECT_EQ(messageOf("00000101"), "'00000101' is not a valid date: year 0 is not in 1..9999");
    // Not digits: the text is no date at all, said once (not wrapped in "is not a valid date").
    EXPECT_EQ(messageOf("2020-11-1x"), "'2020-11-1x' is not a date (YYYY-MM-DD or YYYYMMDD)");
    EXPECT_EQ(messageOf("2020/11/10"), "'2020/11/10' is not a date (YYYY-MM-DD or YYYYMMDD)");
}

TEST(Date, ConstructorNamesTheRuleAlone) {
    try {
        Date(2020, 2, 30);
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "day 30 does not exist in 2020-02");
    }
}

TEST(Date, RejectsMalformedText) {
    for (const char* text :
         {"", "2020", "2020-1-10", "2020/11/10", "2020-11-1x", "20201310", "2020-11-10T00", "abcdefgh"}) {
        EXPECT_FALSE(Date::tryParse(text).has_value()) << text;
    }
}

TEST(Date, CountsDaysAcrossLeapYears) {
    // 27 Sep → 10 Nov 2020: the "44-day war".
    EXPECT_EQ(daysBetween(Date(2020, 9, 27), Date(2020, 11, 10)), 44);
    EXPECT_EQ(daysBetween(Date(2019, 3, 1), Date(2020, 3, 1)), 366);
    EXPECT_EQ(Date(1970, 1, 1).daysSinceEpoch(), 0);
    EXPECT_EQ(Date(2000, 3, 1).daysSinceEpoch(), 11017);
    EXPECT_EQ(Date(2020, 12, 31).plusDays(1), Date(2021, 1, 1));
}

TEST(Date, OrdersChronologically) {
    EXPECT_LT(Date(1994, 5, 12), Date(2020, 9, 27));
    EXPECT_GT(Date(2023, 9, 20), Date(2023, 9, 19));
}

}  // namespace
}  // namespace frontline
