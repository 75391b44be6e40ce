// frontline stats [SCENARIO] [--at DATE] [--by LAYER]: the held area at each dated state (or at one
// date), with its uncertainty interval, the planar cross-check and the change since the previous state.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "analysis/control.hpp"
#include "analysis/stats.hpp"
#include "app/command.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/scenario_input.hpp"
#include "core/error.hpp"

namespace frontline::app {

namespace {

using io::Cell;

struct StatsOptions {
    ScenarioInput input;
    std::string at;
    std::string by;
    std::string every;
    std::string method = "geodesic";
};

std::vector<Cell> statsRow(const analysis::StateStats& stats) {
    std::vector<Cell> row{stats.state.date.iso(),
                          stats.state.label,
                          Cell::number(stats.area.valueKm2, 3),
                          Cell::number(stats.area.minKm2, 3),
                          Cell::number(stats.area.maxKm2, 3),
                          Cell::number(stats.area.likelyMinKm2, 3),
                          Cell::number(stats.area.likelyMaxKm2, 3),
                          Cell::number(stats.planarKm2, 3),
                          Cell::number(stats.frontKm, 1)};
    if (stats.sincePrevious) {
        row.push_back(Cell::number(stats.sincePrevious->gained.valueKm2, 3));
        row.push_back(Cell::number(stats.sincePrevious->lost.valueKm2, 3));
        row.push_back(Cell::number(
            printedKm2(stats.sincePrevious->gained.valueKm2) - printedKm2(stats.sincePrevious->lost.valueKm2),
            3));
    } else {
        row.insert(row.end(), 3, Cell());
    }
    return row;
}

}  // namespace

Action addStatsCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<StatsOptions>();
    CLI::App* command = app.add_subcommand("stats", "Held area per dated control state, with intervals and changes");
    addScenarioInput(*command, options->input);
    command->add_option("--at", options->at, "Only the state in force on this date (YYYY-MM-DD)");
    command->add_option("--by", options->by, "With --at: split the held area over this layer's features (e.g. districts)");
    command->add_option("--every", options->every,
                        "Gained, lost and net per week, month or year instead of one row per state (a change "
                        "counts in the period of the state where it is first seen)");
    command->add_option("--method", options->method, "geodesic (WGS84 ellipsoid) or planar (equal-area projection)")->capture_default_str();
    command->footer(
        "Examples:\n"
        "  frontline stats                                   # every state of the bundled scenario\n"
        "  frontline stats --at 2020-11-10 --by districts    # what was held in each district\n"
        "  frontline stats tests/data/synthetic --format csv\n"
        "Columns: date, label, area_km2; area_min_km2, area_max_km2 (worst case: every stretch of outline "
        "off by\n"
        "its own source's uncertainty); likely_min_km2, likely_max_km2 (the likely range, "
        "docs/uncertainty.md);\n"
        "planar_km2 (equal-area cross-check); front_km (geodesic length of the line of contact: the outline\n"
        "minus the stretches on borders, coasts and other non-front reference lines); gained_km2, lost_km2,\n"
        "net_km2 (since the previous state).");

    return [options, &common](Diagnostics& diagnostics) {
        const io::OutputFormat format = outputFormat(common);
        const analysis::AreaMethod method = areaMethod(options->method);
        if (!options->by.empty() && options->at.empty()) throw UsageError("--by needs --at DATE");
        if (!options->every.empty() && (!options->at.empty() || !options->by.empty())) {
            throw UsageError("--every sums the changes of the whole timeline: not with --at or --by");
        }
        if (!options->every.empty()) period(options->every);
        std::optional<Date> at;
        if (!options->at.empty()) at = commandLineDate("--at", options->at);

        LoadedScenario loaded(options->input, common, diagnostics);
        const Scenario& scenario = loaded.scenario;
        const analysis::Measurer measurer = loaded.measurer(method);
        analysis::TimelineEvidence evidence(measurer, scenario);

        if (!options->by.empty()) {
            const analysis::StateStats stats = analysis::statsAt(evidence, *at);
            const Geometry& held = evidence.state(stats.state).held;
            io::Table table{{"feature", "name", "feature_km2", "held_km2", "held_pct"}, {}};
            for (const auto& row : analysis::breakdown(measurer, held, scenario.layer(options->by))) {
                table.rows.push_back({row.featureId, row.name, Cell::number(row.featureKm2, 3), Cell::number(row.heldKm2, 3),
                                      Cell::number(row.featureKm2 > 0 ? 100 * row.heldKm2 / row.featureKm2 : 0, 1)});
            }
            if (format == io::OutputFormat::Table) {
                print(fmt::format("{} held on {}: state of {}\n\n", scenario.subject, at->iso(), analysis::describeState(stats.state)));
            }
            print(io::render(table, format));
            return 0;
        }

        io::Table table{{"date", "label", "area_km2", "area_min_km2", "area_max_km2", "likely_min_km2",
                         "likely_max_km2", "planar_km2", "front_km", "gained_km2", "lost_km2", "net_km2"},
                        {}};
        if (at) {
            table.rows.push_back(statsRow(analysis::statsAt(evidence, *at)));
        } else {
            if (scenario.timeline.empty()) throw DataError(scenario.manifestPath.string() + ": the scenario has no [[state]]");
            const auto rows = analysis::timelineStats(scenario, method);
            for (const auto& stats : rows) table.rows.push_back(statsRow(stats));
            if (!options->every.empty())
                table = periodTable(analysis::timelineSteps(rows), period(options->every));
        }
        print(io::render(table, format));
        return 0;
    };
}

}  // namespace frontline::app
