#pragma once
// The closed-form area of an ellipsoidal zone on WGS84, computed independently of PROJ, for tests:
// A = Δλ · b²/2 · [q(φ2) − q(φ1)], q(φ) = sinφ/(1 − e² sin²φ) + artanh(e sinφ)/e.

#include <cmath>
#include <numbers>

namespace frontline::geo::testing {

inline constexpr double kWgs84A = 6378137.0;
inline constexpr double kWgs84F = 1 / 298.257223563;

inline double zoneAreaKm2(double west, double south, double east, double north) {
    const double e2 = kWgs84F * (2 - kWgs84F);
    const double e = std::sqrt(e2);
    const double b2 = kWgs84A * kWgs84A * (1 - e2);
    auto q = [&](double latDeg) {
        const double s = std::sin(latDeg * std::numbers::pi / 180);
        return s / (1 - e2 * s * s) + std::atanh(e * s) / e;
    };
    return (east - west) * std::numbers::pi / 180 * b2 / 2 * (q(north) - q(south)) / 1e6;
}

}  // namespace frontline::geo::testing
