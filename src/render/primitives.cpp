#include "render/primitives.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <algorithm>

#include "render/mesh.hpp"
#include "render/style.hpp"

namespace frontline::render {

void drawTriangles(sf::RenderTarget& target, const std::vector<sf::Vertex>& vertices,
                   const sf::RenderStates& states) {
    if (!vertices.empty()) target.draw(vertices.data(), vertices.size(), sf::Triangles, states);
}

void drawLine(sf::RenderTarget& target, std::initializer_list<sf::Vector2f> points, float width,
              sf::Color colour) {
    std::vector<sf::Vertex> vertices;
    appendStroke(vertices, Polyline(points), false, width, colour);
    drawTriangles(target, vertices);
}

void drawRect(sf::RenderTarget& target, sf::FloatRect box, sf::Color fill, sf::Color outline,
              float outlineWidth) {
    sf::RectangleShape shape({box.width, box.height});
    shape.setPosition(box.left, box.top);
    shape.setFillColor(fill);
    shape.setOutlineColor(outline);
    shape.setOutlineThickness(outlineWidth);
    target.draw(shape);
}

void drawPlaceDot(sf::RenderTarget& target, sf::Vector2f centre, int rank, sf::Color colour, float unit) {
    const float radius = std::max(1.5f, 3.5f * unit);
    sf::CircleShape dot(rank == 0 ? radius * 1.3f : radius, 16);
    dot.setOrigin(dot.getRadius(), dot.getRadius());
    dot.setPosition(centre);
    dot.setFillColor(rank == 2 ? sf::Color(255, 255, 255) : colour);
    dot.setOutlineColor(colour);
    dot.setOutlineThickness(std::max(0.8f, 1.2f * unit));
    target.draw(dot);
}

sf::Color placeLabelColour(int rank) { return rank == 2 ? kMuted : kInk; }

void setDash(sf::Shader& dash, float unit, float phase, float opacity) {
    dash.setUniform("dashLength", std::max(3.0f, kDash * unit));
    dash.setUniform("gapLength", std::max(2.0f, kGap * unit));
    dash.setUniform("phase", phase);
    dash.setUniform("opacity", opacity);
}

}  // namespace frontline::render
