#include "app/rendering.hpp"

#include <fmt/format.h>

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
    command
        .add_option("--transition-style", arguments.transitionStyle,
                    "How the map changes between two states: 'dissolve' fades the lost area out and the "
                    "gained area in, everywhere at once (the default: the data are two dated maps and say "
                    "nothing of the order or pace of the change between them); 'wipe' moves a front from "
                    "the old line to the new one, a direction and pace that are drawn, not data")
        ->capture_default_str();
    command.add_flag("--no-panel", arguments.noPanel,
                     "The map alone, the whole frame: no title, numbers, chart, events or legend; a date "
                     "label and the credits stay on the map");
    command.add_flag("--locator", arguments.locator,
                     "An inset of where the map is: the context layers' polygons (countries, lakes) over "
                     "an area six times the map's, with the map's extent framed in red");
    command.add_option("--reference", arguments.references,
                       "Draw layer ID's outline on every frame, whatever its dates say (e.g. the NKAO "
                       "outline of 1991 over the lines of 2020), listed in the legend as a reference; "
                       "repeatable");
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
    options.panel = !arguments.noPanel;
    options.locator = arguments.locator;
    options.references = arguments.references;
    if (arguments.transitionStyle == "dissolve")
        options.transition = render::TransitionStyle::Dissolve;
    else if (arguments.transitionStyle == "wipe")
        options.transition = render::TransitionStyle::Wipe;
    else
        throw UsageError("unknown --transition-style '" + arguments.transitionStyle + "' (dissolve, wipe)");
    return options;
}

void checkReferences(const render::MapOptions& options, const Scenario& scenario) {
    for (const std::string& id : options.references) {
        const auto* layer = scenario.findLayer(id);
        if (!layer) {
            std::string known;
            for (const Layer& l : scenario.layers) {
                if (l.role != LayerRole::Control && l.role != LayerRole::Place)
                    known += (known.empty() ? "" : ", ") + l.id;
            }
            throw UsageError("--reference '" + id +
                             "': the scenario has no layer of that id (layers: " + known + ")");
        }
        if (layer->role == LayerRole::Control || layer->role == LayerRole::Place) {
            throw UsageError("--reference '" + id + "' is a " +
                             (layer->role == LayerRole::Control ? "control" : "place") +
                             " layer: a reference is a boundary, context or corridor layer");
        }
        const bool shapes = std::any_of(layer->features.begin(), layer->features.end(), [](const Feature& f) {
            return !f.geometry.polygons.empty() || !f.geometry.lines.empty();
        });
        if (!shapes) throw UsageError("--reference '" + id + "' has no lines or polygons to draw");
    }
}

render::ShownSpan shownSpan(const ScheduleArguments& arguments, const exporting::ScheduleOptions& schedule) {
    if (arguments.from.empty() && arguments.to.empty()) return {};
    return {schedule.from, schedule.to};
}

void addScheduleOptions(CLI::App& command, ScheduleArguments& arguments) {
    const exporting::ScheduleOptions defaults;
    command.add_option("--fps", arguments.fps, "Frames per second (frame k of view is frame k of export)")
        ->capture_default_str();
    command.add_option("--from", arguments.from, "First date shown (default: the first state's)");
    command.add_option("--to", arguments.to, "Last date shown (default: the last state's)");
    command.add_option(
        "--transition", arguments.transition,
        fmt::format("Seconds for each change of area (the date counter runs half as long before it; "
                    "default {})",
                    defaults.transitionSeconds));
    command.add_option("--hold", arguments.hold,
                       fmt::format("Seconds each state is held (default {})", defaults.holdSeconds));
    command.add_option(
        "--duration", arguments.duration,
        fmt::format("The video lasts exactly this many seconds, shared out by --pace (instead of --hold "
                    "and --transition per state; the default for more than {} states)",
                    kLongSeriesStates));
    command
        .add_option(
            "--pace", arguments.pace,
            "With --duration: 'state' gives every state the same time (the default: changes cluster, and a "
            "few weeks of war would flash by after decades of quiet); 'time' makes screen time proportional "
            "to the days elapsed")
        ->capture_default_str();
}

