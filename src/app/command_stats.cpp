// frontline stats [SCENARIO] [--at DATE] [--by LAYER] [--places [FILE]]: the held area at each dated state
// (or at one date), with its uncertainty interval, the planar cross-check and the change since the previous
// state; split over a layer's features; or the dates each place changed hands.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "analysis/control.hpp"
#include "analysis/places.hpp"
#include "analysis/regions.hpp"
#include "analysis/stats.hpp"
#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/places_input.hpp"
#include "app/scenario_input.hpp"
#include "core/error.hpp"
#include "export/progress.hpp"

namespace frontline::app {

namespace {

using io::Cell;

struct StatsOptions {
    ScenarioInput input;
    std::string at;
    std::string by;
    std::string every;
    std::string minArea;  // --min-area KM2
    PlacesInput places;
    std::string method = "geodesic";
};

std::vector<Cell> statsRow(const analysis::StateStats& stats, bool pieces) {
    std::vector<Cell> row{stats.state.date.iso(),
                          stats.state.label,
                          Cell::number(stats.area.value, 3),
                          Cell::number(stats.area.min, 3),
                          Cell::number(stats.area.max, 3),
                          Cell::number(stats.area.likelyMin, 3),
                          Cell::number(stats.area.likelyMax, 3),
                          Cell::number(stats.planarKm2, 3),
                          Cell::number(stats.frontKm, 1)};
    if (stats.sincePrevious) {
        row.push_back(Cell::number(stats.sincePrevious->gained.value, 3));
        row.push_back(Cell::number(stats.sincePrevious->lost.value, 3));
        row.push_back(Cell::number(
            printedKm2(stats.sincePrevious->gained.value) - printedKm2(stats.sincePrevious->lost.value), 3));
    } else {
        row.insert(row.end(), 3, Cell());
    }
    if (pieces) {
        const auto cells = pieceCells(stats.sincePrevious ? stats.sincePrevious->pieces : std::nullopt);
        row.insert(row.end(), cells.begin(), cells.end());
    }
    return row;
}

std::vector<Cell> breakdownRow(const std::string& id, const std::string& name, double featureKm2,
                               double heldKm2) {
    return {id, name, Cell::number(featureKm2, 3), Cell::number(heldKm2, 3),
            Cell::number(featureKm2 > 0 ? 100 * heldKm2 / featureKm2 : 0, 1)};
}

// --by without --at: each state's held area split over the layer's features, and their sum.
io::Table breakdownTable(const Scenario& scenario, const analysis::Measurer& measurer, const Layer& layer) {
    const analysis::Regions regions(measurer, layer);
    io::Table table{{"date", "feature", "name", "feature_km2", "held_km2", "held_pct"}, {}};
    for (const auto& state : scenario.timeline.states()) {
        double featureKm2 = 0, heldKm2 = 0;
        // Only the held area: the areas, intervals and outline of a whole `stats` are not needed here.
        for (const auto& row : regions.breakdown(analysis::controlGeometry(measurer.geos, scenario, state))) {
            std::vector<Cell> cells = breakdownRow(row.featureId, row.name, row.featureKm2, row.heldKm2);
            cells.insert(cells.begin(), state.date.iso());
            table.rows.push_back(std::move(cells));
            featureKm2 += row.featureKm2;
            heldKm2 += row.heldKm2;
        }
        std::vector<Cell> total = breakdownRow("total", "", featureKm2, heldKm2);
        total.insert(total.begin(), state.date.iso());
        table.rows.push_back(std::move(total));
    }
    return table;
}

std::string placeChanges(const std::vector<analysis::PlaceEvent>& events) {
    std::string text;
    for (const auto& event : events) {
        text += (text.empty() ? "" : "; ") + event.date.iso() + (event.gained ? " gained" : " lost") +
                (event.onLine ? " (on the line)" : "");
    }
    return text;
}

io::Table placeTimelineTable(const std::vector<analysis::PlaceTimeline>& timelines) {
    io::Table table{{"place", "name_alt", "layer", "held_at_start", "changes", "held_at_end"}, {}};
    auto yesNo = [](bool held) { return held ? "yes" : "no"; };
    for (const auto& timeline : timelines) {
        table.rows.push_back({timeline.place.name, timeline.place.nameAlt, timeline.place.layerId,
                              yesNo(timeline.heldAtStart), placeChanges(timeline.changes),
                              yesNo(timeline.heldAtEnd)});
    }
    return table;
}

}  // namespace

Action addStatsCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<StatsOptions>();
    CLI::App* command =
        app.add_subcommand("stats", "Held area per dated control state, with intervals and changes");
    addScenarioInput(*command, options->input);
    command->add_option("--at", options->at, "Only the state in force on this date (YYYY-MM-DD)");
    command->add_option("--by", options->by,
                        "Split the held area over this layer's features (e.g. districts): at every state, or "
                        "at --at DATE");
    command->add_option("--every", options->every,
                        "Gained, lost and net per week, month or year instead of one row per state (a change "
                        "counts in the period of the state where it is first seen)");
    command->add_option(
        "--min-area", options->minArea,
        "Leave pieces of a change under KM2 out of gained and lost (slivers between two drawings of one "
        "line) and count them: adds pieces_kept, pieces_dropped, dropped_gained_km2 and dropped_lost_km2");
    addPlacesOption(*command, options->places,
                    "Instead: the dates each place changed hands, for every place that ever did");
    command
        ->add_option("--method", options->method,
                     "geodesic (WGS84 ellipsoid) or planar (equal-area projection)")
        ->capture_default_str();
    command->footer(
        "Examples:\n"
        "  frontline stats                                   # every state of the bundled scenario\n"
        "  frontline stats --at 2020-11-10 --by districts    # what was held in each district\n"
        "  frontline stats --places                          # when each town changed hands\n"
        "  frontline stats tests/data/synthetic --format csv\n"
        "Columns: date, label, area_km2; area_min_km2, area_max_km2 (worst case: every stretch of outline "
        "off by\n"
        "its own source's uncertainty); likely_min_km2, likely_max_km2 (the likely range, "
        "docs/uncertainty.md);\n"
        "planar_km2 (equal-area cross-check); front_km (geodesic length of the line of contact: the outline\n"
        "minus the stretches on borders, coasts and other non-front reference lines); gained_km2, lost_km2,\n"
        "net_km2 (since the previous state).\n"
        "--min-area KM2: gained, lost and net leave out pieces under KM2; pieces_kept, pieces_dropped,\n"
        "dropped_gained_km2, dropped_lost_km2 say what was left out; --every sums the pieces kept.\n"
        "--by LAYER: feature, name, feature_km2, held_km2, held_pct per feature of LAYER; without --at\n"
        "one row per state and feature, a date column first, and a 'total' row per date (their sum).\n"
        "--places [FILE]: one row per place that ever changed hands, by name: place, name_alt, layer,\n"
        "held_at_start, changes (\"2020-11-10 lost; …\": each state at which it is no longer, or again,\n"
        "held; \"(on the line)\" when it lies within the positional uncertainty of that state's or the\n"
        "previous state's line of contact, so the change is uncertain), held_at_end.");

