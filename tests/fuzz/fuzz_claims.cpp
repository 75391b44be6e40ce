// libFuzzer: claims.toml ledgers, and each claim's measure expression parsed as `check` would.

#include <cstddef>
#include <cstdint>

#include "analysis/expression.hpp"
#include "core/error.hpp"
#include "fuzz_common.hpp"
#include "io/claims_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = frontline::fuzz::writeInput("claims.toml", data, size);
    try {
        for (const auto& claim : frontline::io::readClaims(path)) {
            try {
                (void)frontline::analysis::parseExpression(claim.measure);
            } catch (const frontline::Error&) {
            }
        }
    } catch (const frontline::Error&) {
    }
    return 0;
}
