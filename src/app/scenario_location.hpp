#pragma once

#include <filesystem>
#include <string>

namespace frontline::app {

// The scenario a command works on: the one named, else $FRONTLINE_SCENARIO, else the bundled
// geodata/karabakh of this source tree.
std::filesystem::path scenarioPath(const std::string& given);

}  // namespace frontline::app
