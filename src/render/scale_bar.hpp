#pragma once
// Where the scale bar goes and how long it is: laid out once here, so that the renderer draws the bar
// that place labels were told to keep clear of (Renderer::drawScaleBar and the overlay boxes of
// place_layout use the same layout).
//
// Frame pixels; sizes scale with the frame's unit (Scene::unit). The bar is a round number of km (1, 2,
// 5 × 10^n) at most 22 % of the map's width long, bottom left of the map, on a light plate that holds
// the bar and its two labels ("0" and "20 km").

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>
#include <string>

namespace frontline::render {

struct ScaleBarLayout {
    double km = 0;         // what the bar stands for
    std::string label;     // "20 km"
    sf::Vector2f origin;   // top-left of the bar, whole pixels
    float length = 0;      // of the bar
    float height = 0;      // of the bar
    float textSize = 0;    // of both labels
    sf::Vector2f zeroAt;   // top-left of "0"
    sf::Vector2f labelAt;  // top-left of the label
    sf::FloatRect plate;   // the light ground under all of it: what the map loses to the scale bar
};

// The scale bar of a map at `unit`, with `metresPerPixel` on the ground (at the map's centre, divided by
// the camera's zoom); `font` is the labels' font.
ScaleBarLayout scaleBarLayout(sf::FloatRect map, float unit, double metresPerPixel, const sf::Font& font);

}  // namespace frontline::render
