#include "render/renderer.hpp"

#include <fmt/format.h>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include "core/error.hpp"
#include "render/area_labels.hpp"
#include "render/chart.hpp"
#include "render/mesh.hpp"
#include "render/panel_text.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

namespace frontline::render {

namespace {

const sf::Color kBackground(243, 241, 236);

// Dash pattern of front lines and its march speed, in pixels at 1080p.
constexpr float kDash = 11.0f, kGap = 7.0f, kDashSpeed = 14.0f;
// Hatch stripes, pixels at 1080p.
constexpr float kHatchSpacing = 9.0f, kHatchWidth = 3.0f;
// Width of the moving front of a transition, in reveal units (see transition.frag).
constexpr float kTransitionSoftness = 0.04f;
constexpr std::size_t kEventsShown = 3;
// The smallest credits a frame of 1280×720 or more prints, pixels: readable on a phone showing it.
// Smaller frames scale it down with the rest of their text (to 7 px at 640×360), or their credits
// would be the largest text of the frame.
constexpr float kMinTextPx = 12.0f;
constexpr float kMinTextUnit = 1280.0f / 1920.0f;

void drawTriangles(sf::RenderTarget& target, const std::vector<sf::Vertex>& vertices,
                   const sf::RenderStates& states = sf::RenderStates::Default) {
    if (!vertices.empty()) target.draw(vertices.data(), vertices.size(), sf::Triangles, states);
}

void drawLine(sf::RenderTarget& target, std::initializer_list<sf::Vector2f> points, float width,
              sf::Color colour) {
    std::vector<sf::Vertex> vertices;
    appendStroke(vertices, Polyline(points), false, width, colour);
    drawTriangles(target, vertices);
}

void drawRect(sf::RenderTarget& target, sf::FloatRect box, sf::Color fill,
              sf::Color outline = sf::Color::Transparent, float outlineWidth = 0) {
    sf::RectangleShape shape({box.width, box.height});
    shape.setPosition(box.left, box.top);
    shape.setFillColor(fill);
    shape.setOutlineColor(outline);
    shape.setOutlineThickness(outlineWidth);
    target.draw(shape);
}

// A round number of km for the scale bar: 1, 2, 5 × 10^n not longer than `maxKm`.
double niceKm(double maxKm) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxKm)));
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * magnitude <= maxKm) return step * magnitude;
    }
    return magnitude;
}

std::string kmLabel(double km) { return fmt::format("{:g} km", km); }

// Villages have grey names (and open circles, see drawPlaceDot).
sf::Color placeLabelColour(int rank) { return rank == 2 ? kMuted : kInk; }

}  // namespace

FrameSpec stillFrame(const Scene& scene, const Date& date) {
    FrameSpec frame;
    frame.date = date;
    frame.state = scene.stateIndexAt(date);
    if (frame.state > 0)
        frame.eventsSince =
            scene.scenario().timeline.states()[static_cast<std::size_t>(frame.state) - 1].date;
    return frame;
}

Renderer::Renderer(Scene& scene, const Fonts& fonts, ShaderSet& shaders)
    : m_scene(scene), m_fonts(fonts), m_shaders(shaders) {}

void Renderer::draw(sf::RenderTarget& target, const FrameSpec& frame) {
    m_texts.clear();
    m_boxes.clear();
    // Not getDefaultView(): a window keeps the default view of its first size after a resize.
    const sf::View frameView(
        sf::FloatRect(0, 0, static_cast<float>(target.getSize().x), static_cast<float>(target.getSize().y)));
    target.setView(frameView);
    target.clear(kBackground);
    drawMap(target, frame);
    target.setView(frameView);
    if (m_scene.panelPlacement() == PanelPlacement::None)
        drawMapLabels(target, frame);
    else if (m_cachePanel)
        drawCachedPanel(target, frame);
    else
        drawPanel(target, frame);
}

