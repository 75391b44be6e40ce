// The chart laid out and drawn offscreen: a clean line for hundreds of states, the band only where
// there is uncertainty, a value axis fitted to the data, bars that are the period totals.

#include "render/chart.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "render/area_labels.hpp"
#include "render/gl_fixture.hpp"
#include "render/style.hpp"

namespace frontline::test {
namespace {

// A daily series from 1 Mar 2022: a random walk around `baseKm2` (steps of up to ±`stepKm2`), with a
// likely range of ±`bandKm2` on every `bandEvery`-th state (0: none).
std::vector<analysis::StateStats> dailySeries(std::size_t days, double baseKm2, double stepKm2,
                                              double bandKm2 = 0, std::size_t bandEvery = 0) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> step(-stepKm2, stepKm2);
    std::vector<analysis::StateStats> rows;
    double value = baseKm2;
    for (std::size_t i = 0; i < days; ++i) {
        analysis::StateStats row;
        row.state.date = Date(2022, 3, 1).plusDays(static_cast<long>(i));
        const double previous = value;
        if (i > 0) value += step(random);
        row.area = analysis::Interval::exact(value);
        if (bandEvery > 0 && i % bandEvery == 0) {
            row.area.likelyMin = value - bandKm2;
            row.area.likelyMax = value + bandKm2;
        }
        if (i > 0) {
            analysis::Change change;
            change.gained = analysis::Interval::exact(std::max(0.0, value - previous));
            change.lost = analysis::Interval::exact(std::max(0.0, previous - value));
            row.sincePrevious = change;
        }
        rows.push_back(row);
    }
    return rows;
}

bool reddish(const std::uint8_t* pixel) {
    return pixel[0] > 150 && pixel[1] < 130 && pixel[0] - pixel[1] > 60;
}

TEST(Chart, HundredsOfStatesDrawOneCleanLine) {
    FRONTLINE_REQUIRE_DISPLAY();
    const sf::Vector2u size{800, 320};
    render::OffscreenChart offscreen(size);
    const render::Chart& chart = offscreen.draw(dailySeries(769, 49500, 40), {});
    const auto& pixels = offscreen.pixels();
    const sf::FloatRect plot = chart.plot();
    ASSERT_GT(plot.width, 600);
    // Every column past the first state's holds the line, as one unbroken run of pixels: no spikes, no
    // gaps, however many states share the column.
    const auto firstColumn = static_cast<unsigned>(plot.left) + 10,
               endColumn = static_cast<unsigned>(plot.left + plot.width) - 2;
    for (unsigned x = firstColumn; x < endColumn; ++x) {
        int runs = 0;
        bool inside = false;
        for (auto y = static_cast<unsigned>(plot.top) - 4;
             y < static_cast<unsigned>(plot.top + plot.height) + 4; ++y) {
            const bool line = reddish(&pixels[(static_cast<std::size_t>(y) * size.x + x) * 4]);
            if (line && !inside) ++runs;
            inside = line;
        }
        EXPECT_EQ(runs, 1) << "column " << x;
    }
    EXPECT_FALSE(chart.bandDrawn());
    EXPECT_EQ(chart.title(), "Held area, km² (axis not from 0)");
}

TEST(Chart, BandOnlyWhereThereIsUncertainty) {
    FRONTLINE_REQUIRE_DISPLAY();
    render::OffscreenChart offscreen({600, 260});
    const render::Chart& some = offscreen.draw(dailySeries(60, 8000, 200, 50, 10), {});
    EXPECT_TRUE(some.bandDrawn());
    EXPECT_NE(some.title().find("band: likely range"), std::string::npos) << some.title();
    for (std::size_t i = 0; i < some.steps().size(); ++i) EXPECT_EQ(some.steps()[i].band, i % 10 == 0) << i;
    const render::Chart& none = offscreen.draw(dailySeries(60, 8000, 200), {});
    EXPECT_FALSE(none.bandDrawn());
    EXPECT_EQ(none.title().find("band"), std::string::npos) << none.title();
}

TEST(Chart, AxisFitsAnAdvanceFarFromZero) {
    FRONTLINE_REQUIRE_DISPLAY();
    // 49,500 km² and an advance of 1,060 km² over 90 days.
    auto rows = dailySeries(90, 49500, 1);
    for (std::size_t i = 45; i < rows.size(); ++i) rows[i].area = analysis::Interval::exact(50560);
    render::OffscreenChart offscreen({1200, 500});
    const render::Chart& chart = offscreen.draw(rows, {});
    EXPECT_GE(chart.valueAxis().min, 49000);
    EXPECT_LE(chart.valueAxis().max, 51000);
    EXPECT_FALSE(chart.valueAxis().fromZero());
    EXPECT_NE(chart.title().find("axis not from 0"), std::string::npos);
    // Three months: the 1st of each, the year on the first.
    EXPECT_EQ(chart.timeTicks().unit, render::TickUnit::Month);
    ASSERT_FALSE(chart.timeTicks().ticks.empty());
    EXPECT_EQ(chart.timeTicks().ticks.front().label, "Mar 2022");
    // From zero when the data reach it.
    rows.back().area = analysis::Interval::exact(0);
    EXPECT_TRUE(offscreen.draw(rows, {}).valueAxis().fromZero());
}

TEST(Chart, BarsAreThePeriodTotals) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto rows = dailySeries(92, 20000, 30);
    render::ChartOptions options;
    options.bars = analysis::Period::Month;
    render::OffscreenChart offscreen({900, 400});
    const render::Chart& chart = offscreen.draw(rows, options);
    const auto expected = analysis::periodTotals(analysis::printedSteps(analysis::timelineSteps(rows)),
                                                 analysis::Period::Month);
    ASSERT_EQ(chart.bars().size(), 3u);  // March, April, May (1 Mar – 31 May)
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(chart.bars()[i].start, expected[i].start);
        EXPECT_DOUBLE_EQ(chart.bars()[i].gainedKm2, expected[i].gainedKm2);
        EXPECT_DOUBLE_EQ(chart.bars()[i].lostKm2, expected[i].lostKm2);
    }
    EXPECT_NE(chart.title().find("per month"), std::string::npos) << chart.title();
}