exporting::ScheduleOptions scheduleOptions(const ScheduleArguments& arguments, const Scenario& scenario,
                                           bool quiet, const std::vector<std::string>& references) {
    exporting::ScheduleOptions schedule;
    schedule.fps = arguments.fps;
    if (arguments.transition) schedule.transitionSeconds = *arguments.transition;
    if (arguments.hold) schedule.holdSeconds = *arguments.hold;
    if (arguments.duration) {
        if (!(*arguments.duration > 0)) throw UsageError("--duration must be a positive number of seconds");
        schedule.durationSeconds = *arguments.duration;
    }
    schedule.pace = exporting::parsePace(arguments.pace);
    if (!arguments.from.empty()) schedule.from = commandLineDate("--from", arguments.from);
    if (!arguments.to.empty()) schedule.to = commandLineDate("--to", arguments.to);
    // A default span says what it adds and what it leaves out: neither is silent.
    exporting::DefaultSpan span = exporting::defaultSpan(scenario, schedule.from, schedule.to);
    // A layer drawn as a reference is not left out: it is on every frame.
    std::erase_if(span.leftOut, [&](const exporting::DefaultSpan::LeftOut& layer) {
        return std::find(references.begin(), references.end(), layer.layerId) != references.end();
    });
    std::vector<std::string> leftOut;
    for (const auto& layer : span.leftOut) leftOut.push_back(layer.text());
    auto joined = [](const std::vector<std::string>& items, bool quote) {
        std::string text;
        for (const auto& item : items) text += (text.empty() ? "" : ", ") + (quote ? "'" + item + "'" : item);
        return text;
    };
    if (!schedule.to && span.to && span.lastStateDate && *span.lastStateDate < *span.to) {
        schedule.to = span.to;
        if (!quiet) {
            fmt::print(
                stderr,
                "frontline: note: the video runs on past the last state ({}) to {}, for layer{} {} (give "
                "--to to end it sooner)\n",
                span.lastStateDate->iso(), span.to->iso(), span.extendedBy.size() == 1 ? "" : "s",
                joined(span.extendedBy, true));
        }
    }
    if (!span.leftOut.empty() && !quiet) {
        fmt::print(
            stderr,
            "frontline: note: the video starts at the first state ({}) and leaves out layer{} {}, dated "
            "before it (give --from to show {}, or --reference ID to draw a layer on every frame)\n",
            span.from->iso(), leftOut.size() == 1 ? "" : "s", joined(leftOut, false),
            leftOut.size() == 1 ? "it" : "them");
    }
    if (arguments.duration || arguments.hold || arguments.transition) return schedule;
    std::size_t keys = 0;
    for (const auto& state : scenario.timeline.states()) {
        keys +=
            (!schedule.from || *schedule.from <= state.date) && (!schedule.to || state.date <= *schedule.to);
    }
    if (keys > kLongSeriesStates) {
        schedule.durationSeconds = std::clamp(0.1 * static_cast<double>(keys), 20.0, 60.0);
        if (!quiet) {
            fmt::print(
                stderr,
                "frontline: note: {} states: the video lasts {:g} s, paced by state (give --duration, or "
                "--hold and --transition for per-state timing)\n",
                keys, *schedule.durationSeconds);
        }
    }
    return schedule;
}

void addChartBarsOption(CLI::App& command, std::string& period) {
    command.add_option(
        "--chart-bars", period,
        "Bars under the chart's line: km² gained (up) and lost (down) per week, month or year");
}

std::optional<analysis::Period> chartBars(const std::string& text, const std::string& option) {
    if (text.empty()) return std::nullopt;
    return period(text, option);
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
    if (!error && std::filesystem::exists(exe.parent_path() / "shaders" / "transition.frag"))
        return exe.parent_path() / "shaders";
    return std::filesystem::path(FRONTLINE_SOURCE_DIR) / "shaders";
}

}  // namespace frontline::app
