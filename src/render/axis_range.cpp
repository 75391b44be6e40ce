#include "render/axis_range.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render/area_labels.hpp"

namespace frontline::render {

namespace {

// Under this share of the largest value, the smallest is drawn against zero.
constexpr double kZeroShare = 0.4;
// Each side of fitted data, this share of their spread is left free.
constexpr double kMargin = 0.05;

// The smallest of 1, 2, 5 × 10^n not under `raw` (> 0).
double niceStep(double raw) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double ratio = raw / magnitude;
    return magnitude * (ratio <= 1 ? 1 : ratio <= 2 ? 2 : ratio <= 5 ? 5 : 10);
}

}  // namespace

std::vector<double> AxisRange::gridlines() const {
    std::vector<double> values;
    // Counted, not accumulated: 49300 + 4 × 100 stays a round number.
    const auto count = static_cast<long>(std::lround((max - min) / step));
    for (long i = 0; i <= count; ++i) values.push_back(min + static_cast<double>(i) * step);
    return values;
}

int AxisRange::decimals() const {
    return step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
}

std::string AxisRange::label(double value) const {
    if (std::fabs(value) < step * 1e-6) value = 0;  // no "-0"
    return groupedNumber(value, decimals());
}

AxisRange fitAxisRange(double low, double high, int steps) {
    if (high < low) std::swap(low, high);
    steps = std::max(1, steps);
    const double largest = std::max(std::fabs(low), std::fabs(high));
    // Constant data have no spread to fit: drawn against zero they show their size at least.
    const bool constant = high - low <= largest * 1e-9;
    const bool zero = constant || (low <= 0 && high >= 0) || (low > 0 && low < kZeroShare * high) ||
                      (high < 0 && high > kZeroShare * low);
    if (zero) {
        low = std::min(low, 0.0);
        high = std::max(high, 0.0);
    } else {
        const double margin = (high - low) * kMargin;
        // Fitted positive data keep a non-negative axis (an area is never below zero).
        low = low > 0 ? std::max(0.0, low - margin) : low - margin;
        high = high < 0 ? std::min(0.0, high + margin) : high + margin;
    }
    AxisRange range;
    range.step = high > low ? niceStep((high - low) / steps) : 1.0;
    range.min = std::floor(low / range.step) * range.step;
    range.max = std::ceil(high / range.step) * range.step;
    if (range.max <= range.min) range.max = range.min + range.step;
    return range;
}

}  // namespace frontline::render
