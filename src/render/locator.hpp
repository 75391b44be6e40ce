#pragma once
// The locator inset (--locator): where the map is, for a reader who does not know the region. A small
// plate in a corner of the map shows the context layers' polygons (countries, lakes) over an area
// `kLocatorZoom` times the map's extent, and the map's extent on it as a frame in the subject's red.
// Only what the scenario's own context layers hold is drawn, so the inset never reaches past their
// extent: it is cut to the box the polygons cover, and left out when that box is not at least
// kLocatorMinGain times the map's extent (the inset would repeat the map).
//
// The box is fixed by the layout alone (FrameLayout::locator: top right of the map beside a panel or
// below one, top left under the north arrow without a panel), so that place and region names can keep
// clear of it before anything is drawn.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <optional>
#include <vector>

#include "render/frame_layout.hpp"

namespace frontline::render {

class Scene;

inline constexpr double kLocatorZoom = 6;
inline constexpr double kLocatorMinGain = 1.5;

// The inset's box in `layout` (frame pixels), or an empty box when the map is too small for one (under
// 160 pixels wide).
sf::FloatRect locatorBox(const FrameLayout& layout);

class Locator {
public:
    // The inset of `scene` in `box`, or nothing when there is nothing around the map to show (see
    // above). Uses the scene's GEOS context.
    static std::optional<Locator> build(const Scene& scene, sf::FloatRect box);

    sf::FloatRect box() const { return m_box; }
    // The map's extent as the inset draws it, frame pixels.
    const sf::FloatRect& mapFrame() const { return m_mapFrame; }
    void draw(sf::RenderTarget& target) const;

private:
    sf::FloatRect m_box, m_mapFrame;
    std::vector<sf::Vertex> m_triangles;  // plate, land and water fills, outlines, the map's frame
};

}  // namespace frontline::render
