// `frontline export` and `frontline chart` end to end: PNG sequences (names, determinism), an MP4
// checked with ffprobe, the chart and the CSVs beside it.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SFML/Graphics/Image.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "app/run_frontline.hpp"
#include "export/exporter.hpp"
#include "export/png_sequence_writer.hpp"
#include "export/png_writer.hpp"
#include "export/schedule.hpp"
#include "render/gl_fixture.hpp"

namespace frontline::test {
namespace {

const std::string kSynthetic = FRONTLINE_TEST_DATA "/synthetic";

std::filesystem::path scratch(const std::string& name) {
    auto path = std::filesystem::temp_directory_path() /
                ("frontline_export_test_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(path);
    return path;
}

std::string capture(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
        pclose(pipe);
    }
    return out;
}

TEST(FrameFileName, ZeroPadded) {
    EXPECT_EQ(exporting::frameFileName(42, 100), "frame_00042.png");
    EXPECT_EQ(exporting::frameFileName(7, 123456), "frame_000007.png");
}

TEST(OutputKind, ByExtension) {
    EXPECT_EQ(exporting::outputKind("a.MP4"), exporting::OutputKind::Mp4);
    EXPECT_EQ(exporting::outputKind("a.gif"), exporting::OutputKind::Gif);
    EXPECT_EQ(exporting::outputKind("a.png"), exporting::OutputKind::PngStill);
    EXPECT_EQ(exporting::outputKind("frames"), exporting::OutputKind::PngSequence);
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A frame's time in the video draws nothing: two hold frames draw the same pixels, with a front line
// (its dash stands still) or without; another date is another picture.
TEST(Renderer, DrawsSameWhateverTheTimeInTheVideo) {
    FRONTLINE_REQUIRE_DISPLAY();
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, kSynthetic);
    render::OffscreenRenderer renderer(scenario, context, {320, 180}, FRONTLINE_SHADER_DIR);
    bool sawFrontLine = false;
    for (const Date date : {Date(2001, 6, 1), Date(2003, 2, 1)}) {
        render::FrameSpec a = render::stillFrame(renderer.scene(), date), b = a;
        b.seconds = 0.5;
        sawFrontLine = sawFrontLine || !renderer.scene().shapes(a.state).frontLine.empty();
        EXPECT_TRUE(renderer.renderer().drawsSame(a, b)) << date.iso();
        const std::vector<std::uint8_t> pixelsA = renderer.render(a);
        EXPECT_TRUE(pixelsA == renderer.render(b)) << date.iso();
        b.seconds = a.seconds;
        b.date = date.plusDays(1);
        EXPECT_FALSE(renderer.renderer().drawsSame(a, b));
    }
    EXPECT_TRUE(sawFrontLine) << "one of the dates shows a front line";
}

// A frame that draws what the one before drew (a hold) is not drawn again: its
// file has the drawn frame's bytes, and every frame equals the frame drawn whole on a renderer of its
// own, pixel for pixel.
TEST(ExportScenario, RepeatedFramesAreTheDrawnFrame) {
    FRONTLINE_REQUIRE_DISPLAY();
    geo::ThreadContext context;
    const Scenario scenario = loadScenario(context, kSynthetic);
    exporting::ExportOptions options;
    options.out = scratch("repeats");
    options.width = 320;
    options.height = 180;
    options.schedule.fps = 4;
    options.shaderFolder = FRONTLINE_SHADER_DIR;
    options.progress = false;
    const auto result = exporting::exportScenario(scenario, context, options, [](const std::string&) {});
    const auto schedule = exporting::buildSchedule(scenario.timeline, options.schedule);
    ASSERT_EQ(result.frames, schedule.size());
    render::OffscreenRenderer whole(scenario, context, {320, 180}, FRONTLINE_SHADER_DIR);
    whole.renderer().setBackdropStore(nullptr);
    whole.drawPanelInFrame();
    std::size_t repeats = 0;
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        const auto path = options.out / exporting::frameFileName(i, schedule.size());
        if (i > 0 && whole.renderer().drawsSame(schedule[i - 1], schedule[i])) {
            ++repeats;
            EXPECT_EQ(readFile(path),
                      readFile(options.out / exporting::frameFileName(i - 1, schedule.size())));
        }
        sf::Image image;
        ASSERT_TRUE(image.loadFromFile(path.string())) << path;
        const std::vector<std::uint8_t>& drawn = whole.render(schedule[i]);
        const std::uint8_t* written = image.getPixelsPtr();
        std::size_t differ = 0;
        for (std::size_t p = 0; p < drawn.size(); ++p) differ += p % 4 != 3 && drawn[p] != written[p];
        EXPECT_EQ(differ, 0u) << path;
    }
    EXPECT_GT(repeats, 0u);
    EXPECT_EQ(result.repeats, repeats);
    std::filesystem::remove_all(options.out);
}

TEST(PngSequenceWriter, RepeatWritesTheSameBytes) {
    const auto folder = scratch("writer");
    std::filesystem::create_directories(folder);
    std::vector<std::uint8_t> rgba(16 * 8 * 4);
    for (std::size_t i = 0; i < rgba.size(); ++i) rgba[i] = static_cast<std::uint8_t>(i * 7);
    exporting::PngSequenceWriter writer(16, 8);
    EXPECT_THROW(writer.pushRepeat(folder / "none.png"), std::logic_error);
    writer.push(folder / "a.png", rgba.data());
    writer.pushRepeat(folder / "b.png");
    writer.pushRepeat(folder / "c.png");
    writer.finish();
    EXPECT_EQ(readFile(folder / "a.png"), exporting::encodePng(rgba.data(), 16, 8));
    EXPECT_EQ(readFile(folder / "b.png"), readFile(folder / "a.png"));
    EXPECT_EQ(readFile(folder / "c.png"), readFile(folder / "a.png"));
    std::filesystem::remove_all(folder);
}

TEST(ExportCommand, PngSequenceIsReproducible) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto first = scratch("png1"), second = scratch("png2");
    for (const auto& out : {first, second}) {
        const auto run = runFrontline({"export", kSynthetic, "--out", out.string(), "--size", "320x180",
                                       "--fps", "5", "--from", "2001-01-01", "--to", "2001-04-01"});
        ASSERT_EQ(run.exitCode, 0) << run.err;
    }
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(first)) {
        ++count;
        const auto name = entry.path().filename();
        EXPECT_EQ(readFile(entry.path().string()), readFile((second / name).string())) << name;
    }
    EXPECT_GT(count, 10u);
    EXPECT_TRUE(std::filesystem::exists(first / "frame_00000.png"));
    std::filesystem::remove_all(first);
    std::filesystem::remove_all(second);
}

