#pragma once
// Areas as the map prints them: rounded to the precision their likely range supports, with thousands
// separators. The machine outputs (`frontline stats` tables, CSV, JSON) keep formatKm2's 3 decimals;
// these are for text a reader sees on a frame.
//
// The step an area is rounded to is the coarser of
//   - two significant figures of the likely range's half-width (±130 → 10 km², ±0.4 → 0.01 km²), and
//   - 3 significant figures of the value below 1,000 km², 4 from 1,000 km² on (so never decimals of a
//     km² over 1,000 km², and a value without an interval still gets a sensible precision),
// and never finer than 0.001 km² (what `frontline stats` measures to).

#include <string>

#include "analysis/area.hpp"
#include "analysis/change.hpp"

namespace frontline::render {

// The rounding step of `valueKm2` whose likely range is [likelyMinKm2, likelyMaxKm2] (an empty or
// inverted range counts as none), km²: a power of ten.
double areaStepKm2(double valueKm2, double likelyMinKm2, double likelyMaxKm2);
double areaStepKm2(double valueKm2);

// `valueKm2` rounded to a multiple of `stepKm2` (a power of ten), with as many decimals as the step
// has and thousands separated by commas: "11,930", "35.8", "−1,010" (U+2212 minus). A value that
// rounds to zero is "0".
std::string formatArea(double valueKm2, double stepKm2);

// `value` with `decimals` decimals, thousands separated by commas and U+2212 for minus, as formatArea
// prints: "49,300", "1.5", "−2,000"; a value that prints as zero has no sign.
std::string groupedNumber(double value, int decimals);

// A measured area and its ranges, all rounded to the step its likely range supports.
struct AreaLabels {
    double stepKm2 = 1;
    std::string value;
    std::string likelyMin, likelyMax;
    std::string min, max;  // at worst
};
AreaLabels areaLabels(const analysis::Interval& area);

// A change between two states: gained and lost rounded to one step (the coarser of the two), and net
// as the difference of the printed numbers (so the text adds up), signed: "+1.3", "−4,270", "0".
struct ChangeLabels {
    double stepKm2 = 1;
    std::string gained, lost, net;
};
ChangeLabels changeLabels(const analysis::Change& change);

}  // namespace frontline::render