    return [options, &common](Diagnostics& diagnostics) {
        const io::OutputFormat format = outputFormat(common);
        const analysis::AreaMethod method = areaMethod(options->method);
        if (options->places.given() &&
            (!options->at.empty() || !options->by.empty() || !options->every.empty())) {
            throw UsageError(
                "--places follows every place over the whole timeline: not with --at, --by or --every");
        }
        if (!options->every.empty() && (!options->at.empty() || !options->by.empty())) {
            throw UsageError("--every sums the changes of the whole timeline: not with --at or --by");
        }
        if (!options->every.empty()) period(options->every);
        std::optional<double> minArea;
        if (!options->minArea.empty()) {
            if (!options->by.empty() || options->places.given())
                throw UsageError(
                    "--min-area leaves slivers out of gained and lost: not with --by or --places");
            minArea = minAreaKm2(options->minArea);
        }
        std::optional<Date> at;
        if (!options->at.empty()) at = commandLineDate("--at", options->at);

        LoadedScenario loaded(options->input, common, diagnostics);
        const Scenario& scenario = loaded.scenario;
        const analysis::Measurer measurer = loaded.measurer(method);
        analysis::TimelineEvidence evidence(measurer, scenario, minArea);
        if (!at && scenario.timeline.empty()) {
            throw DataError(scenario.manifestPath.string() + ": the scenario has no [[state]]");
        }

        if (options->places.given()) {
            const std::vector<analysis::Place> places = loadPlaces(options->places, loaded, diagnostics);
            print(io::render(placeTimelineTable(analysis::placeTimelines(evidence, places)), format));
            print(measuredAs(method, scenario.edges, format));
            return exit_code::Ok;
        }
        if (!options->by.empty() && !at) {
            print(io::render(breakdownTable(scenario, measurer, regionLayer(scenario, options->by)), format));
            print(measuredAs(method, scenario.edges, format));
            return exit_code::Ok;
        }
        if (!options->by.empty()) {
            const Layer& layer = regionLayer(scenario, options->by);
            const analysis::StateStats stats = analysis::statsAt(evidence, *at);
            const Geometry& held = evidence.state(stats.state).held;
            io::Table table{{"feature", "name", "feature_km2", "held_km2", "held_pct"}, {}};
            for (const auto& row : analysis::Regions(measurer, layer).breakdown(held)) {
                table.rows.push_back(breakdownRow(row.featureId, row.name, row.featureKm2, row.heldKm2));
            }
            if (format == io::OutputFormat::Table) {
                print(fmt::format("{} held on {}: state of {}\n\n", scenario.subject, at->iso(),
                                  analysis::describeState(stats.state)));
            }
            print(io::render(table, format));
            print(measuredAs(method, scenario.edges, format));
            return exit_code::Ok;
        }

        io::Table table{{"date", "label", "area_km2", "area_min_km2", "area_max_km2", "likely_min_km2",
                         "likely_max_km2", "planar_km2", "front_km", "gained_km2", "lost_km2", "net_km2"},
                        {}};
        if (minArea) {
            const auto columns = pieceColumns();
            table.columns.insert(table.columns.end(), columns.begin(), columns.end());
        }
        if (at) {
            table.rows.push_back(statsRow(analysis::statsAt(evidence, *at), minArea.has_value()));
        } else {
            if (scenario.timeline.empty())
                throw DataError(scenario.manifestPath.string() + ": the scenario has no [[state]]");
            // Measuring a state with its intervals takes ~50 ms: hundreds of states say how far they are.
            exporting::Progress progress(scenario.timeline.states().size(), !common.quiet, stderr, "states");
            const auto rows = analysis::timelineStats(
                scenario, method, 0, [&] { progress.advance(); }, minArea);
            progress.finish();
            for (const auto& stats : rows) table.rows.push_back(statsRow(stats, minArea.has_value()));
            if (!options->every.empty())
                table = periodTable(analysis::timelineSteps(rows), period(options->every));
        }
        print(io::render(table, format));
        print(measuredAs(method, scenario.edges, format));
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
