#include "render/scene.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <future>
#include <limits>

#include "analysis/control.hpp"
#include "core/error.hpp"
#include "geo/geos.hpp"
#include "render/locator.hpp"
#include "render/mesh.hpp"
#include "render/north_arrow.hpp"
#include "render/place_layout.hpp"
#include "render/scale_bar.hpp"
#include "render/schematic.hpp"
#include "render/style.hpp"
#include "render/tessellate.hpp"

namespace frontline::render {

namespace {

// Extra room around the data's extent, as a share of its size.
constexpr double kExtentPadding = 0.08;
// Points closer than this (pixels) are merged before stroking: invisible, and it keeps arrays small.
constexpr float kMinStep = 0.35f;
// A stroke's vertices are kept where they move its line by more than this many pixels (Douglas–Peucker),
// below what a pixel shows and below the kMinStep thinning already allowed. The bundled scenario at
// 1920x1080: the national borders go from 163,884 vertices of triangles to 88,716, the districts (their
// edges densified) from 94,248 to 12,630; the still of 10 Nov 2020 differs from the unsimplified one at
// 46.8 dB PSNR, and the viewer's benchmark p50 fell from 22.6 to 18.5 ms (4 alternating runs). llvmpipe
// transforms, sets up and rasterizes every one of those thin triangles.
constexpr double kStrokeTolerance = 0.25;

std::optional<Date> propertyDate(const Feature& feature, const std::string& key) {
    const std::string text = feature.property(key);
    if (text.empty()) return std::nullopt;
    return Date::tryParse(text);
}

BoundingBox projectedBox(const Geometry& projectedXy) { return boundingBox(projectedXy); }

// What the map is fitted to: what the states and corridors cover, else every layer.
BoundingBox dataExtent(const Scenario& scenario, const std::vector<Geometry>& heldXy,
                       const std::vector<std::vector<Geometry>>& layerXy) {
    BoundingBox extent;
    for (const auto& held : heldXy) extent.expand(projectedBox(held));
    for (std::size_t i = 0; i < scenario.layers.size(); ++i) {
        if (scenario.layers[i].role != LayerRole::Corridor) continue;
        for (const auto& geometry : layerXy[i]) {
            // A corridor far away in time (a 2025 proposal) must not zoom the map out; only its polygons
            // count.
            if (!geometry.polygons.empty()) extent.expand(projectedBox(geometry));
        }
    }
    if (!extent.valid) {
        for (const auto& features : layerXy)
            for (const auto& g : features) extent.expand(projectedBox(g));
    }
    if (!extent.valid)
        throw DataError(scenario.manifestPath.string() + ": nothing to draw (no geometry in any layer)");
    return extent;
}

int placeRank(const Feature& feature) {
    const std::string kind = feature.property("kind");
    if (kind == "city" || kind == "capital") return 0;
    if (kind == "town") return 1;
    return 2;
}

}  // namespace

bool FeatureMesh::visibleAt(const Date& date) const {
    return (!validFrom || *validFrom <= date) && (!validTo || date < *validTo);
}

bool LayerMesh::visibleAt(const Date& date) const {
    return std::any_of(features.begin(), features.end(),
                       [&](const FeatureMesh& f) { return f.visibleAt(date); });
}

Scene::Scene(const Scenario& scenario, geo::ThreadContext& context, const Fonts& fonts, sf::Vector2u size,
             MapOptions options, StatsFuture stats)
    : m_scenario(scenario), m_context(context), m_options(std::move(options)), m_size(size) {
    if (!stats.valid()) stats = measureInBackground(scenario);
    std::exception_ptr buildError;
    try {
        build(fonts);
    } catch (...) {
        buildError = std::current_exception();
    }
    // A measuring error is reported first: it came first when both ran on one thread, and the messages
    // for bad input are part of the command line's contract (tests/bad).
    m_stats = stats.get();
    if (buildError) std::rethrow_exception(buildError);
}

const StateShapes& Scene::shapes(int state) const {
    return m_shapes.get(state, [&] { return makeShapes(state); });
}

StateShapes Scene::makeShapes(int state) const {
    StateShapes shapes;
    const auto index = static_cast<std::size_t>(state);
    const StateMesh& mesh = m_states.at(index);
    if (!mesh.layer) return shapes;
    shapes.area = fillTriangles(m_frame->project(m_heldLonLat.at(index)), mesh.fill);
    const float lineWidth =
        std::max(1.0f, static_cast<float>(mesh.layer->style.strokeWidth) * 2.2f * m_layout.unit);
    const Geometry& schematic = m_schematicLonLat.at(index);
    // The line of contact is what analysis found to be front (the outline minus borders and coasts);
    // drawn heavier than the layer's outline width: it is the subject. Along a schematic part it is
    // that part's dotted outline instead (a pixel's width round it is left out).
    if (index < m_stats.size() && !m_stats[index].frontLonLat.lines.empty()) {
        Geometry front = m_stats[index].frontLonLat;
        if (!schematic.polygons.empty()) {
            const Geometry zone = m_frame->bufferM(m_context.geos, schematic, 1.5 * m_metresPerPixel);
            front = geo::clipLines(m_context.geos, front, zone, false);
        }
        shapes.frontLine = outline(m_frame->project(front), lineWidth, mesh.stroke);
    }
    if (!schematic.polygons.empty()) {
        const Geometry xy = m_frame->project(schematic);
        shapes.schematic = fillTriangles(xy, schematicWash());
        shapes.schematicEdge = outline(xy, std::max(1.0f, lineWidth * 0.8f), mesh.stroke);
    }
    return shapes;
}

void Scene::build(const Fonts& fonts) {
    if (m_size.x < kMinFrameWidth || m_size.y < kMinFrameHeight)
        throw RenderError("frame size " + std::to_string(m_size.x) + "x" + std::to_string(m_size.y) +
                          " is too small");
    m_layout = frameLayout(m_size, m_options.panel);
    if (m_options.locator) m_layout.locator = locatorBox(m_layout);
    m_frame.emplace(analysis::scenarioFrame(m_context.proj, m_scenario));
    const std::vector<Geometry> heldXy = projectHeld();
    const std::vector<std::vector<Geometry>> layerXy = projectLayers();
    fitMap(dataExtent(m_scenario, heldXy, layerXy));
    meshLayers(layerXy);
    styleStates();
    placeLabels(fonts, heldXy, layerXy);
    labelRegions(fonts, heldXy, layerXy);
}

std::vector<Geometry> Scene::projectHeld() {
    std::vector<Geometry> heldXy;
    for (const auto& state : m_scenario.timeline.states()) {
        m_heldLonLat.push_back(analysis::controlGeometry(m_context.geos, m_scenario, state));
        m_schematicLonLat.push_back(schematicPart(m_context.geos, m_scenario, state, m_heldLonLat.back()));
        heldXy.push_back(m_frame->project(m_heldLonLat.back()));
    }
    return heldXy;
}

std::vector<std::vector<Geometry>> Scene::projectLayers() const {
    std::vector<std::vector<Geometry>> layerXy;
    for (const auto& layer : m_scenario.layers) {
        std::vector<Geometry> features;
        if (layer.role != LayerRole::Control) {
            for (const auto& feature : layer.features) features.push_back(m_frame->project(feature.geometry));
        }
        layerXy.push_back(std::move(features));
    }
    return layerXy;
}

void Scene::fitMap(BoundingBox extent) {
    const double padX = std::max(extent.maxX - extent.minX, 1000.0) * kExtentPadding;
    const double padY = std::max(extent.maxY - extent.minY, 1000.0) * kExtentPadding;
    extent.minX -= padX;
    extent.maxX += padX;
    extent.minY -= padY;
    extent.maxY += padY;
    const double scale = std::min(m_layout.map.width / (extent.maxX - extent.minX),
                                  m_layout.map.height / (extent.maxY - extent.minY));
    const Coord centre = extent.centre();
    m_pixels = {centre.x - m_layout.map.width / 2 / scale,
                centre.y + m_layout.map.height / 2 / scale,
                scale,
                {m_layout.map.left, m_layout.map.top}};
    m_metresPerPixel = 1 / scale;
    m_northRadians = northRadiansAt(centre);
}

float Scene::northRadiansAt(const Coord& projectedXy) const {
    Geometry centreXy;
    centreXy.points.push_back(projectedXy);
    const Coord centreLonLat = m_frame->unproject(centreXy).points.front();
    Geometry north;
    north.points.push_back(centreLonLat);
    north.points.push_back({centreLonLat.x, centreLonLat.y + 0.1});
    const Geometry northXy = m_frame->project(north);
    const sf::Vector2f a = toPixel(northXy.points[0]), b = toPixel(northXy.points[1]);
    return std::atan2(b.x - a.x, a.y - b.y);
}

void Scene::meshLayers(const std::vector<std::vector<Geometry>>& layerXy) {
    // Context, boundary and corridor layers, in draw order.
    const Scenario& scenario = m_scenario;
    std::vector<std::size_t> order;
    auto isReference = [&](const Layer& layer) {
        return std::find(m_options.references.begin(), m_options.references.end(), layer.id) !=
               m_options.references.end();
    };
    for (std::size_t i = 0; i < scenario.layers.size(); ++i) {
        const Layer& layer = scenario.layers[i];
        // A schematic layer without a style only marks held area (schematicPart).
        const bool marksOnly = layer.schematic && layer.style.fill.empty() && layer.style.stroke.empty();
        if (layer.role != LayerRole::Control && layer.role != LayerRole::Place &&
            (isReference(layer) || (!marksOnly && !whyNotDrawn(scenario, layer)))) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return scenario.layers[a].style.z < scenario.layers[b].style.z;
    });
    for (std::size_t index : order) {
        const Layer& layer = scenario.layers[index];
        LayerMesh mesh;
        mesh.layer = &layer;
        mesh.fill = layerColor(layer, layer.style.fill, "fill", layer.style.opacity);
        mesh.stroke = layerColor(layer, layer.style.stroke, "stroke", 1.0);
        mesh.hatch = layer.style.pattern == "hatch";
        if (isReference(layer)) {
            // An outline at every date: its fill would cover what is in force.
            mesh.reference = true;
            if (mesh.stroke.a == 0)
                mesh.stroke = mesh.fill.a > 0 ? sf::Color(mesh.fill.r, mesh.fill.g, mesh.fill.b) : kInk;
            mesh.fill = sf::Color::Transparent;
            mesh.hatch = false;
        }
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            mesh.features.push_back(meshFeature(mesh, layer.features[f], layerXy[index][f]));
            mesh.schematic = mesh.schematic || mesh.features.back().schematic;
            if (mesh.reference) mesh.features.back().validFrom = mesh.features.back().validTo = std::nullopt;
        }
        m_layers.push_back(std::move(mesh));
    }
}