// A video of one month of a long series (--from/--to): the time axis is that month, the value axis
// fits the states in force during it (the one in force on its first day included), the bars are those
// of the periods it overlaps.
TEST(Chart, SpanShownRescalesBothAxes) {
    FRONTLINE_REQUIRE_DISPLAY();
    // 92 days from 1 Mar 2022 around 20,000 km²; April alone is lifted to 30,000 + 0..29 km².
    auto rows = dailySeries(92, 20000, 30);
    for (std::size_t i = 31; i < 61; ++i)
        rows[i].area = analysis::Interval::exact(30000 + static_cast<double>(i - 31));
    render::ChartOptions options;
    options.bars = analysis::Period::Month;
    options.span.from = Date(2022, 4, 1);
    options.span.to = Date(2022, 4, 30);
    render::OffscreenChart offscreen({900, 400});
    const render::Chart& chart = offscreen.draw(rows, options);
    ASSERT_EQ(chart.steps().size(), 30u);
    EXPECT_EQ(chart.steps().front().date, Date(2022, 4, 1));
    EXPECT_EQ(chart.steps().back().date, Date(2022, 4, 30));
    EXPECT_GE(chart.valueAxis().min, 29000);
    EXPECT_LE(chart.valueAxis().max, 30100);
    ASSERT_EQ(chart.bars().size(), 1u);
    EXPECT_EQ(chart.bars().front().start, Date(2022, 4, 1));
    // Ticks by day or week inside April, none outside it.
    EXPECT_NE(chart.timeTicks().unit, render::TickUnit::Month);
    for (const auto& tick : chart.timeTicks().ticks) {
        EXPECT_FALSE(tick.date < Date(2022, 4, 1)) << tick.label;
        EXPECT_FALSE(Date(2022, 4, 30) < tick.date) << tick.label;
    }
    // A span starting between two states keeps the one in force on its first day.
    options.span.from = Date(2022, 4, 10);
    options.span.to = Date(2022, 5, 31);
    auto sparse = rows;
    sparse.erase(std::remove_if(sparse.begin() + 1, sparse.end(),
                                [](const analysis::StateStats& r) { return r.state.date.day() != 1; }),
                 sparse.end());  // the 1st of March, April and May
    const render::Chart& again = offscreen.draw(sparse, options);
    ASSERT_EQ(again.steps().size(), 2u);
    EXPECT_EQ(again.steps().front().date, Date(2022, 4, 1));
    EXPECT_EQ(again.steps().back().date, Date(2022, 5, 1));
}

TEST(Chart, CursorShowsTheValueInForce) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto rows = dailySeries(30, 1000, 10);
    render::ChartOptions options;
    options.cursor = Date(2022, 3, 11);
    render::OffscreenChart offscreen({600, 260});
    std::vector<std::string> texts;
    const render::Chart& chart = offscreen.draw(rows, options);
    EXPECT_EQ(chart.steps()[10].date, *options.cursor);
    sf::RenderTexture target;
    ASSERT_TRUE(target.create(600, 260));
    chart.draw(target, &texts);  // again, to collect the texts it draws
    EXPECT_NE(std::find(texts.begin(), texts.end(), render::areaLabels(rows[10].area).value + " km²"),
              texts.end());
}

// With a likely range of ±150 km² the cursor's number is rounded as the panel's is (areaLabels), not
// printed to the metre² as `stats` prints it.
TEST(Chart, CursorLabelHasThePrecisionOfTheLikelyRange) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto rows = dailySeries(30, 7481.495, 10, 150, 1);
    render::ChartOptions options;
    options.cursor = Date(2022, 3, 11);
    render::OffscreenChart offscreen({600, 260});
    const render::Chart& chart = offscreen.draw(rows, options);
    sf::RenderTexture target;
    ASSERT_TRUE(target.create(600, 260));
    std::vector<std::string> texts;
    chart.draw(target, &texts);
    const std::string rounded = render::areaLabels(rows[10].area).value + " km²";
    EXPECT_NE(rounded, render::km2Label(rows[10].area.value));
    EXPECT_NE(std::find(texts.begin(), texts.end(), rounded), texts.end()) << rounded;
    EXPECT_EQ(std::find(texts.begin(), texts.end(), render::km2Label(rows[10].area.value)), texts.end());
}

}  // namespace
}  // namespace frontline::test
