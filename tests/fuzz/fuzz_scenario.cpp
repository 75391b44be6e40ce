// libFuzzer: scenario.toml manifests (without reading layer files). Any frontline::Error is a
// proper answer to bad input; anything else (a crash, another exception, a sanitizer report) is a bug.

#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "fuzz_common.hpp"
#include "io/scenario_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static frontline::geo::ProjContext proj;
    static frontline::geo::GeosContext geos;
    const auto path = frontline::fuzz::writeInput("scenario.toml", data, size);
    frontline::Diagnostics diagnostics;
    try {
        (void)frontline::io::readScenario(path, {false, false}, proj, geos, diagnostics);
    } catch (const frontline::Error&) {
    }
    return 0;
}
