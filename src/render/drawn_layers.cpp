#include "render/drawn_layers.hpp"

#include <algorithm>

#include "render/style.hpp"

namespace frontline::render {

std::optional<std::string> whyNotDrawn(const Scenario& scenario, const Layer& layer) {
    bool points = false, shapes = false;
    for (const auto& feature : layer.features) {
        points = points || !feature.geometry.points.empty();
        shapes = shapes || !feature.geometry.polygons.empty() || !feature.geometry.lines.empty();
    }
    switch (layer.role) {
        case LayerRole::Control: {
            const auto& states = scenario.timeline.states();
            const bool used = std::any_of(states.begin(), states.end(), [&](const ControlState& state) {
                return state.layerId == layer.id;
            });
            if (!used) return "is a control layer no [[state]] uses: not drawn";
            return std::nullopt;
        }
        case LayerRole::Place:
            if (!points) return "is a place layer without points: not drawn";
            return std::nullopt;
        default:
            break;
    }
    if (!shapes) {
        if (points) return "has only points, which are drawn on a layer of role \"place\" only: not drawn";
        return std::nullopt;  // no geometry at all: the reader has said so
    }
    const sf::Color fill = layerColor(layer, layer.style.fill, "fill", layer.style.opacity);
    const sf::Color stroke = layerColor(layer, layer.style.stroke, "stroke", 1.0);
    // A schematic layer without a style only marks the held area it covers (render/schematic).
    if (fill.a == 0 && stroke.a == 0 && !(layer.schematic && shapes))
        return "has no visible style.fill or style.stroke: not drawn";
    return std::nullopt;
}

void warnLayersNotDrawn(const Scenario& scenario, Diagnostics& diagnostics) {
    for (const auto& layer : scenario.layers) {
        if (const auto why = whyNotDrawn(scenario, layer)) diagnostics.warn("layer '" + layer.id + "'", *why);
    }
}

}  // namespace frontline::render
