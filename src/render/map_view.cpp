#include "render/map_view.hpp"

#include <algorithm>

namespace frontline::render {

namespace {

sf::Vector2f centreOf(sf::FloatRect rect) { return {rect.left + rect.width / 2, rect.top + rect.height / 2}; }

}  // namespace

sf::View MapView::view(sf::FloatRect mapRect, sf::Vector2u targetSize) const {
    sf::View result(centreOf(mapRect) + offset, {mapRect.width / zoom, mapRect.height / zoom});
    const auto w = static_cast<float>(targetSize.x), h = static_cast<float>(targetSize.y);
    result.setViewport({mapRect.left / w, mapRect.top / h, mapRect.width / w, mapRect.height / h});
    return result;
}

sf::Vector2f MapView::toScene(sf::FloatRect mapRect, sf::Vector2f framePixel) const {
    const sf::Vector2f c = centreOf(mapRect);
    return (framePixel - c) / zoom + c + offset;
}

sf::Vector2f MapView::toFrame(sf::FloatRect mapRect, sf::Vector2f scenePixel) const {
    const sf::Vector2f c = centreOf(mapRect);
    return (scenePixel - c - offset) * zoom + c;
}

MapView MapView::zoomedAbout(sf::FloatRect mapRect, sf::Vector2f framePixel, float factor) const {
    const sf::Vector2f fixed = toScene(mapRect, framePixel);
    MapView result = *this;
    result.zoom = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
    const sf::Vector2f c = centreOf(mapRect);
    result.offset = fixed - c - (framePixel - c) / result.zoom;
    return result;
}

MapView MapView::panned(sf::Vector2f frameDelta) const {
    MapView result = *this;
    result.offset -= frameDelta / zoom;
    return result;
}

}  // namespace frontline::render
