#include "render/frame_layout.hpp"

#include <algorithm>
#include <cmath>

namespace frontline::render {

namespace {

// Share of the frame's width the map takes beside the panel; the panel has the rest.
constexpr float kMapShare = 0.6f;
// Below this width-to-height ratio the panel goes under the map: at 1080×1350 a side panel would leave
// the map 648 px of 1080, while a 5:4 frame (1280×1024) still has room for both side by side.
constexpr float kBelowAspect = 1.2f;
// Share of the frame's height the map takes above the panel, at most a square: below that the panel's
// text and chart no longer fit in two columns (1080×1080: 648 px of map, 432 of panel).
constexpr float kMapShareBelow = 0.6f;

}  // namespace

FrameLayout frameLayout(sf::Vector2u size, bool panel) {
    FrameLayout layout;
    const auto width = static_cast<float>(size.x), height = static_cast<float>(size.y);
    const bool portrait = width < kBelowAspect * height;
    // Text scales with the frame's shorter dimension relative to its reference: a portrait frame's
    // width, 1080 at 1080×1350, is what its panel lines span.
    layout.unit =
        portrait ? std::min(width / 1080.0f, height / 1350.0f) : std::min(width / 1920.0f, height / 1080.0f);
    if (!panel) {
        layout.placement = PanelPlacement::None;
        layout.map = {0, 0, width, height};
    } else if (portrait) {
        layout.placement = PanelPlacement::Below;
        const float mapHeight = std::round(std::min(width, height * kMapShareBelow));
        layout.map = {0, 0, width, mapHeight};
        layout.panel = {0, mapHeight, width, height - mapHeight};
    } else {
        layout.map = {0, 0, std::round(width * kMapShare), height};
        layout.panel = {layout.map.width, 0, width - layout.map.width, height};
    }
    return layout;
}

}  // namespace frontline::render
