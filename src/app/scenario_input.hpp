#pragma once
// What a scenario command reads: a scenario (a folder with scenario.toml, or the manifest), or a
// series of snapshot files (a folder of them, or the files), with the options that turn snapshots
// into a scenario. Every command that takes a scenario takes snapshots the same way.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace frontline::app {

struct ScenarioInput {
    std::vector<std::string> paths;  // empty: $FRONTLINE_SCENARIO or the bundled Karabakh scenario
    std::string dateField;
    std::string dateRegex;
    bool allowEmpty = false;
    std::string crs;
    std::string title;
    std::string subject;
    std::vector<std::string> context;
    double matchM = 0;
    double uncertaintyM = 0;
    std::string attribution;

    // True when `paths` name one scenario (a folder holding scenario.toml, or a .toml file) or
    // nothing (the default scenario); false for snapshot files.
    bool isScenario() const;
};

// Registers the positional inputs and the snapshot options on `command`.
void addScenarioInput(CLI::App& command, ScenarioInput& input);

}  // namespace frontline::app