// One key date held for 3 s at 10 frames/s: 30 frames of one picture. Encoded once, it lasts 3 s (the
// first frame and the last, which ends the hold); with --constant-frame-rate all 30 are in the file.
TEST(ExportCommand, ThreeSecondMp4) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto folder = scratch("mp4");
    std::filesystem::create_directories(folder);
    const auto out = folder / "three.mp4";
    for (const bool constant : {false, true}) {
        std::vector<std::string> arguments{"export",  kSynthetic,   "--out",  out.string(), "--size",
                                           "320x180", "--fps",      "10",     "--from",     "2001-06-01",
                                           "--to",    "2001-06-01", "--hold", "3"};
        if (constant) arguments.push_back("--constant-frame-rate");
        const auto run = runFrontline(arguments);
        ASSERT_EQ(run.exitCode, 0) << run.err;
        const std::string probe = capture(
            "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
            "stream=codec_name,width,height,pix_fmt,nb_read_frames:format=duration -of csv=p=0 "
            "'" +
            out.string() + "'");
        EXPECT_EQ(probe,
                  constant ? "h264,320,180,yuv420p,30\n3.000000\n" : "h264,320,180,yuv420p,2\n3.000000\n");
    }
    std::filesystem::remove_all(folder);
}

TEST(ExportCommand, RejectsOddSizeForMp4) {
    const auto run = runFrontline({"export", kSynthetic, "--out", "/tmp/x.mp4", "--size", "321x180"});
    EXPECT_EQ(run.exitCode, 2);
}

