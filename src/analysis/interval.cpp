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
ValueInterval add(const ValueInterval& a, const ValueInterval& b) {
    return {a.value + b.value, a.min + b.min, a.max + b.max};
}

ValueInterval subtract(const ValueInterval& a, const ValueInterval& b) {
    return {a.value - b.value, a.min - b.max, a.max - b.min};
}

ValueInterval multiply(const ValueInterval& a, const ValueInterval& b) {
    const std::array<double, 4> corners{product(a.min, b.min), product(a.min, b.max), product(a.max, b.min),
                                        product(a.max, b.max)};
    return {a.value * b.value, *std::min_element(corners.begin(), corners.end()),
            *std::max_element(corners.begin(), corners.end())};
}

ValueInterval divide(const ValueInterval& a, const ValueInterval& b) {
    // A divisor that may be zero makes the quotient unbounded in both directions.
    if (b.min <= 0 && b.max >= 0) return {a.value / b.value, -kInfinity, kInfinity};
    const ValueInterval reciprocal{1 / b.value, 1 / b.max, 1 / b.min};
    ValueInterval result = multiply(a, reciprocal);
    result.value = a.value / b.value;
    return result;
}

template <typename Operation>
ValueInterval both(const ValueInterval& a, const ValueInterval& b, Operation operation) {
    ValueInterval result = operation(a.worst(), b.worst());
    const ValueInterval likely = operation(a.likely(), b.likely());
    result.likelyMin = std::clamp(likely.min, result.min, result.value);
    result.likelyMax = std::clamp(likely.max, result.value, result.max);
    return result;
}

}  // namespace

ValueInterval ValueInterval::worst() const { return {value, min, max}; }

ValueInterval ValueInterval::likely() const { return {value, likelyLow(), likelyHigh()}; }

ValueInterval operator+(const ValueInterval& a, const ValueInterval& b) { return both(a, b, add); }

ValueInterval operator-(const ValueInterval& a, const ValueInterval& b) { return both(a, b, subtract); }

ValueInterval operator-(const ValueInterval& a) {
    return {-a.value, -a.max, -a.min, -a.likelyHigh(), -a.likelyLow()};
}

ValueInterval operator*(const ValueInterval& a, const ValueInterval& b) { return both(a, b, multiply); }

ValueInterval operator/(const ValueInterval& a, const ValueInterval& b) {
    if (b.value == 0) throw DataError("division by zero");
    return both(a, b, divide);
}

}  // namespace frontline::analysis
