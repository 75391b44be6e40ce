#include "analysis/expression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>

#include "core/error.hpp"

namespace frontline::analysis {
namespace {

// A world of fixed numbers: areas by state date or layer, events with or without a time.
class FakeSource : public MeasureSource {
public:
    std::map<std::string, Interval> controlAreas;  // by ISO date of the query
    std::map<std::string, Interval> layerAreas;    // by "layer#feature"
    std::map<std::string, Instant> events;
    std::vector<std::string> calls;

    Measured controlArea(const Date& date) override {
        calls.push_back("controlArea " + date.iso());
        auto found = controlAreas.find(date.iso());
        if (found == controlAreas.end()) throw DataError("no control state on or before " + date.iso());
        return {found->second, "state of " + date.iso()};
    }
    Measured layerArea(const std::string& layerId, const std::string& featureId) override {
        auto found = layerAreas.find(layerId + "#" + featureId);
        if (found == layerAreas.end()) throw DataError("no layer '" + layerId + "'");
        return {found->second, layerId};
    }
    Measured controlLength(const Date&) override { return {Interval::exact(100), "boundary"}; }
    Measured frontLength(const Date&) override { return {Interval::exact(60), "front"}; }
    Measured controlAreaClipped(const Date&, bool inside, const std::string& layerId,
                                const std::string&) override {
        return {Interval::exact(inside ? 30 : 70), (inside ? "inside " : "outside ") + layerId};
    }
    Measured layerLength(const std::string& layerId, const std::string&) override {
        return {Interval::exact(40), layerId};
    }
    Measured gained(const Date& from, const Date& to) override {
        calls.push_back("gained " + from.iso() + " " + to.iso());
        return {{10, 5, 20}, "overlay"};
    }
    Measured lost(const Date& from, const Date& to) override {
        calls.push_back("lost " + from.iso() + " " + to.iso());
        return {{30, 25, 40}, "overlay"};
    }
    std::optional<Instant> event(const std::string& eventId) override {
        auto found = events.find(eventId);
        if (found == events.end()) return std::nullopt;
        return found->second;
    }
};

std::string parseError(const std::string& text) {
    try {
        parseExpression(text);
    } catch (const DataError& e) {
        return e.what();
    }
    return "(no error)";
}

double value(const std::string& text, MeasureSource& source) {
    return evaluate(parseExpression(text), source).result.value;
}

TEST(ParseExpression, MultiplicationBindsTighterThanAddition) {
    EXPECT_EQ(describe(parseExpression("1 + 2 * 3").root), "(1 + (2 * 3))");
    EXPECT_EQ(describe(parseExpression("(1 + 2) * 3").root), "((1 + 2) * 3)");
}

TEST(ParseExpression, SubtractionAndDivisionAssociateLeft) {
    EXPECT_EQ(describe(parseExpression("8 - 4 - 2").root), "((8 - 4) - 2)");
    EXPECT_EQ(describe(parseExpression("8 / 4 / 2").root), "((8 / 4) / 2)");
}

TEST(ParseExpression, ReadsEveryCallAndRefForm) {
    EXPECT_EQ(describe(parseExpression("area(control@1994-05-12)").root), "area(control@1994-05-12)");
    EXPECT_EQ(describe(parseExpression("area( control@event:ceasefire-2020 )").root),
              "area(control@event:ceasefire-2020)");
    EXPECT_EQ(describe(parseExpression("length(layer:lachin_corridor#route-2020)").root),
              "length(layer:lachin_corridor#route-2020)");
    EXPECT_EQ(describe(parseExpression("lost(1994-05-12,event:x)").root), "lost(1994-05-12, event:x)");
    EXPECT_EQ(describe(parseExpression("-year(event:a) * 100 + month(2020-01-31)").root),
              "(((-year(event:a)) * 100) + month(2020-01-31))");
}

TEST(ParseExpression, MissingClosingParenthesisNamesTheColumn) {
    EXPECT_EQ(parseError("area(layer:nkao x"), "measure column 17: expected ')'");
    EXPECT_EQ(parseError("(1 + 2"), "measure column 7: expected ')'");
}

TEST(ParseExpression, ReportsBadInputExactly) {
    EXPECT_EQ(parseError(""), "measure column 1: empty expression");
    EXPECT_EQ(parseError("areas(layer:nkao)"),
              "measure column 1: unknown function 'areas' (area, length, gained, "
              "lost, days, hours, months, year, month)");
    EXPECT_EQ(parseError("days(2020-09-27 event:x)"), "measure column 17: expected ','");
    EXPECT_EQ(parseError("area(nkao)"),
              "measure column 6: expected 'control@DATE', 'control@event:ID', 'front@DATE' or "
              "'layer:ID[#FEATURE]'");
    EXPECT_EQ(parseError("days(2020-13-01, 2020-01-01)"),
              "measure column 6: '2020-13-01' is not a valid date: month 13 is not in 1..12");
    EXPECT_EQ(parseError("days(2020-1-1, 2020-01-01)"),
              "measure column 6: '2020-1-1' is not a date (YYYY-MM-DD)");
    EXPECT_EQ(parseError("1 + "),
              "measure column 5: unexpected end; expected a number, '(', '-' or a function");
    EXPECT_EQ(parseError("2 3"), "measure column 3: unexpected '3' after a complete expression");
    EXPECT_EQ(parseError("year(event:)"), "measure column 12: expected an event id after 'event:'");
}

TEST(ParseExpression, WhereTextPrefixesTheMessage) {
    try {
        parseExpression("(", "claim 'x': measure");
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_STREQ(
            e.what(),
            "claim 'x': measure column 2: unexpected end; expected a number, '(', '-' or a function");
    }
}

TEST(IntervalArithmetic, AddAndSubtractTakeTheWorstCase) {
    const Interval a{10, 8, 13};
    const Interval b{4, 3, 6};
    const Interval sum = a + b;
    EXPECT_DOUBLE_EQ(sum.value, 14);
    EXPECT_DOUBLE_EQ(sum.min, 11);
    EXPECT_DOUBLE_EQ(sum.max, 19);
    const Interval difference = a - b;
    EXPECT_DOUBLE_EQ(difference.value, 6);
    EXPECT_DOUBLE_EQ(difference.min, 2);   // 8 − 6
    EXPECT_DOUBLE_EQ(difference.max, 10);  // 13 − 3
}

TEST(IntervalArithmetic, MultiplyAndDivideUseAllCorners) {
    const Interval a{2, -1, 3};
    const Interval b{4, 2, 5};
    const Interval product = a * b;
    EXPECT_DOUBLE_EQ(product.value, 8);
    EXPECT_DOUBLE_EQ(product.min, -5);  // −1 × 5
    EXPECT_DOUBLE_EQ(product.max, 15);  // 3 × 5
    const Interval quotient = a / b;
    EXPECT_DOUBLE_EQ(quotient.value, 0.5);
    EXPECT_DOUBLE_EQ(quotient.min, -0.5);  // −1 / 2
    EXPECT_DOUBLE_EQ(quotient.max, 1.5);   // 3 / 2
    const Interval negated = -a;
    EXPECT_DOUBLE_EQ(negated.min, -3);
    EXPECT_DOUBLE_EQ(negated.max, 1);
}

TEST(IntervalArithmetic, DivisorThatMayBeZeroGivesAnUnboundedInterval) {
    const Interval quotient = Interval{6, 5, 7} / Interval{2, -1, 3};
    EXPECT_DOUBLE_EQ(quotient.value, 3);
    EXPECT_TRUE(std::isinf(quotient.min) && quotient.min < 0);
    EXPECT_TRUE(std::isinf(quotient.max) && quotient.max > 0);
}

TEST(Evaluate, CombinesSourceIntervalsInTheExpression) {
    FakeSource source;
    source.controlAreas["1994-05-12"] = {11000, 10000, 12000};
    source.controlAreas["2020-11-10"] = {7000, 6000, 8000};
    const Evaluation difference =
        evaluate(parseExpression("area(control@1994-05-12) - area(control@2020-11-10)"), source);
    EXPECT_DOUBLE_EQ(difference.result.value, 4000);
    EXPECT_DOUBLE_EQ(difference.result.min, 2000);
    EXPECT_DOUBLE_EQ(difference.result.max, 6000);
    ASSERT_EQ(difference.used.size(), 2u);
    EXPECT_EQ(difference.used[0], "control@1994-05-12 → state of 1994-05-12");
    EXPECT_EQ(difference.used[1], "control@2020-11-10 → state of 2020-11-10");

    const Evaluation share =
        evaluate(parseExpression("lost(1994-05-12, 2020-11-10) / area(control@1994-05-12)"), source);
    EXPECT_DOUBLE_EQ(share.result.value, 30.0 / 11000);
    EXPECT_DOUBLE_EQ(share.result.min, 25.0 / 12000);
    EXPECT_DOUBLE_EQ(share.result.max, 40.0 / 10000);
}

TEST(Evaluate, ControlAtAnEventUsesTheEventsLocalDate) {
    FakeSource source;
    source.events["ceasefire-2020"] = Instant{Date(2020, 11, 10), 0, 180};
    source.controlAreas["2020-11-10"] = Interval::exact(7000);
    EXPECT_DOUBLE_EQ(value("area(control@event:ceasefire-2020)", source), 7000);
    ASSERT_EQ(source.calls.size(), 1u);
    EXPECT_EQ(source.calls[0], "controlArea 2020-11-10");
}

TEST(Evaluate, ControlClippedToALayer) {
    FakeSource source;
    EXPECT_DOUBLE_EQ(value("area(control@1994-05-12 in layer:nkao)", source), 30);
    EXPECT_DOUBLE_EQ(value("area(control@1994-05-12 outside layer:nkao#nkao) / 70", source), 1);
    EXPECT_EQ(parseExpression("area(control@1994-05-12  outside  layer:nkao#nkao)").root.ref->text(),
              "control@1994-05-12 outside layer:nkao#nkao");
    EXPECT_THROW(parseExpression("area(control@1994-05-12 in nkao)"), DataError);
    try {
        value("length(control@1994-05-12 in layer:nkao)", source);
        FAIL() << "length of a clipped area";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "measure column 8: length() of a clipped area is not supported; use area()");
    }
}

TEST(Evaluate, DaysCountLocalDatesNotUtc) {
    // The 2020 ceasefire at 00:00 Moscow time (+03:00) is 9 Nov 21:00 UTC, but 10 Nov locally: 44 days.
    FakeSource source;
    source.events["war"] = Instant{Date(2020, 9, 27), std::nullopt, 0};
    source.events["ceasefire"] = Instant{Date(2020, 11, 10), 0, 180};
    EXPECT_DOUBLE_EQ(value("days(event:war, event:ceasefire)", source), 44);
    EXPECT_DOUBLE_EQ(value("days(2020-09-27, 2020-11-10 )", source), 44);
    EXPECT_DOUBLE_EQ(value("days(event:ceasefire, event:war)", source), -44);
    EXPECT_DOUBLE_EQ(value("months(event:war, event:ceasefire)", source), 44 / 30.436875);
}

TEST(Evaluate, HoursUseTimesAndUtcOffsets) {
    FakeSource source;
    source.events["moscow-midnight"] = Instant{Date(2020, 11, 10), 0, 180};  // 2020-11-09 21:00 UTC
    source.events["baku-one-am"] = Instant{Date(2020, 11, 10), 60, 240};     // 2020-11-09 21:00 UTC
    source.events["utc-noon"] = Instant{Date(2020, 11, 10), 12 * 60, 0};
    source.events["no-time"] = Instant{Date(2020, 11, 10), std::nullopt, 0};
    EXPECT_DOUBLE_EQ(value("hours(event:moscow-midnight, event:baku-one-am)", source), 0);
    EXPECT_DOUBLE_EQ(value("hours(event:moscow-midnight, event:utc-noon)", source), 15);
    EXPECT_DOUBLE_EQ(value("hours(event:utc-noon, event:moscow-midnight)", source), -15);
    try {
        value("hours(event:utc-noon, event:no-time)", source);
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "measure column 23: hours() needs a time of day, and event:no-time has none");
    }
}

TEST(Evaluate, YearAndMonthOfAnEvent) {
    FakeSource source;
    source.events["blockade"] = Instant{Date(2022, 12, 12), std::nullopt, 0};
    EXPECT_DOUBLE_EQ(value("year(event:blockade) * 100 + month(event:blockade)", source), 202212);
}

TEST(Evaluate, UnknownEventIsAnErrorNamingIt) {
    FakeSource source;
    try {
        value("days(2020-01-01, event:nowhere)", source);
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "measure column 18: no event 'nowhere' in the scenario");
    }
}

TEST(Evaluate, SourceErrorsGetTheColumnOfTheRef) {
    FakeSource source;
    try {
        value("1 + area(layer:missing)", source);
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "measure column 10: no layer 'missing'");
    }
}

TEST(Evaluate, DivisionByZeroIsAnError) {
    FakeSource source;
    try {
        value("1 / (2 - 2)", source);
        FAIL() << "no error";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "measure column 3: division by zero");
    }
}

}  // namespace
}  // namespace frontline::analysis
