// libFuzzer: Date::parse, and the round trip of what it accepts.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "core/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const frontline::Date date = frontline::Date::parse(text);
        // What parses prints as ISO and parses back to itself; day counts round-trip.
        if (frontline::Date::parse(date.iso()) != date) std::abort();
        if (frontline::Date::fromDaysSinceEpoch(date.daysSinceEpoch()) != date) std::abort();
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
