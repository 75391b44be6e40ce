#pragma once
// Triangles drawn in their order, of which only the runs that can reach the target are sent to OpenGL.
// The vertices are kept in runs of kRunVertices with the bounding box of each; draw() passes on the
// runs whose box meets the target's whole area as the current view maps it (not only the map's
// rectangle), consecutive ones in one call. A triangle wholly outside the target covers no pixel and no
// sample, and the runs left keep their order, so the picture is the same as drawing every triangle.
//
// Why: llvmpipe transforms, clips and sets up every vertex it is given, on screen or not, on the
// drawing thread. The bundled scenario's national borders (26,582 vertices, 43°–51° E) are drawn as
// 263,000 vertices of triangles a frame; in the viewer's benchmark (zooms 1–2.5×) 34 % of them are
// sent, and the backdrop took 5.7–6.5 ms a frame against 6.9–7.7 ms (medians of 240 frames, two
// alternating runs each, 1920x1080). Zoomed in further, or with a wider context, the share falls.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Transform.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <cstddef>
#include <utility>
#include <vector>

namespace frontline::render {

class CulledTriangles {
public:
    // 256 triangles: a run of a border's stroke covers a small box, and a frame makes a few hundred
    // calls at most.
    static constexpr std::size_t kRunVertices = 3 * 256;

    CulledTriangles() = default;

    // Takes a list of triangles (three vertices each, in draw order).
    void assign(std::vector<sf::Vertex> vertices);
    const std::vector<sf::Vertex>& vertices() const { return m_vertices; }
    bool empty() const { return m_vertices.empty(); }

    // Draws with the target's current view; returns the number of vertices sent.
    std::size_t draw(sf::RenderTarget& target,
                     const sf::RenderStates& states = sf::RenderStates::Default) const;

    // The target's area in the coordinates of the vertices (its current view, then the inverse of the
    // drawing's `model` transform), widened by `marginPixels` on each side.
    static sf::FloatRect visibleArea(const sf::RenderTarget& target, const sf::Transform& model,
                                     float marginPixels);

private:
    std::vector<sf::Vertex> m_vertices;
    std::vector<sf::FloatRect> m_boxes;  // of run i: vertices [i * kRunVertices, (i + 1) * kRunVertices)
};

}  // namespace frontline::render
