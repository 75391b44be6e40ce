#pragma once
// Shared set-up of the tests that draw: they need an X display (xvfb-run + Mesa llvmpipe in CI) and
// skip without one.

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "io/scenario_reader.hpp"
#include "render/offscreen.hpp"

namespace frontline::test {

inline bool haveDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

#define FRONTLINE_REQUIRE_DISPLAY() \
    if (!::frontline::test::haveDisplay()) GTEST_SKIP() << "no DISPLAY (run under xvfb-run)"

inline Scenario loadScenario(geo::ThreadContext& context, const std::string& folder) {
    Diagnostics diagnostics;
    return io::readScenario(folder, {}, context.proj, context.geos, diagnostics);
}

#ifdef FRONTLINE_SHADER_DIR
// A scenario drawn offscreen at one size, without multisampling: the texts of a still.
struct DrawnScenario {
    DrawnScenario(const std::string& folder, sf::Vector2u size, render::MapOptions options = {})
        : scenario(loadScenario(context, folder)),
          renderer(scenario, context, size, FRONTLINE_SHADER_DIR, 0, options) {}
    const std::vector<render::Renderer::DrawnText>& at(const Date& date) {
        renderer.render(render::stillFrame(renderer.scene(), date));
        return renderer.renderer().drawnTextBoxes();
    }
    render::FrameLayout layout() {
        const render::Scene& scene = renderer.scene();
        return {scene.panelPlacement(), scene.unit(), scene.mapRect(), scene.panelRect(),
                scene.locatorRect()};
    }

    geo::ThreadContext context;
    const Scenario scenario;
    render::OffscreenRenderer renderer;
};
#endif

// "1920x1080": the name of a test of a frame size.
inline std::string sizeName(const testing::TestParamInfo<sf::Vector2u>& size) {
    return std::to_string(size.param.x) + "x" + std::to_string(size.param.y);
}

// Largest difference of any channel of any pixel, and how many pixels differ by more than `tolerance`.
struct PixelDifference {
    int maxChannel = 0;
    std::size_t pixelsOver = 0;
};

inline PixelDifference compare(const std::uint8_t* a, const std::uint8_t* b, std::size_t pixels,
                               int tolerance) {
    PixelDifference d;
    for (std::size_t i = 0; i < pixels; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a[i * 4 + c]) - int(b[i * 4 + c])));
        d.maxChannel = std::max(d.maxChannel, worst);
        if (worst > tolerance) ++d.pixelsOver;
    }
    return d;
}

}  // namespace frontline::test
