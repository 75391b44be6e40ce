// Frames drawn offscreen: golden images, the ends of a transition, and the numbers the overlays show.

#include <gtest/gtest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/run_frontline.hpp"
#include "core/error.hpp"
#include "export/png_writer.hpp"
#include "export/schedule.hpp"
#include "render/area_labels.hpp"
#include "render/gl_fixture.hpp"
#include "render/style.hpp"

namespace frontline::test {
namespace {

const std::string kSynthetic = FRONTLINE_TEST_DATA "/synthetic";
const std::filesystem::path kGolden = FRONTLINE_SOURCE_DIR "/tests/render/golden";
// Per channel: llvmpipe versions round differently at edges; a real change moves far more.
constexpr int kTolerance = 48;
constexpr std::size_t kPixelsAllowedOver = 40;  // of 57,600 at 320×180

std::vector<std::uint8_t> renderStill(const std::string& scenarioFolder, const Date& date,
                                      sf::Vector2u size = {320, 180}) {
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, scenarioFolder);
    render::OffscreenRenderer renderer(scenario, context, size, FRONTLINE_SHADER_DIR);
    return renderer.render(render::stillFrame(renderer.scene(), date));
}

void checkGolden(const std::string& name, const std::vector<std::uint8_t>& pixels, sf::Vector2u size) {
    const auto path = kGolden / (name + ".png");
    const char* update = std::getenv("FRONTLINE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        exporting::writePng(path, pixels.data(), size.x, size.y);
        GTEST_SKIP() << "updated " << path;
    }
    sf::Image golden;
    ASSERT_TRUE(golden.loadFromFile(path.string()))
        << "missing golden " << path << " (run with FRONTLINE_UPDATE_GOLDEN=1)";
    ASSERT_EQ(golden.getSize(), size);
    const auto d = compare(golden.getPixelsPtr(), pixels.data(), std::size_t(size.x) * size.y, kTolerance);
    if (d.pixelsOver > kPixelsAllowedOver) {
        const auto actual = std::filesystem::temp_directory_path() / (name + ".actual.png");
        exporting::writePng(actual, pixels.data(), size.x, size.y);
        FAIL() << d.pixelsOver << " pixels differ by more than " << kTolerance << " from " << path << "; got "
               << actual;
    }
}

TEST(Renderer, GoldenSyntheticStill) {
    FRONTLINE_REQUIRE_DISPLAY();
    checkGolden("synthetic_2001-06-01", renderStill(kSynthetic, Date(2001, 6, 1)), {320, 180});
}

TEST(Renderer, GoldenSyntheticEmptyState) {
    FRONTLINE_REQUIRE_DISPLAY();
    checkGolden("synthetic_2003-02-01", renderStill(kSynthetic, Date(2003, 2, 1)), {320, 180});
}

TEST(Renderer, SameFrameTwiceIsIdentical) {
    FRONTLINE_REQUIRE_DISPLAY();
    EXPECT_EQ(renderStill(kSynthetic, Date(2002, 8, 1)), renderStill(kSynthetic, Date(2002, 8, 1)));
}

// Two renderers of the synthetic scenario: one keeping its backdrops (the default), one drawing them
// whole on every frame.
class Backdrop : public ::testing::Test {
protected:
    void SetUp() override {
        FRONTLINE_REQUIRE_DISPLAY();
        scenario = loadScenario(context, kSynthetic);
        keeping = std::make_unique<render::OffscreenRenderer>(scenario, context, sf::Vector2u(320, 180),
                                                              FRONTLINE_SHADER_DIR);
        drawing = std::make_unique<render::OffscreenRenderer>(scenario, context, sf::Vector2u(320, 180),
                                                              FRONTLINE_SHADER_DIR);
        drawing->renderer().setBackdropStore(nullptr);
        drawing->drawPanelInFrame();
    }
    geo::ThreadContext context;
    Scenario scenario;
    std::unique_ptr<render::OffscreenRenderer> keeping, drawing;
};

// The backdrop (ground and the layers under the control states) is drawn once and put back from the
// store on later frames; every frame is the same, byte for byte, as one drawn whole.
TEST_F(Backdrop, KeptFramesEqualFramesDrawnWhole) {
    exporting::ScheduleOptions options;
    options.fps = 4;
    const auto frames = exporting::buildSchedule(keeping->scene().scenario().timeline, options);
    ASSERT_GT(frames.size(), 10u);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const std::vector<std::uint8_t> pixels = keeping->render(frames[i]);
        ASSERT_EQ(pixels, drawing->render(frames[i])) << "frame " << i;
    }
    EXPECT_EQ(keeping->renderer().backdropsDrawn(), 1u);
}

