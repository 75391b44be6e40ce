#include "app/scenario_location.hpp"

#include <cstdlib>

namespace frontline::app {

std::filesystem::path scenarioPath(const std::string& given) {
    if (!given.empty()) return given;
    if (const char* fromEnvironment = std::getenv("FRONTLINE_SCENARIO");
        fromEnvironment && *fromEnvironment) {
        return fromEnvironment;
    }
    return std::filesystem::path(FRONTLINE_SOURCE_DIR) / "geodata" / "karabakh";
}

}  // namespace frontline::app
