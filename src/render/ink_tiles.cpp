#include "render/ink_tiles.hpp"

#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace frontline::render {

namespace {

// Two triangles: `box` in target pixels, `texture` the same size in texture pixels.
void appendQuad(std::vector<sf::Vertex>& out, sf::FloatRect box, sf::FloatRect texture, sf::Color colour) {
    const float r = box.left + box.width, b = box.top + box.height;
    const float tr = texture.left + texture.width, tb = texture.top + texture.height;
    const sf::Vertex tl({box.left, box.top}, colour, {texture.left, texture.top});
    const sf::Vertex trv({r, box.top}, colour, {tr, texture.top});
    const sf::Vertex bl({box.left, b}, colour, {texture.left, tb});
    const sf::Vertex br({r, b}, colour, {tr, tb});
    out.insert(out.end(), {tl, trv, bl, trv, br, bl});
}

}  // namespace

bool InkTiles::find(sf::RenderTexture& texture, sf::IntRect source, sf::Vector2f at) {
    m_ground.clear();
    m_ink.clear();
    m_inkShare = 0;
    const sf::Vector2u size = texture.getSize();
    if (source.width <= 0 || source.height <= 0 || source.left < 0 || source.top < 0 ||
        static_cast<unsigned>(source.left + source.width) > size.x ||
        static_cast<unsigned>(source.top + source.height) > size.y || !texture.setActive(true))
        return false;
    while (glGetError() != GL_NO_ERROR) {
    }
    // OpenGL's rows count from the bottom: texture row y (top-down) is row size.y − 1 − y.
    const auto w = static_cast<std::size_t>(source.width), h = static_cast<std::size_t>(source.height);
    std::vector<std::uint32_t> rows(w * h);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(source.left, static_cast<GLint>(size.y) - source.top - source.height, source.width,
                 source.height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    if (glGetError() != GL_NO_ERROR) return false;
    auto pixel = [&](std::size_t x, std::size_t y) { return rows[(h - 1 - y) * w + x]; };
    // The ground: the commonest colour of a sample of the pixels.
    std::unordered_map<std::uint32_t, std::size_t> counts;
    for (std::size_t y = 0; y < h; y += 7) {
        for (std::size_t x = 0; x < w; x += 7) ++counts[pixel(x, y)];
    }
    const auto commonest = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                               return a.second < b.second;
                           })->first;
    std::uint8_t rgba[4];
    std::memcpy(rgba, &commonest, 4);
    const sf::Color ground(rgba[0], rgba[1], rgba[2], rgba[3]);
    appendQuad(m_ground, {at.x, at.y, static_cast<float>(w), static_cast<float>(h)}, {}, ground);
    const std::size_t tile = kTile, columns = (w + tile - 1) / tile, tileRows = (h + tile - 1) / tile;
    std::size_t inked = 0;
    for (std::size_t ty = 0; ty < tileRows; ++ty) {
        const std::size_t y0 = ty * tile, y1 = std::min(h, y0 + tile);
        std::vector<bool> ink(columns, false);
        for (std::size_t y = y0; y < y1; ++y) {
            for (std::size_t x = 0; x < w; ++x) {
                if (pixel(x, y) != commonest) ink[x / tile] = true;
            }
        }
        // Runs of inked tiles along the row, one quad each.
        for (std::size_t tx = 0; tx < columns;) {
            if (!ink[tx]) {
                ++tx;
                continue;
            }
            std::size_t end = tx;
            while (end < columns && ink[end]) ++end;
            const std::size_t x0 = tx * tile, x1 = std::min(w, end * tile);
            inked += (x1 - x0) * (y1 - y0);
            const sf::FloatRect box(at.x + static_cast<float>(x0), at.y + static_cast<float>(y0),
                                    static_cast<float>(x1 - x0), static_cast<float>(y1 - y0));
            appendQuad(m_ink, box,
                       {static_cast<float>(source.left + static_cast<int>(x0)),
                        static_cast<float>(source.top + static_cast<int>(y0)), box.width, box.height},
                       sf::Color::White);
            tx = end;
        }
    }
    m_inkShare = static_cast<double>(inked) / static_cast<double>(w * h);
    return true;
}

void InkTiles::draw(sf::RenderTarget& target, const sf::Texture& texture) const {
    if (m_ground.empty()) return;
    target.draw(m_ground.data(), m_ground.size(), sf::Triangles, sf::RenderStates(sf::BlendNone));
    if (m_ink.empty()) return;
    sf::RenderStates states(sf::BlendNone);
    states.texture = &texture;
    target.draw(m_ink.data(), m_ink.size(), sf::Triangles, states);
}

}  // namespace frontline::render
