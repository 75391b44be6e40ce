// `frontline view` driven by input scripts under Xvfb: the date advances while playing, zooming changes
// the scale bar, a screenshot equals the exported frame of the same date and view.

#include <gtest/gtest.h>
#include <unistd.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/stats.hpp"
#include "app/run_frontline.hpp"
#include "app/viewer_hover.hpp"
#include "app/viewer_info_box.hpp"
#include "app/viewer_painter.hpp"
#include "export/exporter.hpp"
#include "render/gl_fixture.hpp"
#include "render/offscreen.hpp"

namespace frontline::test {
namespace {

const std::string kSynthetic = FRONTLINE_TEST_DATA "/synthetic";

// Tooltips name a layer by its title, never by the manifest's internal id ("control_2020-11-10",
// "districts"): for every drawn layer's first feature, every place and every held state.
TEST(HoverDescriber, NamesLayersByTitleNotId) {
    if (!haveDisplay()) GTEST_SKIP() << "no display";
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, FRONTLINE_SOURCE_DIR "/geodata/karabakh");
    render::OffscreenRenderer renderer(scenario, context, {640, 360}, FRONTLINE_SHADER_DIR, 0);
    const render::Scene& scene = renderer.scene();
    const geo::EqualAreaFrame frame = analysis::scenarioFrame(context.proj, scenario);
    const analysis::Measurer measurer{context.geos, frame};
    app::HoverDescriber describer(scene, measurer);
    auto check = [](const std::vector<std::string>& lines, const Layer& layer) {
        ASSERT_GE(lines.size(), 2u);
        EXPECT_EQ(lines[1], "layer: " + (layer.title.empty() ? layer.id : layer.title));
        if (!layer.title.empty()) {
            for (const auto& line : lines)
                EXPECT_EQ(line.find("(" + layer.id + ")"), std::string::npos) << line;
        }
    };
    std::size_t described = 0;
    for (const auto& mesh : scene.layers()) {
        if (mesh.layer->features.empty()) continue;
        app::HoverTarget target;
        target.layer = &mesh;
        check(describer.describe(target), *mesh.layer);
        ++described;
    }
    for (std::size_t i = 0; i < scene.states().size(); ++i) {
        if (!scene.states()[i].layer) continue;
        app::HoverTarget target;
        target.kind = app::HoverTarget::Kind::Control;
        target.state = static_cast<int>(i);
        check(describer.describe(target), *scene.states()[i].layer);
        ++described;
    }
    EXPECT_GT(described, 10u);
}

// A folder of its own for one test's script and pictures, removed when the test passes (kept, for a
// look at what was drawn, when it fails).
class ScratchFolder {
public:
    explicit ScratchFolder(const std::string& name)
        : m_path(std::filesystem::temp_directory_path() /
                 ("frontline_viewer_test_" + std::to_string(::getpid()) + "_" + name)) {
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        if (!::testing::Test::HasFailure()) std::filesystem::remove_all(m_path, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// The `state` lines a script printed, as key → value maps.
std::vector<std::map<std::string, std::string>> stateLines(const std::string& out) {
    std::vector<std::map<std::string, std::string>> lines;
    std::istringstream in(out);
    std::string line;
    const std::regex field(R"re((\w+)=("([^"]*)"|\S+))re");
    while (std::getline(in, line)) {
        if (line.rfind("state ", 0) != 0) continue;
        std::map<std::string, std::string> values;
        for (auto it = std::sregex_iterator(line.begin(), line.end(), field); it != std::sregex_iterator();
             ++it) {
            values[(*it)[1]] = (*it)[3].matched ? (*it)[3].str() : (*it)[2].str();
        }
        lines.push_back(std::move(values));
    }
    return lines;
}

RunResult runView(const std::filesystem::path& folder, const std::string& script,
                  std::vector<std::string> arguments) {
    const auto path = folder / "script.txt";
    std::ofstream(path) << script;
    std::vector<std::string> all{"view", kSynthetic, "--script", path.string()};
    all.insert(all.end(), arguments.begin(), arguments.end());
    return runFrontline(all);
}

// --- the window (needs a display) ---

TEST(Viewer, DateAdvancesWhilePlaying) {
    FRONTLINE_REQUIRE_DISPLAY();
    const ScratchFolder scratchFolder("play");
    const std::filesystem::path& folder = scratchFolder.path();
    const auto run =
        runView(folder, "0.3 state\n0.4 key space\n2.4 state\n2.5 key space\n2.6 state\n2.7 quit\n",
                {"--size", "640x400"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto lines = stateLines(run.out);
    ASSERT_EQ(lines.size(), 3u) << run.out;
    EXPECT_EQ(lines[0].at("playing"), "0");
    EXPECT_EQ(lines[1].at("playing"), "1");
    EXPECT_EQ(lines[2].at("playing"), "0");
    EXPECT_GT(std::stoi(lines[1].at("frame")), std::stoi(lines[0].at("frame")));
    EXPECT_LT(Date::parse(lines[0].at("date")), Date::parse(lines[1].at("date"))) << run.out;
}

TEST(Viewer, ZoomingChangesTheScaleBar) {
    FRONTLINE_REQUIRE_DISPLAY();
    const ScratchFolder scratchFolder("zoom");
    const std::filesystem::path& folder = scratchFolder.path();
    // The map is the left 60 % of the window; the wheel zooms towards the pointer.
    const auto run =
        runView(folder, "0.3 state\n0.4 wheel 190 170 8\n0.8 state\n0.9 key 0\n1.2 state\n1.3 quit\n",
                {"--size", "640x400"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto lines = stateLines(run.out);
    ASSERT_EQ(lines.size(), 3u) << run.out;
    EXPECT_GT(std::stod(lines[1].at("zoom")), 5.0);
    EXPECT_NE(lines[0].at("scale"), lines[1].at("scale")) << run.out;
    EXPECT_EQ(lines[0].at("scale"), lines[2].at("scale")) << "0 resets the view";
}

// Pixels of the top `height` rows of an RGBA image.
std::vector<std::uint8_t> topRows(const sf::Image& image, unsigned height) {
    const std::uint8_t* p = image.getPixelsPtr();
    return {p, p + static_cast<std::size_t>(image.getSize().x) * height * 4};
}

void expectSamePixels(const std::filesystem::path& viewerShot, const std::filesystem::path& exported) {
    sf::Image shot, frame;
    ASSERT_TRUE(shot.loadFromFile(viewerShot.string())) << viewerShot;
    ASSERT_TRUE(frame.loadFromFile(exported.string())) << exported;
    ASSERT_EQ(shot.getSize().x, frame.getSize().x);
    ASSERT_LE(frame.getSize().y, shot.getSize().y);
    const auto top = topRows(shot, frame.getSize().y);
    const std::size_t pixels = static_cast<std::size_t>(frame.getSize().x) * frame.getSize().y;
    const auto d = compare(top.data(), frame.getPixelsPtr(), pixels, 8);
    // Same renderer, same scene, same size: only rounding may differ.
    EXPECT_LE(d.pixelsOver, pixels / 2000)
        << "max channel difference " << d.maxChannel << " between " << viewerShot << " and " << exported;
}

// The info box's lines are made once per state and kept: a box drawn after another state's is the same,
// pixel for pixel, as a new box's for that state (nothing of the other state kept), and the two
// states' boxes differ. At 640x400 the box is narrow and long lines are cut.
TEST(InfoBox, AStatesBoxIsTheSameAfterAnotherStatesBox) {
    FRONTLINE_REQUIRE_DISPLAY();
    DrawnScenario drawn(kSynthetic, {640, 400});
    render::Scene& scene = drawn.renderer.scene();
    ASSERT_GE(scene.stats().size(), 3u);
    for (int i = 0; i < 3; ++i) scene.measureChange(i);
    const render::Fonts fonts = render::Fonts::loadDejaVu();
    const auto boxOf = [&](app::InfoBox& box, const Date& date) {
        sf::RenderTexture target;
        EXPECT_TRUE(target.create(640, 400));
        target.clear(sf::Color::Black);
        const app::ViewerPainter painter(target, fonts);
        box.draw(painter, scene, render::MapView{}, date);
        target.display();
        const sf::Image image = target.getTexture().copyToImage();
        const std::uint8_t* p = image.getPixelsPtr();
        return std::vector<std::uint8_t>(p, p + static_cast<std::size_t>(640) * 400 * 4);
    };
    const Date a = scene.stats()[1].state.date, b = scene.stats()[2].state.date;
    app::InfoBox reused(true), fresh(true);
    const auto ofB = boxOf(reused, b);
    const auto ofAAfterB = boxOf(reused, a);
    const auto ofA = boxOf(fresh, a);
    EXPECT_NE(ofB, ofA) << "two states, two boxes";
    EXPECT_TRUE(ofAAfterB == ofA) << "the box of the state before was kept";
    std::size_t inked = 0;
    for (std::size_t i = 0; i < ofA.size(); i += 4) inked += ofA[i] != 0;
    EXPECT_GT(inked, ofA.size() / 4 / 40) << "a box was drawn (over black)";
}

TEST(Viewer, ScreenshotOfADateEqualsTheExportedStill) {
    FRONTLINE_REQUIRE_DISPLAY();
    const ScratchFolder scratchFolder("still");
    const std::filesystem::path& folder = scratchFolder.path();
    const auto shot = folder / "viewer.png";
    // The pointer is parked on the timeline strip's right end (no hover), the info box is off.
    const auto run =
        runView(folder, "0.3 move 630 395\n0.5 state\n0.6 screenshot " + shot.string() + "\n0.9 quit\n",
                {"--size", "640x400", "--at", "2001-06-01", "--no-info"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto lines = stateLines(run.out);
    ASSERT_EQ(lines.size(), 1u) << run.out;
    const std::string scene = lines[0].at("scene");
    const auto exported = folder / "export.png";
    const auto exportRun = runFrontline({"export", kSynthetic, "--out", exported.string(), "--at",
                                         "2001-06-01", "--size", scene, "--antialias", "0"});
    ASSERT_EQ(exportRun.exitCode, 0) << exportRun.err;
    expectSamePixels(shot, exported);
}

// Hovering the held area lightens it in its own colour: the pixel under the pointer keeps the fill's hue
// (the synthetic states' fill, the default #c0392b: red well above green and blue, green and blue close),
// where the old tint turned it orange (green far above blue).
TEST(Viewer, HoverKeepsTheHeldAreasHue) {
    FRONTLINE_REQUIRE_DISPLAY();
    const ScratchFolder scratchFolder("hover");
    const std::filesystem::path& folder = scratchFolder.path();
    const auto plain = folder / "plain.png", hovered = folder / "hovered.png";
    const auto run = runView(folder,
                             "0.3 move 630 395\n0.4 screenshot " + plain.string() +
                                 "\n0.5 move 60 200\n0.6 move 61 201\n0.7 state\n0.8 screenshot " +
                                 hovered.string() + "\n1.0 quit\n",
                             {"--size", "640x400", "--at", "2001-06-01", "--no-info"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto lines = stateLines(run.out);
    ASSERT_EQ(lines.size(), 1u) << run.out;
    ASSERT_NE(lines[0].at("hover").find("Blue-held area"), std::string::npos)
        << "the pointer is on the held area: " << run.out;
    sf::Image before, after;
    ASSERT_TRUE(before.loadFromFile(plain.string()));
    ASSERT_TRUE(after.loadFromFile(hovered.string()));
    // Beside the pointer (the tooltip opens below and right of it).
    const sf::Color a = before.getPixel(55, 195), b = after.getPixel(55, 195);
    EXPECT_GT(int(a.r), int(a.g) + 60) << "the plain fill is red";
    EXPECT_GT(int(b.r) + int(b.g) + int(b.b), int(a.r) + int(a.g) + int(a.b) + 30) << "hovered is lighter";
    EXPECT_GT(int(b.r), int(b.g) + 40) << "still red";
    EXPECT_LT(std::abs(int(b.g) - int(b.b)), std::abs(int(a.g) - int(a.b)) + 12) << "not orange";
}

TEST(Viewer, FrameKEqualsExportedFrameK) {
    FRONTLINE_REQUIRE_DISPLAY();
    const ScratchFolder scratchFolder("frame");
    const std::filesystem::path& folder = scratchFolder.path();
    const auto shot = folder / "viewer.png";
    // → goes to the next state's first whole frame; a click on the timeline to some frame.
    const auto run = runView(folder,
                             "0.3 move 630 395\n0.4 key right\n0.5 state\n0.6 screenshot " + shot.string() +
                                 "\n0.8 click 330 376\n0.9 move 630 395\n1.0 state\n1.1 screenshot " +
                                 (folder / "viewer2.png").string() + "\n1.3 quit\n",
                             {"--size", "640x400", "--no-info", "--fps", "10"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto lines = stateLines(run.out);
    ASSERT_EQ(lines.size(), 2u) << run.out;
    const auto frames = folder / "frames";
    const auto exportRun = runFrontline({"export", kSynthetic, "--out", frames.string(), "--size",
                                         lines[0].at("scene"), "--fps", "10", "--antialias", "0"});
    ASSERT_EQ(exportRun.exitCode, 0) << exportRun.err;
    const std::size_t count = std::stoul(lines[0].at("frames"));
    for (std::size_t i = 0; i < 2; ++i) {
        const std::size_t k = std::stoul(lines[i].at("frame"));
        SCOPED_TRACE("frame " + std::to_string(k));
        expectSamePixels(i == 0 ? shot : folder / "viewer2.png", frames / exporting::frameFileName(k, count));
    }
}

}  // namespace
}  // namespace frontline::test
