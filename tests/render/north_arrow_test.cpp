// Where the north arrow goes (render::chooseNorthArrowCorner) and its shape in either corner.

#include "render/north_arrow.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace frontline::render {
namespace {

FrameLayout beside() { return frameLayout({1920, 1080}, true); }

TEST(NorthArrowCorner, TopLeftWhenNothingIsThere) {
    EXPECT_EQ(chooseNorthArrowCorner(beside(), {}, 4, [](sf::FloatRect) { return 0.0; }),
              NorthArrowCorner::TopLeft);
}

TEST(NorthArrowCorner, OffADotEvenOntoData) {
    const FrameLayout layout = beside();
    const sf::FloatRect topLeft = northArrowBox(layout, NorthArrowCorner::TopLeft);
    const std::vector<sf::Vector2f> dots{{topLeft.left + 30, topLeft.top + 40}};
    // The bottom right is wholly covered by data; a hidden dot still weighs more.
    const auto full = [&](sf::FloatRect box) { return box.top > 500 ? double(box.width * box.height) : 0.0; };
    EXPECT_EQ(chooseNorthArrowCorner(layout, dots, 4, full), NorthArrowCorner::BottomRight);
    // A dot just outside the box, within its radius, would be half hidden by the plate's edge.
    const std::vector<sf::Vector2f> edge{{topLeft.left + topLeft.width + 3, topLeft.top + 40}};
    EXPECT_EQ(chooseNorthArrowCorner(layout, edge, 4, [](sf::FloatRect) { return 0.0; }),
              NorthArrowCorner::BottomRight);
    EXPECT_EQ(chooseNorthArrowCorner(layout, edge, 2, [](sf::FloatRect) { return 0.0; }),
              NorthArrowCorner::TopLeft);
}

TEST(NorthArrowCorner, WhereLessOfTheDataIsCovered) {
    const FrameLayout layout = beside();
    const auto lakeTopLeft = [](sf::FloatRect box) { return box.top < 100 ? 500.0 : 20.0; };
    EXPECT_EQ(chooseNorthArrowCorner(layout, {}, 4, lakeTopLeft), NorthArrowCorner::BottomRight);
    const auto heldBottomRight = [](sf::FloatRect box) { return box.top < 100 ? 20.0 : 500.0; };
    EXPECT_EQ(chooseNorthArrowCorner(layout, {}, 4, heldBottomRight), NorthArrowCorner::TopLeft);
}

TEST(NorthArrowCorner, TopLeftWithoutAPanel) {
    const FrameLayout layout = frameLayout({1920, 1080}, false);
    const sf::FloatRect topLeft = northArrowBox(layout, NorthArrowCorner::TopLeft);
    EXPECT_EQ(chooseNorthArrowCorner(layout, {{topLeft.left + 30, topLeft.top + 40}}, 4,
                                     [](sf::FloatRect) { return 0.0; }),
              NorthArrowCorner::TopLeft);
}

// In the bottom right the plate keeps the distances to the map's edges it keeps in the top left.
TEST(NorthArrowShape, BottomRightMirrorsTopLeft) {
    for (const sf::Vector2u size :
         {sf::Vector2u{1920, 1080}, sf::Vector2u{1080, 1350}, sf::Vector2u{300, 200}}) {
        FrameLayout layout = frameLayout(size, true);
        const NorthArrowShape a = northArrowShape(layout);
        layout.northArrow = NorthArrowCorner::BottomRight;
        const NorthArrowShape b = northArrowShape(layout);
        const sf::FloatRect map = layout.map;
        EXPECT_NEAR(a.plate.left - map.left, map.left + map.width - (b.plate.left + b.plate.width), 1e-3);
        EXPECT_NEAR(a.plate.top - map.top, map.top + map.height - (b.plate.top + b.plate.height), 1e-3);
        EXPECT_FLOAT_EQ(a.plate.width, b.plate.width);
        EXPECT_NEAR(b.centre.x - b.plate.left, a.centre.x - a.plate.left, 1e-3);
        EXPECT_NEAR(b.textAt.y - b.plate.top, a.textAt.y - a.plate.top, 1e-3);
        const sf::FloatRect box = northArrowBox(layout);
        EXPECT_LE(box.left, b.plate.left);
        EXPECT_LE(box.top, b.plate.top);
    }
}

}  // namespace
}  // namespace frontline::render
