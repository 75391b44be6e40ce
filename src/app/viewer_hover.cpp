#include "app/viewer_hover.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render/area_labels.hpp"
#include "render/renderer.hpp"
#include "render/style.hpp"

namespace frontline::app {

namespace {

float cross(sf::Vector2f a, sf::Vector2f b, sf::Vector2f p) {
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

bool inTriangles(const std::vector<sf::Vertex>& vertices, sf::Vector2f p) {
    for (std::size_t i = 0; i + 2 < vertices.size(); i += 3) {
        const sf::Vector2f a = vertices[i].position, b = vertices[i + 1].position,
                           c = vertices[i + 2].position;
        if (p.x < std::min({a.x, b.x, c.x}) || p.x > std::max({a.x, b.x, c.x}) ||
            p.y < std::min({a.y, b.y, c.y}) || p.y > std::max({a.y, b.y, c.y})) {
            continue;
        }
        const float d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
        const bool negative = d1 < 0 || d2 < 0 || d3<0, positive = d1> 0 || d2 > 0 || d3 > 0;
        if (!(negative && positive)) return true;
    }
    return false;
}

std::string featureName(const Feature& feature) {
    for (const char* key : {"name", "name_en", "NAME", "NAME_EN", "label", "title"}) {
        const std::string value = feature.property(key);
        if (!value.empty()) return value;
    }
    return feature.id.empty() ? "(unnamed feature)" : feature.id;
}

std::string validity(const Feature& feature) {
    const std::string from = feature.property("valid_from"), to = feature.property("valid_to");
    if (from.empty() && to.empty()) return "valid: throughout";
    return "valid: " + (from.empty() ? std::string("…") : from) + " to " +
           (to.empty() ? std::string("…") : to + " (exclusive)");
}

std::string areaLine(const analysis::AreaInterval& area) {
    const render::AreaLabels labels = render::areaLabels(area);
    std::string line = "area " + labels.value + " km²";
    if (area.likelyMinKm2 != area.minKm2 || area.likelyMaxKm2 != area.maxKm2) {
        line += ", likely [" + labels.likelyMin + ", " + labels.likelyMax + "]";
    }
    return line + ", at worst [" + labels.min + ", " + labels.max + "]";
}

}  // namespace

std::optional<HoverTarget> hitTest(const render::Scene& scene, const Date& date, int state,
                                   sf::Vector2f scenePixel, float placeRadius,
                                   const std::set<std::string>& hidden) {
    auto isHidden = [&](const std::string& id) { return hidden.count(id) > 0; };
    // Places are on top.
    {
        const auto& all = scene.places();
        const auto& placeLayers = scene.placeLayers();
        std::optional<std::size_t> best;
        float bestDistance = placeRadius;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (isHidden(placeLayers[all[i].layer].layer->id)) continue;
            const sf::Vector2f d = all[i].dot - scenePixel;
            const float distance = std::hypot(d.x, d.y);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        if (best) return HoverTarget{HoverTarget::Kind::Place, &placeLayers[all[*best].layer], 0, -1, *best};
    }
    const auto& layers = scene.layers();
    const int controlZ = state >= 0 && scene.states()[static_cast<std::size_t>(state)].layer
                             ? scene.states()[static_cast<std::size_t>(state)].layer->style.z
                             : 10;
    bool controlTested = false;
    auto testControl = [&]() -> std::optional<HoverTarget> {
        controlTested = true;
        if (state < 0 || isHidden(render::Renderer::kControlLayers)) return std::nullopt;
        const render::StateShapes& mesh = scene.shapes(state);
        if (inTriangles(mesh.area, scenePixel) || inTriangles(mesh.frontLine, scenePixel)) {
            return HoverTarget{HoverTarget::Kind::Control, nullptr, 0, state, 0};
        }
        return std::nullopt;
    };
    // Top first: layers in reverse drawing order, the control states at their z.
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!controlTested && it->layer->style.z < controlZ) {
            if (auto hit = testControl()) return hit;
        }
        if (isHidden(it->layer->id)) continue;
        for (std::size_t f = it->features.size(); f-- > 0;) {
            const auto& feature = it->features[f];
            if (!feature.visibleAt(date)) continue;
            if (inTriangles(feature.stroke, scenePixel) || inTriangles(feature.fill, scenePixel)) {
                return HoverTarget{HoverTarget::Kind::Feature, &*it, f, -1, 0};
            }
        }
    }
    if (!controlTested) return testControl();
    return std::nullopt;
}

std::vector<std::string> HoverDescriber::describe(const HoverTarget& target) {
    switch (target.kind) {
        case HoverTarget::Kind::Control: {
            const auto& stats = m_scene.stats()[static_cast<std::size_t>(target.state)];
            const auto& mesh = m_scene.states()[static_cast<std::size_t>(target.state)];
            std::vector<std::string> lines{
                m_scene.scenario().subject + " area: " + stats.state.label,
                "layer: " + (mesh.layer ? mesh.layer->title + " (" + mesh.layer->id + ")" : "—"),
                "control state from " + stats.state.date.iso(), areaLine(stats.area),
                fmt::format("line of contact {:.1f} km of {:.1f} km outline", stats.frontKm,
                            stats.outlineKm)};
            return lines;
        }
        case HoverTarget::Kind::Place: {
            const auto& place = m_scene.places()[target.place];
            const char* ranks[] = {"city", "town", "village"};
            return {place.name.empty() ? "(unlabelled place)" : place.name,
                    "layer: " + target.layer->layer->title,
                    std::string("kind: ") + ranks[std::clamp(place.rank, 0, 2)]};
        }
        case HoverTarget::Kind::Feature:
            break;
    }
    const Layer& layer = *target.layer->layer;
    const Feature& feature = layer.features[target.feature];
    std::vector<std::string> lines{featureName(feature), "layer: " + layer.title + " (" + layer.id + ")",
                                   validity(feature)};
    if (!feature.geometry.polygons.empty()) {
        const auto key = std::make_pair(&layer, target.feature);
        auto found = m_areas.find(key);
        if (found == m_areas.end())
            found = m_areas.emplace(key, m_measurer.areaInterval(feature.geometry, layer.uncertaintyM)).first;
        lines.push_back(areaLine(found->second));
        if (layer.uncertaintyM > 0) lines.back() += fmt::format(" (±{:g} m)", layer.uncertaintyM);
    } else {
        lines.push_back("line feature (no area)");
    }
    return lines;
}

const std::vector<sf::Vertex>& HoverDescriber::triangles(const HoverTarget& target) const {
    static const std::vector<sf::Vertex> none;
    switch (target.kind) {
        case HoverTarget::Kind::Control:
            return m_scene.shapes(target.state).area;
        case HoverTarget::Kind::Feature: {
            const auto& feature = target.layer->features[target.feature];
            return feature.fill.empty() ? feature.stroke : feature.fill;
        }
        case HoverTarget::Kind::Place:
            break;
    }
    return none;
}

}  // namespace frontline::app
