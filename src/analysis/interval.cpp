#include "analysis/interval.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "core/error.hpp"

namespace frontline::analysis {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// 0 × ∞ is 0 here: a bound of zero area times an unbounded factor is still zero, not NaN.
double product(double a, double b) {
    if (a == 0 || b == 0) return 0;
    return a * b;
}

}  // namespace

namespace {

// The three-number (value, low, high) arithmetic; applied once to the worst case and once to the
// likely range. For the likely range this is conservative: two 95 % ranges added give more than 95 %.
Interval add(const Interval& a, const Interval& b) {
    return {a.value + b.value, a.min + b.min, a.max + b.max};
}

Interval subtract(const Interval& a, const Interval& b) {
    return {a.value - b.value, a.min - b.max, a.max - b.min};
}

Interval multiply(const Interval& a, const Interval& b) {
    const std::array<double, 4> corners{product(a.min, b.min), product(a.min, b.max), product(a.max, b.min),
                                        product(a.max, b.max)};
    return {a.value * b.value, *std::min_element(corners.begin(), corners.end()),
            *std::max_element(corners.begin(), corners.end())};
}

Interval divide(const Interval& a, const Interval& b) {
    // A divisor that may be zero makes the quotient unbounded in both directions.
    if (b.min <= 0 && b.max >= 0) return {a.value / b.value, -kInfinity, kInfinity};
    const Interval reciprocal{1 / b.value, 1 / b.max, 1 / b.min};
    Interval result = multiply(a, reciprocal);
    result.value = a.value / b.value;
    return result;
}

template <typename Operation>
Interval both(const Interval& a, const Interval& b, Operation operation) {
    Interval result = operation(a.worst(), b.worst());
    const Interval likely = operation(a.likely(), b.likely());
    result.likelyMin = std::clamp(likely.min, result.min, result.value);
    result.likelyMax = std::clamp(likely.max, result.value, result.max);
    return result;
}

}  // namespace

Interval Interval::worst() const { return {value, min, max}; }

Interval Interval::likely() const { return {value, likelyLow(), likelyHigh()}; }

Interval operator+(const Interval& a, const Interval& b) { return both(a, b, add); }

Interval operator-(const Interval& a, const Interval& b) { return both(a, b, subtract); }

Interval operator-(const Interval& a) { return {-a.value, -a.max, -a.min, -a.likelyHigh(), -a.likelyLow()}; }

Interval operator*(const Interval& a, const Interval& b) { return both(a, b, multiply); }

Interval operator/(const Interval& a, const Interval& b) {
    if (b.value == 0) throw DataError("division by zero");
    return both(a, b, divide);
}

}  // namespace frontline::analysis
