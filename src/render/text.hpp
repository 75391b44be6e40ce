#pragma once
// Text in frame pixels: the width of a line and a paragraph wrapped on spaces, in any font and size of
// the overlays (UTF-8 in, sizes rounded to whole pixels as SFML draws them).

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <string>

namespace frontline::render {

// The width `utf8` takes on one line, from the pen's start to its last ink.
float textWidth(const std::string& utf8, const sf::Font& font, float size);

// Draws `utf8` wrapped to `maxWidth` (0 = no wrapping) with its top-left at `position`, or only
// measures it when `target` is null; returns the height used, and in `widthUsed` (when given) the width
// of its widest line.
float drawText(sf::RenderTarget* target, const std::string& utf8, const sf::Font& font, float size,
               sf::Color colour, sf::Vector2f position, float maxWidth = 0, float* widthUsed = nullptr);

}  // namespace frontline::render
