#pragma once
// Where the notice of a frame goes on a map without a panel (--no-panel): top right, under the date.
// The notice is what the panel would print under its date line: a stale map ("Map of 12 May 1994: 6
// events since then not yet mapped …") or a frame between two maps. Laid out here once, so that the
// panel draws it where place labels were told to keep clear of (place_layout's overlay boxes).
//
// Frame pixels; sizes scale with the layout's unit. The notice is wrapped to `width` and its plate is
// sized to the text drawn; `reserved` holds the plate of the longest notice that fits in `maxLines`.

#include <SFML/Graphics/Rect.hpp>

#include "render/fonts.hpp"
#include "render/frame_layout.hpp"

namespace frontline::render {

struct MapNoticeLayout {
    float textSize = 0;
    float width = 0;   // the text is wrapped to this
    float right = 0;   // the text's right edge (it is right-aligned)
    float top = 0;     // the text's top
    float margin = 0;  // of the plate around the text
    int maxLines = 3;  // a longer notice is shrunk to fit
    sf::FloatRect reserved;
};

MapNoticeLayout mapNoticeLayout(const FrameLayout& layout, const Fonts& fonts);

// The bottom of the date's plate, top right of a map without a panel.
float mapDatePlateBottom(const FrameLayout& layout);

}  // namespace frontline::render
