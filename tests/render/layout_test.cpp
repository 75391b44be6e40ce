// How a frame is shared between map and panel at landscape, portrait, square and tiny sizes, and that the
// texts a frame draws never overlap there.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/control.hpp"
#include "geo/geos.hpp"
#include "render/gl_fixture.hpp"
#include "render/locator.hpp"
#include "render/panel_text.hpp"
#include "render/style.hpp"

namespace frontline::test {
namespace {

const std::string kKarabakh = FRONTLINE_SOURCE_DIR "/geodata/karabakh";

TEST(FrameLayout, LandscapeKeepsThePanelBeside) {
    for (const sf::Vector2u size :
         {sf::Vector2u{1920, 1080}, sf::Vector2u{1280, 720}, sf::Vector2u{300, 200}}) {
        const render::FrameLayout layout = render::frameLayout(size);
        EXPECT_EQ(layout.placement, render::PanelPlacement::Beside) << size.x << "x" << size.y;
        EXPECT_FLOAT_EQ(layout.map.width, std::round(0.6f * static_cast<float>(size.x)));
        EXPECT_FLOAT_EQ(layout.map.height, static_cast<float>(size.y));
        EXPECT_FLOAT_EQ(layout.panel.left, layout.map.width);
        EXPECT_FLOAT_EQ(layout.panel.left + layout.panel.width, static_cast<float>(size.x));
    }
    EXPECT_FLOAT_EQ(render::frameLayout({1920, 1080}).unit, 1.0f);
}

TEST(FrameLayout, PortraitAndSquarePutThePanelBelow) {
    struct Case {
        sf::Vector2u size;
        float mapHeight;  // 60 % of the height, at most the width (a square map)
    };
    for (const Case& c : {Case{{1080, 1350}, 810}, Case{{1080, 1080}, 648}, Case{{720, 1280}, 720}}) {
        const render::FrameLayout layout = render::frameLayout(c.size);
        const std::string name = std::to_string(c.size.x) + "x" + std::to_string(c.size.y);
        EXPECT_EQ(layout.placement, render::PanelPlacement::Below) << name;
        EXPECT_FLOAT_EQ(layout.map.width, static_cast<float>(c.size.x)) << name;
        EXPECT_FLOAT_EQ(layout.map.height, c.mapHeight) << name;
        EXPECT_FLOAT_EQ(layout.panel.top, c.mapHeight) << name;
        EXPECT_FLOAT_EQ(layout.panel.width, static_cast<float>(c.size.x)) << name;
        EXPECT_FLOAT_EQ(layout.panel.top + layout.panel.height, static_cast<float>(c.size.y)) << name;
    }
    EXPECT_FLOAT_EQ(render::frameLayout({1080, 1350}).unit, 1.0f);
}

TEST(FrameLayout, NoPanelGivesTheMapTheWholeFrame) {
    const render::FrameLayout layout = render::frameLayout({1080, 1350}, false);
    EXPECT_EQ(layout.placement, render::PanelPlacement::None);
    EXPECT_EQ(layout.map, sf::FloatRect(0, 0, 1080, 1350));
    EXPECT_FLOAT_EQ(layout.panel.width * layout.panel.height, 0.0f);
}

// The bundled scenario drawn at one size.
struct Drawn : DrawnScenario {
    explicit Drawn(sf::Vector2u size, render::MapOptions options = {})
        : DrawnScenario(kKarabakh, size, options) {}
};

std::string describe(const render::Renderer::DrawnText& t) {
    std::ostringstream out;
    out << "'" << t.text.substr(0, 40) << "' at " << t.box.left << "," << t.box.top << " " << t.box.width
        << "x" << t.box.height;
    return out.str();
}

const render::Renderer::DrawnText* credits(const std::vector<render::Renderer::DrawnText>& texts) {
    for (const auto& t : texts)
        if (t.text.rfind("Data: ", 0) == 0) return &t;
    return nullptr;
}

class TextsApart : public testing::TestWithParam<sf::Vector2u> {};

// No two texts a frame draws share a pixel, and each lies inside the frame, at every size: a small
// frame leaves blocks out instead. Dates: the first state with three events, the 2020 ceasefire, and a
// still after the last state (nothing held, the 2025 corridor drawn).
TEST_P(TextsApart, NoTwoTextsOverlap) {
    FRONTLINE_REQUIRE_DISPLAY();
    const sf::Vector2u size = GetParam();
    Drawn drawn(size);
    const sf::FloatRect frame(0, 0, static_cast<float>(size.x), static_cast<float>(size.y));
    for (const Date& date : {Date(1994, 5, 12), Date(2020, 11, 10), Date(2025, 9, 1)}) {
        const auto texts = drawn.at(date);
        ASSERT_GT(texts.size(), 5u);
        ASSERT_NE(credits(texts), nullptr) << "the credits are always drawn";
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const sf::FloatRect& box = texts[i].box;
            EXPECT_TRUE(frame.contains(box.left, box.top) &&
                        frame.contains(box.left + box.width - 1, box.top + box.height - 1))
                << date.iso() << ": " << describe(texts[i]) << " leaves the frame";
            for (std::size_t j = i + 1; j < texts.size(); ++j) {
                EXPECT_FALSE(box.intersects(texts[j].box))
                    << date.iso() << ": " << describe(texts[i]) << " overlaps " << describe(texts[j]);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, TextsApart,
                         testing::Values(sf::Vector2u{1920, 1080}, sf::Vector2u{1280, 720},
                                         sf::Vector2u{1080, 1350}, sf::Vector2u{1080, 1080},
                                         sf::Vector2u{720, 1280}, sf::Vector2u{300, 200}),
                         sizeName);

// At 1280×720 (a phone's view of a 720p video) the credits keep 12 px characters, their sources
// included, and the panel shows everything it has: chart and legend.
TEST(Layout, CreditsReadableAt1280x720) {
    FRONTLINE_REQUIRE_DISPLAY();
    Drawn drawn({1280, 720});
    const auto texts = drawn.at(Date(2020, 11, 10));
    const auto* credit = credits(texts);
    ASSERT_NE(credit, nullptr);
    EXPECT_GE(credit->size, 12.0f);
    EXPECT_NE(credit->text.find("Drawn for frontline from: "), std::string::npos) << credit->text;
    EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const auto& t) { return t.text == "chart"; }));
    EXPECT_FALSE(drawn.renderer.renderer().legendRows().empty());
}

// Portrait and square frames, whose panel is below the map, keep the chart and the whole legend on the
// date of every state, the 2020 ones with the legend's extra schematic row included: the legend takes
// two columns rather than push the chart out.
TEST(Layout, PanelBelowKeepsChartAndLegendAtEveryState) {
    FRONTLINE_REQUIRE_DISPLAY();
    for (const sf::Vector2u size : {sf::Vector2u{1080, 1350}, sf::Vector2u{1080, 1080}}) {
        Drawn drawn(size);
        for (const auto& state : drawn.scenario.timeline.states()) {
            const auto texts = drawn.at(state.date);
            EXPECT_TRUE(
                std::any_of(texts.begin(), texts.end(), [](const auto& t) { return t.text == "chart"; }))
                << size.x << "x" << size.y << " " << state.date.iso();
            EXPECT_FALSE(drawn.renderer.renderer().legendRows().empty())
                << size.x << "x" << size.y << " " << state.date.iso();
        }
    }
}

// A video of --from 2020-11-01 --to 2020-12-12 titles itself with that year, not the timeline's.
TEST(Layout, TitleFollowsTheSpanShown) {
    FRONTLINE_REQUIRE_DISPLAY();
    render::MapOptions options;
    options.span = {Date(2020, 11, 1), Date(2020, 12, 12)};
    Drawn drawn({1280, 720}, options);
    const auto texts = drawn.at(Date(2020, 11, 10));
    const std::string title = drawn.scenario.title.substr(0, drawn.scenario.title.rfind("1994")) + "2020";
    EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [&](const auto& t) { return t.text == title; }))
        << title;
}

