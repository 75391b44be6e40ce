#include "render/text.hpp"

#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

namespace frontline::render {

float textWidth(const std::string& utf8, const sf::Font& font, float size) {
    const sf::Text probe(sf::String::fromUtf8(utf8.begin(), utf8.end()), font,
                         static_cast<unsigned>(std::max(1.0f, size)));
    const sf::FloatRect bounds = probe.getLocalBounds();
    return bounds.left + bounds.width;
}

float drawText(sf::RenderTarget* target, const std::string& utf8, const sf::Font& font, float size,
               sf::Color colour, sf::Vector2f position, float maxWidth, float* widthUsed) {
    const auto characterSize = static_cast<unsigned>(std::max(1.0f, size));
    const float lineHeight = std::round(static_cast<float>(characterSize) * 1.28f);
    std::vector<std::string> lines;
    if (maxWidth <= 0) {
        lines.push_back(utf8);
    } else {
        // Greedy word wrap on spaces.
        std::string current;
        std::size_t begin = 0;
        while (begin <= utf8.size()) {
            std::size_t end = utf8.find(' ', begin);
            if (end == std::string::npos) end = utf8.size();
            const std::string word = utf8.substr(begin, end - begin);
            const std::string candidate = current.empty() ? word : current + " " + word;
            sf::Text probe(sf::String::fromUtf8(candidate.begin(), candidate.end()), font, characterSize);
            if (!current.empty() && probe.getLocalBounds().width > maxWidth) {
                lines.push_back(current);
                current = word;
            } else {
                current = candidate;
            }
            begin = end + 1;
        }
        if (!current.empty()) lines.push_back(current);
    }
    if (widthUsed) {
        *widthUsed = 0;
        for (const auto& line : lines) *widthUsed = std::max(*widthUsed, textWidth(line, font, size));
    }
    if (target) {
        float y = std::round(position.y);
        for (const auto& line : lines) {
            sf::Text shape(sf::String::fromUtf8(line.begin(), line.end()), font, characterSize);
            shape.setFillColor(colour);
            shape.setPosition(std::round(position.x), y);
            target->draw(shape);
            y += lineHeight;
        }
    }
    return static_cast<float>(lines.size()) * lineHeight;
}

}  // namespace frontline::render
