#include "app/viewer_painter.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <cmath>

namespace frontline::app {

float ViewerPainter::textWidth(const std::string& utf8, bool bold, float size) const {
    const sf::Text probe(sf::String::fromUtf8(utf8.begin(), utf8.end()),
                         bold ? m_fonts.bold : m_fonts.regular, static_cast<unsigned>(std::max(1.0f, size)));
    const sf::FloatRect bounds = probe.getLocalBounds();
    return bounds.left + bounds.width;
}

float ViewerPainter::text(const std::string& utf8, bool bold, float size, sf::Color colour,
                          sf::Vector2f position) const {
    sf::Text shape(sf::String::fromUtf8(utf8.begin(), utf8.end()), bold ? m_fonts.bold : m_fonts.regular,
                   static_cast<unsigned>(std::max(1.0f, size)));
    shape.setFillColor(colour);
    shape.setPosition(std::round(position.x), std::round(position.y));
    m_target.draw(shape);
    return std::round(std::max(1.0f, size) * 1.3f);
}

void ViewerPainter::fillRect(sf::FloatRect box, sf::Color fill, sf::Color outline) const {
    sf::RectangleShape shape({box.width, box.height});
    shape.setPosition(box.left, box.top);
    shape.setFillColor(fill);
    if (outline.a) {
        shape.setOutlineColor(outline);
        shape.setOutlineThickness(1);
    }
    m_target.draw(shape);
}

}  // namespace frontline::app