// A moved camera is another backdrop: drawn again, and again the same as drawn whole.
TEST_F(Backdrop, DrawnAgainWhenTheCameraMoves) {
    const auto frame = render::stillFrame(keeping->scene(), Date(2001, 6, 1));
    keeping->render(frame);
    render::MapView zoomed;
    zoomed.zoom = 2;
    keeping->renderer().setMapView(zoomed);
    drawing->renderer().setMapView(zoomed);
    EXPECT_EQ(keeping->render(frame), drawing->render(frame));
    EXPECT_EQ(keeping->renderer().backdropsDrawn(), 2u);
}

// The panel drawn apart and its pixels resolved only when it changes, and of the map only the box where
// the control states changed (the defaults with multisampling), against frames drawn whole into one
// target: the same bytes on every frame of the schedule, the panel beside the map and below it.
TEST(PanelApart, FramesEqualFramesDrawnWhole) {
    FRONTLINE_REQUIRE_DISPLAY();
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, kSynthetic);
    exporting::ScheduleOptions options;
    options.fps = 4;
    const auto frames = exporting::buildSchedule(scenario.timeline, options);
    ASSERT_GT(frames.size(), 10u);
    const std::array<std::pair<sf::Vector2u, render::PanelPlacement>, 2> sizes{
        {{{320, 180}, render::PanelPlacement::Beside}, {{360, 450}, render::PanelPlacement::Below}}};
    for (const auto& [size, placement] : sizes) {
        render::OffscreenRenderer apart(scenario, context, size, FRONTLINE_SHADER_DIR);
        render::OffscreenRenderer whole(scenario, context, size, FRONTLINE_SHADER_DIR);
        whole.drawPanelInFrame();
        ASSERT_EQ(apart.scene().panelPlacement(), placement);
        std::size_t redrawn = 0, partial = 0;
        const sf::FloatRect map = apart.scene().mapRect();
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const std::vector<std::uint8_t> pixels = apart.render(frames[i]);
            redrawn += apart.renderer().panelRedrawn() ? 1 : 0;
            const sf::IntRect changed = apart.renderer().dirtyRect();
            partial += static_cast<float>(changed.width) * static_cast<float>(changed.height) <
                               map.width * map.height
                           ? 1
                           : 0;
            ASSERT_EQ(pixels, whole.render(frames[i])) << size.x << "x" << size.y << " frame " << i;
        }
        EXPECT_GT(redrawn, 1u);
        EXPECT_LT(redrawn, frames.size());
        // Frames where only the control states changed were drawn and resolved in part.
        EXPECT_GT(partial, frames.size() / 4);
    }
}

// Pixels of `rect` (frame pixels) of two frames of width `width` that differ by more than `tolerance`.
std::size_t pixelsOverIn(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                         unsigned width, sf::FloatRect rect, int tolerance) {
    std::size_t over = 0;
    const auto left = static_cast<unsigned>(rect.left), top = static_cast<unsigned>(rect.top);
    const auto right = static_cast<unsigned>(rect.left + rect.width),
               bottom = static_cast<unsigned>(rect.top + rect.height);
    for (unsigned y = top; y < bottom; ++y) {
        const std::size_t row = (std::size_t(y) * width + left) * 4;
        over += compare(a.data() + row, b.data() + row, right - left, tolerance).pixelsOver;
    }
    return over;
}

render::MapOptions withTransition(render::TransitionStyle style) {
    render::MapOptions options;
    options.transition = style;
    return options;
}

