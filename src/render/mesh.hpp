#pragma once
// Vertex arrays in frame pixels: filled triangles, strokes of constant screen width, and the raster
// helpers (triangle coverage, Euclidean distance transform) behind the transition field.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <cstdint>
#include <vector>

namespace frontline::render {

using Polyline = std::vector<sf::Vector2f>;

// Triangles for `corners` (three per triangle). texCoords = the pixel position (the transition
// shader samples its field with it).
void appendTriangles(std::vector<sf::Vertex>& out, const std::vector<sf::Vector2f>& corners, sf::Color color);

// Two triangles covering `box`.
void appendRect(std::vector<sf::Vertex>& out, sf::FloatRect box, sf::Color color);

// A stroke `width` pixels wide along `line` as triangles, with mitred joins (bevelled past a limit)
// so a translucent stroke does not overlap itself at joins. texCoords.x = arc length in pixels from
// the start (for dashes). `closed`: the last point joins the first.
void appendStroke(std::vector<sf::Vertex>& out, const Polyline& line, bool closed, float width,
                  sf::Color color);

// `line` without points closer than `minStep` pixels to their predecessor (and without the closing
// duplicate when `closed`).
Polyline thin(const Polyline& line, float minStep, bool closed);

// A coverage mask (1 inside) of `width`×`height` cells of `cellSize` pixels, a cell counting as
// inside when its centre is inside one of the triangles.
std::vector<std::uint8_t> rasterize(const std::vector<sf::Vertex>& triangles, int width, int height,
                                    float cellSize);

// For each cell, the Euclidean distance in cells to the nearest cell whose mask equals `target`
// (infinity when there is none). Felzenszwalb–Huttenlocher, exact, O(cells).
std::vector<float> distanceTo(const std::vector<std::uint8_t>& mask, int width, int height,
                              std::uint8_t target);

}  // namespace frontline::render
