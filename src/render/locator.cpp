#include "render/locator.hpp"

#include <algorithm>
#include <cmath>

#include "geo/geos.hpp"
#include "render/mesh.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "render/tessellate.hpp"

namespace frontline::render {

namespace {

const sf::Color kLand(226, 224, 218);
const sf::Color kCoast(150, 150, 150);
const sf::Color kFrameLine(120, 120, 120);

Geometry rectangle(const BoundingBox& b) {
    const Path ring{{b.minX, b.minY}, {b.maxX, b.minY}, {b.maxX, b.maxY}, {b.minX, b.maxY}, {b.minX, b.minY}};
    return Geometry{{Polygon{{ring}}}, {}, {}};
}

}  // namespace

sf::FloatRect locatorBox(const FrameLayout& layout) {
    const sf::FloatRect map = layout.map;
    if (map.width < 160 || map.height < 120) return {};
    const float u = layout.unit, margin = std::round(12 * u);
    const float width = std::round(std::max(120.0f, 0.22f * map.width));
    const float height = std::round(std::min(width * 0.75f, 0.34f * map.height));
    if (layout.placement == PanelPlacement::None) {
        // The date is at the top right: under the north arrow (100 × 115 units) instead.
        return {map.left + margin, map.top + std::max(115 * u, 24.0f) + margin, width, height};
    }
    return {map.left + map.width - margin - width, map.top + margin, width, height};
}

std::optional<Locator> Locator::build(const Scene& scene, sf::FloatRect box) {
    if (box.width <= 0 || box.height <= 0) return std::nullopt;
    const geo::EqualAreaFrame& frame = scene.frame();
    geo::GeosContext& geos = scene.context().geos;
    // The map's extent, projected.
    const sf::FloatRect map = scene.mapRect();
    Geometry corners;
    for (const auto& [x, y] : {std::pair{map.left, map.top}, {map.left + map.width, map.top + map.height}})
        corners.points.push_back(scene.toLonLat({x, y}));
    const Geometry mapXy = frame.project(corners);
    const BoundingBox mapBox = boundingBox(mapXy);
    // What the context layers' polygons cover, projected.
    std::vector<std::pair<const Layer*, Geometry>> shapes;
    BoundingBox covered;
    for (const auto& layer : scene.scenario().layers) {
        if (layer.role != LayerRole::Context) continue;
        for (const auto& feature : layer.features) {
            if (feature.geometry.polygons.empty()) continue;
            Geometry polygons;
            polygons.polygons = feature.geometry.polygons;
            shapes.emplace_back(&layer, frame.project(polygons));
            covered.expand(boundingBox(shapes.back().second));
        }
    }
    if (!covered.valid || !mapBox.valid) return std::nullopt;
    // kLocatorZoom times the map's extent at the box's aspect, cut to what the polygons cover.
    const double aspect = box.width / box.height;
    const double mapW = mapBox.maxX - mapBox.minX, mapH = mapBox.maxY - mapBox.minY;
    double w = std::max(kLocatorZoom * mapW, kLocatorZoom * mapH * aspect);
    w = std::min({w, covered.maxX - covered.minX, (covered.maxY - covered.minY) * aspect});
    const double h = w / aspect;
    if (w < kLocatorMinGain * mapW && h < kLocatorMinGain * mapH) return std::nullopt;
    const Coord centre = mapBox.centre();
    const double cx = std::clamp(centre.x, covered.minX + w / 2, covered.maxX - w / 2);
    const double cy = std::clamp(centre.y, covered.minY + h / 2, covered.maxY - h / 2);
    BoundingBox shown;
    shown.expand(Coord{cx - w / 2, cy - h / 2});
    shown.expand(Coord{cx + w / 2, cy + h / 2});
    const double scale = box.width / w;
    auto toPixel = [&](const Coord& c) {
        return sf::Vector2f(static_cast<float>(box.left + (c.x - shown.minX) * scale),
                            static_cast<float>(box.top + (shown.maxY - c.y) * scale));
    };

    Locator locator;
    locator.m_box = box;
    std::vector<sf::Vertex>& out = locator.m_triangles;
    appendRect(out, box, kPanel);
    const Geometry window = rectangle(shown);
    const float line = std::max(0.6f, 0.8f * scene.unit());
    for (const auto& [layer, xy] : shapes) {
        const Geometry inside = geo::intersect(geos, xy, window);
        if (inside.polygons.empty()) continue;
        const sf::Color fill = layer->style.fill.empty() ? kLand : parseColor(layer->style.fill, layer->id);
        std::vector<sf::Vector2f> pixels;
        for (const auto& corner : triangulate(inside)) pixels.push_back(toPixel(corner));
        appendTriangles(out, pixels, fill);
        const sf::Color stroke =
            layer->style.stroke.empty() ? kCoast : parseColor(layer->style.stroke, layer->id);
        for (const auto& polygon : inside.polygons) {
            for (const auto& ring : polygon.rings) {
                Polyline path;
                for (const auto& c : ring) path.push_back(toPixel(c));
                appendStroke(out, thin(path, 0.5f, true), true, line, stroke);
            }
        }
    }
    auto inBox = [&](sf::Vector2f p) {
        return sf::Vector2f(std::clamp(p.x, box.left, box.left + box.width),
                            std::clamp(p.y, box.top, box.top + box.height));
    };
    const sf::Vector2f a = inBox(toPixel({mapBox.minX, mapBox.maxY}));
    const sf::Vector2f b = inBox(toPixel({mapBox.maxX, mapBox.minY}));
    locator.m_mapFrame = {a.x, a.y, b.x - a.x, b.y - a.y};
    const float frameWidth = std::max(1.5f, 2.5f * scene.unit());
    appendStroke(out, {a, {b.x, a.y}, b, {a.x, b.y}}, true, frameWidth, kAccent);
    appendStroke(out,
                 {{box.left, box.top},
                  {box.left + box.width, box.top},
                  {box.left + box.width, box.top + box.height},
                  {box.left, box.top + box.height}},
                 true, 1.0f, kFrameLine);
    return locator;
}

void Locator::draw(sf::RenderTarget& target) const {
    if (!m_triangles.empty()) target.draw(m_triangles.data(), m_triangles.size(), sf::Triangles);
}

}  // namespace frontline::render
