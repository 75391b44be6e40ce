#pragma once
// A value with the ranges its inputs allow, and interval arithmetic on them: areas and changes (km²,
// from the layers' positional uncertainty), and the values of claims, calibration entries and measure
// expressions computed from them.

#include <cmath>
#include <limits>

namespace frontline::analysis {

// A value with the worst-case range [min, max] its inputs allow (for an area: every stretch of outline
// off by its whole uncertainty), and the likely range inside it (core/scenario.hpp, UncertaintyModel).
// NaN likely bounds: the likely range is the worst case, for inputs that have no statistical model;
// measured areas always set both. Invariant: min <= likelyLow() <= value <= likelyHigh() <= max
// (bounds may be infinite in arithmetic: a division by a range that holds zero).
struct Interval {
    double value = 0;
    double min = 0;
    double max = 0;
    double likelyMin = std::numeric_limits<double>::quiet_NaN();
    double likelyMax = std::numeric_limits<double>::quiet_NaN();

    static Interval exact(double v) { return {v, v, v, v, v}; }
    double likelyLow() const { return std::isnan(likelyMin) ? min : likelyMin; }
    double likelyHigh() const { return std::isnan(likelyMax) ? max : likelyMax; }
    Interval worst() const;   // (value, min, max)
    Interval likely() const;  // (value, likelyLow, likelyHigh)
};

// Interval arithmetic on both ranges: the worst case exactly, the likely range conservatively.
// Dividing by an interval that contains zero gives (−∞, ∞); dividing by a value of exactly zero
// throws DataError "division by zero".
Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);
Interval operator*(const Interval& a, const Interval& b);
Interval operator/(const Interval& a, const Interval& b);
Interval operator-(const Interval& a);

}  // namespace frontline::analysis
