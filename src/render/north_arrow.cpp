#include "render/north_arrow.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace frontline::render {

namespace {

// The arrow's shape in the top left corner; the bottom right mirrors its plate's offsets.
NorthArrowShape topLeftShape(const FrameLayout& layout) {
    const float u = layout.unit;
    const sf::FloatRect map = layout.map;
    NorthArrowShape shape;
    shape.length = 30 * u;
    shape.textSize = std::max(7.0f, std::round(20.0f * u));
    // The "N" above the arrow stays inside the frame where the smallest text size outgrows the unit.
    shape.centre = {map.left + 48 * u, map.top + std::max(66 * u, shape.length + shape.textSize * 1.35f + 2)};
    const float top = shape.centre.y - shape.length - shape.textSize * 1.35f - 4 * u;
    const float bottom = shape.centre.y + shape.length * 0.6f + 6 * u;
    const float half = std::max(shape.length * 0.45f, shape.textSize * 0.5f) + 8 * u;
    shape.plate = {shape.centre.x - half, top, 2 * half, bottom - top};
    shape.textAt = {shape.centre.x - shape.textSize * 0.36f,
                    shape.centre.y - shape.length - shape.textSize * 1.35f};
    return shape;
}

}  // namespace

sf::FloatRect northArrowBox(const FrameLayout& layout, NorthArrowCorner corner) {
    const float u = layout.unit;
    const sf::FloatRect map = layout.map;
    const float width = std::max(100 * u, 24.0f), height = std::max(115 * u, 24.0f);
    if (corner == NorthArrowCorner::BottomRight)
        return {map.left + map.width - width, map.top + map.height - height, width, height};
    return {map.left, map.top, width, height};
}

NorthArrowCorner chooseNorthArrowCorner(const FrameLayout& layout, const std::vector<sf::Vector2f>& dots,
                                        float dotRadius,
                                        const std::function<double(sf::FloatRect)>& covered) {
    if (layout.placement == PanelPlacement::None) return NorthArrowCorner::TopLeft;
    const auto cost = [&](NorthArrowCorner corner) {
        const sf::FloatRect box = northArrowBox(layout, corner);
        const sf::FloatRect widened(box.left - dotRadius, box.top - dotRadius, box.width + 2 * dotRadius,
                                    box.height + 2 * dotRadius);
        const auto hidden = static_cast<double>(std::count_if(
            dots.begin(), dots.end(), [&](const sf::Vector2f& dot) { return widened.contains(dot); }));
        // Each hidden dot outweighs the whole box covered.
        return hidden * (2.0 * box.width * box.height + 1) + covered(box);
    };
    return cost(NorthArrowCorner::BottomRight) < cost(NorthArrowCorner::TopLeft)
               ? NorthArrowCorner::BottomRight
               : NorthArrowCorner::TopLeft;
}

NorthArrowShape northArrowShape(const FrameLayout& layout) {
    NorthArrowShape shape = topLeftShape(layout);
    if (layout.northArrow == NorthArrowCorner::TopLeft) return shape;
    const sf::FloatRect map = layout.map;
    const sf::Vector2f moved(
        map.left + map.width - (shape.plate.left + shape.plate.width - map.left) - shape.plate.left,
        map.top + map.height - (shape.plate.top + shape.plate.height - map.top) - shape.plate.top);
    shape.plate.left += moved.x;
    shape.plate.top += moved.y;
    shape.centre += moved;
    shape.textAt += moved;
    return shape;
}

}  // namespace frontline::render
