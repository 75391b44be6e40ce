// Areas as the map prints them: the precision their likely range supports, thousands separated, and
// changes whose printed net is the printed gained minus the printed lost.

#include "render/area_labels.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace frontline::test {
namespace {

analysis::Interval interval(double value, double likelyMin, double likelyMax) {
    return {value, likelyMin, likelyMax, likelyMin, likelyMax};
}

// The number a label stands for ("−1,010.5" → -1010.5).
double parsed(std::string text) {
    std::string digits;
    if (text.rfind("\u2212", 0) == 0) {
        digits = "-";
        text = text.substr(std::string("\u2212").size());
    }
    for (const char c : text)
        if (c != ',' && c != '+') digits += c;
    return std::stod(digits);
}

TEST(AreaLabels, WideRangeRoundsToTens) {
    const auto labels = render::areaLabels(interval(11926.597, 11400, 12450));
    EXPECT_EQ(labels.value, "11,930");
    EXPECT_EQ(labels.likelyMin, "11,400");
    EXPECT_EQ(labels.likelyMax, "12,450");
    EXPECT_EQ(render::areaLabels(interval(3087.616, 3087.616 - 130, 3087.616 + 130)).value, "3,090");
    EXPECT_EQ(render::areaLabels(interval(7481.495, 7330.319, 7632.671)).value, "7,480");
}

TEST(AreaLabels, RangeOverAThousandRoundsToHundreds) {
    EXPECT_EQ(render::areaLabels(interval(11926.597, 9000, 15000)).value, "11,900");
}

TEST(AreaLabels, NoIntervalKeepsThreeOrFourSignificantFigures) {
    EXPECT_EQ(render::areaLabels(analysis::Interval::exact(49557.637)).value, "49,560");
    EXPECT_EQ(render::areaLabels(analysis::Interval::exact(3087.616)).value, "3,088");
    EXPECT_EQ(render::areaLabels(analysis::Interval::exact(35.84)).value, "35.8");
    EXPECT_EQ(render::areaLabels(analysis::Interval::exact(0.0123456)).value, "0.012");
    EXPECT_EQ(render::areaLabels(analysis::Interval::exact(999.7)).value, "1,000");
}

TEST(AreaLabels, NarrowRangeNeverPrintsDecimalsOverAThousand) {
    EXPECT_EQ(render::areaLabels(interval(1234.5678, 1234.5, 1234.6)).value, "1,235");
    // A narrow range never adds digits beyond 3 significant figures (under 1,000 km²).
    EXPECT_EQ(render::areaLabels(interval(123.4567, 123.4, 123.5)).value, "123");
}

TEST(AreaLabels, ZeroIsZero) {
    EXPECT_EQ(render::areaLabels(analysis::Interval::exact(0.0)).value, "0");
    EXPECT_EQ(render::formatArea(-0.0004, 0.001), "0");
    EXPECT_EQ(render::formatArea(-4.0, 10), "0");
}

TEST(AreaLabels, NegativeUsesTheMinusSign) {
    EXPECT_EQ(render::formatArea(-4265.767, 10), "\u22124,270");
    EXPECT_EQ(render::formatArea(-1234567.26, 0.1), "\u22121,234,567.3");
}

TEST(ChangeLabels, NetIsPrintedGainedMinusPrintedLost) {
    analysis::Change change;
    change.gained = analysis::Interval::exact(35.84);
    change.lost = analysis::Interval::exact(34.46);
    const auto labels = render::changeLabels(change);
    EXPECT_EQ(labels.gained, "35.8");
    EXPECT_EQ(labels.lost, "34.5");
    EXPECT_EQ(labels.net, "+1.3");
    // The coarser step of the two: 4,265.8 lost with a ±150 range puts the gained 3.4 on tens too.
    change.gained = analysis::Interval::exact(3.4);
    change.lost = interval(4265.767, 4115, 4415);
    const auto wide = render::changeLabels(change);
    EXPECT_EQ(wide.gained, "0");
    EXPECT_EQ(wide.lost, "4,270");
    EXPECT_EQ(wide.net, "\u22124,270");
}

TEST(ChangeLabels, InvariantOverManyChanges) {
    // The invariant, not the digits: whatever the values, the printed net adds up.
    for (int i = 1; i < 400; ++i) {
        analysis::Change change;
        const double gained = std::fmod(i * 37.123, 997.0) * std::pow(10.0, i % 5 - 1);
        const double lost = std::fmod(i * 53.917, 991.0) * std::pow(10.0, i % 4 - 1);
        change.gained = interval(gained, gained * 0.97, gained * 1.03);
        change.lost = analysis::Interval::exact(lost);
        const auto labels = render::changeLabels(change);
        EXPECT_NEAR(parsed(labels.net), parsed(labels.gained) - parsed(labels.lost), labels.stepKm2 * 1e-6)
            << labels.gained << " − " << labels.lost << " ≠ " << labels.net;
    }
}

// The axis and the panel print numbers alike: commas between thousands, U+2212 for minus, no "−0".
TEST(GroupedNumber, SeparatesThousandsAndSignsLikeTheAreas) {
    EXPECT_EQ(render::groupedNumber(49300, 0), "49,300");
    EXPECT_EQ(render::groupedNumber(1234567.25, 2), "1,234,567.25");
    EXPECT_EQ(render::groupedNumber(999, 0), "999");
    EXPECT_EQ(render::groupedNumber(-2000, 0), "\u22122,000");
    EXPECT_EQ(render::groupedNumber(-0.004, 2), "0.00");
    EXPECT_EQ(render::groupedNumber(0.5, 1), "0.5");
    EXPECT_EQ(render::groupedNumber(-1010, 0), render::formatArea(-1010, 10));
}

}  // namespace
}  // namespace frontline::test
