// The value axis fitted to the data: zero where it means something, otherwise the data's own range.

#include "render/axis_range.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace frontline::render {
namespace {

void expectRange(const AxisRange& range, double min, double max, double step) {
    EXPECT_DOUBLE_EQ(range.min, min);
    EXPECT_DOUBLE_EQ(range.max, max);
    EXPECT_DOUBLE_EQ(range.step, step);
}

TEST(AxisRange, FitsAnAdvanceFarFromZero) {
    // A 250 km² change on 49,500 km²: margins of 12.5 km², steps of 100 km².
    const AxisRange range = fitAxisRange(49400, 49650);
    EXPECT_FALSE(range.fromZero());
    expectRange(range, 49300, 49700, 100);
    EXPECT_GE(range.min, 49000);
    EXPECT_LE(range.max, 50000);
    EXPECT_EQ(range.gridlines(), (std::vector<double>{49300, 49400, 49500, 49600, 49700}));
    EXPECT_EQ(range.label(49300), "49,300");
}

TEST(AxisRange, StartsAtZeroWhenTheDataReachIt) {
    const AxisRange range = fitAxisRange(0, 11747);
    EXPECT_TRUE(range.fromZero());
    expectRange(range, 0, 15000, 5000);
}

TEST(AxisRange, StartsAtZeroWhenTheMinimumIsUnderFortyPercent) {
    EXPECT_DOUBLE_EQ(fitAxisRange(4000, 11747).min, 0);     // 34 %
    EXPECT_DOUBLE_EQ(fitAxisRange(6000, 11747).min, 4000);  // 51 %: fitted, steps of 2000
}

TEST(AxisRange, ConstantDataStartAtZero) {
    expectRange(fitAxisRange(5000, 5000), 0, 6000, 2000);
    expectRange(fitAxisRange(0, 0), 0, 1, 1);
}

TEST(AxisRange, FractionsGetDecimals) {
    const AxisRange range = fitAxisRange(0, 1.7);
    EXPECT_DOUBLE_EQ(range.step, 0.5);
    EXPECT_EQ(range.label(1.5), "1.5");
    EXPECT_EQ(range.label(0), "0.0");
}

TEST(AxisRange, HoldsTheDataInAFewSteps) {
    std::mt19937 random(12);
    std::uniform_real_distribution<double> magnitude(-3, 6);
    std::uniform_real_distribution<double> share(0, 1);
    for (int i = 0; i < 2000; ++i) {
        const double high = std::pow(10.0, magnitude(random));
        const double low = high * share(random);
        const AxisRange range = fitAxisRange(low, high, 4);
        EXPECT_LE(range.min, low) << low << "–" << high;
        EXPECT_GE(range.max, high) << low << "–" << high;
        EXPECT_GE(range.min, 0) << low << "–" << high;
        EXPECT_LE(range.gridlines().size(), 7u) << low << "–" << high;
        // Fitted data may still round down to zero (0.5–1.25 in steps of 0.5); never the other way.
        if (low < 0.4 * high) {
            EXPECT_TRUE(range.fromZero()) << low << "–" << high;
        }
    }
}

}  // namespace
}  // namespace frontline::render
