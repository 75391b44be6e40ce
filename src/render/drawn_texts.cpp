#include "render/drawn_texts.hpp"

#include <cmath>

#include "render/text.hpp"

namespace frontline::render {

float DrawnTexts::write(sf::RenderTarget& target, const std::string& utf8, const sf::Font& font, float size,
                        sf::Color colour, sf::Vector2f position, float maxWidth) {
    float width = 0;
    const float height = drawText(&target, utf8, font, size, colour, position, maxWidth, &width);
    m_texts.push_back(utf8);
    // Where drawText puts it: at whole pixels.
    m_boxes.push_back(
        {utf8, {std::round(position.x), std::round(position.y), width, height}, std::floor(size)});
    return height;
}

void DrawnTexts::add(const std::string& text, sf::FloatRect box, float size) {
    m_texts.push_back(text);
    m_boxes.push_back({text, box, size});
}

void DrawnTexts::addGroup(const std::string& name, sf::FloatRect box, const std::vector<std::string>& texts) {
    m_texts.insert(m_texts.end(), texts.begin(), texts.end());
    m_boxes.push_back({name, box, 0});
}

void DrawnTexts::append(const DrawnTexts& other) {
    m_texts.insert(m_texts.end(), other.m_texts.begin(), other.m_texts.end());
    m_boxes.insert(m_boxes.end(), other.m_boxes.begin(), other.m_boxes.end());
}

void DrawnTexts::clear() {
    m_texts.clear();
    m_boxes.clear();
}

}  // namespace frontline::render
