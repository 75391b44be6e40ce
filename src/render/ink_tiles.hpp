#pragma once
// A cached picture drawn again each frame at the cost of what is on it: its ground, the colour most of
// its pixels have, as one flat rectangle, and from the texture only the tiles that hold something else.
// Same pixels as copying the whole picture without blending.
//
// Why: the viewer copies its cached panel (about 560×1010 pixels at 1920×1080) into every frame, and
// llvmpipe samples a texture per pixel where a flat fill costs far less; most of the panel is ground.
// Of the bundled scenario's panel 18 % of the pixels lie in inked 8-pixel tiles (30 % with 16-pixel
// tiles, 45 % with 32); the copy took 1.8 ms against 4.0 ms for the whole sprite (glFinish around it,
// means of 240 frames), and the viewer's benchmark p50 fell by 1.4 ms. glBlitFramebuffer was no
// cheaper than the sprite: llvmpipe draws a textured quad for it between these formats.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <vector>

namespace frontline::render {

class InkTiles {
public:
    static constexpr int kTile = 8;  // pixels

    // Reads `source` (texture pixels, top-down) of `texture` after its display(), and finds its ground
    // and its tiles that differ from it, to be drawn with their top left at `at` (target pixels).
    // False when OpenGL refused to hand the pixels over; nothing is kept then.
    bool find(sf::RenderTexture& texture, sf::IntRect source, sf::Vector2f at);
    bool empty() const { return m_ground.empty(); }
    // The share of the source's pixels in tiles drawn from the texture (0–1).
    double inkShare() const { return m_inkShare; }

    // The ground, then the tiles from `texture`, both replacing what `target` held there.
    void draw(sf::RenderTarget& target, const sf::Texture& texture) const;

private:
    std::vector<sf::Vertex> m_ground;  // two triangles
    std::vector<sf::Vertex> m_ink;     // two triangles per run of tiles along a row
    double m_inkShare = 0;
};

}  // namespace frontline::render
