#include "render/culled_triangles.hpp"

#include <algorithm>
#include <array>

namespace frontline::render {

namespace {

bool meets(const sf::FloatRect& a, const sf::FloatRect& b) {
    return a.left <= b.left + b.width && b.left <= a.left + a.width && a.top <= b.top + b.height &&
           b.top <= a.top + a.height;
}

}  // namespace

void CulledTriangles::assign(std::vector<sf::Vertex> vertices) {
    m_vertices = std::move(vertices);
    m_boxes.clear();
    for (std::size_t first = 0; first < m_vertices.size(); first += kRunVertices) {
        const std::size_t last = std::min(m_vertices.size(), first + kRunVertices);
        float minX = m_vertices[first].position.x, maxX = minX;
        float minY = m_vertices[first].position.y, maxY = minY;
        for (std::size_t i = first + 1; i < last; ++i) {
            const sf::Vector2f p = m_vertices[i].position;
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
        m_boxes.emplace_back(minX, minY, maxX - minX, maxY - minY);
    }
}

sf::FloatRect CulledTriangles::visibleArea(const sf::RenderTarget& target, const sf::Transform& model,
                                           float marginPixels) {
    const sf::Vector2u size = target.getSize();
    const float w = static_cast<float>(size.x), h = static_cast<float>(size.y);
    const sf::View& view = target.getView();
    const sf::FloatRect port = view.getViewport();
    const sf::Transform toWorld = model.getInverse() * view.getInverseTransform();
    float minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool first = true;
    const std::array<sf::Vector2f, 4> corners{
        sf::Vector2f{-marginPixels, -marginPixels}, sf::Vector2f{w + marginPixels, -marginPixels},
        sf::Vector2f{-marginPixels, h + marginPixels}, sf::Vector2f{w + marginPixels, h + marginPixels}};
    for (const sf::Vector2f& pixel : corners) {
        // Pixel to normalised device coordinates of the view's viewport, as sf::RenderTarget does.
        const sf::Vector2f ndc(-1.f + 2.f * (pixel.x - port.left * w) / (port.width * w),
                               1.f - 2.f * (pixel.y - port.top * h) / (port.height * h));
        const sf::Vector2f p = toWorld.transformPoint(ndc);
        if (first) {
            minX = maxX = p.x;
            minY = maxY = p.y;
            first = false;
        }
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    return {minX, minY, maxX - minX, maxY - minY};
}

std::size_t CulledTriangles::draw(sf::RenderTarget& target, const sf::RenderStates& states) const {
    if (m_vertices.empty()) return 0;
    // Two pixels of margin: a triangle's box is in floats and the rasteriser's in fixed point.
    const sf::FloatRect area = visibleArea(target, states.transform, 2.0f);
    std::size_t sent = 0;
    std::size_t run = 0;
    while (run < m_boxes.size()) {
        if (!meets(m_boxes[run], area)) {
            ++run;
            continue;
        }
        std::size_t end = run + 1;
        while (end < m_boxes.size() && meets(m_boxes[end], area)) ++end;
        const std::size_t first = run * kRunVertices;
        const std::size_t count = std::min(m_vertices.size(), end * kRunVertices) - first;
        target.draw(m_vertices.data() + first, count, sf::Triangles, states);
        sent += count;
        run = end;
    }
    return sent;
}

}  // namespace frontline::render
