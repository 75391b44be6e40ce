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

}  // namespace frontline
