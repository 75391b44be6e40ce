#pragma once
// Projected metres (the scene's equal-area frame) to frame pixels, origin top-left, y down:
// x = origin.x + (X − minX)·scale, y = origin.y + (maxY − Y)·scale.

#include <SFML/System/Vector2.hpp>

#include "core/geometry.hpp"

namespace frontline::render {

struct PixelMapping {
    double minX = 0, maxY = 0, scale = 1;
    sf::Vector2f origin;

    sf::Vector2f toPixel(const Coord& projectedXy) const {
        return {static_cast<float>(origin.x + (projectedXy.x - minX) * scale),
                static_cast<float>(origin.y + (maxY - projectedXy.y) * scale)};
    }
    Coord toProjected(sf::Vector2f pixel) const {
        return {minX + (pixel.x - origin.x) / scale, maxY - (pixel.y - origin.y) / scale};
    }
    // Every vertex mapped, in doubles (for GEOS work in pixels; drawing uses toPixel).
    Geometry toPixels(const Geometry& projectedXy) const {
        auto map = [&](const Coord& c) {
            return Coord{origin.x + (c.x - minX) * scale, origin.y + (maxY - c.y) * scale};
        };
        Geometry pixels = projectedXy;
        for (auto& polygon : pixels.polygons)
            for (auto& ring : polygon.rings)
                for (auto& c : ring) c = map(c);
        for (auto& line : pixels.lines)
            for (auto& c : line) c = map(c);
        for (auto& c : pixels.points) c = map(c);
        return pixels;
    }
};

}  // namespace frontline::render
