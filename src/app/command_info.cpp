// frontline info [SCENARIO|FILE…]: what is in a scenario or in layer files — layers, CRS, counts,
// bounding box, area and the validity report.

#include <fmt/format.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <memory>

#include "analysis/area.hpp"
#include "analysis/control.hpp"
#include "analysis/stats.hpp"
#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/scenario_location.hpp"
#include "geo/geodesic.hpp"
#include "geo/thread_context.hpp"
#include "io/layer_reader.hpp"
#include "io/scenario_reader.hpp"

namespace frontline::app {

namespace {

using io::Cell;

struct InfoOptions {
    std::vector<std::string> inputs;
    std::string crs;
};

// Peak resident memory of this process so far, in MB (getrusage reports kilobytes on Linux).
long peakMemoryMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool isScenario(const std::filesystem::path& path) {
    std::error_code error;
    return path.extension() == ".toml" || std::filesystem::is_regular_file(path / "scenario.toml", error);
}

std::size_t warningsAbout(const Diagnostics& diagnostics, const Layer& layer, std::size_t from) {
    std::size_t count = 0;
    for (std::size_t i = from; i < diagnostics.warnings().size(); ++i) {
        const auto& source = diagnostics.warnings()[i].source;
        if (source && source->inLayer(layer.path, layer.sourceLayer)) ++count;
    }
    return count;
}

// CSV and JSON are read by programs: the bounding box as four numbers and the length of a layer's lines;
// the text table and Markdown keep the one bbox column people read.
bool forPrograms(io::OutputFormat format) {
    return format == io::OutputFormat::Csv || format == io::OutputFormat::Json;
}

std::vector<std::string> infoColumns(io::OutputFormat format) {
    if (!forPrograms(format)) {
        return {"layer", "role", "source_crs", "features", "vertices", "bbox", "area_km2", "warnings"};
    }
    return {"layer",   "role",    "source_crs", "features", "vertices",  "min_lon",
            "min_lat", "max_lon", "max_lat",    "area_km2", "length_km", "warnings"};
}

std::vector<Cell> layerRow(const analysis::Measurer& measurer, const Layer& layer, std::size_t warnings,
                           io::OutputFormat format) {
    BoundingBox box;
    for (const auto& feature : layer.features) box.expand(boundingBox(feature.geometry));
    const std::size_t vertices = layer.sourceVertexCount;
    const Geometry polygons = analysis::layerPolygons(measurer.geos, layer);
    std::vector<Cell> row{layer.id, std::string(toString(layer.role)), layer.sourceCrs,
                          Cell::integer(static_cast<long>(layer.features.size())),
                          Cell::integer(static_cast<long>(vertices))};
    if (forPrograms(format)) {
        // 7 decimals: 1 cm, as the GeoJSON frontline writes.
        for (const double degrees : {box.minX, box.minY, box.maxX, box.maxY}) {
            row.push_back(box.valid ? Cell::number(degrees, 7) : Cell());
        }
    } else {
        row.push_back(box.valid
                          ? fmt::format("{:.4f} {:.4f} {:.4f} {:.4f}", box.minX, box.minY, box.maxX, box.maxY)
                          : "");
    }
    row.push_back(polygons.polygons.empty() ? Cell() : Cell::number(measurer.areaKm2(polygons), 3));
    if (forPrograms(format)) {
        double lengthKm = 0;
        bool hasLines = false;
        for (const auto& feature : layer.features) {
            for (const auto& line : feature.geometry.lines) lengthKm += geo::geodesicLengthKm(line);
            hasLines = hasLines || !feature.geometry.lines.empty();
        }
        row.push_back(hasLines ? Cell::number(lengthKm, 3) : Cell());
    }
    row.push_back(Cell::integer(static_cast<long>(warnings)));
    return row;
}

}  // namespace

Action addInfoCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<InfoOptions>();
    CLI::App* command =
        app.add_subcommand("info", "Layers, CRS, feature and vertex counts, bounding box, area, validity");
    command->add_option("inputs", options->inputs,
                        "A scenario (folder or scenario.toml) or layer files; default: the bundled scenario");
    command->add_option("--crs", options->crs, "CRS for files that declare none (e.g. EPSG:32638)");
    command->footer(
        "Examples:\n"
        "  frontline info                                  # the bundled Karabakh scenario\n"
        "  frontline info districts.gpkg borders.shp --format csv\n"
        "Columns: layer, role, source_crs, features, vertices, bbox (lon/lat), area_km2 (geodesic), "
        "warnings.\n"
        "With --format csv or json: the bbox as min_lon, min_lat, max_lon, max_lat (degrees), and\n"
        "length_km (geodesic length of the layer's lines; empty without lines) after area_km2.");

    return [options, &common](Diagnostics& diagnostics) {
        const auto started = std::chrono::steady_clock::now();
        const io::OutputFormat format = outputFormat(common);
        geo::ThreadContext context;
        io::Table table{infoColumns(format), {}};
        std::string summary;
        std::unique_ptr<geo::EqualAreaFrame> fileFrame;
        std::vector<std::string> inputs = options->inputs;
        if (inputs.empty()) inputs.push_back(scenarioPath("").string());

        for (const auto& input : inputs) {
            if (isScenario(input)) {
                const std::size_t before = diagnostics.warnings().size();
                LoadedScenario loaded(input, common, diagnostics);
                const Scenario& scenario = loaded.scenario;
                const analysis::Measurer measurer = loaded.measurer();
                for (const auto& layer : scenario.layers) {
                    table.rows.push_back(
                        layerRow(measurer, layer, warningsAbout(diagnostics, layer, before), format));
                }
                const auto& states = scenario.timeline.states();
                summary += fmt::format(
                    "{}: {} — {} layers, {} control states{}, {} events, {} claims\n",
                    scenario.manifestPath.string(), scenario.title, scenario.layers.size(), states.size(),
                    states.empty()
                        ? ""
                        : " (" + states.front().date.iso() + " … " + states.back().date.iso() + ")",
                    scenario.events.size(), scenario.claims.size());
                continue;
            }
            const std::size_t before = diagnostics.warnings().size();
            io::LayerReadOptions readOptions;
            readOptions.assumeCrs = options->crs;
            readOptions.strict = common.strict;
            readOptions.edges = edgesOption(common).value_or(Edges::Geodesic);
            for (auto& layer :
                 io::readAllLayers(input, readOptions, context.proj, context.geos, diagnostics)) {
                // info prints geodesic areas only; the frame is a formality, built once (a PROJ
                // transformation costs proj.db look-ups) and centred on the first layer.
                if (!fileFrame) {
                    BoundingBox box;
                    for (const auto& feature : layer.features) box.expand(boundingBox(feature.geometry));
                    fileFrame = std::make_unique<geo::EqualAreaFrame>(context.proj,
                                                                      box.valid ? box.centre() : Coord{});
                }
                const analysis::Measurer measurer{context.geos, *fileFrame};
                layer.id = layer.sourceLayer;
                table.rows.push_back(
                    layerRow(measurer, layer, warningsAbout(diagnostics, layer, before), format));
            }
        }
        if (format == io::OutputFormat::Table && !summary.empty()) print(summary + "\n");
        print(io::render(table, format));
        if (format == io::OutputFormat::Table) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            print(measuredAs(analysis::AreaMethod::Geodesic, edgesOption(common).value_or(Edges::Geodesic),
                             format));
            print(fmt::format("\nread in {:.1f} s; peak memory {} MB\n", seconds, peakMemoryMb()));
        }
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
