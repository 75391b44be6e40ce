// frontline view [SCENARIO]: the interactive viewer (app/viewer.hpp). The same scene and renderer as
// `frontline export`, in a window with a timeline, pan and zoom, hover details and an info box.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <memory>

#include "app/command.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/rendering.hpp"
#include "app/scenario_input.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "export/virtual_display.hpp"
#include "render/scene.hpp"

namespace frontline::app {

namespace {

struct ViewCommandOptions {
    ScenarioInput input;
    std::string size = "1600x900";
    ScheduleArguments schedule;
    MapArguments map;
    std::string at;
    unsigned antialias = 0;
    std::string script;
    std::size_t benchmark = 0;
    bool play = false;
    bool noInfo = false;
    std::string chartBars;
};

}  // namespace

Action addViewCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<ViewCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "view",
        "Open the interactive map: timeline, pan/zoom, hover details, claims (H in the window for help)");
    addScenarioInput(*command, options->input);
    command
        ->add_option("--size", options->size,
                     "Window size WIDTHxHEIGHT (the map scene is the window less the timeline strip)")
        ->capture_default_str();
    addScheduleOptions(*command, options->schedule);
    addMapOptions(*command, options->map);
    command->add_option("--at", options->at, "Start at this date (YYYY-MM-DD)");
    command
        ->add_option("--antialias", options->antialias,
                     "Multisampling samples of the window (0 = off, fastest in software GL)")
        ->capture_default_str();
    command->add_flag("--play", options->play, "Start playing");
    addChartBarsOption(*command, options->chartBars);
    command->add_flag("--no-info", options->noInfo,
                      "Start with the info box (change, claims) hidden (I toggles it)");
    command->add_option(
        "--script", options->script,
        "Timed synthetic input, one 'SECONDS COMMAND ARGS' a line (see app/viewer_script.hpp)");
    command->add_option("--benchmark", options->benchmark,
                        "Render N frames with a scripted camera and timeline; print frame-time percentiles");
    command->footer(
        "Keys: Space play/pause, +/- speed, Left/Right previous/next state, G go to date, wheel or Ctrl+/- "
        "zoom,\n"
        "drag to pan, 0 reset view, 1-9 layers, I info box, S screenshot, H or ? help, Esc or Q quit.\n"
        "Examples:\n"
        "  frontline view\n"
        "  frontline view --at 2020-11-10 --size 1920x1080\n"
        "  frontline view --benchmark 600 --size 1920x1080\n"
        "Needs a display; with --script or --benchmark and no DISPLAY, Xvfb is started.");

    return [options, &common](Diagnostics& diagnostics) {
        ViewerOptions viewer;
        std::tie(viewer.windowSize.x, viewer.windowSize.y) = parseSize(options->size);
        if (viewer.windowSize.x < 320 || viewer.windowSize.y < 240 || viewer.windowSize.x > 7680 ||
            viewer.windowSize.y > 4320) {
            throw UsageError(fmt::format("--size {} is outside 320x240 … 7680x4320", options->size));
        }
        viewer.map = mapOptions(options->map);
        if (!options->at.empty()) viewer.at = commandLineDate("--at", options->at);
        viewer.antialiasing = options->antialias;
        viewer.shaderFolder = shaderFolder();
        viewer.play = options->play;
        viewer.showInfo = !options->noInfo;
        viewer.chartBars = chartBars(options->chartBars);
        if (!options->script.empty()) viewer.script = readScript(options->script);

        LoadedScenario loaded(options->input, common, diagnostics);
        checkReferences(viewer.map, loaded.scenario);
        viewer.schedule =
            scheduleOptions(options->schedule, loaded.scenario, common.quiet, viewer.map.references);
        viewer.map.span = shownSpan(options->schedule, viewer.schedule);
        render::warnLayersNotDrawn(loaded.scenario, diagnostics);
        const char* display = std::getenv("DISPLAY");
        if (!display || !*display) {
            if (viewer.script.empty() && options->benchmark == 0) {
                throw RenderError(
                    "frontline view needs a display and DISPLAY is unset (with --script or --benchmark, Xvfb "
                    "is started)");
            }
            exporting::ensureDisplay();
        }
        Viewer window(loaded, viewer);
        return options->benchmark > 0 ? window.benchmark(options->benchmark) : window.run();
    };
}

}  // namespace frontline::app
