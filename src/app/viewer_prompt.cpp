#include "app/viewer_prompt.hpp"

#include <algorithm>
#include <cmath>

namespace frontline::app {

DatePrompt::Outcome DatePrompt::key(sf::Keyboard::Key code) {
    Outcome outcome;
    if (code == sf::Keyboard::Escape) {
        m_typed.reset();
    } else if (code == sf::Keyboard::BackSpace) {
        if (!m_typed->empty()) m_typed->pop_back();
    } else if (code == sf::Keyboard::Return) {
        outcome.date = Date::tryParse(*m_typed);
        if (outcome.date)
            m_typed.reset();
        else
            outcome.error = "'" + *m_typed + "' is not a date: type YYYY-MM-DD";
    }
    return outcome;
}

void DatePrompt::type(sf::Uint32 unicode) {
    if ((unicode >= '0' && unicode <= '9') || unicode == '-') {
        if (m_typed->size() < 10) m_typed->push_back(static_cast<char>(unicode));
    }
}

void DatePrompt::draw(const ViewerPainter& painter, const TimelineStrip::Layout& box) const {
    if (!m_typed) return;
    const float u = std::max(0.6f, box.unit);
    const float size = std::round(20 * u);
    const float hintSize = std::round(14 * u);
    const std::string hint = "YYYY-MM-DD, Enter / Esc";
    const float width = painter.textWidth("Go to date: 0000-00-00_", true, size) +
                        painter.textWidth(hint, false, hintSize) + 48 * u;
    const float height = std::round(size * 2.2f);
    const sf::FloatRect rect(box.trackLeft, box.strip.top - height - 8 * u, width, height);
    painter.fillRect(rect, sf::Color::White, kInk);
    painter.text("Go to date: " + *m_typed + "_", true, size, kInk,
                 {rect.left + 12 * u, rect.top + (height - size * 1.2f) / 2});
    painter.text(hint, false, hintSize, kMuted,
                 {rect.left + width - 12 * u - painter.textWidth(hint, false, hintSize),
                  rect.top + (height - hintSize * 1.2f) / 2});
}

}  // namespace frontline::app
