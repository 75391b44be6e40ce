// frontline series FILE… [--date-field NAME | --date-regex RE]: one snapshot file per date; area and
// gained/lost/net relative to the previous date, in parallel over the files.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <regex>

#include "analysis/change.hpp"
#include "analysis/provenance.hpp"
#include "analysis/series.hpp"
#include "app/command.hpp"
#include "app/measuring.hpp"
#include "core/error.hpp"
#include "geo/equal_area.hpp"
#include "geo/thread_context.hpp"
#include "io/layer_reader.hpp"

namespace frontline::app {

namespace {

using io::Cell;

// Both forms of date a file name may carry: 2020-11-10 and 20201110.
constexpr const char* kDefaultDateRegex = R"((\d{4}-\d{2}-\d{2}|\d{8}))";

struct SeriesOptions {
    std::vector<std::string> files;
    std::string dateField;
    std::string dateRegex;
    std::string method = "geodesic";
    std::string crs;
    unsigned threads = 0;
    std::vector<std::string> context;
    double matchM = 0;
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

Date dateFromName(const std::string& path, const std::regex& pattern, const std::string& patternText) {
    const std::string name = std::filesystem::path(path).filename().string();
    std::smatch match;
    if (!std::regex_search(name, match, pattern)) {
        throw DataError("'" + path + "': no date in the file name (--date-regex '" + patternText + "')");
    }
    const std::string text = match.size() > 1 ? match[1].str() : match[0].str();
    try {
        return Date::parse(text);
    } catch (const std::invalid_argument& e) {
        throw DataError("'" + path + "': " + e.what());
    }
}

Date dateFromField(const std::string& path, const std::vector<Layer>& layers, const std::string& field) {
    std::optional<Date> found;
    for (const auto& layer : layers) {
        for (const auto& feature : layer.features) {
            const std::string text = feature.property(field);
            const std::string where = "'" + path + "': layer '" + layer.sourceLayer + "' feature '" + feature.id + "'";
            if (text.empty()) throw DataError(where + ": no property '" + field + "'");
            // Accept datetime values ("2020-11-10T00:00:00") by their date part.
            std::optional<Date> date = Date::tryParse(text.substr(0, text.find_first_of("T ")));
            if (!date) throw DataError(where + ": property '" + field + "' = '" + text + "' is not a date");
            if (found && *found != *date) {
                throw DataError(where + ": property '" + field + "' = " + date->iso() + " differs from " + found->iso() +
                                " on another feature of the file");
            }
            found = date;
        }
    }
    if (!found) throw DataError("'" + path + "': no features, so no '" + field + "' date");
    return *found;
}

}  // namespace

Action addSeriesCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<SeriesOptions>();
    CLI::App* command = app.add_subcommand("series", "Area and change per date over snapshot files (one file per date)");
    command->add_option("files", options->files, "Snapshot files, any format OGR reads; each holds the area held on its date")
        ->required();
    auto* field = command->add_option("--date-field", options->dateField, "Take each file's date from this feature property");
    command->add_option("--date-regex", options->dateRegex,
                        "Take the date from the file name: the first group of this regex (YYYYMMDD or YYYY-MM-DD); "
                        "default " + std::string(kDefaultDateRegex))
        ->excludes(field);
    command->add_option("--method", options->method, "geodesic or planar")->capture_default_str();
    command->add_option("--crs", options->crs, "CRS for files that declare none");
    command->add_option("--threads", options->threads, "Worker threads (default: one per core)");
    auto* context = command->add_option(
        "--context", options->context,
        "Borders or coastlines (any file OGR reads; repeatable): outline edges along them are not front; "
        "adds the front_km column");
    command
        ->add_option("--match-m", options->matchM,
                     "With --context: how far (m) an edge may lie from a context line and still follow it; "
                     "the coarser "
                     "source's positional uncertainty")
        ->needs(context);
    command->footer(
        "Examples:\n"
        "  frontline series snapshots/held_*.geojson --format csv\n"
        "  frontline series daily/*.gpkg --date-field valid_from\n"
        "  frontline series maps/*.geojson --date-regex 'front-(\\d{8})'\n"
        "  frontline series daily/*.geojson --context borders.geojson --match-m 1000   # and the front's "
        "length\n"
        "Columns: date, area_km2, gained_km2, lost_km2, net_km2 (relative to the previous date); with "
        "--context,\n"
        "front_km (geodesic length of the outline minus the stretches along the context lines).\n"
        "Exit code 1 when a closure check |Δarea - (gained - lost)| fails.");

