#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/change.hpp"
#include "analysis/periods.hpp"
#include "core/date.hpp"
#include "core/geometry.hpp"
#include "io/table.hpp"

namespace frontline::app {

// --method geodesic|planar → AreaMethod; UsageError otherwise.
analysis::AreaMethod areaMethod(const std::string& text);
// The line printed under a table or md report saying how its areas were measured, e.g. "Areas:
// geodesic on the WGS84 ellipsoid, geodesic edges."; empty for csv and json, whose readers parse columns
// (the convention is the default unless --edges or the scenario says otherwise).
std::string measuredAs(analysis::AreaMethod method, Edges edges, io::OutputFormat format);
// --min-area KM2: a positive number of km²; UsageError otherwise.
double minAreaKm2(const std::string& text);
// The columns --min-area adds (pieces_kept, pieces_dropped, dropped_gained_km2, dropped_lost_km2), and
// their cells for one change; empty cells where there is no change.
std::vector<std::string> pieceColumns();
std::vector<io::Cell> pieceCells(const std::optional<analysis::KeptPieces>& pieces);
// A date given on the command line; UsageError naming the option otherwise.
Date commandLineDate(const std::string& option, const std::string& text);

// --every (or `option`) week|month|year → Period; UsageError otherwise.
analysis::Period period(const std::string& text, const std::string& option = "--every");

using analysis::printedKm2;

// The table of `--every`: one row per period with a step, columns period, first_seen, last_seen,
// steps, days, gained_km2, lost_km2, net_km2, net_km2_per_day.
io::Table periodTable(const std::vector<analysis::Step>& steps, analysis::Period period);

}  // namespace frontline::app