// Starts frontline with `arguments`, stderr into `errPath`; sends `signal` once `trigger()` holds (or
// after 60 s); returns the exit code.
int runAndSignalWhen(const std::vector<std::string>& arguments, const std::function<bool()>& trigger,
                     int signal, const std::filesystem::path& errPath) {
    std::vector<std::string> args{FRONTLINE_BINARY};
    args.insert(args.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        if (!freopen(errPath.c_str(), "w", stderr)) _exit(126);
        execv(argv[0], argv.data());
        _exit(127);
    }
    for (int i = 0; i < 1200 && !trigger(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    kill(pid, signal);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<std::string> leftovers(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp-") != std::string::npos || name.find(".partial-") != std::string::npos)
            names.push_back(name);
    }
    return names;
}

// SIGTERM in the middle of a PNG sequence: exit 143, a message with the count, only whole frames; then
// --resume finishes it, and every frame equals the one of an uninterrupted export.
TEST(ExportCommand, InterruptedSequenceResumesToTheSameFrames) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto whole = scratch("whole"), resumed = scratch("resumed");
    const auto errPath = scratch("resume_err.txt");
    const std::vector<std::string> options{"--size", "160x90",     "--fps", "30",
                                           "--from", "2000-01-01", "--to",  "2002-07-01"};
    auto arguments = [&](const std::filesystem::path& out, bool resume) {
        std::vector<std::string> a{"export", kSynthetic, "--out", out.string()};
        a.insert(a.end(), options.begin(), options.end());
        if (resume) a.push_back("--resume");
        return a;
    };
    ASSERT_EQ(runFrontline(arguments(whole, false)).exitCode, 0);

    const int code = runAndSignalWhen(
        arguments(resumed, false), [&] { return std::filesystem::exists(resumed / "frame_00005.png"); },
        SIGTERM, errPath);
    const std::string err = readFile(errPath.string());
    ASSERT_EQ(code, 143) << err;
    EXPECT_NE(err.find("frontline: interrupted: stopped by SIGTERM; "), std::string::npos) << err;
    EXPECT_NE(err.find("run the same command with --resume to continue"), std::string::npos) << err;
    EXPECT_TRUE(leftovers(resumed).empty());
    std::size_t written = 0;
    for (const auto& entry : std::filesystem::directory_iterator(resumed)) {
        if (entry.path().extension() != ".png") continue;
        ++written;
        EXPECT_EQ(readFile(entry.path().string()), readFile((whole / entry.path().filename()).string()))
            << entry.path();
    }
    EXPECT_GE(written, 6u);

    const auto run = runFrontline(arguments(resumed, true));
    ASSERT_EQ(run.exitCode, 0) << run.err;
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(whole)) {
        ++count;
        EXPECT_EQ(readFile(entry.path().string()), readFile((resumed / entry.path().filename()).string()))
            << entry.path();
    }
    EXPECT_GT(count, written);
    EXPECT_FALSE(std::filesystem::exists(resumed / ".frontline-export"));
    std::filesystem::remove_all(whole);
    std::filesystem::remove_all(resumed);
    std::filesystem::remove(errPath);
}

TEST(ExportCommand, ResumeWithOtherOptionsIsRefused) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto out = scratch("resume_other");
    const auto errPath = scratch("resume_other_err.txt");
    const std::vector<std::string> base{"export", kSynthetic, "--out", out.string(),
                                        "--size", "160x90",   "--fps", "30"};
    runAndSignalWhen(
        base, [&] { return std::filesystem::exists(out / "frame_00002.png"); }, SIGINT, errPath);
    auto other = base;
    other[5] = "320x180";
    other.push_back("--resume");
    const auto run = runFrontline(other);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("were made from another scenario or other options"), std::string::npos) << run.err;
    std::filesystem::remove_all(out);
    std::filesystem::remove(errPath);
}

// The transition style changes the frames between states: a sequence begun in one is not finished in
// the other.
TEST(ExportCommand, ResumeWithAnotherTransitionStyleIsRefused) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto out = scratch("resume_style");
    const auto errPath = scratch("resume_style_err.txt");
    const std::vector<std::string> base{"export", kSynthetic, "--out", out.string(),         "--size",
                                        "160x90", "--fps",    "30",    "--transition-style", "wipe"};
    runAndSignalWhen(
        base, [&] { return std::filesystem::exists(out / "frame_00002.png"); }, SIGINT, errPath);
    auto other = base;
    other.back() = "dissolve";
    other.push_back("--resume");
    const auto run = runFrontline(other);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("were made from another scenario or other options"), std::string::npos) << run.err;
    auto same = base;
    same.push_back("--resume");
    const auto resumed = runFrontline(same);
    EXPECT_EQ(resumed.exitCode, 0) << resumed.err;
    std::filesystem::remove_all(out);
    std::filesystem::remove(errPath);
}

