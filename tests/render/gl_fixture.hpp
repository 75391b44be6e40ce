#pragma once
// Shared set-up of the tests that draw: they need an X display (xvfb-run + Mesa llvmpipe in CI) and
// skip without one.

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

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
