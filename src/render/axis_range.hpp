#pragma once
// The value axis of a chart: a range and gridline step at 1, 2 or 5 × 10^n fitted to the data. Zero is
// on the axis only where it means something: the data reach it, or the smallest value is under 40 % of
// the largest, so that the height of the line is about the size of the value. Otherwise the axis spans
// the data with a little margin, and a change of 2 % of the value is not a flat line. Pure.

#include <string>
#include <vector>

namespace frontline::render {

struct AxisRange {
    double min = 0;
    double max = 1;
    double step = 1;  // between gridlines; min and max are multiples of it

    // Whether the axis reaches zero (else a chart says it does not start there).
    bool fromZero() const { return min <= 0 && max >= 0; }
    // min, min + step, …, max.
    std::vector<double> gridlines() const;
    // The decimals the step needs (0 for 500, 1 for 0.5, 2 for 0.25).
    int decimals() const;
    // A gridline's value with those decimals, as the map prints areas: "49,500", "0.5", "−2,000".
    std::string label(double value) const;
};

// The axis for values in [low, high] with about `steps` gridline steps (never more than steps + 2).
AxisRange fitAxisRange(double low, double high, int steps = 4);

}  // namespace frontline::render
