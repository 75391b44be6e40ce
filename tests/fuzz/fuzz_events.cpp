// libFuzzer: events.toml.

#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "fuzz_common.hpp"
#include "io/events_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = frontline::fuzz::writeInput("events.toml", data, size);
    try {
        (void)frontline::io::readEvents(path);
    } catch (const frontline::Error&) {
    }
    return 0;
}
