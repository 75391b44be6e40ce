#include "core/claim.hpp"

#include <array>
#include <utility>

namespace frontline {

namespace {
constexpr std::array<std::pair<Qualifier, std::string_view>, 7> kQualifierNames{{
    {Qualifier::About, "about"},
    {Qualifier::Nearly, "nearly"},
    {Qualifier::Over, "over"},
    {Qualifier::Under, "under"},
    {Qualifier::AtLeast, "at_least"},
    {Qualifier::AtMost, "at_most"},
    {Qualifier::Exactly, "exactly"},
}};
}  // namespace

std::optional<Qualifier> parseQualifier(std::string_view text) {
    for (const auto& [value, name] : kQualifierNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string_view toString(Qualifier qualifier) {
    for (const auto& [value, name] : kQualifierNames) {
        if (value == qualifier) return name;
    }
    return "about";
}

namespace {
constexpr std::string_view kUnits[] = {"km2",    "km",    "days",    "hours", "months", "year",
                                       "yyyymm", "ratio", "percent", "usd",   "people", "count"};
}

bool isKnownUnit(std::string_view unit) {
    for (std::string_view known : kUnits) {
        if (unit == known) return true;
    }
    return false;
}

std::string_view knownUnitsText() {
    return "km2, km, days, hours, months, year, yyyymm, ratio, percent, usd, people, count";
}

}  // namespace frontline
