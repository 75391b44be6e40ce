// frontline series FILE… [--date-field NAME | --date-regex RE]: one snapshot file per date; area and
// gained/lost/net relative to the previous date, in parallel over the files.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>

#include "analysis/change.hpp"
#include "analysis/provenance.hpp"
#include "analysis/series.hpp"
#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "app/measuring.hpp"
#include "core/error.hpp"
#include "export/progress.hpp"
#include "geo/equal_area.hpp"
#include "geo/thread_context.hpp"
#include "io/layer_reader.hpp"
#include "io/snapshots.hpp"

namespace frontline::app {

namespace {

using io::Cell;

struct SeriesOptions {
    std::vector<std::string> files;
    std::string dateField;
    std::string dateRegex;
    std::string method = "geodesic";
    std::string crs;
    unsigned threads = 0;
    std::string minArea;  // --min-area KM2
    std::vector<std::string> context;
    double matchM = 0;
    bool allowEmpty = false;
    std::string every;
};

// The lines of the --context files (borders, coasts) as one reference a held area's outline may
// follow; edges on them are not front. In an equal-area frame centred on them, made again by each
// worker thread from `crs` (the same projection, so the same numbers).
struct ContextLines {
    std::string crs;
    std::vector<analysis::ReferenceLine> references;
};

ContextLines readContext(const SeriesOptions& options, const io::LayerReadOptions& readOptions,
                         Diagnostics& diagnostics) {
    ContextLines lines;
    if (options.context.empty()) return lines;
    geo::ThreadContext context;
    Layer reference;
    reference.id = "context";
    reference.role = LayerRole::Context;
    BoundingBox box;
    for (const auto& path : options.context) {
        for (auto& layer : io::readAllLayers(path, readOptions, context.proj, context.geos, diagnostics)) {
            for (auto& feature : layer.features) {
                box.expand(boundingBox(feature.geometry));
                reference.features.push_back(std::move(feature));
            }
        }
    }
    if (!box.valid)
        throw DataError("--context: no lines or polygons in " + options.context.front() +
                        (options.context.size() > 1 ? " …" : ""));
    lines.crs = geo::laeaCentredOn(box.centre());
    const geo::EqualAreaFrame frame(context.proj, lines.crs);
    const analysis::Measurer measurer{context.geos, frame};
    Layer control;
    control.matchM = options.matchM;
    lines.references.push_back(analysis::referenceLine(measurer, reference, control));
    return lines;
}

}  // namespace

Action addSeriesCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<SeriesOptions>();
    CLI::App* command =
        app.add_subcommand("series", "Area and change per date over snapshot files (one file per date)");
    command
        ->add_option(
            "files", options->files,
            "Snapshot files or folders of them, any format OGR reads; each file holds the area held on its "
            "date")
        ->required();
    auto* field = command->add_option("--date-field", options->dateField,
                                      "Take each file's date from this feature property");
    command
        ->add_option(
            "--date-regex", options->dateRegex,
            "Take the date from the file name: the first group of this regex (YYYYMMDD or YYYY-MM-DD); "
            "default " +
                std::string(io::kDefaultDateRegex))
        ->excludes(field);
    command->add_flag(
        "--allow-empty", options->allowEmpty,
        "A snapshot with no polygons means nothing was held on its date (otherwise it is an error)");
    command->add_option(
        "--every", options->every,
        "Totals per week, month or year instead of one row per date (a change counts in the period "
        "of the snapshot where it is first seen)");
    command->add_option("--method", options->method, "geodesic or planar")->capture_default_str();
    command->add_option("--crs", options->crs, "CRS for files that declare none");
    command->add_option("--threads", options->threads, "Worker threads (default: one per core)");
    command->add_option(
        "--min-area", options->minArea,
        "Leave pieces of a change under KM2 out of gained and lost (slivers between two drawings "
        "of one line) and count them: adds pieces_kept, pieces_dropped, dropped_gained_km2 and "
        "dropped_lost_km2");
    auto* contextOption = command->add_option(
        "--context", options->context,
        "Borders or coastlines (any file OGR reads; repeatable): outline edges along them are not front; "
        "adds the front_km column");
    command
        ->add_option("--match-m", options->matchM,
                     "With --context: how far (m) an edge may lie from a context line and still follow it; "
                     "the coarser "
                     "source's positional uncertainty")
        ->needs(contextOption);
    command->footer(
        "Examples:\n"
        "  frontline series snapshots/held_*.geojson --format csv\n"
        "  frontline series daily/*.gpkg --date-field valid_from\n"
        "  frontline series maps/*.geojson --date-regex 'front-(\\d{8})'\n"
        "  frontline series daily/*.geojson --context borders.geojson --match-m 1000   # and the front's "
        "length\n"
        "Columns: date, area_km2, days, gained_km2, lost_km2, net_km2, net_km2_per_day (relative to the "
        "previous date); with --context,\n"
        "front_km (geodesic length of the outline minus the stretches along the context lines).\n"
        "Exit code 1 when a closure check |Δarea - (gained - lost)| fails.");