FeatureMesh Scene::meshFeature(const LayerMesh& mesh, const Feature& source,
                               const Geometry& projectedXy) const {
    const Geometry& xy = projectedXy;
    const float strokeWidth =
        std::max(0.5f, static_cast<float>(mesh.layer->style.strokeWidth) * m_layout.unit);
    FeatureMesh feature;
    feature.validFrom = propertyDate(source, "valid_from");
    feature.validTo = propertyDate(source, "valid_to");
    feature.polygons = !xy.polygons.empty();
    feature.lines = !xy.lines.empty();
    feature.schematic = mesh.layer->isSchematic(source);
    if (feature.polygons || feature.lines) {
        const BoundingBox box = projectedBox(xy);
        const sf::Vector2f a = toPixel({box.minX, box.maxY}), b = toPixel({box.maxX, box.minY});
        feature.onMap =
            m_layout.map.intersects({a.x, a.y, std::max(b.x - a.x, 1.0f), std::max(b.y - a.y, 1.0f)});
    }
    if (mesh.fill.a > 0 && !xy.polygons.empty())
        feature.fill = fillTriangles(xy, feature.schematic ? schematicFill(mesh.fill) : mesh.fill);
    if (mesh.stroke.a > 0) feature.stroke = outline(xy, strokeWidth, mesh.stroke);
    // Lines of a layer without a stroke colour are drawn in its fill colour.
    else if (mesh.fill.a > 0 && !xy.lines.empty()) {
        Geometry lines;
        lines.lines = xy.lines;
        feature.stroke = outline(lines, strokeWidth, mesh.fill);
    }
    return feature;
}

