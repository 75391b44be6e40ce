// Frames drawn offscreen: golden images, the ends of a transition, and the numbers the overlays show.

#include <gtest/gtest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
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

// A transition starts exactly at state A and ends exactly at state B: the schedule's first and last
// frames of it are the plain states, and the shader's ends converge on them (no popping).
TEST(Transition, EndsAreTheDataStates) {
    FRONTLINE_REQUIRE_DISPLAY();
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, kSynthetic);
    render::OffscreenRenderer renderer(scenario, context, {320, 180}, FRONTLINE_SHADER_DIR);
    const Date date(2001, 3, 15);
    render::FrameSpec a = render::stillFrame(renderer.scene(), date);
    a.state = 0;
    render::FrameSpec b = render::stillFrame(renderer.scene(), date);
    ASSERT_EQ(b.state, 1);
    const auto stateA = renderer.render(a);
    const auto stateB = renderer.render(b);
    ASSERT_GT(compare(stateA.data(), stateB.data(), 320 * 180, 8).pixelsOver, 100u)
        << "the two states should differ";

    auto at = [&](double progress) {
        render::FrameSpec t = b;
        t.transition = render::Transition{0, 1, progress};
        return renderer.render(t);
    };
    const auto nearA = at(1e-6);
    if (std::getenv("FRONTLINE_DEBUG_TRANSITION")) {
        exporting::writePng("/tmp/near_a.png", nearA.data(), 320, 180);
        exporting::writePng("/tmp/state_a.png", stateA.data(), 320, 180);
    }
    EXPECT_EQ(compare(nearA.data(), stateA.data(), 320 * 180, 2).pixelsOver, 0u);
    EXPECT_EQ(compare(at(1 - 1e-6).data(), stateB.data(), 320 * 180, 2).pixelsOver, 0u);
    // Halfway is neither.
    const auto half = at(0.5);
    EXPECT_GT(compare(half.data(), stateA.data(), 320 * 180, 8).pixelsOver, 0u);
    EXPECT_GT(compare(half.data(), stateB.data(), 320 * 180, 8).pixelsOver, 0u);

    exporting::ScheduleOptions options;
    options.fps = 10;
    const auto schedule = exporting::buildSchedule(renderer.scene(), options);
    for (std::size_t i = 0; i + 1 < schedule.size(); ++i) {
        if (!schedule[i].transition && schedule[i + 1].transition) {
            EXPECT_EQ(schedule[i].state, schedule[i + 1].transition->from) << "frame " << i;
        }
        if (schedule[i].transition && !schedule[i + 1].transition) {
            EXPECT_EQ(schedule[i + 1].state, schedule[i].transition->to) << "frame " << i + 1;
        }
        if (schedule[i].transition) {
            EXPECT_GT(schedule[i].transition->progress, 0.0);
            EXPECT_LT(schedule[i].transition->progress, 1.0);
        }
    }
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
    Drawn drawn(FRONTLINE_SOURCE_DIR "/geodata/karabakh", {640, 360});
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
        EXPECT_NE(std::find(texts.begin(), texts.end(), row.area + " km²"), texts.end())
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
