#include "render/place_layout.hpp"

#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

#include "render/map_notice.hpp"
#include "render/north_arrow.hpp"

namespace frontline::render {

std::vector<sf::FloatRect> overlayBoxes(const FrameLayout& layout, const Fonts& fonts, sf::FloatRect scaleBar,
                                        const MapTextsLayout& mapTexts) {
    std::vector<sf::FloatRect> boxes;
    boxes.push_back(northArrowBox(layout));
    if (layout.locator.width > 0) boxes.push_back(layout.locator);
    boxes.push_back(scaleBar);
    if (layout.placement == PanelPlacement::None) {
        boxes.push_back(mapTexts.dateReserved);
        boxes.push_back(mapNoticeLayout(layout, fonts).reserved);
        boxes.push_back(mapTexts.creditsReserved);
    }
    return boxes;
}

namespace {

float placeCharacterSize(float unit) { return std::max(7.0f, std::round(17.0f * unit)); }
float placeDotRadius(float unit) { return std::max(1.5f, 3.5f * unit); }

// The box a name takes at whole-pixel `position` with `characterSize`: its ink with its halo
// (Renderer::drawPlaces draws the outline), which can reach past the line box below (descenders) and to
// the sides.
sf::FloatRect labelBox(sf::Vector2f position, float width, float height, const sf::FloatRect& halo) {
    const float left = std::min(position.x, position.x + halo.left);
    const float top = std::min(position.y, position.y + halo.top);
    const float right = std::max(position.x + width, position.x + halo.left + halo.width);
    const float bottom = std::max(position.y + height * 1.2f, position.y + halo.top + halo.height);
    return {left, top, right - left, bottom - top};
}

}  // namespace

std::vector<PlaceLabel> layOutPlaceLabels(std::vector<PlaceCandidate> candidates, const FrameLayout& layout,
                                          const Fonts& fonts, sf::FloatRect scaleBar,
                                          const MapTextsLayout& mapTexts) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const PlaceCandidate& a, const PlaceCandidate& b) {
                         return std::tie(a.rank, a.name) < std::tie(b.rank, b.name);
                     });
    const float unit = layout.unit;
    const auto characterSize = static_cast<unsigned>(placeCharacterSize(unit));
    const float gap = std::max(2.0f, 6.0f * unit);
    const float dotRadius = placeDotRadius(unit);
    std::vector<sf::FloatRect> taken;
    for (const auto& c : candidates) {
        taken.push_back({c.dot.x - dotRadius, c.dot.y - dotRadius, 2 * dotRadius, 2 * dotRadius});
    }
    // Dots stay where the overlays are: a place is on the map even where its name has no room.
    const std::vector<sf::FloatRect> overlays = overlayBoxes(layout, fonts, scaleBar, mapTexts);
    taken.insert(taken.end(), overlays.begin(), overlays.end());
    const sf::FloatRect inside(layout.map.left + gap, layout.map.top + gap, layout.map.width - 2 * gap,
                               layout.map.height - 2 * gap);
    std::vector<PlaceLabel> places;
    for (const auto& c : candidates) {
        sf::Text text(sf::String::fromUtf8(c.name.begin(), c.name.end()), fonts.regular, characterSize);
        const sf::FloatRect bounds = text.getLocalBounds();
        text.setOutlineThickness(std::max(1.0f, 2.0f * unit));
        const sf::FloatRect halo = text.getLocalBounds();
        const float w = bounds.left + bounds.width, h = static_cast<float>(characterSize);
        // Right, left, above and below the dot, then the four corners: where a name has no room beside
        // its dot (a village between two towns' names), diagonally off it rather than left out.
        // A name above its dot ends `gap` above it with its box's bottom, the halo's included (the
        // halo of a descender reaches past the line box: "Meghri" above its dot took its own dot's box).
        const float corner = gap * 0.7f;
        const float depth = std::max(h * 1.2f, halo.top + halo.height) + 1.0f;  // + rounding
        const std::array<sf::Vector2f, 8> positions{
            sf::Vector2f{c.dot.x + gap, c.dot.y - h * 0.6f},
            sf::Vector2f{c.dot.x - gap - w, c.dot.y - h * 0.6f},
            sf::Vector2f{c.dot.x - w / 2, c.dot.y - gap - depth},
            sf::Vector2f{c.dot.x - w / 2, c.dot.y + gap},
            sf::Vector2f{c.dot.x + corner, c.dot.y - corner - depth},
            sf::Vector2f{c.dot.x + corner, c.dot.y + corner},
            sf::Vector2f{c.dot.x - corner - w, c.dot.y - corner - depth},
            sf::Vector2f{c.dot.x - corner - w, c.dot.y + corner}};
        for (const auto& unrounded : positions) {
            // Labels are drawn at whole pixels: their boxes are tested there.
            const sf::Vector2f position(std::round(unrounded.x), std::round(unrounded.y));
            const sf::FloatRect box = labelBox(position, w, h, halo);
            const bool fits = inside.contains(box.left, box.top) &&
                              inside.contains(box.left + box.width, box.top + box.height);
            const bool collides = std::any_of(taken.begin(), taken.end(),
                                              [&](const sf::FloatRect& r) { return r.intersects(box); });
            if (fits && !collides) {
                places.push_back({c.dot, position, c.name, c.rank, c.kindGiven, c.layer});
                taken.push_back(box);
                break;
            }
        }
    }
    // Dots without a label that found room are still drawn.
    for (const auto& c : candidates) {
        const bool labelled =
            std::any_of(places.begin(), places.end(), [&](const PlaceLabel& p) { return p.dot == c.dot; });
        if (!labelled) places.push_back({c.dot, {}, {}, c.rank, c.kindGiven, c.layer});
    }
    return places;
}

std::vector<sf::FloatRect> boxesTakenByPlaces(const std::vector<PlaceLabel>& places,
                                              const FrameLayout& layout, const Fonts& fonts,
                                              sf::FloatRect scaleBar, const MapTextsLayout& mapTexts) {
    std::vector<sf::FloatRect> boxes = overlayBoxes(layout, fonts, scaleBar, mapTexts);
    const auto characterSize = static_cast<unsigned>(placeCharacterSize(layout.unit));
    const float dotRadius = placeDotRadius(layout.unit);
    for (const auto& place : places) {
        boxes.push_back({place.dot.x - dotRadius, place.dot.y - dotRadius, 2 * dotRadius, 2 * dotRadius});
        if (place.name.empty()) continue;
        sf::Text text(sf::String::fromUtf8(place.name.begin(), place.name.end()), fonts.regular,
                      characterSize);
        const sf::FloatRect bounds = text.getLocalBounds();
        text.setOutlineThickness(std::max(1.0f, 2.0f * layout.unit));
        boxes.push_back(labelBox(place.textPosition, bounds.left + bounds.width,
                                 static_cast<float>(characterSize), text.getLocalBounds()));
    }
    return boxes;
}

}  // namespace frontline::render
