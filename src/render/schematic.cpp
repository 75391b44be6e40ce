#include "render/schematic.hpp"

#include <algorithm>
#include <optional>

#include "render/mesh.hpp"
#include "render/primitives.hpp"

namespace frontline::render {

namespace {

// Dots of schematic outlines, pixels at 1080p: short enough not to read as the front line's dash.
constexpr float kDot = 2.5f, kDotGap = 4.5f;

bool inForce(const Feature& feature, const Date& date) {
    const auto from = Date::tryParse(feature.property("valid_from"));
    const auto to = Date::tryParse(feature.property("valid_to"));
    return (!from || !(date < *from)) && (!to || date < *to);
}

void addPolygons(Geometry& into, const Geometry& from) {
    into.polygons.insert(into.polygons.end(), from.polygons.begin(), from.polygons.end());
}

}  // namespace

Geometry schematicPart(geo::GeosContext& geos, const Scenario& scenario, const ControlState& state,
                       const Geometry& heldLonLat) {
    if (state.empty || heldLonLat.polygons.empty()) return {};
    const Layer& own = scenario.layer(state.layerId);
    if (own.schematic) return heldLonLat;
    Geometry ground;
    for (const auto& layer : scenario.layers) {
        if (layer.role == LayerRole::Control && &layer != &own) continue;
        for (const auto& feature : layer.features) {
            // A control layer's features are the state itself: no date of their own.
            if (layer.isSchematic(feature) && (&layer == &own || inForce(feature, state.date)))
                addPolygons(ground, feature.geometry);
        }
    }
    if (ground.polygons.empty()) return {};
    return geo::intersect(geos, heldLonLat, geo::dissolve(geos, ground));
}

sf::Color schematicWash() { return {243, 241, 236, 128}; }

sf::Color schematicFill(sf::Color fill) {
    fill.a = static_cast<sf::Uint8>(fill.a / 2);
    return fill;
}

void setSchematicDots(sf::Shader& dash, float unit, float opacity) {
    dash.setUniform("dashLength", std::max(1.5f, kDot * unit));
    dash.setUniform("gapLength", std::max(2.0f, kDotGap * unit));
    dash.setUniform("phase", 0.0f);
    dash.setUniform("opacity", opacity);
}

void drawSchematicSwatch(sf::RenderTarget& target, sf::FloatRect box, sf::Color ink, float unit,
                         sf::Shader& dash, bool wash) {
    if (wash) drawRect(target, box, sf::Color(ink.r, ink.g, ink.b, 40));
    std::vector<sf::Vertex> outline;
    const float l = box.left, t = box.top, r = box.left + box.width, b = box.top + box.height;
    appendStroke(outline, {{l, t}, {r, t}, {r, b}, {l, b}}, true, std::max(1.0f, 1.6f * unit), ink);
    setSchematicDots(dash, unit, 1.0f);
    drawTriangles(target, outline, sf::RenderStates(&dash));
}

}  // namespace frontline::render