void Scene::styleStates() {
    const auto& states = m_scenario.timeline.states();
    for (std::size_t i = 0; i < states.size(); ++i) {
        StateMesh mesh;
        mesh.state = &states[i];
        if (!states[i].empty) {
            mesh.layer = &m_scenario.layer(states[i].layerId);
            const LayerStyle& style = mesh.layer->style;
            mesh.fill =
                layerColor(*mesh.layer, style.fill.empty() ? "#c0392b" : style.fill, "fill", style.opacity);
            mesh.stroke =
                layerColor(*mesh.layer, style.stroke.empty() ? "#7b241c" : style.stroke, "stroke", 1.0);
        }
        m_states.push_back(mesh);
    }
}

std::vector<sf::Vertex> Scene::fillTriangles(const Geometry& projectedXy, sf::Color color) const {
    std::vector<sf::Vertex> vertices;
    if (projectedXy.polygons.empty()) return vertices;
    const std::vector<Coord> corners = triangulate(projectedXy);
    std::vector<sf::Vector2f> pixels;
    pixels.reserve(corners.size());
    for (const auto& corner : corners) pixels.push_back(toPixel(corner));
    appendTriangles(vertices, pixels, color);
    return vertices;
}

std::vector<sf::Vertex> Scene::outline(const Geometry& projectedXy, float width, sf::Color color) const {
    // Every ring and line in frame pixels, its vertices thinned to those that move it by more than
    // kStrokeTolerance, then stroked.
    Geometry pixelLines;
    auto toPixels = [&](const Path& path) {
        Path line;
        line.reserve(path.size());
        for (const auto& c : path) {
            const sf::Vector2f p = toPixel(c);
            line.push_back({p.x, p.y});
        }
        return line;
    };
    for (const auto& polygon : projectedXy.polygons) {
        for (const auto& ring : polygon.rings) pixelLines.lines.push_back(toPixels(ring));
    }
    const std::size_t rings = pixelLines.lines.size();
    for (const auto& line : projectedXy.lines) pixelLines.lines.push_back(toPixels(line));
    std::vector<sf::Vertex> vertices;
    if (pixelLines.lines.empty()) return vertices;
    // Its own context: a state's shapes are made on whichever thread draws them first.
    geo::GeosContext geos;
    const Geometry simplified = geo::simplifyLines(geos, pixelLines, kStrokeTolerance);
    for (std::size_t i = 0; i < simplified.lines.size(); ++i) {
        const Path& path = simplified.lines[i];
        Polyline line;
        line.reserve(path.size());
        for (const auto& c : path) line.emplace_back(static_cast<float>(c.x), static_cast<float>(c.y));
        const bool closed = i < rings;
        appendStroke(vertices, thin(line, kMinStep, closed), closed, width, color);
    }
    return vertices;
}

