#include "app/viewer_notice.hpp"

#include <algorithm>
#include <cmath>

namespace frontline::app {

bool Notice::expire(double now) {
    if (m_text.empty() || now <= m_until) return false;
    m_text.clear();
    return true;
}

void Notice::draw(const ViewerPainter& painter, const render::Scene& scene) const {
    if (m_text.empty()) return;
    const float u = std::max(0.6f, scene.unit());
    const float size = std::round(17 * u);
    const float width = painter.textWidth(m_text, false, size) + 24 * u;
    const sf::FloatRect map = scene.mapRect();
    // Top left, beside the north arrow: clear of the prompt, the scale bar and the info box.
    const sf::FloatRect rect(map.left + 100 * u, map.top + 16 * u, width, size * 1.9f);
    painter.fillRect(rect, sf::Color(30, 30, 30, 215));
    painter.text(m_text, false, size, sf::Color::White, {rect.left + 12 * u, rect.top + size * 0.35f});
}

}  // namespace frontline::app