void Renderer::drawCachedPanel(sf::RenderTarget& target, const FrameSpec& frame) {
    PanelKey key;
    key.date = frame.date;
    key.state = frame.state;
    if (frame.transition) {
        key.from = frame.transition->from;
        key.to = frame.transition->to;
        key.firstHalf = frame.transition->progress < 0.5;
    }
    key.eventsSince = frame.eventsSince;
    key.hidden = m_hidden;
    key.targetSize = target.getSize();
    const sf::FloatRect panel = m_scene.panelRect();
    // The panel's border line straddles its left edge: the texture reaches a little into the map, where
    // it is transparent but for that line.
    const float margin = std::ceil(std::max(1.0f, 1.5f * m_scene.unit())) + 1;
    const sf::FloatRect area(panel.left - margin, panel.top, panel.width + margin, panel.height);
    if (!m_panelKey || !(*m_panelKey == key)) {
        if (!m_panelTexture) {
            m_panelTexture = std::make_unique<sf::RenderTexture>();
            if (!m_panelTexture->create(static_cast<unsigned>(area.width),
                                        static_cast<unsigned>(area.height))) {
                throw RenderError("cannot create the panel's render texture");
            }
        }
        m_panelTexture->setView(sf::View(area));
        m_panelTexture->clear(sf::Color::Transparent);
        const std::size_t before = m_texts.size(), boxesBefore = m_boxes.size();
        drawPanel(*m_panelTexture, frame);
        m_panelTexture->display();
        m_panelTexts.assign(m_texts.begin() + static_cast<std::ptrdiff_t>(before), m_texts.end());
        m_texts.resize(before);
        m_panelBoxes.assign(m_boxes.begin() + static_cast<std::ptrdiff_t>(boxesBefore), m_boxes.end());
        m_boxes.resize(boxesBefore);
        m_panelKey = key;
    }
    m_texts.insert(m_texts.end(), m_panelTexts.begin(), m_panelTexts.end());
    m_boxes.insert(m_boxes.end(), m_panelBoxes.begin(), m_panelBoxes.end());
    // The margin blends over the map; the panel itself is opaque and is copied without blending (less
    // work per pixel for a software rasterizer, same pixels).
    const auto marginPixels = static_cast<int>(margin);
    sf::Sprite edge(m_panelTexture->getTexture(), {0, 0, marginPixels, static_cast<int>(area.height)});
    edge.setPosition(area.left, area.top);
    target.draw(edge);
    sf::Sprite body(
        m_panelTexture->getTexture(),
        {marginPixels, 0, static_cast<int>(area.width) - marginPixels, static_cast<int>(area.height)});
    body.setPosition(panel.left, panel.top);
    target.draw(body, sf::RenderStates(sf::BlendNone));
}

const sf::Texture& Renderer::fieldTexture(int from, int to) {
    const auto key = std::make_pair(from, to);
    return *m_fields.get(key, [&] {
        auto texture = std::make_unique<sf::Texture>();
        if (!texture->loadFromImage(m_scene.transitionField(from, to).image)) {
            throw RenderError("cannot upload a transition field texture");
        }
        // Linear filtering interpolates both 16-bit halves linearly, so the decoded value interpolates too.
        texture->setSmooth(true);
        return texture;
    });
}

void Renderer::drawMap(sf::RenderTarget& target, const FrameSpec& frame) {
    int controlZ = 10;
    const int shown = frame.transition ? frame.transition->to : frame.state;
    if (shown >= 0 && m_scene.states()[static_cast<std::size_t>(shown)].layer) {
        controlZ = m_scene.states()[static_cast<std::size_t>(shown)].layer->style.z;
    }
    const sf::View frameView = target.getView();
    target.setView(m_mapView.view(m_scene.mapRect(), target.getSize()));
    bool controlDrawn = false;
    for (const auto& layer : m_scene.layers()) {
        if (!controlDrawn && layer.layer->style.z >= controlZ) {
            if (!hidden(kControlLayers)) drawControl(target, frame);
            controlDrawn = true;
        }
        if (!hidden(layer.layer->id)) drawLayer(target, layer, frame.date);
    }
    if (!controlDrawn && !hidden(kControlLayers)) drawControl(target, frame);
    // Places keep their size when the map is zoomed: drawn in frame pixels, clipped to the map.
    const sf::FloatRect map = m_scene.mapRect();
    target.setView(MapView{}.view(map, target.getSize()));
    drawPlaces(target);
    target.setView(frameView);
    drawScaleBar(target);
    drawNorthArrow(target);
}

void Renderer::drawControl(sf::RenderTarget& target, const FrameSpec& frame) {
    if (!frame.transition) {
        if (frame.state >= 0) {
            drawTriangles(target, m_scene.shapes(frame.state).area);
            drawFrontLine(target, frame.state, 1.0f, frame.seconds);
        }
        return;
    }
    const Transition& t = *frame.transition;
    const TransitionMesh& mesh = m_scene.transition(t.from, t.to);
    // What stays held changes colour smoothly when the two states are styled differently.
    if (!mesh.kept.empty()) {
        const sf::Color a = m_scene.states()[static_cast<std::size_t>(t.from)].fill;
        const sf::Color b = m_scene.states()[static_cast<std::size_t>(t.to)].fill;
        auto mix = [&](sf::Uint8 x, sf::Uint8 y) {
            return static_cast<sf::Uint8>(std::lround(x + (y - x) * t.progress));
        };
        const sf::Color colour(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a));
        m_kept = mesh.kept;
        for (auto& vertex : m_kept) vertex.color = colour;
        drawTriangles(target, m_kept);
    }
    if (m_scene.options().transition == TransitionStyle::Dissolve) {
        // Every pixel of a region at the same opacity: the field (and its texture) is not needed.
        sf::Shader& shader = m_shaders.dissolve;
        const sf::RenderStates states(&shader);
        shader.setUniform("opacity", static_cast<float>(1 - t.progress));
        drawTriangles(target, mesh.lost, states);
        shader.setUniform("opacity", static_cast<float>(t.progress));
        drawTriangles(target, mesh.gained, states);
    } else {
        const sf::Texture& field = fieldTexture(t.from, t.to);
        sf::Shader& shader = m_shaders.transition;
        shader.setUniform("field", field);
        shader.setUniform("frameSize", sf::Glsl::Vec2(static_cast<float>(m_scene.size().x),
                                                      static_cast<float>(m_scene.size().y)));
        shader.setUniform("progress", static_cast<float>(t.progress));
        shader.setUniform("softness", kTransitionSoftness);
        const sf::RenderStates states(&shader);
        shader.setUniform("gained", 0.0f);
        drawTriangles(target, mesh.lost, states);
        shader.setUniform("gained", 1.0f);
        drawTriangles(target, mesh.gained, states);
    }
    const auto p = static_cast<float>(t.progress);
    if (t.from >= 0) drawFrontLine(target, t.from, 1.0f - p, frame.seconds);
    if (t.to >= 0) drawFrontLine(target, t.to, p, frame.seconds);
}

