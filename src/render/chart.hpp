#pragma once
// The chart of the held area over time: the panel's, and `frontline chart`'s on its own. Each dated
// state's area is a step held until the next state; the likely range is a band, drawn only for states
// that have one; the time axis has ticks that fit the span and the width (time_ticks.hpp); the value
// axis is fitted to the data (axis_range.hpp) and says so when it does not start at zero; optional bars
// under the line show the area gained (up) and lost (down) per week, month or year; a cursor marks a
// date and the value then in force.
//
// Laid out once by the constructor for a box in target pixels (every number, label and rectangle),
// then drawn; `frontline chart` writes that same layout as CSV. Lines are axis-aligned rectangles per
// pixel column: where several states fall in one column it draws the envelope of their values, so
// hundreds of states give a clean line. The stats and fonts are borrowed; the fonts must outlive it.
// Needs a GL context (text is measured with the fonts' glyphs).

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/periods.hpp"
#include "analysis/stats.hpp"
#include "render/axis_range.hpp"
#include "render/fonts.hpp"
#include "render/frame_spec.hpp"
#include "render/time_ticks.hpp"

namespace frontline::render {

struct ChartOptions {
    std::optional<Date> cursor;            // a vertical line at this date, and the value in force then
    std::optional<analysis::Period> bars;  // km² gained and lost per period, as bars under the line
    std::string heading;                   // a bold line above the title (the chart on its own)
    // The time axis runs over the span, the value axis fits the states in force during it, bars are
    // those of the periods it overlaps; an end not given is the data's.
    ShownSpan span;
};

// One dated state as the chart draws it.
struct ChartStep {
    Date date;  // held from this date until the next step's
    std::string label;
    double valueKm2 = 0;
    double likelyMinKm2 = 0;
    double likelyMaxKm2 = 0;
    bool band = false;  // the likely range is not empty as printed (3 decimals): drawn as the band
};

class Chart {
public:
    // `unit` scales text and lines (1: the sizes of the panel of a 1920×1080 frame).
    Chart(const std::vector<analysis::StateStats>& stats, const ChartOptions& options, sf::FloatRect box,
          float unit, const Fonts& fonts);

    // Draws with the target's current view (pixels); every text drawn is appended to `texts`.
    void draw(sf::RenderTarget& target, std::vector<std::string>* texts = nullptr) const;

    const std::vector<ChartStep>& steps() const { return m_steps; }
    const TimeTicks& timeTicks() const { return m_timeTicks; }
    const AxisRange& valueAxis() const { return m_valueAxis; }
    // The bars, per period with a change (ChartOptions::bars; else none).
    const std::vector<analysis::PeriodTotal>& bars() const { return m_bars; }
    // What the chart shows: "Held area, km² (band: likely range; axis not from 0)".
    const std::string& title() const { return m_title; }
    bool bandDrawn() const { return !m_band.empty(); }
    // The plot in target pixels: whole columns, from the top gridline to the bottom of the bars.
    sf::FloatRect plot() const {
        return {m_left, m_top, m_right - m_left, (m_barsBottom > 0 ? m_barsBottom : m_bottom) - m_top};
    }

private:
    struct Label {
        std::string text;
        bool bold = false;
        sf::Vector2f position;
        sf::Color colour;
        std::optional<sf::FloatRect> backdrop;  // a panel-coloured box under the text
    };

    float xOf(double day) const;
    double dayAt(float x) const;
    float yOf(double km2) const;
    void layOutTimeAxis(float labelTop);
    void layOutValueAxis();
    // A label left of the plot, right-aligned, its top at `top`.
    void addAxisLabel(const std::string& text, float top);
    void layOutSteps();
    void layOutBars();
    // The largest gain and loss of a period, and their labels "+1060", "−980".
    std::pair<double, double> barExtremes() const;
    std::pair<std::string, std::string> barLabels() const;
    void layOutCursor(const Date& date);
    float headingSize() const { return std::round(m_labelSize * 1.3f); }

    const Fonts& m_fonts;
    sf::FloatRect m_box;
    float m_unit;
    float m_labelSize;
    std::vector<ChartStep> m_steps;
    std::vector<long> m_stepDays;
    std::optional<analysis::Period> m_period;
    std::vector<analysis::PeriodTotal> m_bars;
    TimeTicks m_timeTicks;
    AxisRange m_valueAxis;
    std::string m_heading, m_title;
    // The plot: whole pixel columns [m_left, m_right); the line's rows [m_top, m_bottom], the bars'
    // [m_barsTop, m_barsBottom] (empty without bars).
    float m_left = 0, m_right = 0, m_top = 0, m_bottom = 0, m_barsTop = 0, m_barsBottom = 0;
    double m_startDay = 0, m_spanDays = 1;
    std::vector<sf::Vertex> m_grid, m_band, m_line, m_barShapes, m_cursor;
    std::optional<sf::Vector2f> m_dot;
    std::vector<Label> m_labels;
};

}  // namespace frontline::render
