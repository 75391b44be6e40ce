#include "render/scale_bar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render/text.hpp"

namespace frontline::render {

namespace {

// A round number of km for the scale bar: 1, 2, 5 × 10^n not longer than `maxKm`.
double niceKm(double maxKm) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxKm)));
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * magnitude <= maxKm) return step * magnitude;
    }
    return magnitude;
}

}  // namespace

ScaleBarLayout scaleBarLayout(sf::FloatRect map, float unit, double metresPerPixel, const sf::Font& font) {
    const float u = unit;
    ScaleBarLayout bar;
    bar.km = niceKm(map.width * 0.22 * metresPerPixel / 1000.0);
    bar.label = fmt::format("{:g} km", bar.km);
    bar.length = static_cast<float>(bar.km * 1000.0 / metresPerPixel);
    bar.height = std::max(3.0f, 7.0f * u);
    bar.origin = {std::round(map.left + 30 * u), std::round(map.top + map.height - 44 * u)};
    bar.textSize = std::max(7.0f, std::round(15.0f * u));
    const float textTop = bar.origin.y - bar.textSize - 6 * u;
    bar.zeroAt = {bar.origin.x - 3 * u, textTop};
    bar.labelAt = {bar.origin.x + bar.length - 3 * u, textTop};
    // The plate reaches 8 units past the bar and its labels on every side (texts are drawn at whole
    // pixels: their ink is measured there).
    const float pad = 8 * u;
    const float labelRight = std::round(bar.labelAt.x) + textWidth(bar.label, font, bar.textSize);
    const float left = std::min(bar.origin.x, std::round(bar.zeroAt.x)) - pad;
    const float right = std::max(bar.origin.x + bar.length, labelRight) + pad;
    const float top = std::round(textTop) - pad;
    const float bottom = bar.origin.y + bar.height + pad;
    bar.plate = {left, top, right - left, bottom - top};
    return bar;
}

}  // namespace frontline::render