void Renderer::drawFrontLine(sf::RenderTarget& target, int state, float opacity, double seconds) {
    const StateShapes& mesh = m_scene.shapes(state);
    if (mesh.frontLine.empty() || opacity <= 0) return;
    const float u = m_scene.unit();
    sf::Shader& shader = m_shaders.dash;
    shader.setUniform("dashLength", std::max(3.0f, kDash * u));
    shader.setUniform("gapLength", std::max(2.0f, kGap * u));
    shader.setUniform("phase", static_cast<float>(std::fmod(seconds * kDashSpeed * u, 1e4)));
    shader.setUniform("opacity", opacity);
    drawTriangles(target, mesh.frontLine, sf::RenderStates(&shader));
}

void Renderer::drawLayer(sf::RenderTarget& target, const LayerMesh& layer, const Date& date) {
    if (!layer.hatch) {
        // Triangles of one draw call are blended in order, exactly as in separate calls.
        const auto index = static_cast<std::size_t>(&layer - m_scene.layers().data());
        if (m_merged.size() != m_scene.layers().size()) m_merged.resize(m_scene.layers().size());
        MergedLayer& merged = m_merged[index];
        std::vector<bool> visible(layer.features.size());
        for (std::size_t f = 0; f < layer.features.size(); ++f)
            visible[f] = layer.features[f].visibleAt(date);
        if (visible != merged.visible || (merged.vertices.empty() && !layer.features.empty())) {
            merged.visible = std::move(visible);
            merged.vertices.clear();
            for (std::size_t f = 0; f < layer.features.size(); ++f) {
                if (!merged.visible[f]) continue;
                const auto& feature = layer.features[f];
                merged.vertices.insert(merged.vertices.end(), feature.fill.begin(), feature.fill.end());
                merged.vertices.insert(merged.vertices.end(), feature.stroke.begin(), feature.stroke.end());
            }
        }
        drawTriangles(target, merged.vertices);
        return;
    }
    for (const auto& feature : layer.features) {
        if (!feature.visibleAt(date)) continue;
        if (layer.hatch) {
            const float u = m_scene.unit();
            m_shaders.hatch.setUniform("spacing", std::max(4.0f, kHatchSpacing * u));
            m_shaders.hatch.setUniform("width", std::max(1.0f, kHatchWidth * u));
            m_shaders.hatch.setUniform("wash", 0.3f);
            drawTriangles(target, feature.fill, sf::RenderStates(&m_shaders.hatch));
        } else {
            drawTriangles(target, feature.fill);
        }
        drawTriangles(target, feature.stroke);
    }
}

void Renderer::drawPlaces(sf::RenderTarget& target) {
    const auto& layers = m_scene.placeLayers();
    auto shown = [&](const PlaceLabel& place) { return !hidden(layers[place.layer].layer->id); };
    const float u = m_scene.unit();
    const float size = std::max(7.0f, std::round(17.0f * u));
    const sf::FloatRect map = m_scene.mapRect();
    const bool moved = !m_mapView.isIdentity();
    auto at = [&](sf::Vector2f scenePixel) {
        return moved ? m_mapView.toFrame(map, scenePixel) : scenePixel;
    };
    for (const auto& place : m_scene.places()) {
        if (shown(place)) drawPlaceDot(target, at(place.dot), place.rank, layers[place.layer].fill);
    }
    for (const auto& place : m_scene.places()) {
        if (place.name.empty() || !shown(place)) continue;
        // A light halo keeps names readable over fills and lines.
        sf::Text label(sf::String::fromUtf8(place.name.begin(), place.name.end()), m_fonts.regular,
                       static_cast<unsigned>(size));
        const sf::Vector2f position = at(place.dot) + (place.textPosition - place.dot);
        label.setPosition(moved ? sf::Vector2f(std::round(position.x), std::round(position.y))
                                : place.textPosition);
        label.setFillColor(placeLabelColour(place.rank));
        label.setOutlineColor(sf::Color(255, 255, 255, 200));
        label.setOutlineThickness(std::max(1.0f, 2.0f * u));
        target.draw(label);
        m_texts.push_back(place.name);
        m_boxes.push_back({place.name, label.getGlobalBounds(), size});
    }
}