void Scene::placeLabels(const Fonts& fonts, const std::vector<Geometry>& heldXy,
                        const std::vector<std::vector<Geometry>>& layerXy) {
    // Every place layer with points, labelled together: the labels of one keep clear of the other's.
    std::vector<PlaceCandidate> candidates;
    for (const auto& layer : m_scenario.layers) {
        if (layer.role != LayerRole::Place || whyNotDrawn(m_scenario, layer)) continue;
        LayerMesh mesh;
        mesh.layer = &layer;
        mesh.fill = layerColor(layer, layer.style.fill.empty() ? "#111111" : layer.style.fill, "fill", 1.0);
        m_placeLayers.push_back(mesh);
        for (const auto& feature : layer.features) {
            const Geometry xy = m_frame->project(feature.geometry);
            for (const auto& point : xy.points) {
                const sf::Vector2f dot = toPixel(point);
                if (!m_layout.map.contains(dot)) continue;
                candidates.push_back({dot, placeName(feature, m_options.names), placeRank(feature),
                                      !feature.property("kind").empty(), m_placeLayers.size() - 1});
            }
        }
    }
    const ScaleBarLayout scaleBar =
        scaleBarLayout(m_layout.map, m_layout.unit, m_metresPerPixel, fonts.regular);
    std::vector<sf::Vector2f> dots;
    for (const auto& candidate : candidates) dots.push_back(candidate.dot);
    m_layout.northArrow =
        chooseNorthArrowCorner(m_layout, dots, std::max(1.5f, 3.5f * m_layout.unit) + 2,
                               [&](sf::FloatRect box) { return dataCovered(box, heldXy, layerXy); });
    m_mapTexts = mapTextsLayout(*this, m_layout, fonts, scaleBar.plate, dots);
    m_places = layOutPlaceLabels(std::move(candidates), m_layout, fonts, scaleBar.plate, m_mapTexts);
}

