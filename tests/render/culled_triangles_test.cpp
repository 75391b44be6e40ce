// CulledTriangles: the runs it leaves out make no pixel. Drawn through views that show part of the
// triangles (zoomed, panned, through a viewport, with a model transform), the picture equals drawing
// every triangle, byte for byte, and fewer vertices are sent than there are.

#include "render/culled_triangles.hpp"

#include <gtest/gtest.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "render/gl_fixture.hpp"

namespace frontline::test {
namespace {

// Small triangles scattered over 0..4000 × 0..3000, each in a colour of its own, half transparent so
// that the order of drawing shows; in clusters, as the stroke of a border runs on.
std::vector<sf::Vertex> scatteredTriangles() {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> step(-30, 30), size(2, 25);
    std::uniform_int_distribution<int> channel(0, 255);
    std::vector<sf::Vertex> vertices;
    sf::Vector2f at(100, 100);
    for (int i = 0; i < 20000; ++i) {
        if (i % 500 == 0) at = {static_cast<float>(i % 4000), static_cast<float>((i * 7) % 3000)};
        at += {step(random), step(random)};
        const sf::Color colour(static_cast<sf::Uint8>(channel(random)),
                               static_cast<sf::Uint8>(channel(random)),
                               static_cast<sf::Uint8>(channel(random)), 128);
        const float s = size(random);
        vertices.emplace_back(at, colour);
        vertices.emplace_back(at + sf::Vector2f(s, 0), colour);
        vertices.emplace_back(at + sf::Vector2f(0, s), colour);
    }
    return vertices;
}

std::vector<std::uint8_t> pixelsOf(sf::RenderTexture& target) {
    target.display();
    const sf::Image image = target.getTexture().copyToImage();
    const std::uint8_t* p = image.getPixelsPtr();
    return {p, p + static_cast<std::size_t>(image.getSize().x) * image.getSize().y * 4};
}

TEST(CulledTriangles, SamePixelsAsDrawingEveryTriangle) {
    FRONTLINE_REQUIRE_DISPLAY();
    const std::vector<sf::Vertex> all = scatteredTriangles();
    render::CulledTriangles culled;
    culled.assign(all);
    ASSERT_EQ(culled.vertices().size(), all.size());

    struct Case {
        const char* name;
        sf::View view;
        sf::Transform model;
    };
    std::vector<Case> cases;
    cases.push_back({"whole", sf::View(sf::FloatRect(0, 0, 4000, 3000)), {}});
    cases.push_back({"zoomed in", sf::View(sf::FloatRect(1500, 1200, 320, 200)), {}});
    sf::View port(sf::FloatRect(2000, 500, 640, 400));
    port.setViewport(sf::FloatRect(0.25f, 0.1f, 0.5f, 0.5f));  // the rest of the target shows more
    cases.push_back({"viewport", port, {}});
    sf::Transform shifted;
    shifted.translate(-900, 300).scale(1.5f, 1.5f);
    cases.push_back({"model transform", sf::View(sf::FloatRect(100, 400, 640, 400)), shifted});

    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        sf::RenderTexture plain, cut;
        ASSERT_TRUE(plain.create(640, 400));
        ASSERT_TRUE(cut.create(640, 400));
        for (sf::RenderTexture* target : {&plain, &cut}) {
            target->clear(sf::Color(240, 240, 240));
            target->setView(c.view);
        }
        sf::RenderStates states;
        states.transform = c.model;
        plain.draw(all.data(), all.size(), sf::Triangles, states);
        const std::size_t sent = culled.draw(cut, states);
        EXPECT_TRUE(pixelsOf(plain) == pixelsOf(cut));
        if (std::string(c.name) == "whole")
            EXPECT_GT(sent, all.size() * 9 / 10) << "the walks stray a little outside the view";
        else
            EXPECT_LT(sent, all.size() / 2) << "zoomed in, most runs lie outside";
        EXPECT_GT(sent, 0u);
    }
}

TEST(CulledTriangles, VisibleAreaOfAPlainViewIsItsRectangle) {
    FRONTLINE_REQUIRE_DISPLAY();
    sf::RenderTexture target;
    ASSERT_TRUE(target.create(200, 100));
    target.setView(sf::View(sf::FloatRect(10, 20, 400, 200)));  // 2 units a pixel
    const sf::FloatRect area = render::CulledTriangles::visibleArea(target, sf::Transform(), 1.0f);
    EXPECT_NEAR(area.left, 8, 1e-3);
    EXPECT_NEAR(area.top, 18, 1e-3);
    EXPECT_NEAR(area.width, 404, 1e-3);
    EXPECT_NEAR(area.height, 204, 1e-3);
}

}  // namespace
}  // namespace frontline::test