// The inputs are fingerprinted, not named: the same manifest with one layer edited is another scenario.
TEST(ExportCommand, ResumeAfterALayerChangedIsRefused) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto copy = scratch("resume_changed_scenario");
    std::filesystem::copy(kSynthetic, copy, std::filesystem::copy_options::recursive);
    const auto out = scratch("resume_changed");
    const auto errPath = scratch("resume_changed_err.txt");
    const std::vector<std::string> base{"export", copy.string(), "--out", out.string(),
                                        "--size", "160x90",      "--fps", "30"};
    runAndSignalWhen(
        base, [&] { return std::filesystem::exists(out / "frame_00002.png"); }, SIGINT, errPath);
    ASSERT_TRUE(std::filesystem::exists(out / ".frontline-export"));
    // A property of the 2001 layer edited: the same file name, the same size, the same geometry.
    const auto layer = copy / "layers" / "held_2001.geojson";
    std::string text = readFile(layer.string());
    const auto at = text.find("\"name\":\"held\"");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 13, "\"name\":\"hold\"");
    std::FILE* file = std::fopen(layer.c_str(), "w");
    std::fputs(text.c_str(), file);
    std::fclose(file);
    auto resumed = base;
    resumed.push_back("--resume");
    const auto run = runFrontline(resumed);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("were made from another scenario or other options"), std::string::npos) << run.err;
    std::filesystem::remove_all(out);
    std::filesystem::remove_all(copy);
    std::filesystem::remove(errPath);
}

// SIGKILL leaves the video's partial file; the next export into the same place removes it and says so.
TEST(ExportCommand, LeftoversOfAKilledExportAreRemovedByTheNext) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto folder = scratch("killed");
    std::filesystem::create_directories(folder);
    const auto errPath = scratch("killed_err.txt");
    const auto out = folder / "film.mp4";
    const std::vector<std::string> arguments{"export", kSynthetic, "--out", out.string(),
                                             "--size", "160x90",   "--fps", "30"};
    // Killed once the writer has made its partial file.
    runAndSignalWhen(
        arguments,
        [&] {
            for (const auto& name : leftovers(folder)) {
                if (name.size() > 4 && name.compare(name.size() - 4, 4, ".mp4") == 0) return true;
            }
            return false;
        },
        SIGKILL, errPath);
    ASSERT_FALSE(leftovers(folder).empty());
    const auto run = runFrontline(arguments);
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("left by an interrupted export into"), std::string::npos) << run.err;
    EXPECT_TRUE(leftovers(folder).empty());
    EXPECT_TRUE(std::filesystem::exists(out));
    EXPECT_FALSE(std::filesystem::exists(folder / ".film.mp4.frontline-lock"));
    std::filesystem::remove_all(folder);
    std::filesystem::remove(errPath);
}

// While one export writes into a folder, a second one into the same folder is refused at once (it
// would otherwise remove the first one's frames and mix its own in).
TEST(ExportCommand, ASecondExportIntoTheSameFolderIsRefused) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto out = scratch("locked");
    const auto errPath = scratch("locked_err.txt");
    const std::vector<std::string> first{"export", kSynthetic, "--out", out.string(),
                                         "--size", "160x90",   "--fps", "30"};
    std::string secondErr;
    int secondCode = -1;
    runAndSignalWhen(
        first,
        [&] {
            if (!std::filesystem::exists(out / "frame_00001.png")) return false;
            const auto run = runFrontline({"export", kSynthetic, "--out", out.string(), "--size", "320x180"});
            secondCode = run.exitCode;
            secondErr = run.err;
            return true;
        },
        SIGINT, errPath);
    EXPECT_EQ(secondCode, 2);
    EXPECT_NE(secondErr.find("is being written by another export (process "), std::string::npos) << secondErr;
    std::filesystem::remove_all(out);
    std::filesystem::remove(errPath);
}

// An interrupted MP4 leaves nothing: no file under its name, no temporary.
TEST(ExportCommand, InterruptedMp4LeavesNothing) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto folder = scratch("mp4_interrupted");
    std::filesystem::create_directories(folder);
    const auto errPath = scratch("mp4_interrupted_err.txt");
    const auto out = folder / "film.mp4";
    // The partial file appears when the writer starts, before the first frame: interrupt then (not at
    // the probe checkOutput makes at once, before SIGINT is handled).
    const auto partialFile = [&] {
        for (const auto& name : leftovers(folder)) {
            if (name.find(".partial-") != std::string::npos) return true;
        }
        return false;
    };
    const int code =
        runAndSignalWhen({"export", kSynthetic, "--out", out.string(), "--size", "160x90", "--fps", "30"},
                         partialFile, SIGINT, errPath);
    const std::string err = readFile(errPath.string());
    EXPECT_EQ(code, 130) << err;
    EXPECT_NE(err.find("frontline: interrupted: stopped by SIGINT; "), std::string::npos) << err;
    EXPECT_NE(err.find("was not written (a video cannot be resumed"), std::string::npos) << err;
    EXPECT_TRUE(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
    std::filesystem::remove(errPath);
}

