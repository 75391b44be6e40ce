// frontline chart [SCENARIO] --out FILE.png: the chart of the held area over time alone (the panel's
// chart at any size), and beside it the CSV of what it draws: one row per state, and the ticks of its
// axes (FILE.ticks.csv); with --bars, the bars (FILE.bars.csv, the table of `stats --every`). Offscreen,
// as export's still: when DISPLAY is unset, Xvfb is started.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analysis/stats.hpp"
#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/rendering.hpp"
#include "app/scenario_input.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "export/png_writer.hpp"
#include "export/virtual_display.hpp"
#include "io/atomic_file.hpp"
#include "render/offscreen.hpp"

namespace frontline::app {

namespace {

using io::Cell;

constexpr unsigned kMinWidth = 200, kMinHeight = 120, kMaxWidth = 3840, kMaxHeight = 2160;

struct ChartCommandOptions {
    ScenarioInput input;
    std::string out;
    std::string csv;
    std::string size = "1200x500";
    std::string at;
    std::string bars;
    std::string method = "geodesic";
    unsigned antialias = 4;
};

// The files written: the PNG, the steps' CSV, the ticks' and (with bars) the bars'.
struct ChartFiles {
    std::filesystem::path png, steps, ticks, bars;
};

ChartFiles chartFiles(const ChartCommandOptions& options) {
    ChartFiles files;
    files.png = options.out;
    const std::string extension = asciiLower(files.png.extension().string());
    if (extension != ".png") throw UsageError("--out '" + options.out + "' must name a .png file");
    files.steps = options.csv.empty() ? std::filesystem::path(files.png).replace_extension(".csv")
                                      : std::filesystem::path(options.csv);
    if (files.steps.extension() != ".csv")
        throw UsageError("--csv '" + files.steps.string() + "' must name a .csv file");
    if (files.steps == files.png) throw UsageError("--csv and --out name the same file");
    files.ticks = std::filesystem::path(files.steps).replace_extension(".ticks.csv");
    if (!options.bars.empty()) files.bars = std::filesystem::path(files.steps).replace_extension(".bars.csv");
    for (const auto& path : {files.png, files.steps}) {
        if (path.has_parent_path() && !std::filesystem::is_directory(path.parent_path())) {
            throw UsageError("the folder of '" + path.string() + "' does not exist");
        }
    }
    return files;
}

io::Table stepsTable(const render::Chart& chart) {
    io::Table table{{"date", "label", "area_km2", "likely_min_km2", "likely_max_km2", "band"}, {}};
    for (const auto& step : chart.steps()) {
        table.rows.push_back({step.date.iso(), step.label, Cell::number(step.valueKm2, 3),
                              Cell::number(step.likelyMinKm2, 3), Cell::number(step.likelyMaxKm2, 3),
                              step.band ? "yes" : "no"});
    }
    return table;
}

// The x ticks (dates) and the y gridlines (km²), as labelled.
io::Table ticksTable(const render::Chart& chart) {
    io::Table table{{"axis", "at", "label"}, {}};
    for (const auto& tick : chart.timeTicks().ticks) table.rows.push_back({"x", tick.date.iso(), tick.label});
    const render::AxisRange& axis = chart.valueAxis();
    for (const double value : axis.gridlines())
        table.rows.push_back({"y", Cell::number(value, axis.decimals()), axis.label(value)});
    return table;
}

}  // namespace

Action addChartCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<ChartCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "chart", "Draw the chart of the held area over time as a PNG, with the CSV of what it shows");
    addScenarioInput(*command, options->input);
    command->add_option("--out", options->out, "The PNG to write")->required();
    command->add_option("--csv", options->csv,
                        "The CSV of the steps drawn (default: beside --out, FILE.csv); the axes' ticks go to "
                        "FILE.ticks.csv, the bars to FILE.bars.csv");
    command->add_option("--size", options->size, "Image size WIDTHxHEIGHT")->capture_default_str();
    command->add_option("--at", options->at,
                        "Draw a cursor at this date with the area then held (YYYY-MM-DD)");
    command->add_option("--bars", options->bars,
                        "Bars under the line: km² gained (up) and lost (down) per week, month or year");
    command
        ->add_option("--method", options->method,
                     "geodesic (WGS84 ellipsoid) or planar (equal-area projection)")
        ->capture_default_str();
    command->add_option("--antialias", options->antialias, "Multisampling samples (0 = off)")
        ->capture_default_str();
    command->footer(
        "Examples:\n"
        "  frontline chart --out karabakh.png                 # and karabakh.csv, karabakh.ticks.csv\n"
        "  frontline chart snapshots/ --out front.png --size 1600x600 --bars week --at 2022-06-01\n"
        "CSV columns: date, label, area_km2, likely_min_km2, likely_max_km2, band (whether the state's "
        "likely\n"
        "range is drawn: not where it is empty); ticks: axis (x dates, y km²), at, label; bars: as "
        "`frontline\n"
        "stats --every`. The numbers are those of `frontline stats`. Without DISPLAY, Xvfb is started.");

    return [options, &common](Diagnostics& diagnostics) {
        const auto [width, height] = parseSize(options->size);
        if (width < kMinWidth || height < kMinHeight || width > kMaxWidth || height > kMaxHeight) {
            throw UsageError(fmt::format("--size {}x{} is outside {}x{} … {}x{}", width, height, kMinWidth,
                                         kMinHeight, kMaxWidth, kMaxHeight));
        }
        const analysis::AreaMethod method = areaMethod(options->method);
        render::ChartOptions chartOptions;
        chartOptions.bars = chartBars(options->bars, "--bars");
        if (!options->at.empty()) chartOptions.cursor = commandLineDate("--at", options->at);
        const ChartFiles files = chartFiles(*options);
        // Every output is replaceable before anything is measured or drawn.
        for (const auto& path : {files.png, files.steps, files.ticks, files.bars}) {
            if (!path.empty()) io::checkReplaceable(path);
        }

        exporting::startDisplay();
        LoadedScenario loaded(options->input, common, diagnostics);
        const Scenario& scenario = loaded.scenario;
        if (scenario.timeline.empty()) {
            throw DataError(scenario.manifestPath.string() + ": the scenario has no [[state]]");
        }
        chartOptions.heading = scenario.title;
        const auto stats = analysis::timelineStats(scenario, method);

        exporting::ensureDisplay();
        render::OffscreenChart offscreen({width, height}, options->antialias);
        const render::Chart& chart = offscreen.draw(stats, chartOptions);
        // Every file is written in full before any is put in place: a failed write (a full disk) leaves
        // none of them, not a PNG without its numbers.
        std::vector<std::pair<std::filesystem::path, std::string>> outputs{
            {files.steps, io::render(stepsTable(chart), io::OutputFormat::Csv)},
            {files.ticks, io::render(ticksTable(chart), io::OutputFormat::Csv)}};
        if (chartOptions.bars) {
            outputs.emplace_back(files.bars,
                                 io::render(periodTable(analysis::timelineSteps(stats), *chartOptions.bars),
                                            io::OutputFormat::Csv));
        }
        outputs.emplace_back(files.png, exporting::encodePng(offscreen.pixels().data(), width, height));
        std::vector<std::unique_ptr<io::AtomicFile>> written;
        for (const auto& [path, bytes] : outputs) {
            written.push_back(std::make_unique<io::AtomicFile>(path));
            written.back()->write(bytes);
        }
        for (const auto& file : written) file->commit();
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
