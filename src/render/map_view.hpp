#pragma once
// A pan and zoom of the map part of a frame (the interactive viewer's camera). The scene is drawn in
// its own pixels ("scene pixels", those of the exported frame); a MapView says which part of the map
// rectangle is shown in it and how large. The identity (zoom 1, no offset) draws exactly the exported
// frame. Frame pixels: the target's pixels, the scene drawn at the top-left corner, unscaled.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/View.hpp>

namespace frontline::render {

class Scene;

struct MapView {
    float zoom = 1;       // > 1 shows a smaller part of the map, larger
    sf::Vector2f offset;  // the shown centre minus the map rectangle's centre, scene pixels

    static constexpr float kMinZoom = 0.5f;
    static constexpr float kMaxZoom = 64.0f;

    bool isIdentity() const { return zoom == 1 && offset.x == 0 && offset.y == 0; }

    // The SFML view that draws scene pixels of the map into the map rectangle of a target of
    // `targetSize` pixels (clipped to it by the viewport).
    sf::View view(sf::FloatRect mapRect, sf::Vector2u targetSize) const;
    // A frame pixel inside the map rectangle → the scene pixel drawn there, and back.
    sf::Vector2f toScene(sf::FloatRect mapRect, sf::Vector2f framePixel) const;
    sf::Vector2f toFrame(sf::FloatRect mapRect, sf::Vector2f scenePixel) const;

    // Zoomed by `factor` (clamped to [kMinZoom, kMaxZoom]) keeping the scene pixel under `framePixel`
    // where it is.
    MapView zoomedAbout(sf::FloatRect mapRect, sf::Vector2f framePixel, float factor) const;
    // Moved with the pointer: what was under a frame pixel p is now under p + `frameDelta`.
    MapView panned(sf::Vector2f frameDelta) const;
};

}  // namespace frontline::render
