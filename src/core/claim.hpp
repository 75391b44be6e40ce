#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace frontline {

// How a published figure bounds the true value.
enum class Qualifier { About, Nearly, Over, Under, AtLeast, AtMost, Exactly };

std::optional<Qualifier> parseQualifier(std::string_view text);
std::string_view toString(Qualifier qualifier);

// The units a claim may be in, as users write them: km2, km, days, hours, months, year, yyyymm,
// ratio, percent, usd, people, count ("km2, km, …" for messages).
bool isKnownUnit(std::string_view unit);
std::string_view knownUnitsText();

// A checkable (or explicitly uncheckable) statement from a publication, as data. `measure` is an
// expression over layers, control states and events (docs/formats.md). A manifest's `author`,
// `published` and `file` are for its readers: io checks them and keeps nothing.
struct Claim {
    std::string id;
    std::string statement;
    double value = 0;
    std::string unit;
    Qualifier qualifier = Qualifier::About;
    double tolerance = 0.05;
    std::string measure;
    std::string baseline;
    std::string publication;
    std::string group;
    bool checkable = true;
    std::string measureOrigin;  // "file:line:column" of `measure` in its manifest, for messages; may be empty
};

}  // namespace frontline
