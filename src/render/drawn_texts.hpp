#pragma once
// The texts of a frame as drawn, in drawing order, and where they were drawn (frame pixels): what
// Renderer::drawnTexts() and drawnTextBoxes() report, and what tests compare with reports and check for
// overlaps. Draws with the target's current view.

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <string>
#include <vector>

namespace frontline::render {

// One text of a frame: its lines' height by its widest line (a place label: its ink), and its character
// size in pixels (0 for a box of texts laid out by another, the chart).
struct DrawnText {
    std::string text;
    sf::FloatRect box;
    float size = 0;
};

class DrawnTexts {
public:
    // Draws `utf8` wrapped to `maxWidth` (0 = no wrapping) with its top-left at `position` and records
    // it; returns the height used.
    float write(sf::RenderTarget& target, const std::string& utf8, const sf::Font& font, float size,
                sf::Color colour, sf::Vector2f position, float maxWidth = 0);
    // A text drawn by other means, with its box.
    void add(const std::string& text, sf::FloatRect box, float size);
    // Texts that another laid out and drew (the chart), recorded as one box named `name`.
    void addGroup(const std::string& name, sf::FloatRect box, const std::vector<std::string>& texts);
    // Everything `other` recorded, after what this one has.
    void append(const DrawnTexts& other);
    void clear();

    const std::vector<std::string>& texts() const { return m_texts; }
    const std::vector<DrawnText>& boxes() const { return m_boxes; }

private:
    std::vector<std::string> m_texts;
    std::vector<DrawnText> m_boxes;
};

}  // namespace frontline::render
