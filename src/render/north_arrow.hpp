#pragma once
// The north arrow: where it goes and its shape. It sits in a corner of the map on a light plate, in a
// reserved box that place names, region names and the viewer's info box keep clear of. The top left
// unless the box there covers a place's dot (which the plate would hide: "Kyiv" under the arrow) or
// more of the data than the bottom right does: the held areas of the states and the filled layers
// (Lake Sevan in the bundled scenario). The bottom right is tried only beside or below a panel; without
// one the credits take it.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>
#include <functional>
#include <vector>

#include "render/frame_layout.hpp"

namespace frontline::render {

// The box the arrow reserves in `corner` of the map: 100 × 115 units (at least 24 px each way).
sf::FloatRect northArrowBox(const FrameLayout& layout, NorthArrowCorner corner);
// The box in the corner the layout has chosen.
inline sf::FloatRect northArrowBox(const FrameLayout& layout) {
    return northArrowBox(layout, layout.northArrow);
}

// `covered(box)`: how much of the data the box covers, in px². A dot in a box counts for more than any
// area; on a tie the top left stays.
NorthArrowCorner chooseNorthArrowCorner(const FrameLayout& layout, const std::vector<sf::Vector2f>& dots,
                                        float dotRadius, const std::function<double(sf::FloatRect)>& covered);

// The arrow as drawn in the layout's corner: its plate, the tip-to-tail centre, its length and the "N"
// above it (character size and top-left position).
struct NorthArrowShape {
    sf::FloatRect plate;
    sf::Vector2f centre;
    float length = 0;
    float textSize = 0;
    sf::Vector2f textAt;
};
NorthArrowShape northArrowShape(const FrameLayout& layout);

}  // namespace frontline::render
