// frontline diff [SCENARIO] --from DATE --to DATE [--by LAYER] [--places [FILE]] [--out FILE]: what changed
// hands between two dates, with intervals from the layers' uncertainty and the closure check; split over
// the features of a layer, and the places that changed hands.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <memory>
#include <optional>

#include "analysis/change.hpp"
#include "analysis/control.hpp"
#include "analysis/evidence.hpp"
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
#include "geo/geos.hpp"
#include "io/vector_writer.hpp"

namespace frontline::app {

namespace {

using io::Cell;

struct DiffOptions {
    ScenarioInput input;
    std::string from;
    std::string to;
    std::string out;
    std::string by;
    PlacesInput places;
    std::string minArea;  // --min-area KM2
    std::string method = "geodesic";
};

const ControlState& stateAt(const Scenario& scenario, const Date& date, const std::string& option) {
    const ControlState* state = scenario.timeline.stateAt(date);
    if (!state)
        throw UsageError(option + " " + date.iso() + " precedes the first control state of '" +
                         scenario.manifestPath.string() + "'");
    return *state;
}

OutputFeature changeFeature(const std::string& id, const Geometry& geometry, const analysis::Interval& area,
                            const ControlState& from, const ControlState& to) {
    // To the square metre: the digits below are the overlay's rounding, not a measurement, and would
    // print as 4265.7670000000009 in a GeoJSON.
    auto km2 = [](double value) { return std::round(value * 1e6) / 1e6; };
    return OutputFeature{id,
                         geometry,
                         {{"from", from.date},
                          {"to", to.date},
                          {"area_km2", km2(area.value)},
                          {"likely_min_km2", km2(area.likelyMin)},
                          {"likely_max_km2", km2(area.likelyMax)},
                          {"min_km2", km2(area.min)},
                          {"max_km2", km2(area.max)}}};
}

// Gained, lost and net per feature of the --by layer, the part in none of them, and the diff's own
// totals. Warns when the rows do not add up to the totals (the layer's features overlap).
io::Table regionTable(const analysis::ChangeBreakdown& split, const analysis::Change& change,
                      const Layer& layer, Diagnostics& diagnostics) {
    io::Table table{{"feature", "name", "gained_km2", "lost_km2", "net_km2"}, {}};
    auto row = [&table](const std::string& id, const std::string& name, double gainedKm2, double lostKm2) {
        table.rows.push_back({id, name, Cell::number(gainedKm2, 3), Cell::number(lostKm2, 3),
                              Cell::number(printedKm2(gainedKm2) - printedKm2(lostKm2), 3)});
    };
    double gainedKm2 = split.outside.gainedKm2, lostKm2 = split.outside.lostKm2;
    for (const auto& region : split.regions) {
        row(region.featureId, region.name, region.gainedKm2, region.lostKm2);
        gainedKm2 += region.gainedKm2;
        lostKm2 += region.lostKm2;
    }
    row("outside", "", split.outside.gainedKm2, split.outside.lostKm2);
    row("total", "", change.gained.value, change.lost.value);
    auto adds = [](double sum, double total) {
        return std::abs(sum - total) <= analysis::closureToleranceKm2(sum, total);
    };
    if (!adds(gainedKm2, change.gained.value) || !adds(lostKm2, change.lost.value)) {
        diagnostics.warn("--by " + layer.id,
                         fmt::format("the rows add up to {:.3f} km² gained and {:.3f} lost, not the totals: "
                                     "features of the layer overlap",
                                     gainedKm2, lostKm2));
    }
    return table;
}

io::Table placeTable(const std::vector<analysis::PlaceChange>& changes) {
    io::Table table{{"place", "name_alt", "layer", "change", "line_km", "on_line"}, {}};
    for (const auto& change : changes) {
        table.rows.push_back({change.place.name, change.place.nameAlt, change.place.layerId,
                              change.gained ? "gained" : "lost", Cell::number(change.line.distanceKm, 1),
                              change.line.onLine ? "yes" : "no"});
    }
    return table;
}

}  // namespace

Action addDiffCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<DiffOptions>();
    CLI::App* command =
        app.add_subcommand("diff", "Gained, lost and net area between two dates, with the closure check");
    addScenarioInput(*command, options->input);
    command->add_option("--from", options->from, "Start date (YYYY-MM-DD); the state in force then")
        ->required();
    command->add_option("--to", options->to, "End date (YYYY-MM-DD)")->required();
    command->add_option("--out", options->out,
                        "Write the gained and lost pieces, the format by the extension: " +
                            io::supportedVectorFormats() + " (written atomically)");
    command->add_option("--by", options->by,
                        "Also split gained and lost over this layer's features (e.g. districts)");
    addPlacesOption(*command, options->places, "Also list the places that changed hands");
    command->add_option("--min-area", options->minArea,
                        "Leave pieces under KM2 out of gained, lost, net, --by and --out (slivers between "
                        "two drawings of one line) and count them");
    command->add_option("--method", options->method, "geodesic or planar")->capture_default_str();
    command->footer(
        "Examples:\n"
        "  frontline diff --from 1994-05-12 --to 2020-11-10 --out war-2020.gpkg\n"
        "  frontline diff --from 1994-05-12 --to 2020-11-10 --by districts --places\n"
        "  frontline diff /tmp/snapshots --from 2022-03-01 --to 2022-06-01 --places=towns.geojson\n"
        "Rows: from and to areas, gained, lost, net (km²; min/max the worst case and likely_min/max the "
        "likely range\n"
        "from the uncertainty of the stretches that bound each piece, docs/uncertainty.md) and the\n"
        "closure |area(to) - area(from) - (gained - lost)|. Exit code 1 when closure exceeds 1e-6 relative.\n"
        "--min-area KM2: gained, lost, net, --by and --out leave out pieces under KM2; rows pieces_kept,\n"
        "pieces_dropped (counts), dropped_gained and dropped_lost (km²) say what was left out, and the\n"
        "closure is still that of all pieces.\n"
        "--by LAYER: then gained_km2, lost_km2 and net_km2 per feature of LAYER (feature, name), a row\n"
        "'outside' (the part in none of them) and 'total' (the diff's own gained and lost; the rows add\n"
        "up to it unless the features overlap, which is warned).\n"
        "--places [FILE]: then the places held at one date and not the other, by name: place,\n"
        "name_alt, layer, change (gained or lost), line_km (to the nearer of the two dates' lines of\n"
        "contact) and on_line (yes: within the positional uncertainty of either line, so which side\n"
        "holds it is uncertain).\n"
        "With --by or --places, JSON is one object {\"areas\": […], \"regions\": […], \"places\": […]};\n"
        "CSV has a blank line between the tables.\n"
        "--out: the pieces gained and lost in WGS84 lon/lat (EPSG:4326), with Date fields from, to\n"
        "and Real fields area_km2, min_km2, max_km2, likely_min_km2, likely_max_km2 (docs/formats.md).");

