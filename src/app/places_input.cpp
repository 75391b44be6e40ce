#include "app/places_input.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

#include "core/error.hpp"
#include "io/layer_reader.hpp"

namespace frontline::app {

bool PlacesInput::given() const { return option && option->count() > 0; }

void addPlacesOption(CLI::App& command, PlacesInput& input, const std::string& what) {
    input.option =
        command
            .add_option("--places", input.file,
                        what +
                            ": every point of the scenario's place layers, or of FILE (any file OGR "
                            "reads; needed for snapshot input). Give FILE as --places=FILE or after "
                            "the inputs, so that it is not taken for one")
            ->expected(0, 1)
            ->type_name("[FILE]");
}

std::vector<analysis::Place> loadPlaces(const PlacesInput& input, LoadedScenario& loaded,
                                        Diagnostics& diagnostics) {
    if (!input.file.empty()) {
        const Layer layer =
            io::readLayer(input.file, {}, loaded.context.proj, loaded.context.geos, diagnostics);
        std::vector<analysis::Place> places = analysis::placesOf(layer, diagnostics);
        if (places.empty())
            throw DataError("'" + input.file + "': --places: no point features to use as places");
        return places;
    }
    const Scenario& scenario = loaded.scenario;
    const bool hasPlaceLayer = std::any_of(scenario.layers.begin(), scenario.layers.end(),
                                           [](const Layer& layer) { return layer.role == LayerRole::Place; });
    if (!hasPlaceLayer) {
        throw UsageError("--places: '" + scenario.manifestPath.string() +
                         "' has no layer of role place; name a point file: --places=FILE");
    }
    std::vector<analysis::Place> places = analysis::scenarioPlaces(scenario, diagnostics);
    if (places.empty()) {
        throw DataError("'" + scenario.manifestPath.string() + "': --places: its place layers hold no point");
    }
    return places;
}

const Layer& regionLayer(const Scenario& scenario, const std::string& layerId) {
    std::string candidates;
    for (const auto& layer : scenario.layers) {
        const bool polygons =
            std::any_of(layer.features.begin(), layer.features.end(),
                        [](const Feature& feature) { return !feature.geometry.polygons.empty(); });
        if (!polygons) continue;
        if (layer.id == layerId) return layer;
        if (layer.role != LayerRole::Control) candidates += (candidates.empty() ? "" : ", ") + layer.id;
    }
    const Layer* found = scenario.findLayer(layerId);
    throw UsageError(
        "--by: " +
        std::string(found ? "layer '" + layerId + "' has no polygons" : "no layer '" + layerId + "'") +
        " in '" + scenario.manifestPath.string() + "'" +
        (candidates.empty() ? std::string(" (no layer but the control states has polygons)")
                            : " (layers with polygons: " + candidates + ")"));
}

}  // namespace frontline::app
