#include "app/rendering.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <utility>

#include "app/measuring.hpp"
#include "core/error.hpp"

namespace frontline::app {

void addMapOptions(CLI::App& command, MapArguments& arguments) {
    command
        .add_option("--names", arguments.names,
                    "Place labels: 'primary' (the name), 'alt' (the other name in name_alt) or 'both', "
                    "e.g. \"Khankendi (Stepanakert)\"")
        ->capture_default_str();
}

render::MapOptions mapOptions(const MapArguments& arguments) {
    render::MapOptions options;
    const std::pair<const char*, render::PlaceNames> names[] = {{"primary", render::PlaceNames::Primary},
                                                                {"alt", render::PlaceNames::Alt},
                                                                {"both", render::PlaceNames::Both}};
    const auto* found = std::find_if(std::begin(names), std::end(names),
                                     [&](const auto& name) { return arguments.names == name.first; });
    if (found == std::end(names))
        throw UsageError("unknown --names '" + arguments.names + "' (primary, alt, both)");
    options.names = found->second;
    return options;
}

void addScheduleOptions(CLI::App& command, ScheduleArguments& arguments) {
    command.add_option("--fps", arguments.fps, "Frames per second (frame k of view is frame k of export)")->capture_default_str();
    command.add_option("--from", arguments.from, "First date shown (default: the first state's)");
    command.add_option("--to", arguments.to, "Last date shown (default: the last state's)");
    command.add_option("--transition", arguments.transition,
                       "Seconds for each change of area (the date counter runs half as long before it)")
        ->capture_default_str();
    command.add_option("--hold", arguments.hold, "Seconds each state is held")->capture_default_str();
    command.add_option(
        "--duration", arguments.duration,
        "The video lasts exactly this many seconds, shared out by --pace (instead of --hold and "
        "--transition per state)");
    command
        .add_option(
            "--pace", arguments.pace,
            "With --duration: 'state' gives every state the same time (the default: changes cluster, and a "
            "few weeks of war would flash by after decades of quiet); 'time' makes screen time proportional "
            "to the days elapsed")
        ->capture_default_str();
}

exporting::ScheduleOptions scheduleOptions(const ScheduleArguments& arguments) {
    exporting::ScheduleOptions schedule;
    schedule.fps = arguments.fps;
    schedule.transitionSeconds = arguments.transition;
    schedule.holdSeconds = arguments.hold;
    if (arguments.duration != 0) {
        if (!(arguments.duration > 0)) throw UsageError("--duration must be a positive number of seconds");
        schedule.durationSeconds = arguments.duration;
    }
    schedule.pace = exporting::parsePace(arguments.pace);
    if (!arguments.from.empty()) schedule.from = commandLineDate("--from", arguments.from);
    if (!arguments.to.empty()) schedule.to = commandLineDate("--to", arguments.to);
    return schedule;
}

std::pair<unsigned, unsigned> parseSize(const std::string& text, const std::string& option) {
    unsigned width = 0, height = 0;
    char x = 0, rest = 0;
    if (std::sscanf(text.c_str(), "%u%c%u%c", &width, &x, &height, &rest) != 3 || (x != 'x' && x != 'X')) {
        throw UsageError(option + " '" + text + "' is not WIDTHxHEIGHT, e.g. 1920x1080");
    }
    return {width, height};
}

std::filesystem::path shaderFolder() {
    if (const char* given = std::getenv("FRONTLINE_SHADERS"); given && *given) return given;
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error && std::filesystem::exists(exe.parent_path() / "shaders" / "transition.frag")) return exe.parent_path() / "shaders";
    return std::filesystem::path(FRONTLINE_SOURCE_DIR) / "shaders";
}

}  // namespace frontline::app
