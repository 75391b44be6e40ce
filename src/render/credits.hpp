#pragma once
// The credits a frame prints: of what it draws, each once.

#include <string>
#include <vector>

#include "render/fonts.hpp"
#include "render/frame_spec.hpp"
#include "render/scene.hpp"

namespace frontline::render {

// The data's attributions and the sources the authored layers were drawn from, of the states, layers
// and places `frame` draws. A credit another contains ("Natural Earth" in "Made with Natural Earth")
// is the same credit and listed once, as the longer.
struct Credits {
    std::vector<std::string> data, sources;
};
Credits frameCredits(const Scene& scene, const FrameSpec& frame);

// "Data: …. Drawn for frontline from: …. Areas: …"; without the sources for a frame with no room.
std::string creditText(const Scene& scene, const FrameSpec& frame, bool withSources);

// The credits of `frame` as they fit `width`, in at most `most` pixels of height: small print that stays
// readable, wrapping to more lines rather than shrinking, then without the sources, and smaller only in
// a thumbnail that cannot hold them at a readable size at all. Needs the fonts' glyphs.
struct CreditsFit {
    std::string text;
    float size = 0;
    float width = 0;  // of the widest line
    float height = 0;
};
CreditsFit fitCredits(const Scene& scene, const FrameSpec& frame, const Fonts& fonts, float width,
                      float most);

}  // namespace frontline::render
