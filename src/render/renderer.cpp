#include "render/renderer.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "render/north_arrow.hpp"
#include "render/primitives.hpp"
#include "render/scale_bar.hpp"
#include "render/schematic.hpp"
#include "render/style.hpp"

namespace frontline::render {

namespace {

const sf::Color kBackground(243, 241, 236);

// The front line's dash marches at this speed, pixels per second at 1080p.
// Hatch stripes, pixels at 1080p.
constexpr float kHatchSpacing = 9.0f, kHatchWidth = 3.0f;
// Width of the moving front of a transition, in reveal units (see transition.frag).
constexpr float kTransitionSoftness = 0.04f;

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
    : m_scene(scene), m_fonts(fonts), m_shaders(shaders), m_panel(scene, fonts, shaders) {}

void Renderer::draw(sf::RenderTarget& target, const FrameSpec& frame) {
    m_texts.clear();
    // Not getDefaultView(): a window keeps the default view of its first size after a resize.
    const sf::View frameView(
        sf::FloatRect(0, 0, static_cast<float>(target.getSize().x), static_cast<float>(target.getSize().y)));
    target.setView(frameView);
    const std::size_t under = layersUnderControl(frame);
    const sf::FloatRect map = m_scene.mapRect();
    m_dirtyRect = {static_cast<int>(map.left), static_cast<int>(map.top), static_cast<int>(map.width),
                   static_cast<int>(map.height)};
    bool scissored = false;
    if (m_backdropStore) {
        BackdropKey key = backdropKey(target, frame, under);
        const bool kept = m_backdropKey && *m_backdropKey == key;
        if (const auto changed = changedRect(frame, under, kept)) {
            if (!target.setActive(true)) throw RenderError("cannot activate the frame's OpenGL context");
            // The scissor test clips the backdrop's copy (a blit) and every draw call alike.
            glEnable(GL_SCISSOR_TEST);
            glScissor(changed->left, static_cast<GLint>(target.getSize().y) - changed->top - changed->height,
                      changed->width, changed->height);
            scissored = true;
            m_dirtyRect = *changed;
        }
        if (kept) {
            m_backdropStore->restore(target);
        } else {
            drawBackdrop(target, frame, under);
            ++m_backdropsDrawn;
            if (m_backdropStore->save(target))
                m_backdropKey = std::move(key);
            else
                m_backdropKey.reset();
        }
    } else {
        drawBackdrop(target, frame, under);
    }
    drawMap(target, frame, under);
    target.setView(frameView);
    m_panelRedrawn = true;
    if (m_scene.panelPlacement() == PanelPlacement::None) {
        m_panel.drawOnMap(target, frame);
    } else if (m_panelTarget) {
        m_panel.drawBorderOnMap(target);
        if (scissored) {
            if (!target.setActive(true)) throw RenderError("cannot activate the frame's OpenGL context");
            glDisable(GL_SCISSOR_TEST);
        }
        m_panelRedrawn = m_panel.drawApart(*m_panelTarget, frame, m_hidden);
    } else {
        m_panel.draw(target, frame, m_hidden);
    }
    m_texts.append(m_panel.texts());
}

Renderer::Drawn Renderer::drawnOver(const FrameSpec& frame, std::size_t under) {
    Drawn drawn;
    drawn.under = under;
    const auto& layers = m_scene.layers();
    for (std::size_t i = under; i < layers.size(); ++i) {
        const bool shown = !hidden(layers[i].layer->id);
        for (const auto& feature : layers[i].features)
            drawn.shown.push_back(shown && feature.visibleAt(frame.date));
    }
    for (const auto& label : m_scene.regionLabels())
        drawn.shown.push_back(label.visibleAt(frame.date) && !hidden(layers[label.layer].layer->id));
    if (hidden(kControlLayers)) return drawn;
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool any = false;
    const auto add = [&](const std::vector<sf::Vertex>& vertices) {
        for (const auto& v : vertices) {
            if (!any) {
                minX = maxX = v.position.x;
                minY = maxY = v.position.y;
                any = true;
            }
            minX = std::min(minX, v.position.x);
            maxX = std::max(maxX, v.position.x);
            minY = std::min(minY, v.position.y);
            maxY = std::max(maxY, v.position.y);
        }
    };
    const auto addState = [&](int state, bool area) {
        if (state < 0) return;
        const StateShapes& shapes = m_scene.shapes(state);
        if (area) add(shapes.area);
        add(shapes.frontLine);
        add(shapes.schematic);
        add(shapes.schematicEdge);
    };
    if (frame.transition) {
        const TransitionMesh& mesh = m_scene.transition(frame.transition->from, frame.transition->to);
        add(mesh.kept);
        add(mesh.lost);
        add(mesh.gained);
        addState(frame.transition->from, false);
        addState(frame.transition->to, false);
    } else {
        addState(frame.state, true);
    }
    if (any) drawn.control = {minX, minY, maxX - minX, maxY - minY};
    return drawn;
}

std::optional<sf::IntRect> Renderer::changedRect(const FrameSpec& frame, std::size_t under,
                                                 bool backdropKept) {
    if (!m_dirtyRects || !m_panelTarget || m_scene.panelPlacement() == PanelPlacement::None)
        return std::nullopt;
    Drawn drawn = drawnOver(frame, under);
    std::optional<Drawn> last = std::move(m_lastDrawn);
    m_lastDrawn = drawn;
    if (!backdropKept || !last || !m_mapView.isIdentity() || last->under != drawn.under ||
        last->shown != drawn.shown)
        return std::nullopt;
    // Antialiased edges and rounding stay inside a margin of a few pixels round the triangles.
    constexpr float kMargin = 3;
    const sf::FloatRect map = m_scene.mapRect();
    float left = map.left + map.width, top = map.top + map.height, right = map.left, bottom = map.top;
    for (const sf::FloatRect& box : {last->control, drawn.control}) {
        if (box.width <= 0 && box.height <= 0) continue;
        left = std::min(left, box.left - kMargin);
        top = std::min(top, box.top - kMargin);
        right = std::max(right, box.left + box.width + kMargin);
        bottom = std::max(bottom, box.top + box.height + kMargin);
    }
    left = std::max(left, map.left);
    top = std::max(top, map.top);
    right = std::min(right, map.left + map.width);
    bottom = std::min(bottom, map.top + map.height);
    if (right <= left || bottom <= top)
        return sf::IntRect(static_cast<int>(map.left), static_cast<int>(map.top), 0, 0);
    const int x0 = static_cast<int>(std::floor(left)), y0 = static_cast<int>(std::floor(top));
    return sf::IntRect(x0, y0, static_cast<int>(std::ceil(right)) - x0,
                       static_cast<int>(std::ceil(bottom)) - y0);
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

std::size_t Renderer::layersUnderControl(const FrameSpec& frame) const {
    int controlZ = 10;
    const int shown = frame.transition ? frame.transition->to : frame.state;
    if (shown >= 0 && m_scene.states()[static_cast<std::size_t>(shown)].layer) {
        controlZ = m_scene.states()[static_cast<std::size_t>(shown)].layer->style.z;
    }
    const auto& layers = m_scene.layers();
    std::size_t under = 0;
    while (under < layers.size() && layers[under].layer->style.z < controlZ) ++under;
    return under;
}

bool Renderer::drawsSame(const FrameSpec& a, const FrameSpec& b) const {
    const bool sameTransition = a.transition && b.transition
                                    ? a.transition->from == b.transition->from &&
                                          a.transition->to == b.transition->to &&
                                          a.transition->progress == b.transition->progress
                                    : !a.transition && !b.transition;
    return sameTransition && a.date == b.date && a.state == b.state && a.eventsSince == b.eventsSince;
}

Renderer::BackdropKey Renderer::backdropKey(const sf::RenderTarget& target, const FrameSpec& frame,
                                            std::size_t under) const {
    BackdropKey key;
    const auto& layers = m_scene.layers();
    for (std::size_t i = 0; i < under; ++i) {
        const bool shown = !hidden(layers[i].layer->id);
        for (const auto& feature : layers[i].features)
            key.drawn.push_back(shown && feature.visibleAt(frame.date));
    }
    key.zoom = m_mapView.zoom;
    key.offset = m_mapView.offset;
    key.size = target.getSize();
    return key;
}

void Renderer::drawBackdrop(sf::RenderTarget& target, const FrameSpec& frame, std::size_t under) {
    target.clear(kBackground);
    const sf::View frameView = target.getView();
    target.setView(m_mapView.view(m_scene.mapRect(), target.getSize()));
    const auto& layers = m_scene.layers();
    for (std::size_t i = 0; i < under; ++i) {
        if (!hidden(layers[i].layer->id)) drawLayer(target, layers[i], frame.date);
    }
    target.setView(frameView);
}

void Renderer::drawMap(sf::RenderTarget& target, const FrameSpec& frame, std::size_t under) {
    const sf::View frameView = target.getView();
    target.setView(m_mapView.view(m_scene.mapRect(), target.getSize()));
    if (!hidden(kControlLayers)) drawControl(target, frame);
    const auto& layers = m_scene.layers();
    for (std::size_t i = under; i < layers.size(); ++i) {
        if (!hidden(layers[i].layer->id)) drawLayer(target, layers[i], frame.date);
    }
    // Places keep their size when the map is zoomed: drawn in frame pixels, clipped to the map.
    const sf::FloatRect map = m_scene.mapRect();
    target.setView(MapView{}.view(map, target.getSize()));
    drawRegionLabels(target, frame.date);
    drawPlaces(target);
    target.setView(frameView);
    drawScaleBar(target);
    drawNorthArrow(target);
    if (m_scene.options().locator) {
        if (!m_locatorMade) m_locator = Locator::build(m_scene, m_scene.locatorRect());
        m_locatorMade = true;
        if (m_locator) m_locator->draw(target);
    }
}

void Renderer::drawControl(sf::RenderTarget& target, const FrameSpec& frame) {
    if (!frame.transition) {
        if (frame.state >= 0) {
            drawTriangles(target, m_scene.shapes(frame.state).area);
            drawSchematic(target, frame.state, 1.0f);
            drawFrontLine(target, frame.state, 1.0f);
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
    // A schematic part fades with its state; one both ends share stays as it is.
    const bool shared =
        t.from >= 0 && t.to >= 0 && m_scene.schematicPartOf(t.from) == m_scene.schematicPartOf(t.to);
    if (t.from >= 0) drawSchematic(target, t.from, shared ? 1.0f : 1.0f - p);
    if (t.to >= 0 && !shared) drawSchematic(target, t.to, p);
    if (t.from >= 0) drawFrontLine(target, t.from, 1.0f - p);
    if (t.to >= 0) drawFrontLine(target, t.to, p);
}

void Renderer::drawFrontLine(sf::RenderTarget& target, int state, float opacity) {
    const StateShapes& mesh = m_scene.shapes(state);
    if (mesh.frontLine.empty() || opacity <= 0) return;
    const float u = m_scene.unit();
    // The dash stands still: marching along the line of contact it told of movement that no map shows,
    // and made every frame of a hold a new picture to draw and encode.
    setDash(m_shaders.dash, u, 0.0f, opacity);
    drawTriangles(target, mesh.frontLine, sf::RenderStates(&m_shaders.dash));
}

void Renderer::drawLayer(sf::RenderTarget& target, const LayerMesh& layer, const Date& date) {
    if (!layer.hatch && !layer.schematic) {
        // Triangles of one draw call are blended in order, exactly as in separate calls.
        const auto index = static_cast<std::size_t>(&layer - m_scene.layers().data());
        if (m_merged.size() != m_scene.layers().size()) m_merged.resize(m_scene.layers().size());
        MergedLayer& merged = m_merged[index];
        std::vector<bool> visible(layer.features.size());
        for (std::size_t f = 0; f < layer.features.size(); ++f)
            visible[f] = layer.features[f].visibleAt(date);
        if (visible != merged.visible || (merged.vertices.empty() && !layer.features.empty())) {
            merged.visible = std::move(visible);
            std::vector<sf::Vertex> vertices;
            for (std::size_t f = 0; f < layer.features.size(); ++f) {
                if (!merged.visible[f]) continue;
                const auto& feature = layer.features[f];
                vertices.insert(vertices.end(), feature.fill.begin(), feature.fill.end());
                vertices.insert(vertices.end(), feature.stroke.begin(), feature.stroke.end());
            }
            merged.vertices.assign(std::move(vertices));
        }
        merged.vertices.draw(target);
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
        if (feature.schematic) {
            setSchematicDots(m_shaders.dash, m_scene.unit(), 1.0f);
            drawTriangles(target, feature.stroke, sf::RenderStates(&m_shaders.dash));
        } else {
            drawTriangles(target, feature.stroke);
        }
    }
}

void Renderer::drawSchematic(sf::RenderTarget& target, int state, float opacity) {
    const StateShapes& shapes = m_scene.shapes(state);
    if (shapes.schematic.empty() || opacity <= 0) return;
    sf::Shader& fade = m_shaders.dissolve;
    fade.setUniform("opacity", opacity);
    drawTriangles(target, shapes.schematic, sf::RenderStates(&fade));
    setSchematicDots(m_shaders.dash, m_scene.unit(), opacity);
    drawTriangles(target, shapes.schematicEdge, sf::RenderStates(&m_shaders.dash));
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
        if (shown(place)) drawPlaceDot(target, at(place.dot), place.rank, layers[place.layer].fill, u);
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
        m_texts.add(place.name, label.getGlobalBounds(), size);
    }
}

void Renderer::drawRegionLabels(sf::RenderTarget& target, const Date& date) {
    const sf::FloatRect map = m_scene.mapRect();
    for (RegionLabel label : m_scene.regionLabels()) {
        if (!label.visibleAt(date) || hidden(m_scene.layers()[label.layer].layer->id)) continue;
        // Like place names, region names keep their size when the map is zoomed and move with it.
        if (!m_mapView.isIdentity()) label.centre = m_mapView.toFrame(map, label.centre);
        const sf::Text text = regionText(label, m_fonts);
        target.draw(text);
        m_texts.add(label.text, text.getGlobalBounds(), label.characterSize);
    }
}

void Renderer::drawScaleBar(sf::RenderTarget& target) {
    const ScaleBarLayout bar = scaleBarLayout(m_scene.mapRect(), m_scene.unit(),
                                              m_scene.metresPerPixel() / m_mapView.zoom, m_fonts.regular);
    m_scaleBarText = bar.label;
    drawRect(target, bar.plate, kPlate);
    const sf::Vector2f origin = bar.origin;
    drawRect(target, {origin.x, origin.y, bar.length / 2, bar.height}, kInk, kInk, 1);
    drawRect(target, {origin.x + bar.length / 2, origin.y, bar.length / 2, bar.height}, sf::Color::White,
             kInk, 1);
    m_texts.write(target, "0", m_fonts.regular, bar.textSize, kInk, bar.zeroAt);
    m_texts.write(target, bar.label, m_fonts.regular, bar.textSize, kInk, bar.labelAt);
}

void Renderer::drawNorthArrow(sf::RenderTarget& target) {
    const NorthArrowShape shape = northArrowShape(m_scene.layout());
    // On the same light plate as the scale bar: the corner may be water or held area, where a bare
    // black arrow reads as part of the map.
    drawRect(target, shape.plate, kPlate);
    const float length = shape.length;
    sf::ConvexShape arrow(4);
    arrow.setPoint(0, {0, -length});
    arrow.setPoint(1, {length * 0.45f, length * 0.6f});
    arrow.setPoint(2, {0, length * 0.25f});
    arrow.setPoint(3, {-length * 0.45f, length * 0.6f});
    arrow.setFillColor(kInk);
    arrow.setPosition(shape.centre);
    arrow.setRotation(m_scene.northRadians() * 180.0f / 3.14159265f);
    target.draw(arrow);
    m_texts.write(target, "N", m_fonts.bold, shape.textSize, kInk, shape.textAt);
}

}  // namespace frontline::render