// A tiny frame keeps what a still cannot go without, the date, the area and the credits, and leaves out
// what does not fit.
TEST(Layout, TinyFrameKeepsDateAreaAndCredits) {
    FRONTLINE_REQUIRE_DISPLAY();
    Drawn drawn({300, 200});
    const Date date(2020, 11, 10);
    const auto texts = drawn.at(date);
    auto drawnText = [&](const std::string& text) {
        return std::any_of(texts.begin(), texts.end(), [&](const auto& t) { return t.text == text; });
    };
    EXPECT_TRUE(drawnText(render::formatDateLong(date)));
    const render::PanelText words = render::panelText(drawn.scenario, drawn.renderer.scene().stats(),
                                                      render::stillFrame(drawn.renderer.scene(), date));
    EXPECT_TRUE(drawnText(words.area)) << words.area;
    EXPECT_NE(credits(texts), nullptr);
}

// Below the map (portrait, square) every panel text is under the map; beside it, right of it.
TEST(Layout, PanelTextsOnTheirSideOfTheMap) {
    FRONTLINE_REQUIRE_DISPLAY();
    for (const sf::Vector2u size : {sf::Vector2u{1080, 1350}, sf::Vector2u{1920, 1080}}) {
        Drawn drawn(size);
        const sf::FloatRect map = drawn.renderer.scene().mapRect();
        const bool below = size.y > size.x;
        const auto texts = drawn.at(Date(2020, 11, 10));
        for (const std::string& text : {drawn.scenario.title, std::string("10 Nov 2020")}) {
            const auto found =
                std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.text == text; });
            ASSERT_NE(found, texts.end()) << text;
            if (below)
                EXPECT_GE(found->box.top, map.top + map.height) << describe(*found);
            else
                EXPECT_GE(found->box.left, map.left + map.width) << describe(*found);
        }
    }
}

