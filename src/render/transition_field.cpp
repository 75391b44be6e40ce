#include "render/transition_field.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "render/mesh.hpp"

namespace frontline::render {

namespace {

std::uint16_t toUnit16(float value) {
    if (!std::isfinite(value)) value = 1;
    return static_cast<std::uint16_t>(std::lround(std::clamp(value, 0.0f, 1.0f) * 65535.0f));
}

}  // namespace

sf::Vector2i TransitionField::cells(sf::Vector2u size) {
    return {static_cast<int>(std::ceil(static_cast<float>(size.x) / kCell)),
            static_cast<int>(std::ceil(static_cast<float>(size.y) / kCell))};
}

TransitionField TransitionField::fromMasks(const std::vector<std::uint8_t>& maskA, bool emptyA,
                                           const std::vector<std::uint8_t>& maskB, bool emptyB,
                                           sf::Vector2i cells) {
    TransitionField field;
    // Distances are measured in field cells on the rasterized states.
    const int w = cells.x, h = cells.y;
    const auto toA = distanceTo(maskA, w, h, 1), outOfA = distanceTo(maskA, w, h, 0);
    const auto toB = distanceTo(maskB, w, h, 1), outOfB = distanceTo(maskB, w, h, 0);
    auto maxFinite = [](const std::vector<float>& values) {
        float m = 0;
        for (float v : values)
            if (std::isfinite(v)) m = std::max(m, v);
        return m > 0 ? m : 1.0f;
    };
    const float maxOutA = maxFinite(outOfA), maxOutB = maxFinite(outOfB);
    field.image.create(static_cast<unsigned>(w), static_cast<unsigned>(h));
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const std::size_t i =
                static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x);
            // Lost: 0 at the old front (A's edge towards the outside), 1 at the new front (B's edge);
            // with nothing left, the area shrinks to its innermost point.
            float lost = 1;
            if (emptyB)
                lost = outOfA[i] / maxOutA;
            else if (outOfA[i] + toB[i] > 0)
                lost = outOfA[i] / (outOfA[i] + toB[i]);
            // Gained: 0 at A's edge, 1 at B's outer edge; from nothing, it grows from B's core.
            float gained = 0;
            if (emptyA)
                gained = 1 - outOfB[i] / maxOutB;
            else if (toA[i] + outOfB[i] > 0)
                gained = toA[i] / (toA[i] + outOfB[i]);
            const std::uint16_t l = toUnit16(lost), g = toUnit16(gained);
            field.image.setPixel(static_cast<unsigned>(x), static_cast<unsigned>(y),
                                 sf::Color(static_cast<sf::Uint8>(l >> 8), static_cast<sf::Uint8>(l & 0xff),
                                           static_cast<sf::Uint8>(g >> 8), static_cast<sf::Uint8>(g & 0xff)));
        }
    }
    return field;
}

}  // namespace frontline::render
