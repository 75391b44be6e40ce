#pragma once
// What the commands that draw (export, view, chart) share: the frame schedule's options, the frame
// size option, the chart's bars and where the shaders are.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "analysis/periods.hpp"
#include "core/scenario.hpp"
#include "export/schedule.hpp"
#include "render/scene.hpp"

namespace CLI {
class App;
}

namespace frontline::app {

// --fps, --from, --to, --transition, --hold as typed; one definition so that frame k of `view` is
// frame k of `export`.
struct ScheduleArguments {
    double fps = 30;
    std::string from;
    std::string to;
    // Unset: the defaults of exporting::ScheduleOptions, or, for a long series, a duration.
    std::optional<double> transition;
    std::optional<double> hold;
    std::optional<double> duration;
    std::string pace = "state";
};

// --names, --transition-style and --no-panel as typed; the options of the drawing that export and view share.
struct MapArguments {
    std::string names = "primary";
    std::string transitionStyle = "dissolve";
    bool noPanel = false;
    bool locator = false;
    std::vector<std::string> references;
};

void addMapOptions(CLI::App& command, MapArguments& arguments);
// UsageError naming the option for a value it does not know.
render::MapOptions mapOptions(const MapArguments& arguments);
// UsageError unless every --reference names a layer of `scenario` the map can draw as a reference (a
// boundary, context or corridor layer with lines or polygons).
void checkReferences(const render::MapOptions& options, const Scenario& scenario);

void addScheduleOptions(CLI::App& command, ScheduleArguments& arguments);
inline constexpr std::size_t kLongSeriesStates = 60;

// Dates parsed; UsageError naming the option otherwise. A series of more than kLongSeriesStates key
// dates, given none of --duration, --hold and --transition, gets a duration instead of per-state timing
// (at 3 s a state, 769 daily maps would last 38 minutes): 0.1 s a state, between 20 and 60 s; the note
// printed says so unless `quiet`.
// Layers drawn as references (`references`, MapOptions::references) are on every frame: the note on
// layers the span leaves out does not name them.
exporting::ScheduleOptions scheduleOptions(const ScheduleArguments& arguments, const Scenario& scenario,
                                           bool quiet, const std::vector<std::string>& references = {});
// The span the panel's title and chart follow: that of `schedule` (as scheduleOptions made it, a default
// end included) when --from or --to was given, else none (the whole timeline, as the title says).
render::ShownSpan shownSpan(const ScheduleArguments& arguments, const exporting::ScheduleOptions& schedule);

// --chart-bars week|month|year: the panel chart's bars of km² gained and lost per period (export, view).
void addChartBarsOption(CLI::App& command, std::string& period);
// The period of --chart-bars (nullopt when not given); UsageError otherwise.
std::optional<analysis::Period> chartBars(const std::string& text,
                                          const std::string& option = "--chart-bars");

// "1920x1080" → (1920, 1080). Throws UsageError naming `option` otherwise.
std::pair<unsigned, unsigned> parseSize(const std::string& text, const std::string& option = "--size");
// $FRONTLINE_SHADERS, else shaders/ next to the binary (the build copies it there), else the source tree's.
std::filesystem::path shaderFolder();

}  // namespace frontline::app
