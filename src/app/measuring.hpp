#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/periods.hpp"
#include "core/date.hpp"
#include "io/table.hpp"

namespace frontline::app {

// --method geodesic|planar → AreaMethod; UsageError otherwise.
analysis::AreaMethod areaMethod(const std::string& text);
// A date given on the command line; UsageError naming the option otherwise.
Date commandLineDate(const std::string& option, const std::string& text);

// --every week|month|year → Period; UsageError otherwise.
analysis::Period period(const std::string& text);

// km² as printed in every table (3 decimals): change figures are summed and differenced as printed,
// so that a printed net is the printed gained minus the printed lost and a period's total is the sum
// of its printed steps (the rounding this adds, under 0.0005 km² a step, is far below any interval).
double printedKm2(double value);

// The table of `--every`: one row per period with a step, columns period, first_seen, last_seen,
// steps, days, gained_km2, lost_km2, net_km2, net_km2_per_day.
io::Table periodTable(const std::vector<analysis::Step>& steps, analysis::Period period);

}  // namespace frontline::app
