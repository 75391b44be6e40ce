#pragma once
// A value with the ranges its inputs allow, and interval arithmetic on them (claims, calibration,
// measure expressions).

#include <cmath>
#include <limits>

namespace frontline::analysis {

// A value with the worst-case range its inputs allow, and the likely range inside it (NaN bounds: the
// likely range is the worst case, for inputs that have no statistical model).
// Invariant: min <= likelyLow() <= value <= likelyHigh() <= max (bounds may be infinite).
struct ValueInterval {
    double value = 0;
    double min = 0;
    double max = 0;
    double likelyMin = std::numeric_limits<double>::quiet_NaN();
    double likelyMax = std::numeric_limits<double>::quiet_NaN();

    static ValueInterval exact(double v) { return {v, v, v, v, v}; }
    double likelyLow() const { return std::isnan(likelyMin) ? min : likelyMin; }
    double likelyHigh() const { return std::isnan(likelyMax) ? max : likelyMax; }
    ValueInterval worst() const;   // (value, min, max)
    ValueInterval likely() const;  // (value, likelyLow, likelyHigh)
};

// Interval arithmetic on both ranges: the worst case exactly, the likely range conservatively.
// Dividing by an interval that contains zero gives (−∞, ∞); dividing by a value of exactly zero
// throws DataError "division by zero".
ValueInterval operator+(const ValueInterval& a, const ValueInterval& b);
ValueInterval operator-(const ValueInterval& a, const ValueInterval& b);
ValueInterval operator*(const ValueInterval& a, const ValueInterval& b);
ValueInterval operator/(const ValueInterval& a, const ValueInterval& b);
ValueInterval operator-(const ValueInterval& a);

}  // namespace frontline::analysis
