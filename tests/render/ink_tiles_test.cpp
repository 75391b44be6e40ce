// InkTiles: the picture's ground as one flat rectangle and its inked tiles from the texture give the
// same pixels, byte for byte, as copying the whole picture without blending; only the tiles with
// something on them are drawn from the texture.

#include "render/ink_tiles.hpp"

#include <gtest/gtest.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <cstdint>
#include <vector>

#include "render/gl_fixture.hpp"

namespace frontline::test {
namespace {

const sf::Color kGround(250, 248, 240);

std::vector<std::uint8_t> pixelsOf(sf::RenderTexture& target) {
    target.display();
    const sf::Image image = target.getTexture().copyToImage();
    const std::uint8_t* p = image.getPixelsPtr();
    return {p, p + static_cast<std::size_t>(image.getSize().x) * image.getSize().y * 4};
}

// A 300×200 picture on kGround with a few marks off the tile grid; half transparent ones included
// (blended onto the ground when the picture was drawn, copied as they are).
void drawPicture(sf::RenderTexture& picture, bool marks) {
    picture.clear(kGround);
    if (marks) {
        auto box = [&](sf::FloatRect r, sf::Color c) {
            sf::RectangleShape shape({r.width, r.height});
            shape.setPosition(r.left, r.top);
            shape.setFillColor(c);
            picture.draw(shape);
        };
        box({13.5f, 7.25f, 40, 3}, sf::Color(20, 20, 20));
        box({150, 60, 90, 50}, sf::Color(192, 57, 43, 140));
        box({297, 190, 3, 10}, sf::Color(0, 0, 255));    // in the last, partial tiles
        box({60, 120, 1, 1}, sf::Color(251, 248, 240));  // one pixel barely unlike the ground
    }
    picture.display();
}

TEST(InkTiles, SamePixelsAsCopyingTheWholePicture) {
    FRONTLINE_REQUIRE_DISPLAY();
    for (bool marks : {true, false}) {
        sf::RenderTexture picture;
        ASSERT_TRUE(picture.create(300, 200));
        drawPicture(picture, marks);
        const sf::IntRect source(5, 0, 295, 200);  // the picture less a margin on the left
        const sf::Vector2f at(40, 30);
        render::InkTiles ink;
        ASSERT_TRUE(ink.find(picture, source, at));
        ASSERT_FALSE(ink.empty());
        if (marks) {
            EXPECT_GT(ink.inkShare(), 0.0);
            EXPECT_LT(ink.inkShare(), 0.25);  // the marks and the tiles they touch
        } else {
            EXPECT_EQ(ink.inkShare(), 0.0);
        }

        sf::RenderTexture tiled, copied;
        ASSERT_TRUE(tiled.create(400, 300));
        ASSERT_TRUE(copied.create(400, 300));
        for (sf::RenderTexture* target : {&tiled, &copied}) target->clear(sf::Color(255, 0, 0, 255));
        ink.draw(tiled, picture.getTexture());
        sf::Sprite sprite(picture.getTexture(), source);
        sprite.setPosition(at);
        copied.draw(sprite, sf::RenderStates(sf::BlendNone));
        EXPECT_EQ(pixelsOf(tiled), pixelsOf(copied)) << (marks ? "with marks" : "ground only");
    }
}

TEST(InkTiles, RefusesASourceOutsideThePicture) {
    FRONTLINE_REQUIRE_DISPLAY();
    sf::RenderTexture picture;
    ASSERT_TRUE(picture.create(64, 64));
    drawPicture(picture, false);
    render::InkTiles ink;
    EXPECT_FALSE(ink.find(picture, {10, 0, 64, 64}, {0, 0}));
    EXPECT_TRUE(ink.empty());
}

}  // namespace
}  // namespace frontline::test
