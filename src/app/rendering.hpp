#pragma once
// What the commands that draw (export, view, chart) share: the frame schedule's options, the frame
// size option, the chart's bars and where the shaders are.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "analysis/periods.hpp"
#include "export/schedule.hpp"

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
    double transition = 2;
    double hold = 1;
    double duration = 0;  // 0: unset
    std::string pace = "state";
};

void addScheduleOptions(CLI::App& command, ScheduleArguments& arguments);
// Dates parsed; UsageError naming the option otherwise.
exporting::ScheduleOptions scheduleOptions(const ScheduleArguments& arguments);

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