double Scene::dataCovered(sf::FloatRect box, const std::vector<Geometry>& heldXy,
                          const std::vector<std::vector<Geometry>>& layerXy) const {
    geo::GeosContext& geos = m_context.geos;
    const Path ring{{box.left, box.top},
                    {box.left + box.width, box.top},
                    {box.left + box.width, box.top + box.height},
                    {box.left, box.top + box.height},
                    {box.left, box.top}};
    const Geometry square{{Polygon{{ring}}}, {}, {}};
    const auto inBox = [&](const Geometry& xy) {
        return geo::planarArea(geos, geo::intersect(geos, square, m_pixels.toPixels(xy)));
    };
    // The most any state holds of the box (of a long series, 64 states spread over it stand for all),
    // and every filled polygon a layer draws there.
    double covered = 0;
    const std::size_t states = heldXy.size(), step = std::max<std::size_t>(1, (states + 63) / 64);
    for (std::size_t i = 0; i < states; i += step) covered = std::max(covered, inBox(heldXy[i]));
    for (const auto& mesh : m_layers) {
        if (mesh.fill.a == 0 || mesh.hatch || mesh.schematic) continue;
        const auto index = static_cast<std::size_t>(mesh.layer - m_scenario.layers.data());
        for (std::size_t f = 0; f < mesh.features.size(); ++f) {
            if (!mesh.features[f].onMap || layerXy[index][f].polygons.empty()) continue;
            covered += inBox(Geometry{layerXy[index][f].polygons, {}, {}});
        }
    }
    return covered;
}

void Scene::labelRegions(const Fonts& fonts, const std::vector<Geometry>& heldXy,
                         const std::vector<std::vector<Geometry>>& layerXy) {
    geo::GeosContext& geos = m_context.geos;
    // Half a pixel of simplification changes no placement and makes each GEOS call cheap.
    auto pixels = [&](const Geometry& xy) { return geo::simplify(geos, m_pixels.toPixels(xy), 0.5); };
    std::vector<RegionCandidate> candidates;
    for (std::size_t m = 0; m < m_layers.size(); ++m) {
        const Layer& layer = *m_layers[m].layer;
        if (layer.style.label.empty()) continue;
        const auto index = static_cast<std::size_t>(&layer - m_scenario.layers.data());
        const RegionLabelStyle style =
            parseRegionLabelStyle(layer.style.labelStyle, "layer '" + layer.id + "'");
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            const Feature& feature = layer.features[f];
            const std::string name = layer.style.label == "name" ? placeName(feature, m_options.names)
                                                                 : feature.property(layer.style.label);
            if (name.empty() || !m_layers[m].features[f].onMap) continue;
            Geometry shape = pixels(layerXy[index][f]);
            shape.lines = m_pixels.toPixels(Geometry{{}, layerXy[index][f].lines, {}}).lines;
            candidates.push_back({std::move(shape), name, style, m, propertyDate(feature, "valid_from"),
                                  propertyDate(feature, "valid_to")});
        }
    }
    if (candidates.empty()) return;
    // Names keep off every state's held area; of a long series, 64 states spread over it stand for all.
    const std::size_t states = heldXy.size(), step = std::max<std::size_t>(1, (states + 63) / 64);
    Geometry held;
    for (std::size_t i = 0; i < states; i += step) {
        const Geometry piece = pixels(heldXy[i]);
        held.polygons.insert(held.polygons.end(), piece.polygons.begin(), piece.polygons.end());
    }
    if (states > 0 && (states - 1) % step != 0) {
        const Geometry last = pixels(heldXy.back());
        held.polygons.insert(held.polygons.end(), last.polygons.begin(), last.polygons.end());
    }
    m_regionLabels = layOutRegionLabels(
        geos, std::move(candidates), geo::dissolve(geos, held),
        boxesTakenByPlaces(m_places, m_layout, fonts,
                           scaleBarLayout(m_layout.map, m_layout.unit, m_metresPerPixel, fonts.regular).plate,
                           m_mapTexts),
        m_layout, fonts);
}