void Renderer::drawPlaceDot(sf::RenderTarget& target, sf::Vector2f centre, int rank, sf::Color colour) {
    const float u = m_scene.unit();
    const float radius = std::max(1.5f, 3.5f * u);
    sf::CircleShape dot(rank == 0 ? radius * 1.3f : radius, 16);
    dot.setOrigin(dot.getRadius(), dot.getRadius());
    dot.setPosition(centre);
    dot.setFillColor(rank == 2 ? sf::Color(255, 255, 255) : colour);
    dot.setOutlineColor(colour);
    dot.setOutlineThickness(std::max(0.8f, 1.2f * u));
    target.draw(dot);
}

void Renderer::drawScaleBar(sf::RenderTarget& target) {
    const float u = m_scene.unit();
    const sf::FloatRect map = m_scene.mapRect();
    const double metresPerPixel = m_scene.metresPerPixel() / m_mapView.zoom;
    const double maxKm = map.width * 0.22 * metresPerPixel / 1000.0;
    const double km = niceKm(maxKm);
    const auto length = static_cast<float>(km * 1000.0 / metresPerPixel);
    m_scaleBarText = kmLabel(km);
    const float height = std::max(3.0f, 7.0f * u);
    const sf::Vector2f origin(std::round(map.left + 30 * u), std::round(map.top + map.height - 44 * u));
    m_scaleBarBox = {origin.x - 8 * u, origin.y - 30 * u, length + 16 * u + 60 * u, height + 40 * u};
    drawRect(target, m_scaleBarBox, sf::Color(255, 255, 255, 170));
    drawRect(target, {origin.x, origin.y, length / 2, height}, kInk, kInk, 1);
    drawRect(target, {origin.x + length / 2, origin.y, length / 2, height}, sf::Color::White, kInk, 1);
    const float size = std::max(7.0f, std::round(15.0f * u));
    text(target, "0", m_fonts.regular, size, kInk, {origin.x - 3 * u, origin.y - size - 6 * u});
    text(target, m_scaleBarText, m_fonts.regular, size, kInk,
         {origin.x + length - 3 * u, origin.y - size - 6 * u});
}

void Renderer::drawNorthArrow(sf::RenderTarget& target) {
    const float u = m_scene.unit();
    const sf::FloatRect map = m_scene.mapRect();
    const float length = 30 * u;
    const float size = std::max(7.0f, std::round(20.0f * u));
    // The "N" above the arrow stays inside the frame where the smallest text size outgrows the unit.
    const sf::Vector2f centre(map.left + 48 * u, map.top + std::max(66 * u, length + size * 1.35f + 2));
    sf::ConvexShape arrow(4);
    arrow.setPoint(0, {0, -length});
    arrow.setPoint(1, {length * 0.45f, length * 0.6f});
    arrow.setPoint(2, {0, length * 0.25f});
    arrow.setPoint(3, {-length * 0.45f, length * 0.6f});
    arrow.setFillColor(kInk);
    arrow.setPosition(centre);
    arrow.setRotation(m_scene.northRadians() * 180.0f / 3.14159265f);
    target.draw(arrow);
    text(target, "N", m_fonts.bold, size, kInk, {centre.x - size * 0.36f, centre.y - length - size * 1.35f});
}

Renderer::Credits Renderer::credits(const FrameSpec& frame) const {
    Credits result;
    // Each credit once: an attribution lists credits separated by "; ", and one that another contains
    // ("Natural Earth" in "Made with Natural Earth") is the same credit.
    auto addOnce = [](std::vector<std::string>& list, const std::string& credit) {
        if (credit.empty()) return;
        if (std::any_of(list.begin(), list.end(),
                        [&](const std::string& listed) { return listed.find(credit) != std::string::npos; }))
            return;
        // A longer credit takes the place of the first one it contains and drops the others.
        auto contained = [&](const std::string& listed) { return credit.find(listed) != std::string::npos; };
        const auto first = std::find_if(list.begin(), list.end(), contained);
        if (first == list.end()) {
            list.push_back(credit);
            return;
        }
        *first = credit;
        list.erase(std::remove_if(first + 1, list.end(), contained), list.end());
    };
    auto add = [&](const Layer* layer) {
        if (!layer) return;
        for (std::size_t start = 0; start < layer->attribution.size();) {
            std::size_t end = layer->attribution.find("; ", start);
            if (end == std::string::npos) end = layer->attribution.size();
            addOnce(result.data, layer->attribution.substr(start, end - start));
            start = end + 2;
        }
        for (const auto& source : layer->sources) addOnce(result.sources, source);
    };
    std::vector<int> states;
    if (frame.transition)
        states = {frame.transition->from, frame.transition->to};
    else
        states = {frame.state};
    for (int s : states)
        if (s >= 0) add(m_scene.states()[static_cast<std::size_t>(s)].layer);
    for (const auto& layer : m_scene.layers())
        if (layer.visibleAt(frame.date)) add(layer.layer);
    for (const auto& layer : m_scene.placeLayers()) add(layer.layer);
    return result;
}

