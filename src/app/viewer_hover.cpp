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

std::string featureName(const Feature& feature) {
    for (const char* key : {"name", "name_en", "NAME", "NAME_EN", "label", "title"}) {
        std::string value = feature.property(key);
        if (!value.empty()) return value;
    }
    return feature.id.empty() ? "(unnamed feature)" : feature.id;
}

// A layer as the reader knows it: its title; the manifest's id only when it has none (ids such as
// "control_2020-11-10" are the scenario's internal names).
std::string layerName(const Layer& layer) { return layer.title.empty() ? layer.id : layer.title; }

std::string validity(const Feature& feature) {
    const std::string from = feature.property("valid_from"), to = feature.property("valid_to");
    if (from.empty() && to.empty()) return "valid: throughout";
    return "valid: " + (from.empty() ? std::string("…") : from) + " to " +
           (to.empty() ? std::string("…") : to + " (exclusive)");
}

std::string areaLine(const analysis::Interval& area) {
    const render::AreaLabels labels = render::areaLabels(area);
    std::string line = "area " + labels.value + " km²";
    if (area.likelyMin != area.min || area.likelyMax != area.max) {
        line += ", likely [" + labels.likelyMin + ", " + labels.likelyMax + "]";
    }
    return line + ", at worst [" + labels.min + ", " + labels.max + "]";
}

// A word that names a file of the working folders (not a web address): "002_dcdecc.txt", "DATA.md".
bool isFileName(const std::string& word) {
    if (word.find('/') != std::string::npos) return false;
    for (const char* extension : {".txt", ".md", ".toml", ".json", ".geojson", ".csv", ".py"}) {
        const std::string e = extension;
        if (word.size() > e.size() && word.compare(word.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return parts;
        start = end + separator.size();
    }
}

// `text` split on "; " outside brackets: "a (b; c); d" is "a (b; c)" and "d".
std::vector<std::string> splitItems(const std::string& text) {
    std::vector<std::string> items;
    std::string current;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth <= 0 && c == ';' && i + 1 < text.size() && text[i + 1] == ' ') {
            items.push_back(current);
            current.clear();
            ++i;
            continue;
        }
        current += c;
    }
    items.push_back(current);
    return items;
}

// `text` with each parenthesised remark (nesting not expected) passed through `keep`, which returns
// what stays of its inside ("" drops the brackets too).
template <typename Keep>
std::string filterRemarks(const std::string& text, Keep keep) {
    std::string result;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find(" (", at);
        const std::size_t close = open == std::string::npos ? open : text.find(')', open);
        if (close == std::string::npos) {
            result += text.substr(at);
            break;
        }
        result += text.substr(at, open - at);
        const std::string inside = keep(text.substr(open + 2, close - open - 2));
        if (!inside.empty()) result += " (" + inside + ")";
        at = close + 1;
    }
    return result;
}

}  // namespace

bool pointInTriangles(const std::vector<sf::Vertex>& vertices, sf::Vector2f p) {
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

std::string readerSource(const std::string& source) {
    std::vector<std::string> kept;
    for (std::string item : splitItems(source)) {
        // "[25] karabakhfacts.com": the number is that of a list the reader does not have.
        if (item.size() > 2 && item.front() == '[') {
            const std::size_t close = item.find("] ");
            if (close != std::string::npos &&
                std::all_of(item.begin() + 1, item.begin() + static_cast<std::ptrdiff_t>(close),
                            [](char c) { return c >= '0' && c <= '9'; }))
                item = item.substr(close + 2);
        }
        // Remarks about the working files go, the rest of a remark stays: "(Four-Day War timeline;
        // outside DATA.md)" → "(Four-Day War timeline)".
        item = filterRemarks(item, [](const std::string& inside) {
            std::string rest;
            for (const auto& part : split(inside, "; "))
                if (part.find(".md") == std::string::npos && part.find(".txt") == std::string::npos)
                    rest += (rest.empty() ? "" : "; ") + part;
            return rest;
        });
        // "002_dcdecc.txt (CSS Analyses, 'February 2022')" → its title; a file name alone, nothing.
        std::string words;
        for (std::size_t at = 0; at < item.size();) {
            const std::size_t end = item.find(' ', at);
            const std::string word = item.substr(at, end == std::string::npos ? std::string::npos : end - at);
            at = end == std::string::npos ? item.size() : end + 1;
            if (!isFileName(word)) {
                words += (words.empty() ? "" : " ") + word;
                continue;
            }
            const std::size_t close = item.find(')', at);
            if (end != std::string::npos && item.compare(at, 1, "(") == 0 && close != std::string::npos) {
                words += (words.empty() ? "" : " ") + item.substr(at + 1, close - at - 1);
                at = close + 1 < item.size() && item[close + 1] == ' ' ? close + 2 : close + 1;
            }
        }
        item = words;
        if (!item.empty() && std::find(kept.begin(), kept.end(), item) == kept.end()) kept.push_back(item);
    }
    std::string text;
    for (const auto& item : kept) text += (text.empty() ? "" : "; ") + item;
    return text;
}

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
        if (pointInTriangles(mesh.area, scenePixel) || pointInTriangles(mesh.frontLine, scenePixel)) {
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
            if (pointInTriangles(feature.stroke, scenePixel) || pointInTriangles(feature.fill, scenePixel)) {
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
            std::vector<std::string> lines{m_scene.scenario().subject + " area: " + stats.state.label,
                                           "layer: " + (mesh.layer ? layerName(*mesh.layer) : "—"),
                                           "control state from " + stats.state.date.iso(),
                                           areaLine(stats.area),
                                           fmt::format("line of contact {:.1f} km of {:.1f} km outline",
                                                       stats.frontKm, stats.outlineKm)};
            return lines;
        }
        case HoverTarget::Kind::Place: {
            const auto& place = m_scene.places()[target.place];
            const char* ranks[] = {"city", "town", "village"};
            return {place.name.empty() ? "(unlabelled place)" : place.name,
                    "layer: " + layerName(*target.layer->layer),
                    std::string("kind: ") + ranks[std::clamp(place.rank, 0, 2)]};
        }
        case HoverTarget::Kind::Feature:
            break;
    }
    const Layer& layer = *target.layer->layer;
    const Feature& feature = layer.features[target.feature];
    std::vector<std::string> lines{featureName(feature), "layer: " + layerName(layer), validity(feature)};
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