Coord Scene::toLonLat(sf::Vector2f pixel) const {
    return m_frame->unproject(Geometry{{}, {}, {m_pixels.toProjected(pixel)}}).points.front();
}

int Scene::stateIndexAt(const Date& date) const { return m_scenario.timeline.indexAt(date); }

const TransitionMesh& Scene::transition(int from, int to) {
    return m_transitions.get(std::make_pair(from, to), [&] { return makeTransition(from, to); });
}

const char* toString(TransitionStyle style) { return style == TransitionStyle::Wipe ? "wipe" : "dissolve"; }

TransitionMesh Scene::makeTransition(int from, int to) {
    const Geometry none;
    const Geometry& a = from >= 0 ? m_heldLonLat.at(static_cast<std::size_t>(from)) : none;
    const Geometry& b = to >= 0 ? m_heldLonLat.at(static_cast<std::size_t>(to)) : none;
    const sf::Color colourA =
        from >= 0 ? m_states[static_cast<std::size_t>(from)].fill : sf::Color::Transparent;
    const sf::Color colourB = to >= 0 ? m_states[static_cast<std::size_t>(to)].fill : sf::Color::Transparent;
    geo::GeosContext& geos = m_context.geos;
    const geo::EqualAreaFrame& frame = *m_frame;

    TransitionMesh mesh;
    const analysis::Change* measured = nullptr;
    if (from >= 0 && to == from + 1 && static_cast<std::size_t>(to) < m_stats.size() &&
        m_stats[static_cast<std::size_t>(to)].sincePrevious) {
        measured = &*m_stats[static_cast<std::size_t>(to)].sincePrevious;
    }
    if (measured && !a.polygons.empty() && !b.polygons.empty()) {
        // Consecutive states: the pieces analysis cut (the ones whose km² the panel shows).
        mesh.kept = fillTriangles(frame.project(measured->keptLonLat), colourA);
        mesh.lost = fillTriangles(frame.project(measured->lostLonLat), colourA);
        mesh.gained = fillTriangles(frame.project(measured->gainedLonLat), colourB);
    } else if (!a.polygons.empty() && !b.polygons.empty()) {
        // A jump over several states (the viewer's timeline): only drawn, never measured.
        mesh.kept = fillTriangles(frame.project(geo::intersect(geos, a, b)), colourA);
        mesh.lost = fillTriangles(frame.project(geo::subtract(geos, a, b)), colourA);
        mesh.gained = fillTriangles(frame.project(geo::subtract(geos, b, a)), colourB);
    } else if (!a.polygons.empty()) {
        mesh.lost = fillTriangles(frame.project(a), colourA);
    } else if (!b.polygons.empty()) {
        mesh.gained = fillTriangles(frame.project(b), colourB);
    }

    return mesh;
}

TransitionField Scene::transitionField(int from, int to) const {
    const sf::Vector2i cells = TransitionField::cells(m_size);
    // Each mask is made before asking for the other state's shapes, so neither reference can be dropped
    // while it is read.
    const std::vector<sf::Vertex> noTriangles;
    const auto maskA =
        rasterize(from >= 0 ? shapes(from).area : noTriangles, cells.x, cells.y, TransitionField::kCell);
    const auto maskB =
        rasterize(to >= 0 ? shapes(to).area : noTriangles, cells.x, cells.y, TransitionField::kCell);
    const bool emptyA = from < 0 || m_heldLonLat.at(static_cast<std::size_t>(from)).polygons.empty();
    const bool emptyB = to < 0 || m_heldLonLat.at(static_cast<std::size_t>(to)).polygons.empty();
    return TransitionField::fromMasks(maskA, emptyA, maskB, emptyB, cells);
}

}  // namespace frontline::render
