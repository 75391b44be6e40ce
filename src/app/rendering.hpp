#pragma once
// What the commands that draw (export, view) share: the frame schedule's options, the frame size
// option and where the shaders are.

#include <filesystem>
#include <string>
#include <utility>

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
    double transition = 2;
    double hold = 1;
    double duration = 0;  // 0: unset
    std::string pace = "state";
};

// --names as typed; the options of the drawing that export and view share.
struct MapArguments {
    std::string names = "primary";
};

void addMapOptions(CLI::App& command, MapArguments& arguments);
// UsageError naming the option for a value it does not know.
render::MapOptions mapOptions(const MapArguments& arguments);

void addScheduleOptions(CLI::App& command, ScheduleArguments& arguments);
// Dates parsed; UsageError naming the option otherwise.
exporting::ScheduleOptions scheduleOptions(const ScheduleArguments& arguments);

// "1920x1080" → (1920, 1080). Throws UsageError naming `option` otherwise.
std::pair<unsigned, unsigned> parseSize(const std::string& text, const std::string& option = "--size");
// $FRONTLINE_SHADERS, else shaders/ next to the binary (the build copies it there), else the source tree's.
std::filesystem::path shaderFolder();

}  // namespace frontline::app
