#pragma once
// Where the names of places go on the map. Each name is tried at eight positions around its dot (right,
// left, above, below, then the four corners from the upper right) and put at the first inside the map
// that is clear of every dot, of the names placed before it and of what the renderer draws over the map
// (overlayBoxes).
// Bigger places go first, then by name, so that the same input always gives the same labels. A place
// whose name finds no room keeps its dot.
//
// Frame pixels; sizes scale with the layout's unit. Text is measured with the fonts' glyphs.

#include <SFML/Graphics/Rect.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "render/fonts.hpp"
#include "render/map_texts.hpp"
#include "render/scene.hpp"

namespace frontline::render {

// A place to label: its dot on the map, and what PlaceLabel says of it.
struct PlaceCandidate {
    sf::Vector2f dot;
    std::string name;
    int rank = 2;
    bool kindGiven = false;
    std::size_t layer = 0;
};

// What the renderer draws over the map, as place labels must keep clear of it: the north arrow (top
// left), the locator inset (FrameLayout::locator), the scale bar's plate `scaleBar` (scaleBarLayout) and,
// without a panel, the date (top right), the notice under it (mapNoticeLayout) and the credits (bottom
// right), as `mapTexts` reserves them (mapTextsLayout).
std::vector<sf::FloatRect> overlayBoxes(const FrameLayout& layout, const Fonts& fonts, sf::FloatRect scaleBar,
                                        const MapTextsLayout& mapTexts);

// The labelled places first, in the order they were placed, then the dots without a name. `scaleBar`:
// the scale bar's plate (scaleBarLayout).
std::vector<PlaceLabel> layOutPlaceLabels(std::vector<PlaceCandidate> candidates, const FrameLayout& layout,
                                          const Fonts& fonts, sf::FloatRect scaleBar,
                                          const MapTextsLayout& mapTexts);

// What region names (render/region_labels) must keep clear of: the overlays, and every place's dot and
// label as layOutPlaceLabels placed them.
std::vector<sf::FloatRect> boxesTakenByPlaces(const std::vector<PlaceLabel>& places,
                                              const FrameLayout& layout, const Fonts& fonts,
                                              sf::FloatRect scaleBar, const MapTextsLayout& mapTexts);

}  // namespace frontline::render
