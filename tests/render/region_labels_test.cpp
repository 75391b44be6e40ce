// Where region and water names go (render/region_labels): inside their polygon and off the data, clear
// of what is taken, along and beside a line, or nowhere when there is no room.

#include "render/region_labels.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <utility>

#include "render/gl_fixture.hpp"

namespace frontline::test {
namespace {

Geometry square(double left, double top, double right, double bottom) {
    return Geometry{
        {Polygon{{Path{{left, top}, {right, top}, {right, bottom}, {left, bottom}, {left, top}}}}}, {}, {}};
}

render::RegionCandidate candidate(Geometry pixels, std::string name,
                                  render::RegionLabelStyle style = render::RegionLabelStyle::Region) {
    render::RegionCandidate c;
    c.pixels = std::move(pixels);
    c.name = std::move(name);
    c.style = style;
    return c;
}

struct RegionLabels : testing::Test {
    void SetUp() override {
        FRONTLINE_REQUIRE_DISPLAY();
        fonts = render::Fonts::loadDejaVu();
    }
    std::vector<render::RegionLabel> layOut(std::vector<render::RegionCandidate> candidates,
                                            const Geometry& avoid = {},
                                            std::vector<sf::FloatRect> taken = {}) {
        return render::layOutRegionLabels(geos, std::move(candidates), avoid, taken, layout, fonts);
    }

    geo::GeosContext geos;
    render::Fonts fonts;
    const render::FrameLayout layout = render::frameLayout({1920, 1080}, false);
};

bool inside(const sf::FloatRect& box, double left, double top, double right, double bottom) {
    return box.left >= left && box.top >= top && box.left + box.width <= right &&
           box.top + box.height <= bottom;
}

TEST_F(RegionLabels, NameGoesInsideItsPolygonAndOffTheData) {
    const auto labels =
        layOut({candidate(square(200, 200, 1000, 800), "Armenia")}, square(150, 150, 650, 850));
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].text, "ARMENIA");
    EXPECT_FLOAT_EQ(labels[0].rotationDegrees, 0);
    // Inside the part of the square the data leaves, with the gap of 6 px kept from the data.
    EXPECT_TRUE(inside(labels[0].box, 656, 200, 1000, 800)) << labels[0].box.left;
    // Centred on the largest circle of what is left (x from 656 to 1000): 828 within the search's 1 px.
    EXPECT_NEAR(labels[0].centre.x, 828, 2);
}

TEST_F(RegionLabels, NoRoomNoName) {
    // Smaller than the name.
    EXPECT_TRUE(layOut({candidate(square(500, 500, 540, 520), "Armenia")}).empty());
    // Wholly under the data.
    EXPECT_TRUE(
        layOut({candidate(square(200, 200, 1000, 800), "Armenia")}, square(100, 100, 1100, 900)).empty());
    // Outside the map.
    EXPECT_TRUE(layOut({candidate(square(-900, 200, -100, 800), "Armenia")}).empty());
}

TEST_F(RegionLabels, KeepsClearOfWhatIsTaken) {
    const sf::FloatRect taken(500, 450, 300, 100);  // over the square's centre
    const auto labels = layOut({candidate(square(300, 200, 1000, 800), "Azerbaijan")}, {}, {taken});
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_FALSE(labels[0].box.intersects(taken));
    EXPECT_TRUE(inside(labels[0].box, 300, 200, 1000, 800));
}

TEST_F(RegionLabels, EachBigPartNamedAtMostTwice) {
    Geometry parts = square(100, 100, 500, 400);
    for (const auto& more : {square(700, 100, 1100, 400), square(100, 600, 500, 900)})
        parts.polygons.push_back(more.polygons.front());
    const auto labels = layOut({candidate(parts, "Azerbaijan")});
    ASSERT_EQ(labels.size(), static_cast<std::size_t>(render::kMaxLabelsPerFeature));
    EXPECT_FALSE(labels[0].box.intersects(labels[1].box));
}

TEST_F(RegionLabels, TwoNamesNeverOverlap) {
    const auto labels = layOut(
        {candidate(square(300, 300, 800, 600), "Armenia"), candidate(square(300, 300, 800, 600), "Iran")});
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_FALSE(labels[0].box.intersects(labels[1].box));
}

// A straight river from lower left to upper right: its name is turned to the river's direction, sits
// beside it (not on it), and reads left to right whichever way the line was digitised.
TEST_F(RegionLabels, LineNameRunsAlongAndBesideTheLine) {
    const Coord a{300, 700}, b{1100, 300};
    const double degrees = std::atan2(b.y - a.y, b.x - a.x) * 180 / std::numbers::pi;  // −26.57°
    for (const Path& line : {Path{a, b}, Path{b, a}}) {
        const render::RegionCandidate river =
            candidate(Geometry{{}, {line}, {}}, "Aras", render::RegionLabelStyle::Water);
        const auto labels = layOut({river});
        ASSERT_EQ(labels.size(), 1u);
        EXPECT_EQ(labels[0].text, "Aras");
        EXPECT_NEAR(labels[0].rotationDegrees, degrees, 0.5);
        // Distance of the name's centre from the line: half the text's height and half the gap.
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double off =
            std::abs((labels[0].centre.x - a.x) * dy - (labels[0].centre.y - a.y) * dx) / std::hypot(dx, dy);
        EXPECT_GT(off, labels[0].characterSize / 3);
        EXPECT_LT(off, 2 * labels[0].characterSize);
    }
}

TEST(RegionLabelText, CapitalsForRegionsOnlyWhereCaseIsSafe) {
    EXPECT_EQ(render::regionLabelText("Armenia", render::RegionLabelStyle::Region), "ARMENIA");
    EXPECT_EQ(render::regionLabelText("Lake Sevan", render::RegionLabelStyle::Water), "Lake Sevan");
    // Upper-casing ğ needs the language (Turkish, Azerbaijani): the name keeps its case.
    EXPECT_EQ(render::regionLabelText("Ağdam", render::RegionLabelStyle::Region), "Ağdam");
}

}  // namespace
}  // namespace frontline::test
