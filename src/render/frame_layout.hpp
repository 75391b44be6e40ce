#pragma once
// How a frame is shared between the map and the panel, and the scale of its text and lines.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

namespace frontline::render {

// Where the panel (title, date, numbers, chart, events, legend, credits) goes: beside the map in a
// landscape frame; below it in a portrait or near-square one, where a side panel would leave the map a
// narrow strip; nowhere for --no-panel.
enum class PanelPlacement { Beside, Below, None };

// The smallest frame drawn (Scene throws RenderError under it; export's --size is a usage error).
inline constexpr unsigned kMinFrameWidth = 64, kMinFrameHeight = 36;

// The map corner the north arrow takes (render/north_arrow.hpp): the bottom right only beside or below a
// panel, since without one the credits are there.
enum class NorthArrowCorner { TopLeft, BottomRight };

// How a frame of `size` pixels is shared between map and panel (frame pixels, origin top-left), and the
// scale of its text and lines: `unit` is 1 at 1920×1080 beside and at 1080×1350 below.
struct FrameLayout {
    PanelPlacement placement = PanelPlacement::Beside;
    float unit = 1;
    sf::FloatRect map, panel;  // panel: empty for None
    sf::FloatRect locator;     // the locator inset's box (render/locator.hpp); empty without --locator
    NorthArrowCorner northArrow = NorthArrowCorner::TopLeft;  // Scene chooses (chooseNorthArrowCorner)
};
FrameLayout frameLayout(sf::Vector2u size, bool panel = true);

}  // namespace frontline::render
