#include "app/scenario_input.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>

#include "io/snapshots.hpp"

namespace frontline::app {

bool ScenarioInput::isScenario() const {
    if (paths.empty()) return true;
    if (paths.size() > 1) return false;
    const std::filesystem::path path(paths.front());
    std::error_code error;
    if (path.extension() == ".toml") return true;
    return std::filesystem::is_directory(path, error) &&
           std::filesystem::exists(path / "scenario.toml", error);
}

void addScenarioInput(CLI::App& command, ScenarioInput& input) {
    command.add_option(
        "scenario", input.paths,
        "A scenario (folder or scenario.toml; default: the bundled Karabakh scenario), or snapshot "
        "files, or a folder of them: one file per date, each the area held on its date");
    const std::string group = "Snapshot input (when the inputs are snapshot files)";
    auto* field =
        command
            .add_option("--date-field", input.dateField, "Take each file's date from this feature property")
            ->group(group);
    command
        .add_option("--date-regex", input.dateRegex,
                    "Take the date from the file name: the first group of this regex (YYYYMMDD or "
                    "YYYY-MM-DD); default " +
                        std::string(io::kDefaultDateRegex))
        ->excludes(field)
        ->group(group);
    command
        .add_flag("--allow-empty", input.allowEmpty,
                  "A file with no polygons means nothing was held on its date")
        ->group(group);
    command.add_option("--crs", input.crs, "CRS for snapshot files that declare none")->group(group);
    command.add_option("--title", input.title, "Title of the maps and reports (default: the folder's name)")
        ->group(group);
    command
        .add_option("--attribution", input.attribution,
                    "Who made the maps, printed in every frame's credits (e.g. \"Maps: ISW; borders: Natural "
                    "Earth\"); credits are separated by \"; \"")
        ->group(group);
    command
        .add_option("--subject", input.subject,
                    "Whose control the files show, e.g. \"Russian-held\" (default: Held)")
        ->group(group);
    command
        .add_option(
            "--context", input.context,
            "Borders, coasts or rivers (any file OGR reads; repeatable): drawn, named on the map when their "
            "features carry names, and the outline's stretches along them are not front; a file of points "
            "is drawn as places (towns)")
        ->group(group);
    command
        .add_option(
            "--match-m", input.matchM,
            "How far (m) an outline edge may lie from a --context line and still follow it: the coarser "
            "source's positional uncertainty")
        ->group(group);
    command
        .add_option("--uncertainty-m", input.uncertaintyM,
                    "Positional uncertainty (m) of the snapshots' own lines, for the intervals (default 0: "
                    "none stated)")
        ->group(group);
}

}  // namespace frontline::app
