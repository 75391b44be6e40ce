#pragma once
// The drawing steps the map and its overlays share, in frame pixels with the target's current view:
// triangles, a line, a box, a place's dot, and the front line's dash.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Shader.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <initializer_list>
#include <vector>

namespace frontline::render {

// Dash pattern of front lines, in pixels at 1080p.
constexpr float kDash = 11.0f, kGap = 7.0f;

void drawTriangles(sf::RenderTarget& target, const std::vector<sf::Vertex>& vertices,
                   const sf::RenderStates& states = sf::RenderStates::Default);
void drawLine(sf::RenderTarget& target, std::initializer_list<sf::Vector2f> points, float width,
              sf::Color colour);
void drawRect(sf::RenderTarget& target, sf::FloatRect box, sf::Color fill,
              sf::Color outline = sf::Color::Transparent, float outlineWidth = 0);

// A place's dot at `unit` (see Scene::unit): cities larger, villages (rank 2) open circles.
void drawPlaceDot(sf::RenderTarget& target, sf::Vector2f centre, int rank, sf::Color colour, float unit);
// Villages have grey names (and open circles).
sf::Color placeLabelColour(int rank);

// The dash shader's pattern at `unit`, shifted by `phase` pixels along the line, at `opacity`.
void setDash(sf::Shader& dash, float unit, float phase, float opacity);

}  // namespace frontline::render
