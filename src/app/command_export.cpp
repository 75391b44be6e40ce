// frontline export [SCENARIO] --out DIR|FILE.mp4|FILE.gif|FILE.png: the animation of the control states
// (or one still) rendered offscreen. Works without a display: when DISPLAY is unset, Xvfb is started.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <memory>

#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/rendering.hpp"
#include "app/scenario_input.hpp"
#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/virtual_display.hpp"
#include "render/scene.hpp"

namespace frontline::app {

namespace {

struct ExportCommandOptions {
    ScenarioInput input;
    std::string out;
    std::string size = "1920x1080";
    ScheduleArguments schedule;
    MapArguments map;
    std::string at;
    unsigned antialias = 4;
    bool verbose = false;
    bool resume = false;
    bool constantFrameRate = false;
    std::string chartBars;
};

}  // namespace

Action addExportCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<ExportCommandOptions>();
    CLI::App* command =
        app.add_subcommand("export", "Render the control states over time as PNG frames, MP4 or GIF");
    addScenarioInput(*command, options->input);
    command
        ->add_option("--out", options->out,
                     "A folder (PNG sequence), FILE.mp4 (H.264), FILE.gif, or FILE.png (one still at --at)")
        ->required();
    command->add_option("--size", options->size, "Frame size WIDTHxHEIGHT, up to 3840x2160")
        ->capture_default_str();
    addScheduleOptions(*command, options->schedule);
    addMapOptions(*command, options->map);
    command->add_option("--at", options->at, "Date of a still (--out FILE.png)");
    command->add_option("--antialias", options->antialias, "Multisampling samples (0 = off)")
        ->capture_default_str();
    addChartBarsOption(*command, options->chartBars);
    command->add_flag(
        "--resume", options->resume,
        "Continue an interrupted PNG sequence in --out FOLDER from its first missing frame (same options)");
    command->add_flag("--constant-frame-rate", options->constantFrameRate,
                      "MP4: encode every frame, held ones too (for editors that want constant frame rate; "
                      "by default a held frame is encoded once and lasts as long as it is held)");
    command->add_flag("-v,--verbose", options->verbose,
                      "Say what is done: display, sizes, frame count, timing");
    command->footer(
        "Examples:\n"
        "  frontline export --out frames/                       # PNG sequence frame_00000.png …\n"
        "  frontline export --out karabakh.mp4 --size 1280x720\n"
        "  frontline export --out map.png --at 2020-11-10        # one still\n"
        "  frontline export --out k.gif --size 640x360 --fps 15 --from 2020-11-01\n"
        "  frontline export --out k.mp4 --transition-style wipe   # a moving front (drawn, not data)\n"
        "  frontline export --out frames/ --resume                # after Ctrl-C: continue where it stopped\n"
        "Ctrl-C (SIGINT) or SIGTERM stops cleanly: the frames written are complete, the count is printed.\n"
        "Numbers drawn are those of `frontline stats`. Without DISPLAY, Xvfb is started.");

    return [options, &common](Diagnostics& diagnostics) {
        auto verbose = [&](const std::string& text) {
            if (options->verbose) fmt::print(stderr, "frontline: {}\n", text);
        };
        exporting::ExportOptions exportOptions;
        exportOptions.out = options->out;
        std::tie(exportOptions.width, exportOptions.height) = parseSize(options->size);
        exportOptions.map = mapOptions(options->map);
        if (!options->at.empty()) exportOptions.at = commandLineDate("--at", options->at);
        if (!options->at.empty() &&
            exporting::outputKind(exportOptions.out) != exporting::OutputKind::PngStill) {
            throw UsageError("--at is for a still: use --out FILE.png");
        }
        exportOptions.antialiasing = options->antialias;
        exportOptions.shaderFolder = shaderFolder();
        exportOptions.progress = !common.quiet;
        exportOptions.resume = options->resume;
        exportOptions.constantFrameRate = options->constantFrameRate;
        if (options->constantFrameRate &&
            exporting::outputKind(exportOptions.out) != exporting::OutputKind::Mp4)
            throw UsageError("--constant-frame-rate is for an MP4 (--out FILE.mp4)");
        exportOptions.chartBars = chartBars(options->chartBars);
        // Before loading and starting a display: a wrong --out fails in a moment.
        exporting::checkOutput(exportOptions);
        // A still's date is the user's to say: the last state is often the empty one after a war (the
        // Karabakh timeline ends with nothing held), and a still of it would look like a rendering fault.
        if (!exportOptions.at && exporting::outputKind(exportOptions.out) == exporting::OutputKind::PngStill)
            throw UsageError("a still (--out FILE.png) needs --at DATE, the date it shows");

        // Xvfb (when there is no display) boots on the other core while the scenario loads.
        exporting::startDisplay();
        LoadedScenario loaded(options->input, common, diagnostics);
        // A still has no span: the notes about what a video's span leaves out are not for it.
        const bool still = exporting::outputKind(exportOptions.out) == exporting::OutputKind::PngStill;
        checkReferences(exportOptions.map, loaded.scenario);
        exportOptions.schedule = scheduleOptions(options->schedule, loaded.scenario, common.quiet || still,
                                                 exportOptions.map.references);
        exportOptions.map.span = shownSpan(options->schedule, exportOptions.schedule);
        render::warnLayersNotDrawn(loaded.scenario, diagnostics);
        verbose(exporting::ensureDisplay());
        const auto result =
            exporting::exportScenario(loaded.scenario, loaded.context, exportOptions, verbose);
        if (result.leftoversRemoved > 0 && !common.quiet) {
            fmt::print(
                stderr, "frontline: removed {} temporary file{} left by an interrupted export into '{}'\n",
                result.leftoversRemoved, result.leftoversRemoved == 1 ? "" : "s", exportOptions.out.string());
        }
        verbose(fmt::format("wrote {} frame{} to {} in {:.1f} s ({:.1f} frames/s)", result.frames,
                            result.frames == 1 ? "" : "s", exportOptions.out.string(), result.seconds,
                            result.seconds > 0 ? static_cast<double>(result.frames) / result.seconds : 0.0));
        if (result.repeats > 0)
            verbose(fmt::format("{} of them the same as the frame before, not drawn again", result.repeats));
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