    return [options, &common](Diagnostics& diagnostics) {
        const io::OutputFormat format = outputFormat(common);
        analysis::SeriesOptions seriesOptions;
        seriesOptions.method = areaMethod(options->method);
        seriesOptions.threads = options->threads;
        if (!options->minArea.empty()) seriesOptions.minAreaKm2 = minAreaKm2(options->minArea);
        if (!options->every.empty()) period(options->every);  // a wrong --every fails before any reading
        io::SnapshotReadOptions readOptions{
            {}, io::SnapshotDating(options->dateField, options->dateRegex), options->allowEmpty};
        readOptions.layer.assumeCrs = options->crs;
        readOptions.layer.strict = common.strict;
        readOptions.layer.edges = edgesOption(common).value_or(Edges::Geodesic);
        if (!options->context.empty() && !(options->matchM > 0)) {
            throw UsageError(
                "--context needs --match-m METRES (how far an edge may lie from a context line and still "
                "follow it: the coarser source's positional uncertainty)");
        }
        const ContextLines contextLines = readContext(*options, readOptions.layer, diagnostics);
        const std::vector<std::string> files = io::snapshotPaths(options->files);

        // Two steps a file: read, then measured against the date before (769 files take 15-30 s here, most
        // of the first half spent reading).
        exporting::Progress progress(2 * files.size(), !common.quiet, stderr, "steps");
        seriesOptions.dateDone = [&] { progress.advance(); };
        auto load = [&](std::size_t i, geo::ThreadContext& context, Diagnostics& local) {
            io::SnapshotFile file =
                io::readSnapshot(files[i], readOptions, context.proj, context.geos, local);
            std::optional<double> frontKm;
            if (!contextLines.references.empty()) {
                const geo::EqualAreaFrame frame(context.proj, contextLines.crs);
                const analysis::Measurer measurer{context.geos, frame};
                frontKm = analysis::classifyOutline(measurer, file.held, contextLines.references,
                                                    {"own", file.path, 0})
                              .frontKm();
            }
            progress.advance();
            return analysis::Snapshot{file.date, file.path, std::move(file.held), frontKm};
        };
        const auto rows = analysis::computeSeries(files.size(), load, seriesOptions, diagnostics);
        progress.finish();

        io::Table table{{"date", "area_km2", "days", "gained_km2", "lost_km2", "net_km2", "net_km2_per_day"},
                        {}};
        if (!contextLines.references.empty()) table.columns.push_back("front_km");
        if (seriesOptions.minAreaKm2) {
            const auto columns = pieceColumns();
            table.columns.insert(table.columns.end(), columns.begin(), columns.end());
        }
        double worstClosure = 0;
        std::string worstDate;
        std::vector<analysis::Step> steps;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            std::vector<Cell> cells{row.date.iso(), Cell::number(row.areaKm2, 3)};
            if (i > 0 && row.gainedKm2 && row.lostKm2) {
                const long days = daysBetween(rows[i - 1].date, row.date);
                const double net = printedKm2(*row.gainedKm2) - printedKm2(*row.lostKm2);
                cells.insert(cells.end(), {Cell::integer(days), Cell::number(*row.gainedKm2, 3),
                                           Cell::number(*row.lostKm2, 3), Cell::number(net, 3),
                                           Cell::number(net / static_cast<double>(days), 3)});
                steps.push_back({rows[i - 1].date, row.date, *row.gainedKm2, *row.lostKm2});
            } else {
                cells.insert(cells.end(), 5, Cell());
            }
            if (!contextLines.references.empty())
                cells.push_back(row.frontKm ? Cell::number(*row.frontKm, 1) : Cell());
            if (seriesOptions.minAreaKm2) {
                const auto pieces = pieceCells(row.pieces);
                cells.insert(cells.end(), pieces.begin(), pieces.end());
            }
            table.rows.push_back(std::move(cells));
            const double tolerance =
                i == 0 ? 0 : analysis::closureToleranceKm2(rows[i - 1].areaKm2, row.areaKm2);
            if (i > 0 && row.closureKm2 > tolerance && row.closureKm2 > worstClosure) {
                worstClosure = row.closureKm2;
                worstDate = row.date.iso();
            }
        }
        if (!options->every.empty()) table = periodTable(steps, period(options->every));
        print(io::render(table, format));
        print(measuredAs(seriesOptions.method, readOptions.layer.edges, format));
        if (!worstDate.empty()) {
            throw CheckFailed(
                fmt::format("closure {:.6f} km² on {} exceeds the tolerance", worstClosure, worstDate));
        }
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