std::string Renderer::creditText(const FrameSpec& frame, bool withSources) const {
    const Credits all = credits(frame);
    auto joined = [](const std::vector<std::string>& list) {
        std::string text;
        for (const auto& item : list) text += (text.empty() ? "" : "; ") + item;
        return text;
    };
    std::string text;
    if (!all.data.empty()) text += "Data: " + joined(all.data) + ". ";
    if (withSources && !all.sources.empty())
        text += "Drawn for frontline from: " + joined(all.sources) + ". ";
    return text + "Areas: frontline stats (geodesic, WGS84), scenario '" + m_scene.scenario().name + "'.";
}

void Renderer::drawPanel(sf::RenderTarget& target, const FrameSpec& frame) {
    const float u = m_scene.unit();
    const sf::FloatRect panel = m_scene.panelRect();
    const bool below = m_scene.panelPlacement() == PanelPlacement::Below;
    drawRect(target, panel, kPanel);
    const float border = std::max(1.0f, 1.5f * u);
    if (below) {
        // Inside the panel: the map above keeps every pixel it had.
        drawLine(target,
                 {{panel.left, panel.top + border / 2}, {panel.left + panel.width, panel.top + border / 2}},
                 border, kFaint);
    } else {
        drawLine(target, {{panel.left, panel.top}, {panel.left, panel.top + panel.height}}, border, kFaint);
    }
    m_legendRows.clear();
    const float pad = std::round(30 * u);
    const sf::FloatRect inner(panel.left + pad, panel.top + pad, panel.width - 2 * pad,
                              panel.height - 2 * pad);

    // Bottom up, by priority: the credits (a still is not publishable without them) across the panel,
    // then title, date and numbers, then the legend, the chart and the events, each left out whole where
    // it does not fit rather than drawn over another.
    const float creditTop = drawCredits(target, frame, inner, 0.3f);
    const float bottom = creditTop - 14 * u;
    // Below the map the panel is wide and short: two columns, the words on the left, chart and legend on
    // the right. Beside it, one column.
    const float gutter = pad;
    const float headWidth = below ? std::round((inner.width - gutter) / 2) : inner.width;
    const sf::FloatRect head(inner.left, inner.top, headWidth, bottom - inner.top);
    const float headBottom = drawHead(target, frame, head);
    const sf::FloatRect side =
        below ? sf::FloatRect(inner.left + headWidth + gutter, inner.top, inner.width - headWidth - gutter,
                              bottom - inner.top)
              : sf::FloatRect(inner.left, headBottom + 18 * u, inner.width, bottom - headBottom - 18 * u);

    const float legendHeight = drawLegend(target, side, bottom, frame, true);
    float legendTop = bottom;
    if (legendHeight > 0 && legendHeight <= side.height) {
        drawLegend(target, side, bottom, frame, false);
        legendTop = bottom - legendHeight;
    }

    float chartBottom = side.top;
    if (!m_scene.stats().empty()) {
        const float room = legendTop - 22 * u - side.top;
        // Beside the map: taller in a tall panel, where it would otherwise leave most of it empty. Below
        // it: the room the legend leaves.
        const float wanted =
            below ? room : std::round(std::max(250 * u, std::min(panel.width * 0.6f, panel.height * 0.22f)));
        const float chartHeight = std::floor(std::min(wanted, room));
        // Shorter than this the chart is a title and two axis labels with no line between them.
        const float smallest = std::max(60.0f, 150 * u);
        if (chartHeight >= smallest) {
            drawChart(target, {side.left, side.top, side.width, chartHeight},
                      panelText(m_scene.scenario(), m_scene.stats(), frame).cursor);
            chartBottom = side.top + chartHeight + 22 * u;
        }
    }

    if (below)
        drawEvents(target, frame, {head.left, headBottom + 18 * u, head.width, bottom - headBottom - 18 * u});
    else
        drawEvents(target, frame, {side.left, chartBottom, side.width, legendTop - 8 * u - chartBottom});
}