// The synthetic scenario drawn at one size in one transition style, and the two plain ends of its first
// change (state 0 → state 1), both dated with state 1's date as the schedule dates them.
struct FirstChange {
    FirstChange(sf::Vector2u size, render::TransitionStyle style)
        : scenario(loadScenario(context, kSynthetic)),
          renderer(scenario, context, size, FRONTLINE_SHADER_DIR, 4, withTransition(style)) {
        const Date date(2001, 3, 15);
        a = render::stillFrame(renderer.scene(), date);
        a.state = 0;
        b = render::stillFrame(renderer.scene(), date);
        stateA = renderer.render(a);
        stateB = renderer.render(b);
    }
    // The frame of the change at `progress`.
    std::vector<std::uint8_t> at(double progress) {
        render::FrameSpec t = b;
        t.transition = render::Transition{0, 1, progress};
        return renderer.render(t);
    }

    geo::ThreadContext context;
    const Scenario scenario;
    render::OffscreenRenderer renderer;
    render::FrameSpec a, b;
    std::vector<std::uint8_t> stateA, stateB;
};

class TransitionEnds : public testing::TestWithParam<render::TransitionStyle> {};

// A transition starts exactly at state A and ends exactly at state B, in either style: the schedule's
// first and last frames of it are the plain states, and the map of its ends converges on them (no
// popping). The panel is not compared: between two maps it says so (panel_text_test.cpp).
TEST_P(TransitionEnds, AreTheDataStates) {
    FRONTLINE_REQUIRE_DISPLAY();
    FirstChange change({320, 180}, GetParam());
    const sf::FloatRect map = change.renderer.scene().mapRect();
    ASSERT_EQ(change.b.state, 1);
    const auto& stateA = change.stateA;
    const auto& stateB = change.stateB;
    ASSERT_GT(pixelsOverIn(stateA, stateB, 320, map, 8), 100u) << "the two states should differ";

    const auto nearA = change.at(1e-6);
    if (std::getenv("FRONTLINE_DEBUG_TRANSITION")) {
        exporting::writePng("/tmp/near_a.png", nearA.data(), 320, 180);
        exporting::writePng("/tmp/state_a.png", stateA.data(), 320, 180);
    }
    EXPECT_EQ(pixelsOverIn(nearA, stateA, 320, map, 2), 0u);
    EXPECT_EQ(pixelsOverIn(change.at(1 - 1e-6), stateB, 320, map, 2), 0u);
    // Halfway is neither.
    const auto half = change.at(0.5);
    EXPECT_GT(pixelsOverIn(half, stateA, 320, map, 8), 0u);
    EXPECT_GT(pixelsOverIn(half, stateB, 320, map, 8), 0u);

    exporting::ScheduleOptions schedule;
    schedule.fps = 10;
    const auto frames = exporting::buildSchedule(change.renderer.scene().scenario().timeline, schedule);
    for (std::size_t i = 0; i + 1 < frames.size(); ++i) {
        if (!frames[i].transition && frames[i + 1].transition) {
            EXPECT_EQ(frames[i].state, frames[i + 1].transition->from) << "frame " << i;
        }
        if (frames[i].transition && !frames[i + 1].transition) {
            EXPECT_EQ(frames[i + 1].state, frames[i].transition->to) << "frame " << i + 1;
        }
        if (frames[i].transition) {
            EXPECT_GT(frames[i].transition->progress, 0.0);
            EXPECT_LT(frames[i].transition->progress, 1.0);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Styles, TransitionEnds,
                         testing::Values(render::TransitionStyle::Dissolve, render::TransitionStyle::Wipe),
                         [](const auto& style) { return std::string(render::toString(style.param)); });

// Two pixels of the region lost from state 0 to state 1 of the synthetic scenario, as far apart as the
// region allows: the west edge of the hole and the east edge of the strip lost in the east (3 px in,
// where both states are a plain fill: no line, no edge).
std::pair<sf::Vector2u, sf::Vector2u> farApartLostPixels(render::OffscreenRenderer& renderer,
                                                         const std::vector<std::uint8_t>& stateA,
                                                         const std::vector<std::uint8_t>& stateB) {
    const auto& lost = renderer.scene().transition(0, 1).lost;
    auto inLost = [&](sf::Vector2f p) {
        for (std::size_t i = 0; i + 2 < lost.size(); i += 3) {
            const sf::Vector2f a = lost[i].position, b = lost[i + 1].position, c = lost[i + 2].position;
            const float d1 = (p.x - b.x) * (a.y - b.y) - (a.x - b.x) * (p.y - b.y);
            const float d2 = (p.x - c.x) * (b.y - c.y) - (b.x - c.x) * (p.y - c.y);
            const float d3 = (p.x - a.x) * (c.y - a.y) - (c.x - a.x) * (p.y - a.y);
            const bool negative = d1 < 0 || d2 < 0 || d3<0, positive = d1> 0 || d2 > 0 || d3 > 0;
            if (!(negative && positive)) return true;
        }
        return false;
    };
    const unsigned width = renderer.size().x;
    auto pixel = [&](const std::vector<std::uint8_t>& frame, unsigned x, unsigned y) {
        const std::size_t i = (std::size_t(y) * width + x) * 4;
        return std::array<int, 3>{frame[i], frame[i + 1], frame[i + 2]};
    };
    const sf::FloatRect map = renderer.scene().mapRect();
    std::optional<sf::Vector2u> west, east;
    constexpr int kMargin = 3;
    const auto right = static_cast<unsigned>(map.left + map.width),
               bottom = static_cast<unsigned>(map.top + map.height);
    for (auto y = static_cast<unsigned>(map.top) + kMargin; y + kMargin < bottom; ++y) {
        for (auto x = static_cast<unsigned>(map.left) + kMargin; x + kMargin < right; ++x) {
            bool inside = true, plain = true;
            for (int dy = -kMargin; dy <= kMargin && inside; dy += kMargin) {
                for (int dx = -kMargin; dx <= kMargin && inside; dx += kMargin) {
                    const unsigned nx = x + static_cast<unsigned>(dx), ny = y + static_cast<unsigned>(dy);
                    inside = inLost({static_cast<float>(nx) + 0.5f, static_cast<float>(ny) + 0.5f});
                    plain = plain && pixel(stateA, nx, ny) == pixel(stateA, x, y) &&
                            pixel(stateB, nx, ny) == pixel(stateB, x, y);
                }
            }
            if (!inside || !plain) continue;
            if (!west || x < west->x) west = sf::Vector2u(x, y);
            if (!east || x > east->x) east = sf::Vector2u(x, y);
        }
    }
    EXPECT_TRUE(west && east) << "no plain pixel inside the lost region";
    if (!west || !east) return {};
    return {*west, *east};
}

// A dissolve claims no order: at progress p every pixel of the lost region shows state A at opacity
// 1 − p over what lies beneath it (state B there), every pixel of the gained region state B at opacity
// p. Two far-apart lost pixels are therefore the same colour, B + (A − B)(1 − p); a wipe, whose front
// runs from the old line to the new, shows them differently.
TEST(Dissolve, LostRegionFadesUniformly) {
    FRONTLINE_REQUIRE_DISPLAY();
    const sf::Vector2u size{640, 360};
    auto renderIn = [&](render::TransitionStyle style, double progress) {
        FirstChange change(size, style);
        const auto [west, east] = farApartLostPixels(change.renderer, change.stateA, change.stateB);
        const auto mid = change.at(progress);
        struct Result {
            std::array<int, 3> a, b, west, east;
            float apart;
        } result{};
        auto at = [&](const std::vector<std::uint8_t>& frame, sf::Vector2u p) {
            const std::size_t i = (std::size_t(p.y) * size.x + p.x) * 4;
            return std::array<int, 3>{frame[i], frame[i + 1], frame[i + 2]};
        };
        result.a = at(change.stateA, west);
        result.b = at(change.stateB, west);
        result.west = at(mid, west);
        result.east = at(mid, east);
        result.apart = static_cast<float>(east.x) - static_cast<float>(west.x);
        return result;
    };
    for (double p : {0.25, 0.5, 0.8}) {
        const auto dissolve = renderIn(render::TransitionStyle::Dissolve, p);
        EXPECT_GT(dissolve.apart, 100.0f) << "the two pixels should be far apart";
        for (int c = 0; c < 3; ++c) {
            const double expected = dissolve.b[c] + (dissolve.a[c] - dissolve.b[c]) * (1 - p);
            EXPECT_NEAR(dissolve.west[c], expected, 2.0) << "channel " << c << " at progress " << p;
            EXPECT_NEAR(dissolve.east[c], dissolve.west[c], 1.0) << "channel " << c << " at progress " << p;
        }
    }
    const auto wipe = renderIn(render::TransitionStyle::Wipe, 0.5);
    int differ = 0;
    for (int c = 0; c < 3; ++c) differ = std::max(differ, std::abs(wipe.east[c] - wipe.west[c]));
    EXPECT_GT(differ, 16) << "a wipe reaches the two pixels at different times";
}

// The gained region fades in the same way, at opacity p.
TEST(Dissolve, GainedRegionFadesIn) {
    FRONTLINE_REQUIRE_DISPLAY();
    FirstChange change({640, 360}, render::TransitionStyle::Dissolve);
    const auto& stateA = change.stateA;
    const auto& stateB = change.stateB;
    // Centres of gained triangles where both states are a plain fill (no line, no edge within 3 px).
    const auto gained = change.renderer.scene().transition(0, 1).gained;
    ASSERT_FALSE(gained.empty());
    const double p = 0.3;
    const auto mid = change.at(p);
    std::size_t checked = 0;
    for (std::size_t i = 0; i + 2 < gained.size() && checked < 20; i += 3) {
        const sf::Vector2f centre =
            (gained[i].position + gained[i + 1].position + gained[i + 2].position) / 3.0f;
        const auto x = static_cast<unsigned>(centre.x), y = static_cast<unsigned>(centre.y);
        auto at = [&](const std::vector<std::uint8_t>& frame, unsigned px, unsigned py, int c) {
            return int(frame[(std::size_t(py) * 640 + px) * 4 + static_cast<unsigned>(c)]);
        };
        bool plain = true;
        for (int c = 0; c < 3; ++c) {
            for (int d : {-3, 3}) {
                plain = plain && at(stateA, x + d, y, c) == at(stateA, x, y, c) &&
                        at(stateB, x + d, y, c) == at(stateB, x, y, c) &&
                        at(stateA, x, y + d, c) == at(stateA, x, y, c) &&
                        at(stateB, x, y + d, c) == at(stateB, x, y, c);
            }
        }
        if (!plain) continue;
        ++checked;
        for (int c = 0; c < 3; ++c) {
            const double expected = at(stateA, x, y, c) + (at(stateB, x, y, c) - at(stateA, x, y, c)) * p;
            EXPECT_NEAR(at(mid, x, y, c), expected, 2.0) << "channel " << c << " at " << x << "," << y;
        }
    }
    EXPECT_GT(checked, 0u);
}

// Mid-transition, the panel drawn says it is between two maps and gives both areas; it never prints the
// new state's area as the plain frame of that state does.
TEST(Overlay, MidTransitionPanelShowsBothEnds) {
    FRONTLINE_REQUIRE_DISPLAY();
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, kSynthetic);
    render::OffscreenRenderer renderer(scenario, context, {640, 360}, FRONTLINE_SHADER_DIR);
    auto has = [&](const std::string& text) {
        const auto& texts = renderer.renderer().drawnTexts();
        return std::find(texts.begin(), texts.end(), text) != texts.end();
    };
    renderer.render(render::stillFrame(renderer.scene(), Date(2001, 3, 15)));
    ASSERT_TRUE(has("Blue-held: 18,760 km²"));
    ASSERT_TRUE(has("15 Mar 2001"));

    exporting::ScheduleOptions options;
    options.fps = 10;
    std::size_t between = 0;
    for (const auto& frame : exporting::buildSchedule(renderer.scene().scenario().timeline, options)) {
        if (!frame.transition) continue;
        renderer.render(frame);
        const auto& texts = renderer.renderer().drawnTexts();
        EXPECT_FALSE(std::any_of(texts.begin(), texts.end(),
                                 [](const std::string& t) { return t.rfind("In force since", 0) == 0; }));
        if (frame.transition->from == 0 && frame.transition->to == 1) {
            ++between;
            EXPECT_TRUE(has("Blue-held: 18,830 → 18,760 km²"));
            EXPECT_TRUE(has("1 Jan 2000 → 15 Mar 2001"));
            EXPECT_FALSE(has("Blue-held: 18,760 km²"));
            EXPECT_FALSE(has("15 Mar 2001"));
            // The chart's cursor is on the old state: it prints the old area, rounded as the panel does.
            EXPECT_TRUE(has("18,830 km²"));
            EXPECT_FALSE(has("18,760 km²"));
        }
    }
    EXPECT_GT(between, 0u);
}

// A scenario and its renderer at one size, kept together (the renderer borrows the scenario).
struct Drawn {
    Drawn(const std::string& folder, sf::Vector2u size, render::MapOptions options = {})
        : scenario(loadScenario(context, folder)),
          renderer(scenario, context, size, FRONTLINE_SHADER_DIR, 4, options) {}

    // The still at `date`; the texts it drew.
    const std::vector<std::string>& textsAt(const Date& date) {
        renderer.render(render::stillFrame(renderer.scene(), date));
        return renderer.renderer().drawnTexts();
    }
    std::vector<std::string> legendAt(const Date& date) {
        textsAt(date);
        std::vector<std::string> labels;
        for (const auto& row : renderer.renderer().legendRows()) labels.push_back(row.label);
        return labels;
    }

    geo::ThreadContext context;
    const Scenario scenario;
    render::OffscreenRenderer renderer;
};

// The area drawn in the panel is the number `frontline stats` prints, rounded to what its likely range
// supports; the chart's cursor prints it as stats does.
TEST(Overlay, NumbersEqualStats) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto run = runFrontline({"stats", FRONTLINE_SOURCE_DIR "/geodata/karabakh", "--format", "csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    struct Row {
        std::string date, area;
        double likelyMin = 0, likelyMax = 0;
    };
    // Labels may hold quoted commas: the date is the first field, the numbers follow the label.
    std::vector<Row> rows;
    {
        std::istringstream lines(run.out);
        std::string line;
        std::getline(lines, line);
        ASSERT_EQ(
            line.rfind("date,label,area_km2,area_min_km2,area_max_km2,likely_min_km2,likely_max_km2,", 0), 0u)
            << line;
        while (std::getline(lines, line)) {
            Row row;
            row.date = line.substr(0, line.find(','));
            std::string rest = line.substr(line.find(',') + 1);
            if (!rest.empty() && rest[0] == '"')
                rest = rest.substr(rest.find('"', 1) + 2);
            else
                rest = rest.substr(rest.find(',') + 1);
            std::vector<std::string> fields;
            std::istringstream numbers(rest);
            for (std::string field; std::getline(numbers, field, ',');) fields.push_back(field);
            ASSERT_GE(fields.size(), 5u) << line;
            row.area = fields[0];
            row.likelyMin = std::stod(fields[3]);
            row.likelyMax = std::stod(fields[4]);
            rows.push_back(row);
        }
    }
    // 1280×720: a 640×360 panel has no room for the chart beside the legend on every date (layout_test).
    Drawn drawn(FRONTLINE_SOURCE_DIR "/geodata/karabakh", {1280, 720});
    const Scenario& scenario = drawn.scenario;
    ASSERT_FALSE(rows.empty());
    for (const auto& row : rows) {
        const Date date = Date::parse(row.date);
        const auto& texts = drawn.textsAt(date);
        const double area = std::stod(row.area);
        const std::string rounded =
            render::formatArea(area, render::areaStepKm2(area, row.likelyMin, row.likelyMax));
        EXPECT_NE(std::find(texts.begin(), texts.end(), scenario.subject + ": " + rounded + " km²"),
                  texts.end())
            << date.iso();
        // The chart's cursor rounds the number as the panel does.
        EXPECT_NE(std::find(texts.begin(), texts.end(), rounded + " km²"), texts.end())
            << "chart cursor at " << date.iso();
    }
}

// The legend lists what the frame draws: each dated variant of a layer under its period, the held area
// only while something is held, places by their symbol and layer, nothing for a layer not drawn.
TEST(Legend, ListsWhatTheFrameDraws) {
    FRONTLINE_REQUIRE_DISPLAY();
    Drawn drawn(FRONTLINE_TEST_DATA "/legend", {640, 360});
    const std::vector<std::string> places{"Towns and villages: Towns", "Towns and villages: Villages",
                                          "Camps"};
    std::vector<std::string> held{"Blue-held (dated control state)", "Line of contact of that state",
                                  "Corridor, 2000–2001"};
    held.insert(held.end(), places.begin(), places.end());
    EXPECT_EQ(drawn.legendAt(Date(2000, 6, 1)), held);
    std::vector<std::string> none{"Corridor, 2001–2002"};
    none.insert(none.end(), places.begin(), places.end());
    EXPECT_EQ(drawn.legendAt(Date(2001, 6, 1)), none);
    // Both place layers are drawn: their names are among the texts.
    const auto& texts = drawn.renderer.renderer().drawnTexts();
    EXPECT_NE(std::find(texts.begin(), texts.end(), "Camp One"), texts.end());
    EXPECT_NE(std::find(texts.begin(), texts.end(), "Villageham"), texts.end());
}

TEST(Legend, BundledCorridorByRouteAndVillagesApart) {
    FRONTLINE_REQUIRE_DISPLAY();
    Drawn drawn(FRONTLINE_SOURCE_DIR "/geodata/karabakh", {640, 360});
    auto has = [](const std::vector<std::string>& labels, const std::string& label) {
        return std::find(labels.begin(), labels.end(), label) != labels.end();
    };
    const auto in2021 = drawn.legendAt(Date(2021, 6, 1));
    EXPECT_TRUE(has(in2021, "Lachin corridor, 2020–2022"));
    EXPECT_FALSE(has(in2021, "Lachin corridor, 2022–2023"));
    EXPECT_TRUE(has(in2021, "Villages"));
    EXPECT_TRUE(has(in2021, "Towns"));
    const auto in2023 = drawn.legendAt(Date(2023, 6, 1));
    EXPECT_TRUE(has(in2023, "Lachin corridor, 2022–2023"));
    const auto after = drawn.legendAt(Date(2023, 10, 1));
    EXPECT_FALSE(has(after, "Armenian-held (dated control state)"));
    EXPECT_FALSE(has(after, "Line of contact of that state"));
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

// The credit line names each credit once and the sources the authored layers were drawn from.
TEST(Credits, EachOnceWithTheSourcesOfWhatIsDrawn) {
    FRONTLINE_REQUIRE_DISPLAY();
    Drawn drawn(FRONTLINE_SOURCE_DIR "/geodata/karabakh", {1280, 720});
    auto credit = [&](const Date& date) {
        for (const auto& text : drawn.textsAt(date)) {
            if (text.rfind("Data: ", 0) == 0) return text;
        }
        return std::string();
    };
    const std::string in2021 = credit(Date(2021, 6, 1));
    EXPECT_EQ(occurrences(in2021, "Natural Earth"), 1u) << in2021;
    EXPECT_EQ(occurrences(in2021, "GSHHG"), 1u) << in2021;
    EXPECT_EQ(occurrences(in2021, "Trilateral statement of 10 Nov 2020 (primeminister.am)"), 1u) << in2021;
    EXPECT_EQ(occurrences(in2021, "Authored"), 0u) << in2021;
    EXPECT_NE(in2021.find("Drawn for frontline from: "), std::string::npos) << in2021;
    const std::string in2025 = credit(Date(2025, 9, 1));
    EXPECT_EQ(occurrences(in2025, "GSHHG"), 1u) << in2025;
    EXPECT_NE(in2025.find("Mediamax"), std::string::npos) << in2025;
    EXPECT_EQ(in2025.find("primeminister.am"), std::string::npos)
        << "nothing drawn from it in 2025: " << in2025;
}

TEST(Style, AreaFormatMatchesStats) {
    EXPECT_EQ(render::formatKm2(7753.7724), "7753.772");
    EXPECT_EQ(render::formatKm2(-0.0001), "0.000");
}

TEST(Style, RejectsBadColour) {
    EXPECT_THROW(render::parseColor("#12345", "layer 'x' style.fill"), DataError);
    EXPECT_EQ(render::parseColor("#ff000080", "x"), sf::Color(255, 0, 0, 128));
}

}  // namespace
}  // namespace frontline::test
