#pragma once
// The date and the credits of a map without a panel (--no-panel), which Panel::drawOnMap draws on the
// map: top right and bottom right. Each frame prints its own, but place and region names are laid out
// once per scene, so what they keep clear of is the plate of the widest date and of the widest and
// tallest credits over the timeline: the dates between two consecutive states ("12 May 1994 → 10 Nov
// 2020") and the credits at each state's date and at each date a layer's feature starts or ends (of a
// series of more than 64 states, 64 spread over it, the last among them, stand for all).
//
// Frame pixels; sizes scale with the layout's unit. Text is measured with the fonts' glyphs.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>
#include <vector>

#include "render/fonts.hpp"
#include "render/frame_layout.hpp"

namespace frontline::render {

class Scene;

struct MapTextsLayout {
    float dateSize = 0;
    // Where a frame's credits go: wrapped to its width, right- and bottom-aligned in it, at most
    // kCreditsShare of its height. Half the map's width at most, narrower (more lines) where that keeps
    // its plate off a place's dot: small print in a corner, not a band over the places along the bottom.
    sf::FloatRect creditsArea;
    static constexpr float kCreditsShare = 0.35f;
    float creditsMargin = 0;  // of the plate around them
    // What names keep clear of: the date's corner and the credits' (plates and the pad to the edge).
    sf::FloatRect dateReserved;
    sf::FloatRect creditsReserved;
};

// `scene` is being built: its layers, states and place layers are made; `scaleBar`: the scale bar's
// plate (scaleBarLayout); `dots`: the places' dots on the map. Empty boxes for a layout with a panel.
MapTextsLayout mapTextsLayout(const Scene& scene, const FrameLayout& layout, const Fonts& fonts,
                              sf::FloatRect scaleBar, const std::vector<sf::Vector2f>& dots);

}  // namespace frontline::render