float Renderer::drawHead(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column) {
    const float u = m_scene.unit();
    const PanelText words = panelText(m_scene.scenario(), m_scene.stats(), frame);
    // Between two maps the date line names both dates: smaller, so that it keeps to one line.
    float dateSize = std::max(10.0f, std::round(64 * u));
    if (words.between) {
        const float natural = textWidth(words.date, m_fonts.bold, dateSize);
        if (natural > column.width) dateSize = std::max(10.0f, std::floor(dateSize * column.width / natural));
    }
    const float lineSize = std::max(7.0f, std::round(19 * u));
    struct Line {
        std::string text;
        const sf::Font* font;
        float size;
        sf::Color colour;
        float gapBefore;
        int keep;  // the lowest is left out first
    };
    std::vector<Line> lines{
        {words.title, &m_fonts.bold, std::max(8.0f, std::round(34 * u)), kInk, 0, 2},
        {words.date, &m_fonts.bold, dateSize, kInk, 14 * u, 5},
        words.between ? Line{words.notice, &m_fonts.bold, lineSize, kAccent, 6 * u, 3}
                      : Line{words.inForce, &m_fonts.regular, lineSize, kMuted, 6 * u, 1},
        {words.area, &m_fonts.bold, std::max(8.0f, std::round(28 * u)), kAccent, 8 * u, 4},
        {words.detail, &m_fonts.regular, std::max(7.0f, std::round(16 * u)), kMuted, 2 * u, 0},
    };
    if (words.area.empty()) lines.resize(3);
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line& l) { return l.text.empty(); }),
                lines.end());
    auto height = [&] {
        float total = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            total += (i ? lines[i].gapBefore : 0) +
                     text(target, lines[i].text, *lines[i].font, lines[i].size, {}, {}, column.width, true);
        }
        return total;
    };
    // In a small frame the date and the area stay, the rest goes (the detail first, the title last).
    while (lines.size() > 1 && height() > column.height) {
        lines.erase(std::min_element(lines.begin(), lines.end(),
                                     [](const Line& a, const Line& b) { return a.keep < b.keep; }));
    }
    float y = column.top;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) y += lines[i].gapBefore;
        y += text(target, lines[i].text, *lines[i].font, lines[i].size, lines[i].colour, {column.left, y},
                  column.width);
    }
    return y;
}

void Renderer::drawEvents(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column) {
    const float u = m_scene.unit();
    // Events dated after `eventsSince` up to the counter, newest first.
    std::vector<const Event*> events;
    for (const auto& event : m_scene.scenario().events) {
        if (event.date <= frame.date && (!frame.eventsSince || *frame.eventsSince < event.date))
            events.push_back(&event);
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event* a, const Event* b) { return b->date < a->date; });
    if (events.size() > kEventsShown) events.resize(kEventsShown);
    const float eventSize = std::max(7.0f, std::round(17 * u));
    float y = column.top;
    for (const Event* event : events) {
        const std::string date = event->date.iso();
        const float indent = textWidth(date + "  ", m_fonts.bold, eventSize);
        const float h =
            text(target, event->title, m_fonts.regular, eventSize, kInk, {}, column.width - indent, true);
        if (y + h > column.top + column.height) break;
        text(target, date, m_fonts.bold, eventSize, kAccent, {column.left, y});
        y += text(target, event->title, m_fonts.regular, eventSize, kInk, {column.left + indent, y},
                  column.width - indent);
        y += 8 * u;
    }
}

float Renderer::drawCredits(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect box,
                            float maxShare, bool alignRight) {
    const float u = m_scene.unit();
    const float most = box.height * maxShare;
    // Credits are small print, but stay readable: they wrap to more lines rather than shrink, unless the
    // frame is a thumbnail that cannot hold them at a readable size at all.
    float size =
        std::max({7.0f, std::round(14 * u), std::round(kMinTextPx * std::min(1.0f, u / kMinTextUnit))});
    std::string credit = creditText(frame, true);
    float width = 0;
    auto measure = [&] {
        return drawText(nullptr, credit, m_fonts.regular, size, kMuted, {}, box.width, &width);
    };
    float height = measure();
    if (height > most) {
        credit = creditText(frame, false);
        height = measure();
    }
    while (height > most && size > 7) {
        size -= 1;
        height = measure();
    }
    const float top = box.top + box.height - height;
    const float left = alignRight ? box.left + box.width - width : box.left;
    if (alignRight) {
        const float margin = std::round(6 * u) + 2;
        drawRect(target, {left - margin, top - margin, width + 2 * margin, height + 2 * margin},
                 sf::Color(255, 255, 255, 190));
    }
    text(target, credit, m_fonts.regular, size, kMuted, {left, top}, box.width);
    return top;
}

void Renderer::drawMapLabels(sf::RenderTarget& target, const FrameSpec& frame) {
    m_legendRows.clear();
    const float u = m_scene.unit();
    const sf::FloatRect map = m_scene.mapRect();
    const float pad = std::round(24 * u);
    // The date, top right (the north arrow is top left); between two maps both dates, as the panel says.
    const PanelText words = panelText(m_scene.scenario(), m_scene.stats(), frame);
    const float dateSize = std::max(10.0f, std::round(40 * u));
    const float dateWidth = textWidth(words.date, m_fonts.bold, dateSize);
    const float margin = std::round(8 * u) + 2;
    const float dateLeft = std::round(map.left + map.width - pad - dateWidth);
    const float dateHeight = drawText(nullptr, words.date, m_fonts.bold, dateSize, kInk, {}, 0);
    drawRect(target,
             {dateLeft - margin, map.top + pad - margin, dateWidth + 2 * margin, dateHeight + 2 * margin},
             sf::Color(255, 255, 255, 190));
    text(target, words.date, m_fonts.bold, dateSize, kInk, {dateLeft, map.top + pad});
    // The credits, bottom right, clear of the scale bar (bottom left).
    const float left = m_scaleBarBox.left + m_scaleBarBox.width + pad;
    const float right = map.left + map.width - pad;
    const float bottom = map.top + map.height - pad;
    const float top = map.top + pad + dateHeight + 2 * margin + pad;
    drawCredits(target, frame, {left, top, std::max(1.0f, right - left), bottom - top}, 0.35f, true);
}