// A layer the map cannot draw is named with the reason, not left out silently.
TEST(ExportCommand, WarnsAboutLayersLeftOut) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto out = scratch("left_out.png");
    const auto run = runFrontline({"export", FRONTLINE_TEST_DATA "/legend", "--out", out.string(), "--at",
                                   "2000-06-01", "--size", "320x180"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.err,
              "frontline: warning: layer 'unstyled': has no visible style.fill or style.stroke: not drawn\n"
              "frontline: warning: layer 'wells': has only points, which are drawn on a layer of role "
              "\"place\" only: not drawn\n");
    std::filesystem::remove(out);
}

// Without a display, export starts its own Xvfb (booting while the scenario loads) and draws the frame.
TEST(ExportCommand, StartsXvfbWithoutDisplay) {
    if (capture("command -v Xvfb").empty()) GTEST_SKIP() << "Xvfb is not installed";
    const auto out = scratch("no_display.png");
    const std::string output =
        capture("env -u DISPLAY '" FRONTLINE_BINARY "' export '" + kSynthetic + "' --out '" + out.string() +
                "' --at 2001-06-01 --size 320x180 -v 2>&1; echo \"exit $?\"");
    EXPECT_NE(output.find("no DISPLAY set: started Xvfb"), std::string::npos) << output;
    EXPECT_NE(output.find("exit 0"), std::string::npos) << output;
    EXPECT_TRUE(std::filesystem::exists(out));
    std::filesystem::remove(out);
}

// `frontline chart`: the PNG at its size and beside it the CSVs of what it draws, with the numbers of
// `frontline stats` (the steps) and of `stats --every` (the bars).
TEST(ChartCommand, WritesThePngAndTheCsvOfWhatItDraws) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto folder = scratch("chart");
    std::filesystem::create_directories(folder);
    const auto png = folder / "c.png";
    const auto run = runFrontline({"chart", kSynthetic, "--out", png.string(), "--size", "600x300", "--bars",
                                   "month", "--at", "2002-08-01"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    sf::Image image;
    ASSERT_TRUE(image.loadFromFile(png.string()));
    EXPECT_EQ(image.getSize(), sf::Vector2u(600, 300));

    const auto stats = runFrontline({"stats", kSynthetic, "--format", "csv"});
    ASSERT_EQ(stats.exitCode, 0) << stats.err;
    const Csv expected = parseCsv(stats.out);
    const Csv steps = parseCsv(readFile((folder / "c.csv").string()));
    EXPECT_EQ(steps.header, (std::vector<std::string>{"date", "label", "area_km2", "likely_min_km2",
                                                      "likely_max_km2", "band"}));
    ASSERT_EQ(steps.rows.size(), expected.rows.size());
    for (std::size_t i = 0; i < steps.rows.size(); ++i) {
        for (const std::string column : {"date", "area_km2", "likely_min_km2", "likely_max_km2"}) {
            EXPECT_EQ(steps.rows[i][steps.column(column)], expected.rows[i][expected.column(column)])
                << column << " " << i;
        }
        const bool band = expected.rows[i][expected.column("likely_min_km2")] !=
                          expected.rows[i][expected.column("likely_max_km2")];
        EXPECT_EQ(steps.rows[i][steps.column("band")], band ? "yes" : "no") << i;
    }

    const Csv ticks = parseCsv(readFile((folder / "c.ticks.csv").string()));
    EXPECT_EQ(ticks.header, (std::vector<std::string>{"axis", "at", "label"}));
    // 2000 … 2003: yearly ticks, and gridlines from 0 (the data reach it).
    std::vector<std::string> years, values;
    for (const auto& row : ticks.rows) (row[0] == "x" ? years : values).push_back(row[2]);
    EXPECT_EQ(years, (std::vector<std::string>{"2000", "2001", "2002", "2003"}));
    ASSERT_FALSE(values.empty());
    EXPECT_EQ(values.front(), "0");

    const auto every = runFrontline({"stats", kSynthetic, "--every", "month", "--format", "csv"});
    ASSERT_EQ(every.exitCode, 0) << every.err;
    EXPECT_EQ(readFile((folder / "c.bars.csv").string()), every.out);
    std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace frontline::test
