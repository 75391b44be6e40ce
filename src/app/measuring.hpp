#pragma once

#include <optional>
#include <string>

#include "analysis/area.hpp"
#include "core/date.hpp"

namespace frontline::app {

// --method geodesic|planar → AreaMethod; UsageError otherwise.
analysis::AreaMethod areaMethod(const std::string& text);
// A date given on the command line; UsageError naming the option otherwise.
Date commandLineDate(const std::string& option, const std::string& text);

}  // namespace frontline::app