float Renderer::drawChart(sf::RenderTarget& target, sf::FloatRect box, const Date& date) {
    if (m_scene.stats().empty()) return 0;
    ChartOptions options;
    options.cursor = date;
    options.bars = m_chartBars;
    Chart(m_scene.stats(), options, box, m_scene.unit(), m_fonts).draw(target, &m_texts);
    m_boxes.push_back({"chart", box, 0});
    return box.height;
}

std::vector<Renderer::LegendEntry> Renderer::legendEntries(const FrameSpec& frame) {
    const float u = m_scene.unit();
    std::vector<LegendEntry> entries;
    // The held area and its line of contact, when the frame draws them: the state, or the two ends of a
    // transition (the nearer end first, for the colours).
    std::vector<int> drawn{frame.state};
    if (frame.transition) {
        const Transition& t = *frame.transition;
        drawn = t.progress < 0.5 ? std::vector<int>{t.from, t.to} : std::vector<int>{t.to, t.from};
    }
    const StateMesh* held = nullptr;
    const StateMesh* front = nullptr;
    for (int s : drawn) {
        if (s < 0 || static_cast<std::size_t>(s) >= m_scene.states().size()) continue;
        const StateMesh& mesh = m_scene.states()[static_cast<std::size_t>(s)];
        const StateShapes& shapes = m_scene.shapes(s);  // the frame draws them anyway: cached
        if (!held && mesh.layer && !shapes.area.empty()) held = &mesh;
        if (!front && !shapes.frontLine.empty()) front = &mesh;
    }
    if (held) {
        const sf::Color fill = held->fill;
        entries.push_back({m_scene.scenario().subject + " (dated control state)",
                           [fill](sf::RenderTarget& target, sf::FloatRect r) { drawRect(target, r, fill); },
                           kControlLayers});
    }
    if (front) {
        const sf::Color stroke = front->stroke;
        entries.push_back(
            {"Line of contact of that state",
             [this, stroke, u](sf::RenderTarget& target, sf::FloatRect r) {
                 std::vector<sf::Vertex> v;
                 appendStroke(v, {{r.left, r.top + r.height / 2}, {r.left + r.width, r.top + r.height / 2}},
                              false, std::max(1.0f, 2.5f * u), stroke);
                 m_shaders.dash.setUniform("dashLength", std::max(3.0f, kDash * u));
                 m_shaders.dash.setUniform("gapLength", std::max(2.0f, kGap * u));
                 m_shaders.dash.setUniform("phase", 0.0f);
                 m_shaders.dash.setUniform("opacity", 1.0f);
                 drawTriangles(target, v, sf::RenderStates(&m_shaders.dash));
             },
             kControlLayers});
    }

    // Each layer once per variant the frame draws: features of one validity period (the 2020 and the
    // 2022 corridor are two variants), with the symbols of what they are made of.
    std::vector<const LayerMesh*> layers;
    for (const auto& layer : m_scene.layers()) layers.push_back(&layer);
    std::stable_sort(layers.begin(), layers.end(), [](const LayerMesh* a, const LayerMesh* b) {
        return a->layer->style.z > b->layer->style.z;
    });
    for (const LayerMesh* layer : layers) {
        for (const LayerVariant& variant : layerVariants(*layer, frame.date)) {
            entries.push_back(
                {variant.label,
                 [this, layer, variant, u](sf::RenderTarget& target, sf::FloatRect r) {
                     const bool filled = variant.polygons && layer->fill.a > 0;
                     if (filled && layer->hatch) {
                         std::vector<sf::Vertex> v;
                         appendTriangles(v,
                                         {{r.left, r.top},
                                          {r.left + r.width, r.top},
                                          {r.left, r.top + r.height},
                                          {r.left + r.width, r.top},
                                          {r.left + r.width, r.top + r.height},
                                          {r.left, r.top + r.height}},
                                         layer->fill);
                         drawTriangles(target, v, sf::RenderStates(&m_shaders.hatch));
                     }
                     if (filled) {
                         drawRect(target, r, layer->hatch ? sf::Color::Transparent : layer->fill,
                                  layer->stroke, layer->stroke.a ? std::max(1.0f, u) : 0);
                     }
                     if (variant.lines || !filled) {
                         const sf::Color c = layer->stroke.a ? layer->stroke : layer->fill;
                         drawLine(
                             target,
                             {{r.left, r.top + r.height / 2}, {r.left + r.width, r.top + r.height / 2}},
                             std::max(1.0f, static_cast<float>(layer->layer->style.strokeWidth) * 1.5f * u),
                             c);
                     }
                 },
                 layer->layer->id});
        }
    }

    // Places by the symbol they are drawn with: cities (a larger dot), towns, villages (open circles,
    // grey names); each place layer on its own.
    const auto& placeLayers = m_scene.placeLayers();
    for (std::size_t l = 0; l < placeLayers.size(); ++l) {
        const LayerMesh& layer = placeLayers[l];
        for (int rank = 0; rank <= 2; ++rank) {
            bool any = false, kinds = false, unknown = false;
            for (const auto& place : m_scene.places()) {
                if (place.layer != l || place.rank != rank) continue;
                any = true;
                (place.kindGiven ? kinds : unknown) = true;
            }
            if (!any) continue;
            static constexpr std::array<const char*, 3> kRanks{"Cities", "Towns", "Villages"};
            std::string label = rank < 2 || !unknown ? kRanks[static_cast<std::size_t>(rank)]
                                : kinds              ? "Villages and other places"
                                                     : layer.layer->title;
            if (placeLayers.size() > 1 && label != layer.layer->title)
                label = layer.layer->title + ": " + label;
            const sf::Color fill = layer.fill;
            entries.push_back(
                {label,
                 [this, fill, rank](sf::RenderTarget& target, sf::FloatRect r) {
                     drawPlaceDot(target, {r.left + r.width / 2, r.top + r.height / 2}, rank, fill);
                 },
                 layer.layer->id, placeLabelColour(rank)});
        }
    }
    return entries;
}

