#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"

namespace frontline {

// A dated event of the scenario's history. `minutesOfDay` and `utcOffsetMinutes` are set when the
// source gives a time of day (local time at `utcOffsetMinutes` from UTC).
struct Event {
    std::string id;
    Date date;
    std::optional<int> minutesOfDay;
    int utcOffsetMinutes = 0;
    std::string title;
    std::string place;
    std::string description;
    std::string source;
};

}  // namespace frontline