// --no-panel: the map takes the frame; its only texts besides the map's own are the date and the
// credits; no legend.
TEST(Layout, NoPanelDrawsDateAndCreditsOnTheMap) {
    FRONTLINE_REQUIRE_DISPLAY();
    render::MapOptions options;
    options.panel = false;
    Drawn drawn({1280, 720}, options);
    EXPECT_EQ(drawn.renderer.scene().mapRect(), sf::FloatRect(0, 0, 1280, 720));
    const auto texts = drawn.at(Date(2020, 11, 10));
    std::vector<std::string> all;
    for (const auto& t : texts) all.push_back(t.text);
    EXPECT_NE(std::find(all.begin(), all.end(), "10 Nov 2020"), all.end());
    EXPECT_EQ(std::find(all.begin(), all.end(), drawn.scenario.title), all.end());
    EXPECT_EQ(std::find(all.begin(), all.end(), "chart"), all.end());
    const auto* credit = credits(texts);
    ASSERT_NE(credit, nullptr);
    EXPECT_GE(credit->size, 12.0f);
    EXPECT_TRUE(drawn.renderer.renderer().legendRows().empty());
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            EXPECT_FALSE(texts[i].box.intersects(texts[j].box))
                << describe(texts[i]) << " overlaps " << describe(texts[j]);
}

// The bundled map says where it is: the countries and waters around Karabakh are named at the sizes a
// newsroom uses, and none of the names sits on an area held at any date.
TEST(Layout, CountriesAndWatersNamed) {
    FRONTLINE_REQUIRE_DISPLAY();
    for (const sf::Vector2u size : {sf::Vector2u{1920, 1080}, sf::Vector2u{1080, 1350}}) {
        Drawn drawn(size);
        const auto texts = drawn.at(Date(2020, 11, 10));
        std::vector<std::string> all;
        for (const auto& t : texts) all.push_back(t.text);
        for (const char* name : {"ARMENIA", "AZERBAIJAN", "IRAN", "Lake Sevan", "Aras"})
            EXPECT_NE(std::find(all.begin(), all.end(), name), all.end()) << name << " at " << size.x;
        // Off the data: no name's centre inside any state's held area (GEOS, in lon/lat).
        const render::Scene& scene = drawn.renderer.scene();
        ASSERT_FALSE(scene.regionLabels().empty());
        for (const auto& state : drawn.scenario.timeline.states()) {
            if (state.empty) continue;
            const geo::PreparedPolygons held(
                drawn.context.geos, analysis::controlGeometry(drawn.context.geos, drawn.scenario, state));
            for (const auto& label : scene.regionLabels()) {
                EXPECT_FALSE(held.covers(scene.toLonLat(label.centre)))
                    << label.text << " on the area held from " << state.date.iso();
            }
        }
    }
}

// --locator: the inset sits in its corner, inside the map, and no text is drawn over it; it frames the
// map's extent at a smaller scale; without context polygons around the map there is none.
TEST(Layout, LocatorInItsCornerClearOfTexts) {
    FRONTLINE_REQUIRE_DISPLAY();
    render::MapOptions options;
    options.locator = true;
    for (const sf::Vector2u size : {sf::Vector2u{1920, 1080}, sf::Vector2u{1080, 1350}}) {
        Drawn drawn(size, options);
        const render::Scene& scene = drawn.renderer.scene();
        const sf::FloatRect box = scene.locatorRect(), map = scene.mapRect();
        ASSERT_GT(box.width, 0);
        EXPECT_TRUE(map.contains(box.left, box.top) &&
                    map.contains(box.left + box.width, box.top + box.height));
        EXPECT_GT(box.left + box.width / 2, map.left + map.width / 2) << "top right beside or below a panel";
        for (const auto& text : drawn.at(Date(2020, 11, 10)))
            EXPECT_FALSE(text.box.intersects(box)) << describe(text);
        const auto locator = render::Locator::build(scene, box);
        ASSERT_TRUE(locator.has_value());
        const sf::FloatRect frame = locator->mapFrame();
        EXPECT_TRUE(box.contains(frame.left, frame.top) &&
                    box.contains(frame.left + frame.width, frame.top + frame.height));
        EXPECT_LE(frame.width, box.width / render::kLocatorMinGain);
        // The map's frame keeps the map's shape (same projection, one scale).
        EXPECT_NEAR(frame.width / frame.height, map.width / map.height, 0.05 * map.width / map.height);
    }
    // Without a panel it goes under the north arrow, the date keeping the top right.
    options.panel = false;
    Drawn bare({1280, 720}, options);
    EXPECT_LT(bare.renderer.scene().locatorRect().left, 640);
    // The synthetic scenario has no context layer: nothing to locate it by.
    geo::ThreadContext context;
    const Scenario synthetic = loadScenario(context, FRONTLINE_SOURCE_DIR "/tests/data/synthetic");
    render::OffscreenRenderer renderer(synthetic, context, {1280, 720}, FRONTLINE_SHADER_DIR, 0, options);
    EXPECT_FALSE(render::Locator::build(renderer.scene(), renderer.scene().locatorRect()).has_value());
}

TEST(Layout, LocatorBoxOnlyWhereThereIsRoom) {
    EXPECT_EQ(render::locatorBox(render::frameLayout({150, 100}, false)).width, 0);
    const sf::FloatRect box = render::locatorBox(render::frameLayout({1920, 1080}, true));
    EXPECT_GT(box.width, 100);
}

}  // namespace
}  // namespace frontline::test