std::vector<Renderer::LayerVariant> Renderer::layerVariants(const LayerMesh& layer, const Date& date) const {
    struct Period {
        std::optional<Date> from, to;
        bool operator==(const Period& other) const { return from == other.from && to == other.to; }
    };
    std::vector<Period> periods;
    for (const auto& feature : layer.features) {
        const Period period{feature.validFrom, feature.validTo};
        if (std::find(periods.begin(), periods.end(), period) == periods.end()) periods.push_back(period);
    }
    // A title that names its periods, "Lachin corridor (2020 route; 2022 reroute)", loses the bracket
    // when the legend names the one drawn.
    std::string base = layer.layer->title;
    if (periods.size() > 1 && !base.empty() && base.back() == ')') {
        if (const auto open = base.rfind(" ("); open != std::string::npos) base = base.substr(0, open);
    }
    auto periodText = [](const Period& period, bool years) {
        auto when = [&](const Date& d) { return years ? std::to_string(d.year()) : formatDateLong(d); };
        if (period.from && period.to) return when(*period.from) + "–" + when(*period.to);
        if (period.from) return "from " + when(*period.from);
        if (period.to) return "until " + when(*period.to);
        return std::string();
    };
    // Years, unless two periods would read the same.
    bool years = true;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        for (std::size_t j = i + 1; j < periods.size(); ++j)
            years = years && periodText(periods[i], true) != periodText(periods[j], true);
    }
    std::vector<LayerVariant> variants;
    for (const Period& period : periods) {
        LayerVariant variant;
        bool drawn = false;
        for (const auto& feature : layer.features) {
            if (!(Period{feature.validFrom, feature.validTo} == period) || !feature.visibleAt(date) ||
                !feature.onMap)
                continue;
            drawn = true;
            variant.polygons = variant.polygons || feature.polygons;
            variant.lines = variant.lines || feature.lines;
        }
        if (!drawn) continue;
        const std::string when = periods.size() > 1 ? periodText(period, years) : std::string();
        variant.label = when.empty() ? layer.layer->title : base + ", " + when;
        variants.push_back(variant);
    }
    return variants;
}

float Renderer::drawLegend(sf::RenderTarget& target, sf::FloatRect column, float bottom,
                           const FrameSpec& frame, bool measureOnly) {
    const float u = m_scene.unit();
    const float left = column.left;
    const float size = std::max(7.0f, std::round(16 * u));
    const float row = std::round(size * 1.55f);
    const float swatchW = std::round(34 * u), swatchH = std::round(size * 0.95f);
    const float textLeft = left + swatchW + 12 * u;
    const std::vector<LegendEntry> entries = legendEntries(frame);
    const float height = static_cast<float>(entries.size()) * row;
    if (measureOnly) return height;
    float y = bottom - height;
    m_legendRows.clear();
    for (const auto& entry : entries) {
        entry.swatch(target, {left, y + (row - swatchH) / 2 - 2 * u, swatchW, swatchH});
        const bool off = hidden(entry.layerId);
        text(target, off ? entry.label + " (hidden)" : entry.label, m_fonts.regular, size,
             off ? kFaint : entry.labelColour, {textLeft, y});
        m_legendRows.push_back({{left, y, column.width, row}, entry.layerId, entry.label});
        y += row;
    }
    return height;
}

float Renderer::text(sf::RenderTarget& target, const std::string& utf8, const sf::Font& font, float size,
                     sf::Color colour, sf::Vector2f position, float maxWidth, bool measureOnly) {
    if (measureOnly) return drawText(nullptr, utf8, font, size, colour, position, maxWidth);
    float width = 0;
    const float height = drawText(&target, utf8, font, size, colour, position, maxWidth, &width);
    m_texts.push_back(utf8);
    // Where drawText puts it: at whole pixels.
    m_boxes.push_back(
        {utf8, {std::round(position.x), std::round(position.y), width, height}, std::floor(size)});
    return height;
}

}  // namespace frontline::render
