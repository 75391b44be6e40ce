#pragma once
// The reveal field a wipe's shader reads (see shaders/transition.frag), one texel per kCell × kCell
// pixels: for each cell, how far along the change from state A to state B it lies.

#include <SFML/Graphics/Image.hpp>
#include <SFML/System/Vector2.hpp>
#include <cstdint>
#include <vector>

namespace frontline::render {

struct TransitionField {
    static constexpr float kCell = 4;
    sf::Image image;  // RGBA: lost reveal value in r,g (16 bits), gained in b,a

    // The number of cells across and down a frame of `size` pixels.
    static sf::Vector2i cells(sf::Vector2u size);
    // The field between the coverage masks (render/mesh.hpp rasterize, 1 inside) of A and B, `cells` in
    // size; `emptyA`/`emptyB`: that state holds nothing (or there is none).
    static TransitionField fromMasks(const std::vector<std::uint8_t>& maskA, bool emptyA,
                                     const std::vector<std::uint8_t>& maskB, bool emptyB, sf::Vector2i cells);
};

}  // namespace frontline::render
