// What is drawn is measured, and no more: a still measures only its own state and change
// (analysis::StatsScope::still), a viewer each change when it shows it (Scene::measureChange). Either
// way the numbers and the frames are those of the whole timeline measured at once.

#include <gtest/gtest.h>
#include <unistd.h>

#include <SFML/Graphics/Image.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "export/exporter.hpp"
#include "render/gl_fixture.hpp"

namespace frontline::test {
namespace {

TEST(ExportScenario, StillMeasuringItsOwnStateDrawsTheFrameOfTheWholeTimeline) {
    FRONTLINE_REQUIRE_DISPLAY();
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, FRONTLINE_TEST_DATA "/synthetic");
    const auto out = std::filesystem::temp_directory_path() /
                     ("frontline_still_test_" + std::to_string(::getpid()) + ".png");
    for (const bool panel : {true, false}) {
        render::MapOptions map;
        map.panel = panel;
        render::OffscreenRenderer whole(scenario, context, {480, 270}, FRONTLINE_SHADER_DIR, 4, map);
        for (const Date date : {Date(2000, 6, 1), Date(2001, 6, 1), Date(2002, 8, 1), Date(2003, 2, 1)}) {
            exporting::ExportOptions options;
            options.out = out;
            options.width = 480;
            options.height = 270;
            options.at = date;
            options.map = map;
            options.shaderFolder = FRONTLINE_SHADER_DIR;
            options.progress = false;
            exporting::exportScenario(scenario, context, options, [](const std::string&) {});
            sf::Image image;
            ASSERT_TRUE(image.loadFromFile(out.string())) << date.iso();
            const std::vector<std::uint8_t>& drawn = whole.render(render::stillFrame(whole.scene(), date));
            const std::uint8_t* written = image.getPixelsPtr();
            std::size_t differ = 0;
            for (std::size_t p = 0; p < drawn.size(); ++p) differ += p % 4 != 3 && drawn[p] != written[p];
            EXPECT_EQ(differ, 0u) << date.iso() << (panel ? " with the panel" : " without the panel");
        }
    }
    std::filesystem::remove(out);
}

// A scene measured without changes measures each when asked: the numbers and pieces of the change
// measured with the rest, to the bit, and a frame drawn after it is the frame of the eager scene.
TEST(Scene, ChangeMeasuredWhenShownIsTheChangeMeasuredWithTheRest) {
    FRONTLINE_REQUIRE_DISPLAY();
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, FRONTLINE_TEST_DATA "/synthetic");
    const std::size_t states = scenario.timeline.states().size();
    ASSERT_GE(states, 3u);
    render::OffscreenRenderer whole(scenario, context, {480, 270}, FRONTLINE_SHADER_DIR, 4);
    render::OffscreenRenderer lazy(
        scenario, context, {480, 270}, FRONTLINE_SHADER_DIR, 4, {},
        render::measureInBackground(scenario, analysis::StatsScope::areas(states)));
    const auto& eager = whole.scene().stats();
    render::Scene& scene = lazy.scene();
    for (std::size_t i = 0; i < states; ++i) {
        EXPECT_FALSE(scene.stats()[i].sincePrevious) << i;
        EXPECT_EQ(scene.stats()[i].area.value, eager[i].area.value) << i;
    }
    // Out of order, and twice: a change measured once stays as it is.
    for (const int state : {2, 1, 2, 0, -1, static_cast<int>(states)}) scene.measureChange(state);
    for (std::size_t i = 3; i < states; ++i) scene.measureChange(static_cast<int>(i));
    for (std::size_t i = 1; i < states; ++i) {
        const auto& a = scene.stats()[i].sincePrevious;
        const auto& b = eager[i].sincePrevious;
        ASSERT_TRUE(a && b) << i;
        EXPECT_EQ(a->gained.value, b->gained.value) << i;
        EXPECT_EQ(a->lost.value, b->lost.value) << i;
        EXPECT_EQ(a->lost.likelyMax, b->lost.likelyMax) << i;
        EXPECT_EQ(a->net.min, b->net.min) << i;
        EXPECT_EQ(a->closureKm2, b->closureKm2) << i;
        EXPECT_EQ(a->gainedLonLat, b->gainedLonLat) << i;
        EXPECT_EQ(a->lostLonLat, b->lostLonLat) << i;
        EXPECT_EQ(a->keptLonLat, b->keptLonLat) << i;
    }
    EXPECT_FALSE(scene.stats()[0].sincePrevious);
    for (const Date date : {Date(2001, 6, 1), Date(2002, 8, 1)}) {
        const std::vector<std::uint8_t> drawn = lazy.render(render::stillFrame(lazy.scene(), date));
        EXPECT_TRUE(drawn == whole.render(render::stillFrame(whole.scene(), date))) << date.iso();
    }
}

}  // namespace
}  // namespace frontline::test
