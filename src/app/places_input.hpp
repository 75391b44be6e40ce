#pragma once
// What `--places [FILE]` and `--by LAYER` name, for the commands that locate places or split areas over
// regions (stats, diff): the places of the scenario's `place` layers or of a point file, and the layer
// whose features the areas are split over.

#include <string>
#include <vector>

#include "analysis/places.hpp"
#include "app/loaded_scenario.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace frontline::app {

struct PlacesInput {
    std::string file;  // empty: the scenario's place layers
    CLI::Option* option = nullptr;

    bool given() const;
};

// Registers --places [FILE] on `command`; `what` says what the command does with them.
void addPlacesOption(CLI::App& command, PlacesInput& input, const std::string& what);

// The places --places names. Throws UsageError when no file is named and the scenario has no place
// layer (snapshot input never has one), DataError when the file holds no point.
std::vector<analysis::Place> loadPlaces(const PlacesInput& input, LoadedScenario& loaded,
                                        Diagnostics& diagnostics);

// The layer --by names, which must have polygons. Throws UsageError naming the layers that could serve.
const Layer& regionLayer(const Scenario& scenario, const std::string& layerId);

}  // namespace frontline::app
