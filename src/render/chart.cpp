#include "render/chart.hpp"

#include <fmt/format.h>

#include <SFML/Graphics/CircleShape.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include "render/area_labels.hpp"
#include "render/mesh.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

namespace frontline::render {

namespace {

const sf::Color kBand(192, 57, 43, 50);
// Opaque, so that bars sharing a pixel column do not blend darker.
const sf::Color kGained(205, 120, 108);
const sf::Color kLost(104, 124, 160);
const sf::Color kBackdrop(252, 251, 248, 225);

// Share of the plot's height the bars take, when asked for.
constexpr float kBarsShare = 0.3f;

// The day after the period that starts on `start`.
Date periodEnd(const Date& start, analysis::Period period) {
    switch (period) {
        case analysis::Period::Week:
            return start.plusDays(7);
        case analysis::Period::Month:
            return analysis::periodStart(start.plusDays(31), period);
        case analysis::Period::Year:
            return Date(start.year() + 1, 1, 1);
    }
    return start;
}

// Consecutive pixel columns with the same extent [low, high] (data units), as one rectangle.
struct ColumnRun {
    float left = 0, right = 0;
    double low = 0, high = 0;
};

// The runs of columns [first, end) whose extent `extentOf(column)` is known, merged where equal.
std::vector<ColumnRun> columnRuns(
    int first, int end, const std::function<std::optional<std::pair<double, double>>(int)>& extentOf) {
    std::vector<ColumnRun> runs;
    for (int column = first; column < end; ++column) {
        const auto extent = extentOf(column);
        if (!extent) continue;
        const auto x = static_cast<float>(column);
        if (!runs.empty() && runs.back().right == x && runs.back().low == extent->first &&
            runs.back().high == extent->second) {
            runs.back().right = x + 1;
        } else {
            runs.push_back({x, x + 1, extent->first, extent->second});
        }
    }
    return runs;
}

}  // namespace

Chart::Chart(const std::vector<analysis::StateStats>& stats, const ChartOptions& options, sf::FloatRect box,
             float unit, const Fonts& fonts)
    : m_fonts(fonts), m_box(box), m_unit(unit), m_labelSize(std::max(7.0f, std::round(14 * unit))) {
    // The states in force during the span: from the one in force at its start to the last one
    // starting by its end.
    auto inSpan = [&](std::size_t i) {
        const Date& date = stats[i].state.date;
        if (options.span.to && *options.span.to < date) return false;
        return !options.span.from || i + 1 == stats.size() || *options.span.from < stats[i + 1].state.date;
    };
    for (std::size_t i = 0; i < stats.size(); ++i) {
        if (!inSpan(i)) continue;
        const auto& row = stats[i];
        ChartStep step;
        step.date = row.state.date;
        step.label = row.state.label;
        step.valueKm2 = row.area.value;
        step.likelyMinKm2 = row.area.likelyMin;
        step.likelyMaxKm2 = row.area.likelyMax;
        step.band = formatKm2(step.likelyMinKm2) != formatKm2(step.likelyMaxKm2);
        m_steps.push_back(step);
        m_stepDays.push_back(step.date.daysSinceEpoch());
    }
    if (m_steps.empty()) return;
    m_period = options.bars;
    if (m_period) {
        // Summed as printed, as `frontline stats --every` sums them.
        m_bars = analysis::periodTotals(analysis::printedSteps(analysis::timelineSteps(stats)), *m_period);
        const auto outside = [&](const analysis::PeriodTotal& total) {
            return (options.span.to && *options.span.to < total.start) ||
                   (options.span.from && !(*options.span.from < periodEnd(total.start, *m_period)));
        };
        m_bars.erase(std::remove_if(m_bars.begin(), m_bars.end(), outside), m_bars.end());
    }

    // The value axis spans what is drawn: the values and the band where there is one.
    double low = m_steps.front().valueKm2, high = low;
    bool band = false;
    for (const ChartStep& step : m_steps) {
        low = std::min(low, step.valueKm2);
        high = std::max(high, step.valueKm2);
        if (!step.band) continue;
        band = true;
        low = std::min(low, step.likelyMinKm2);
        high = std::max(high, step.likelyMaxKm2);
    }
    // Up to four steps, fewer where the plot is too short for their labels (about its height: the box
    // less a line of title and the time axis' labels, and the bars' share).
    const float plotHeight = (box.height - 3.5f * m_labelSize) * (options.bars ? 1 - kBarsShare : 1.0f);
    m_valueAxis =
        fitAxisRange(low, high, std::clamp(static_cast<int>(plotHeight / (2.2f * m_labelSize)), 1, 4));
    std::vector<std::string> notes;
    if (band) notes.emplace_back("band: likely range");
    if (!m_valueAxis.fromZero()) notes.emplace_back("axis not from 0");
    m_title = "Held area, km²";
    for (std::size_t i = 0; i < notes.size(); ++i) m_title += (i ? "; " : " (") + notes[i];
    if (!notes.empty()) m_title += ")";
    if (options.bars) {
        static constexpr const char* kPer[] = {"week", "month", "year"};
        m_title +=
            fmt::format(". Bars: km² gained ↑ and lost ↓ per {}", kPer[static_cast<int>(*options.bars)]);
    }
    m_heading = options.heading;
    const float headingHeight =
        m_heading.empty() ? 0
                          : drawText(nullptr, m_heading, m_fonts.bold, headingSize(), kInk, {}, box.width);
    const float titleHeight =
        headingHeight + drawText(nullptr, m_title, m_fonts.regular, m_labelSize, kMuted, {}, box.width);

    // Rows: title, the line's plot, the bars, the time axis' labels.
    m_top = std::round(box.top + titleHeight + m_labelSize * 0.9f);
    const float plotBottom = std::round(box.top + box.height - m_labelSize * 1.8f);
    m_bottom = plotBottom;
    if (options.bars) {
        const float barsHeight = std::round((plotBottom - m_top) * kBarsShare);
        m_barsBottom = plotBottom;
        m_barsTop = plotBottom - barsHeight;
        m_bottom = m_barsTop - std::round(m_labelSize * 1.2f);
    }
    layOutValueAxis();

    const long firstDay = options.span.from ? options.span.from->daysSinceEpoch() : m_stepDays.front();
    const long lastDay = options.span.to ? options.span.to->daysSinceEpoch() : m_stepDays.back();
    const long first = std::min(firstDay, options.cursor ? options.cursor->daysSinceEpoch() : firstDay);
    const long last = std::max(lastDay, options.cursor ? options.cursor->daysSinceEpoch() : lastDay);
    // A little room before the first state and after the last, whose run would otherwise have no width.
    m_spanDays = std::max<double>(1, static_cast<double>(last - first)) * 1.04;
    m_startDay = static_cast<double>(first) - m_spanDays * 0.01;
    layOutTimeAxis(plotBottom + 5 * unit);
    layOutSteps();
    if (options.bars) layOutBars();
    if (options.cursor) layOutCursor(*options.cursor);
}

float Chart::xOf(double day) const {
    return m_left + static_cast<float>((day - m_startDay) / m_spanDays) * (m_right - m_left);
}

double Chart::dayAt(float x) const {
    return m_startDay + static_cast<double>((x - m_left) / (m_right - m_left)) * m_spanDays;
}

float Chart::yOf(double km2) const {
    return m_bottom - static_cast<float>((km2 - m_valueAxis.min) / (m_valueAxis.max - m_valueAxis.min)) *
                          (m_bottom - m_top);
}

void Chart::layOutValueAxis() {
    const std::vector<double> gridlines = m_valueAxis.gridlines();
    float labelWidth = 0;
    for (double value : gridlines)
        labelWidth = std::max(labelWidth, textWidth(m_valueAxis.label(value), m_fonts.regular, m_labelSize));
    if (m_period) {
        const auto [top, bottom] = barLabels();
        for (const auto& label : {top, bottom})
            labelWidth = std::max(labelWidth, textWidth(label, m_fonts.regular, m_labelSize));
    }
    m_left = std::round(m_box.left + labelWidth + 6 * m_unit);
    m_right = std::round(m_box.left + m_box.width - 4 * m_unit);
    for (double value : gridlines) {
        const float y = yOf(value);
        const bool base = value == gridlines.front();
        appendRect(m_grid,
                   {m_left, std::round(y) - (base ? 1.0f : 0.5f), m_right - m_left, base ? 1.5f : 1.0f},
                   base ? kMuted : kFaint);
        const std::string label = m_valueAxis.label(value);
        addAxisLabel(label, y - m_labelSize * 0.7f);
    }
    if (m_valueAxis.fromZero()) return;
    // A break mark on the baseline's left end: the axis does not start at zero.
    const float x = m_left + 5 * m_unit, y = std::round(yOf(m_valueAxis.min)), h = std::max(3.0f, 5 * m_unit);
    const float w = std::max(1.0f, 1.4f * m_unit), gap = std::max(2.0f, 3 * m_unit);
    appendRect(m_grid, {x - gap / 2, y - h, gap, 2 * h}, kPanel);
    for (const float dx : {-gap / 2, gap / 2}) {
        appendTriangles(m_grid,
                        {{x + dx - h * 0.4f - w / 2, y + h},
                         {x + dx - h * 0.4f + w / 2, y + h},
                         {x + dx + h * 0.4f + w / 2, y - h},
                         {x + dx - h * 0.4f - w / 2, y + h},
                         {x + dx + h * 0.4f + w / 2, y - h},
                         {x + dx + h * 0.4f - w / 2, y - h}},
                        kMuted);
    }
}

void Chart::addAxisLabel(const std::string& text, float top) {
    m_labels.push_back({text,
                        false,
                        {m_left - 6 * m_unit - textWidth(text, m_fonts.regular, m_labelSize), top},
                        kMuted,
                        {}});
}

void Chart::layOutTimeAxis(float labelTop) {
    const float gap = m_labelSize * 0.9f;
    const Date first = Date::fromDaysSinceEpoch(static_cast<long>(std::ceil(m_startDay)));
    const Date last = Date::fromDaysSinceEpoch(static_cast<long>(std::floor(m_startDay + m_spanDays)));
    // Labels are centred on their tick, inside the box.
    const LabelExtent extent = [&](const TimeTick& tick) -> std::optional<std::pair<float, float>> {
        const float w = textWidth(tick.label, m_fonts.regular, m_labelSize);
        const float left = xOf(static_cast<double>(tick.date.daysSinceEpoch())) - w / 2;
        if (left < m_box.left || left + w > m_box.left + m_box.width) return std::nullopt;
        return std::make_pair(left, left + w);
    };
    const auto most = static_cast<std::size_t>(
        std::max(1.0f, (m_right - m_left) / (textWidth("2000", m_fonts.regular, m_labelSize) + gap)));
    m_timeTicks = fitTimeTicks(first, last, most, extent, gap);
    const float bottom = m_barsBottom > 0 ? m_barsBottom : m_bottom;
    for (const TimeTick& tick : m_timeTicks.ticks) {
        const float x = std::round(xOf(static_cast<double>(tick.date.daysSinceEpoch())));
        appendRect(m_grid, {x - 0.5f, bottom, 1, 4 * m_unit}, kMuted);
        m_labels.push_back({tick.label, false, {extent(tick)->first, labelTop}, kMuted, {}});
    }
}

void Chart::layOutSteps() {
    // The state in force at `day` (−1 before the first), and the last one starting before `day`.
    auto inForce = [&](double day) {
        return static_cast<long>(
                   std::upper_bound(m_stepDays.begin(), m_stepDays.end(), day,
                                    [](double d, long s) { return d < static_cast<double>(s); }) -
                   m_stepDays.begin()) -
               1;
    };
    auto startedBefore = [&](double day) {
        return static_cast<long>(
                   std::lower_bound(m_stepDays.begin(), m_stepDays.end(), day,
                                    [](long s, double d) { return static_cast<double>(s) < d; }) -
                   m_stepDays.begin()) -
               1;
    };
    const auto first = static_cast<int>(m_left), end = static_cast<int>(m_right);
    // A column shows every state in force at some moment of it, its right edge included: where the
    // value changes, the column holding the change spans both values (the rise).
    const auto line = columnRuns(first, end, [&](int column) -> std::optional<std::pair<double, double>> {
        const long last = inForce(dayAt(static_cast<float>(column + 1)));
        if (last < 0) return std::nullopt;
        const long from = std::max(0L, inForce(dayAt(static_cast<float>(column))));
        double low = m_steps[static_cast<std::size_t>(from)].valueKm2, high = low;
        for (long i = from + 1; i <= last; ++i) {
            low = std::min(low, m_steps[static_cast<std::size_t>(i)].valueKm2);
            high = std::max(high, m_steps[static_cast<std::size_t>(i)].valueKm2);
        }
        return std::make_pair(low, high);
    });
    // The band: the likely ranges of the states with one in force during the column (its right edge
    // excluded: translucent runs must not overlap).
    const auto band = columnRuns(first, end, [&](int column) -> std::optional<std::pair<double, double>> {
        const long last = startedBefore(dayAt(static_cast<float>(column + 1)));
        std::optional<std::pair<double, double>> extent;
        for (long i = std::max(0L, inForce(dayAt(static_cast<float>(column)))); i <= last; ++i) {
            const ChartStep& step = m_steps[static_cast<std::size_t>(i)];
            if (!step.band) continue;
            if (!extent) extent = std::make_pair(step.likelyMinKm2, step.likelyMaxKm2);
            extent->first = std::min(extent->first, step.likelyMinKm2);
            extent->second = std::max(extent->second, step.likelyMaxKm2);
        }
        return extent;
    });
    for (const ColumnRun& run : band) {
        const float top = yOf(run.high), bottom = yOf(run.low);
        appendRect(m_band, {run.left, top, run.right - run.left, bottom - top}, kBand);
    }
    // Runs are widened by the line's width less the column's own pixel, so a one-column rise is as wide
    // as a run is thick.
    const float width = std::max(1.0f, 2.5f * m_unit), widen = (width - 1) / 2;
    for (const ColumnRun& run : line) {
        const float top = yOf(run.high) - width / 2, bottom = yOf(run.low) + width / 2;
        appendRect(m_line, {run.left - widen, top, run.right - run.left + 2 * widen, bottom - top}, kAccent);
    }
}

void Chart::layOutBars() {
    const auto [gained, lost] = barExtremes();
    const float height = m_barsBottom - m_barsTop;
    const double total = gained + lost;
    // Gains and losses share one scale; zero sits where it leaves each the room it needs.
    const float zero =
        std::round(m_barsTop + height * (total > 0 ? static_cast<float>(gained / total) : 0.5f));
    appendRect(m_grid, {m_left, zero - 0.5f, m_right - m_left, 1}, kMuted);
    if (total <= 0) return;
    const double pixelsPerKm2 = height / total;
    for (const auto& period : m_bars) {
        const auto end = periodEnd(period.start, *m_period);
        const float left =
            std::max(m_left, std::round(xOf(static_cast<double>(period.start.daysSinceEpoch()))));
        float right = std::min(m_right, std::round(xOf(static_cast<double>(end.daysSinceEpoch()))));
        if (right - left >= 3) right -= 1;  // a pixel between neighbours
        right = std::max(right, left + 1);
        const auto up = static_cast<float>(period.gainedKm2 * pixelsPerKm2);
        const auto down = static_cast<float>(period.lostKm2 * pixelsPerKm2);
        if (up > 0) appendRect(m_barShapes, {left, zero - up, right - left, up}, kGained);
        if (down > 0) appendRect(m_barShapes, {left, zero, right - left, down}, kLost);
    }
    // The scale: the largest gain at the top, the largest loss at the bottom.
    const auto [top, bottom] = barLabels();
    addAxisLabel(top, m_barsTop - m_labelSize * 0.3f);
    addAxisLabel(bottom, m_barsBottom - m_labelSize * 1.1f);
}

std::pair<double, double> Chart::barExtremes() const {
    double gained = 0, lost = 0;
    for (const auto& period : m_bars) {
        gained = std::max(gained, period.gainedKm2);
        lost = std::max(lost, period.lostKm2);
    }
    return {gained, lost};
}

std::pair<std::string, std::string> Chart::barLabels() const {
    const auto [gained, lost] = barExtremes();
    auto number = [](double km2) { return fmt::format("{:.{}f}", km2, km2 >= 10 ? 0 : km2 >= 1 ? 1 : 2); };
    return {"+" + number(gained), "−" + number(lost)};
}

void Chart::layOutCursor(const Date& date) {
    const float x = xOf(static_cast<double>(date.daysSinceEpoch()));
    const float width = std::max(1.0f, 1.5f * m_unit);
    appendRect(m_cursor, {x - width / 2, m_top, width, (m_barsBottom > 0 ? m_barsBottom : m_bottom) - m_top},
               kInk);
    const auto index =
        static_cast<long>(std::upper_bound(m_stepDays.begin(), m_stepDays.end(), date.daysSinceEpoch()) -
                          m_stepDays.begin()) -
        1;
    if (index < 0) return;
    const ChartStep& step = m_steps[static_cast<std::size_t>(index)];
    const double value = step.valueKm2;
    m_dot = sf::Vector2f(x, yOf(value));
    // To the precision its likely range supports, as the panel prints it ("7,480 km²", not 7481.495).
    const std::string label =
        areaLabels({value, step.likelyMinKm2, step.likelyMaxKm2, step.likelyMinKm2, step.likelyMaxKm2})
            .value +
        " km²";
    const float w = textWidth(label, m_fonts.bold, m_labelSize);
    const float lx = x + 8 * m_unit + w > m_right ? x - 8 * m_unit - w : x + 8 * m_unit;
    const float ly = std::clamp(yOf(value) - m_labelSize * 1.8f, m_top, m_bottom - m_labelSize * 1.4f);
    const float pad = 2 * m_unit;
    m_labels.push_back(
        {label, true, {lx, ly}, kInk, sf::FloatRect(lx - pad, ly, w + 2 * pad, m_labelSize * 1.3f)});
}

void Chart::draw(sf::RenderTarget& target, std::vector<std::string>* texts) const {
    if (m_steps.empty()) return;
    auto triangles = [&](const std::vector<sf::Vertex>& vertices) {
        if (!vertices.empty()) target.draw(vertices.data(), vertices.size(), sf::Triangles);
    };
    float y = m_box.top;
    if (!m_heading.empty()) {
        y += drawText(&target, m_heading, m_fonts.bold, headingSize(), kInk, {m_box.left, y}, m_box.width);
        if (texts) texts->push_back(m_heading);
    }
    drawText(&target, m_title, m_fonts.regular, m_labelSize, kMuted, {m_box.left, y}, m_box.width);
    if (texts) texts->push_back(m_title);
    triangles(m_grid);
    triangles(m_band);
    triangles(m_barShapes);
    triangles(m_line);
    triangles(m_cursor);
    if (m_dot) {
        sf::CircleShape dot(std::max(2.0f, 5 * m_unit), 16);
        dot.setOrigin(dot.getRadius(), dot.getRadius());
        dot.setPosition(*m_dot);
        dot.setFillColor(kInk);
        target.draw(dot);
    }
    for (const Label& label : m_labels) {
        if (label.backdrop) {
            std::vector<sf::Vertex> box;
            appendRect(box, *label.backdrop, kBackdrop);
            triangles(box);
        }
        drawText(&target, label.text, label.bold ? m_fonts.bold : m_fonts.regular, m_labelSize, label.colour,
                 label.position);
        if (texts) texts->push_back(label.text);
    }
}

}  // namespace frontline::render