    return [options, &common](Diagnostics& diagnostics) {
        const io::OutputFormat format = outputFormat(common);
        const analysis::AreaMethod method = areaMethod(options->method);
        const Date from = commandLineDate("--from", options->from);
        const Date to = commandLineDate("--to", options->to);
        if (to < from) throw UsageError("--to " + to.iso() + " is before --from " + from.iso());
        // Checked before computing: a typo in the extension should not cost the overlay.
        std::optional<io::VectorFile> output;
        if (!options->out.empty()) output.emplace(options->out);
        std::optional<double> minArea;
        if (!options->minArea.empty()) minArea = minAreaKm2(options->minArea);

        LoadedScenario loaded(options->input, common, diagnostics);
        const Layer* regions = options->by.empty() ? nullptr : &regionLayer(loaded.scenario, options->by);
        std::vector<analysis::Place> places;
        if (options->places.given()) places = loadPlaces(options->places, loaded, diagnostics);
        const Scenario& scenario = loaded.scenario;
        const analysis::Measurer measurer = loaded.measurer(method);
        geo::GeosContext& geos = loaded.context.geos;
        const ControlState& fromState = stateAt(scenario, from, "--from");
        const ControlState& toState = stateAt(scenario, to, "--to");
        analysis::TimelineEvidence evidence(measurer, scenario, minArea);
        const analysis::Change& change = evidence.change(fromState, toState);

        auto row = [](const std::string& name, const std::string& state, const analysis::Interval& value) {
            return std::vector<Cell>{name,
                                     state,
                                     Cell::number(value.value, 3),
                                     Cell::number(value.min, 3),
                                     Cell::number(value.max, 3),
                                     Cell::number(value.likelyMin, 3),
                                     Cell::number(value.likelyMax, 3)};
        };
        io::Table table{{"measure", "state", "km2", "min_km2", "max_km2", "likely_min_km2", "likely_max_km2"},
                        {}};
        table.rows.push_back(row("from", analysis::describeState(fromState), change.from));
        table.rows.push_back(row("to", analysis::describeState(toState), change.to));
        table.rows.push_back(row("gained", "", change.gained));
        table.rows.push_back(row("lost", "", change.lost));
        table.rows.push_back(row("net", "", change.net));
        table.rows.push_back(
            {"closure", "", Cell::number(change.closureKm2, 9), Cell(), Cell(), Cell(), Cell()});
        if (change.pieces) {
            const analysis::KeptPieces& pieces = *change.pieces;
            auto single = [&table](const std::string& name, const Cell& value) {
                table.rows.push_back({name, "", value, Cell(), Cell(), Cell(), Cell()});
            };
            single("pieces_kept", Cell::integer(static_cast<long>(pieces.kept)));
            single("pieces_dropped", Cell::integer(static_cast<long>(pieces.dropped)));
            single("dropped_gained", Cell::number(pieces.droppedGainedKm2, 3));
            single("dropped_lost", Cell::number(pieces.droppedLostKm2, 3));
        }
        std::vector<io::Section> sections{{"areas", "", std::move(table)}};
        if (regions) {
            sections.push_back(
                {"regions",
                 fmt::format("By {} ({})", regions->title.empty() ? regions->id : regions->title,
                             regions->id),
                 regionTable(analysis::Regions(measurer, *regions).change(change), change, *regions,
                             diagnostics)});
        }
        if (options->places.given()) {
            sections.push_back({"places", "Places that changed hands",
                                placeTable(analysis::placeChanges(evidence, fromState, toState, places))});
        }
        if (format == io::OutputFormat::Table) {
            print(fmt::format("{} area, {} → {}\n\n", scenario.subject, from.iso(), to.iso()));
        }
        print(io::render(sections, format));
        print(measuredAs(method, scenario.edges, format));

        if (output) {
            output->write({changeFeature("gained", change.gainedLonLat, change.gained, fromState, toState),
                           changeFeature("lost", change.lostLonLat, change.lost, fromState, toState)},
                          GeometryKind::Polygons, geos, diagnostics);
        }
        if (!analysis::closureHolds(change)) {
            throw CheckFailed(fmt::format("closure {:.6f} km² exceeds the tolerance", change.closureKm2));
        }
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
