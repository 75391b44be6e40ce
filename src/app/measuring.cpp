#include "app/measuring.hpp"

#include <cmath>
#include <exception>

#include "core/error.hpp"

namespace frontline::app {

std::string measuredAs(analysis::AreaMethod method, Edges edges, io::OutputFormat format) {
    if (format != io::OutputFormat::Table && format != io::OutputFormat::Markdown) return {};
    const std::string how = method == analysis::AreaMethod::Geodesic ? "geodesic on the WGS84 ellipsoid"
                                                                     : "planar in an equal-area projection";
    return "\nAreas: " + how + ", " + describe(edges) + ".\n";
}

double minAreaKm2(const std::string& text) {
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !(value > 0) || !std::isfinite(value))
        throw UsageError("--min-area must be a positive number of km², not '" + text + "'");
    return value;
}

std::vector<std::string> pieceColumns() {
    return {"pieces_kept", "pieces_dropped", "dropped_gained_km2", "dropped_lost_km2"};
}

std::vector<io::Cell> pieceCells(const std::optional<analysis::KeptPieces>& pieces) {
    if (!pieces) return std::vector<io::Cell>(4);
    return {io::Cell::integer(static_cast<long>(pieces->kept)),
            io::Cell::integer(static_cast<long>(pieces->dropped)),
            io::Cell::number(pieces->droppedGainedKm2, 3), io::Cell::number(pieces->droppedLostKm2, 3)};
}

analysis::AreaMethod areaMethod(const std::string& text) {
    if (auto method = analysis::parseAreaMethod(text)) return *method;
    throw UsageError("unknown --method '" + text + "' (geodesic, planar)");
}

Date commandLineDate(const std::string& option, const std::string& text) {
    try {
        return Date::parse(text);
    } catch (const std::invalid_argument& e) {
        throw UsageError(option + ": " + e.what());
    }
}

analysis::Period period(const std::string& text, const std::string& option) {
    if (auto parsed = analysis::parsePeriod(text)) return *parsed;
    throw UsageError("unknown " + option + " '" + text + "' (week, month, year)");
}

io::Table periodTable(const std::vector<analysis::Step>& steps, analysis::Period period) {
    io::Table table{{"period", "first_seen", "last_seen", "steps", "days", "gained_km2", "lost_km2",
                     "net_km2", "net_km2_per_day"},
                    {}};
    for (const auto& total : analysis::periodTotals(analysis::printedSteps(steps), period)) {
        table.rows.push_back({total.start.iso(), total.firstSeen.iso(), total.lastSeen.iso(),
                              io::Cell::integer(static_cast<long>(total.steps)),
                              io::Cell::integer(total.days()), io::Cell::number(total.gainedKm2, 3),
                              io::Cell::number(total.lostKm2, 3), io::Cell::number(total.netKm2(), 3),
                              io::Cell::number(total.netKm2PerDay(), 3)});
    }
    return table;
}

}  // namespace frontline::app
