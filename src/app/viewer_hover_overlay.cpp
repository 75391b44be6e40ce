#include "app/viewer_hover_overlay.hpp"

#include <algorithm>
#include <cmath>

namespace frontline::app {

namespace {

// A white wash: it lightens what is under the pointer in its own colour. A tint of its own would
// recolour the held area into another layer's colour (orange over red reads as the corridor's).
const sf::Color kHighlight(255, 255, 255, 90);

}  // namespace

void HoverOverlay::attach(const render::Scene& scene, const analysis::Measurer& measurer) {
    m_describer = std::make_unique<HoverDescriber>(scene, measurer);
    m_target.reset();
    m_highlight.clear();
}

void HoverOverlay::point(const std::optional<HoverTarget>& target) {
    if (target == m_target) return;
    m_target = target;
    m_lines.clear();
    m_highlight.clear();
    if (!m_target) return;
    m_lines = m_describer->describe(*m_target);
    m_highlight = m_describer->triangles(*m_target);
    for (auto& vertex : m_highlight) vertex.color = kHighlight;
}

void HoverOverlay::drawHighlight(sf::RenderTarget& target, const render::MapView& view,
                                 sf::FloatRect map) const {
    if (m_highlight.empty()) return;
    target.setView(view.view(map, target.getSize()));
    target.draw(m_highlight.data(), m_highlight.size(), sf::Triangles);
}

void HoverOverlay::drawTooltip(const ViewerPainter& painter, const render::Scene& scene, sf::Vector2f mouse,
                               const std::vector<const Event*>& events) const {
    std::vector<std::string> lines = m_lines;
    if (lines.empty()) {
        for (const Event* event : events) {
            lines.push_back(event->date.iso() + "  " + event->title);
            if (!event->place.empty()) lines.push_back("   place: " + event->place);
            const std::string source = readerSource(event->source);
            if (!source.empty()) lines.push_back("   source: " + source);
        }
    }
    if (lines.empty()) return;
    const float u = std::max(0.6f, scene.unit());
    const float size = std::round(15 * u), pad = std::round(8 * u), row = std::round(size * 1.35f);
    float width = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        width = std::max(width, painter.textWidth(lines[i], i == 0, size));
    width += 2 * pad;
    const float height = static_cast<float>(lines.size()) * row + 2 * pad;
    // Inside the map, never over the panel or the timeline: beside the pointer where there is room, on
    // its other side where not, and against the map's edge as a last resort (an event's diamond on the
    // timeline gets its tooltip above it, at the map's foot).
    const sf::FloatRect map = scene.mapRect();
    const float right = map.left + map.width, bottom = map.top + map.height;
    float x = mouse.x + 18 * u, y = mouse.y + 18 * u;
    if (x + width > right) x = mouse.x - 12 * u - width;
    if (y + height > bottom) y = mouse.y - 12 * u - height;
    x = std::max(map.left, std::min(x, right - width));
    y = std::max(map.top, std::min(y, bottom - height));
    painter.fillRect({x, y, width, height}, sf::Color(255, 255, 252), kInk);
    float ty = y + pad;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        painter.text(lines[i], i == 0 && !m_lines.empty(), size, kInk, {x + pad, ty});
        ty += row;
    }
}

}  // namespace frontline::app
