#include "analysis/control.hpp"

#include "core/error.hpp"

namespace frontline::analysis {

Geometry layerPolygons(geo::GeosContext& geos, const Layer& layer, const std::string& featureId) {
    Geometry all;
    for (const auto& feature : layer.features) {
        if (!featureId.empty() && feature.id != featureId) continue;
        all.polygons.insert(all.polygons.end(), feature.geometry.polygons.begin(),
                            feature.geometry.polygons.end());
    }
    if (!featureId.empty() && !layer.findFeature(featureId)) {
        throw DataError("layer '" + layer.id + "' (" + layer.path + ") has no feature '" + featureId + "'");
    }
    // Features of one layer may overlap; areas are only additive after dissolving.
    return all.polygons.size() <= 1 ? all : geo::dissolve(geos, all);
}

Geometry controlGeometry(geo::GeosContext& geos, const Scenario& scenario, const ControlState& state) {
    if (state.empty) return {};
    return layerPolygons(geos, scenario.layer(state.layerId), state.featureId);
}

double controlUncertaintyM(const Scenario& scenario, const ControlState& state) {
    if (state.empty) return 0;
    return scenario.layer(state.layerId).uncertaintyM;
}

std::string describeState(const ControlState& state) {
    std::string text = state.date.iso() + " (";
    text +=
        state.empty ? "nothing held" : state.layerId + (state.featureId.empty() ? "" : "#" + state.featureId);
    return text + ")";
}

}  // namespace frontline::analysis