    return [options, &common](Diagnostics& diagnostics) {
        const io::OutputFormat format = outputFormat(common);
        analysis::SeriesOptions seriesOptions;
        seriesOptions.method = areaMethod(options->method);
        seriesOptions.threads = options->threads;
        const std::string patternText = options->dateRegex.empty() ? kDefaultDateRegex : options->dateRegex;
        std::regex pattern;
        try {
            pattern = std::regex(patternText);
        } catch (const std::regex_error& e) {
            throw UsageError("--date-regex '" + patternText + "' is not a valid regular expression: " + e.what());
        }
        io::LayerReadOptions readOptions;
        readOptions.assumeCrs = options->crs;
        readOptions.strict = common.strict;
        if (!options->context.empty() && !(options->matchM > 0)) {
            throw UsageError(
                "--context needs --match-m METRES (how far an edge may lie from a context line and still "
                "follow it: the coarser source's positional uncertainty)");
        }
        const ContextLines contextLines = readContext(*options, readOptions, diagnostics);

        auto load = [&](std::size_t i, geo::ThreadContext& context, Diagnostics& local) {
            const std::string& path = options->files[i];
            std::vector<Layer> layers = io::readAllLayers(path, readOptions, context.proj, context.geos, local);
            const Date date = options->dateField.empty() ? dateFromName(path, pattern, patternText)
                                                         : dateFromField(path, layers, options->dateField);
            Geometry held;
            std::size_t featuresWithPolygons = 0;
            for (auto& layer : layers) {
                for (auto& feature : layer.features) {
                    if (!feature.geometry.polygons.empty()) ++featuresWithPolygons;
                    for (auto& polygon : feature.geometry.polygons) held.polygons.push_back(std::move(polygon));
                }
            }
            if (held.polygons.empty()) local.warn("'" + path + "'", "holds no polygons: nothing held on " + date.iso());
            // Features may overlap; dissolve so that areas add up. One feature was made valid on reading,
            // so its parts cannot overlap and need no dissolving.
            if (featuresWithPolygons > 1) held = geo::dissolve(context.geos, held);
            std::optional<double> frontKm;
            if (!contextLines.references.empty()) {
                const geo::EqualAreaFrame frame(context.proj, contextLines.crs);
                const analysis::Measurer measurer{context.geos, frame};
                frontKm = analysis::classifyOutline(measurer, held, contextLines.references, {"own", path, 0})
                              .frontKm();
            }
            return analysis::Snapshot{date, path, std::move(held), frontKm};
        };
        const auto rows = analysis::computeSeries(options->files.size(), load, seriesOptions, diagnostics);

        io::Table table{{"date", "area_km2", "gained_km2", "lost_km2", "net_km2"}, {}};
        if (!contextLines.references.empty()) table.columns.push_back("front_km");
        double worstClosure = 0;
        std::string worstDate;
        for (const auto& row : rows) {
            auto optional = [](const std::optional<double>& value) { return value ? Cell::number(*value, 3) : Cell(); };
            table.rows.push_back({row.date.iso(), Cell::number(row.areaKm2, 3), optional(row.gainedKm2), optional(row.lostKm2),
                                  optional(row.netKm2)});
            if (!contextLines.references.empty())
                table.rows.back().push_back(row.frontKm ? Cell::number(*row.frontKm, 1) : Cell());
            const double tolerance = 1e-6 * row.areaKm2 + 1e-6;
            if (row.closureKm2 > tolerance && row.closureKm2 > worstClosure) {
                worstClosure = row.closureKm2;
                worstDate = row.date.iso();
            }
        }
        print(io::render(table, format));
        if (!worstDate.empty()) {
            throw CheckFailed(fmt::format("closure {:.6f} km² on {} exceeds the tolerance", worstClosure, worstDate));
        }
        return 0;
    };
}

}  // namespace frontline::app
