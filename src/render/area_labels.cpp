#include "render/area_labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>

namespace frontline::render {

namespace {

// What `frontline stats` prints: finer steps would invent digits.
constexpr int kFinestExponent = -3;

// The decimal exponent e of the step 10^e.
int stepExponent(double valueKm2, double likelyMinKm2, double likelyMaxKm2) {
    int exponent = kFinestExponent;
    const double magnitude = std::fabs(valueKm2);
    if (std::isfinite(magnitude) && magnitude > 0) {
        const int digits = magnitude < 1000 ? 3 : 4;
        exponent = std::max(exponent, static_cast<int>(std::floor(std::log10(magnitude))) - (digits - 1));
    }
    const double halfWidth = (likelyMaxKm2 - likelyMinKm2) / 2;
    if (std::isfinite(halfWidth) && halfWidth > 0) {
        exponent = std::max(exponent, static_cast<int>(std::floor(std::log10(halfWidth))) - 1);
    }
    return exponent;
}

int exponentOf(double stepKm2) { return static_cast<int>(std::lround(std::log10(stepKm2))); }

// Multiplied by a whole power of ten where it can: 35.84 / 0.1 is 358.40000000000003.
long long stepsOf(double valueKm2, int exponent) {
    return std::llround(exponent < 0 ? valueKm2 * std::pow(10.0, -exponent)
                                     : valueKm2 / std::pow(10.0, exponent));
}

// Commas between the thousands of a run of digits.
std::string groupThousands(std::string whole) {
    for (auto at = static_cast<std::ptrdiff_t>(whole.size()) - 3; at > 0; at -= 3)
        whole.insert(static_cast<std::size_t>(at), ",");
    return whole;
}

// `steps` × 10^exponent as text, thousands separated.
std::string scaledText(long long steps, int exponent) {
    if (steps == 0) return "0";
    const unsigned long long magnitude = static_cast<unsigned long long>(std::llabs(steps));
    const int decimals = std::max(0, -exponent);
    unsigned long long divisor = 1;
    for (int i = 0; i < decimals; ++i) divisor *= 10;
    std::string whole = std::to_string(magnitude / divisor);
    for (int i = 0; i < exponent; ++i) whole += '0';
    whole = groupThousands(whole);
    std::string text = steps < 0 ? "\u2212" + whole : whole;
    if (decimals > 0) text += fmt::format(".{:0{}}", magnitude % divisor, decimals);
    return text;
}

}  // namespace

double areaStepKm2(double valueKm2, double likelyMinKm2, double likelyMaxKm2) {
    return std::pow(10.0, stepExponent(valueKm2, likelyMinKm2, likelyMaxKm2));
}

double areaStepKm2(double valueKm2) { return areaStepKm2(valueKm2, 0, 0); }

std::string groupedNumber(double value, int decimals) {
    std::string digits = fmt::format("{:.{}f}", std::fabs(value), std::max(0, decimals));
    const std::size_t point = digits.find('.');
    std::string text = groupThousands(digits.substr(0, point)) +
                       (point == std::string::npos ? std::string() : digits.substr(point));
    const bool zero = digits.find_first_not_of("0.") == std::string::npos;
    return value < 0 && !zero ? "\u2212" + text : text;
}

std::string formatArea(double valueKm2, double stepKm2) {
    const int exponent = exponentOf(stepKm2);
    return scaledText(stepsOf(valueKm2, exponent), exponent);
}

AreaLabels areaLabels(const analysis::Interval& area) {
    AreaLabels labels;
    labels.stepKm2 = areaStepKm2(area.value, area.likelyMin, area.likelyMax);
    labels.value = formatArea(area.value, labels.stepKm2);
    labels.likelyMin = formatArea(area.likelyMin, labels.stepKm2);
    labels.likelyMax = formatArea(area.likelyMax, labels.stepKm2);
    labels.min = formatArea(area.min, labels.stepKm2);
    labels.max = formatArea(area.max, labels.stepKm2);
    return labels;
}

ChangeLabels changeLabels(const analysis::Change& change) {
    const int exponent =
        std::max(stepExponent(change.gained.value, change.gained.likelyMin, change.gained.likelyMax),
                 stepExponent(change.lost.value, change.lost.likelyMin, change.lost.likelyMax));
    const long long gained = stepsOf(change.gained.value, exponent);
    const long long lost = stepsOf(change.lost.value, exponent);
    ChangeLabels labels;
    labels.stepKm2 = std::pow(10.0, exponent);
    labels.gained = scaledText(gained, exponent);
    labels.lost = scaledText(lost, exponent);
    labels.net = (gained > lost ? "+" : "") + scaledText(gained - lost, exponent);
    return labels;
}

}  // namespace frontline::render
