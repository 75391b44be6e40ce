// A still measures only what it draws (analysis::StatsScope::still): its frame is the frame of a
// renderer that measured the whole timeline, pixel for pixel, with and without the panel.

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

}  // namespace
}  // namespace frontline::test
