// `frontline export` end to end: PNG sequences (names, determinism) and an MP4 checked with ffprobe.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "app/run_frontline.hpp"
#include "export/exporter.hpp"
#include "render/gl_fixture.hpp"

namespace frontline::test {
namespace {

const std::string kSynthetic = FRONTLINE_TEST_DATA "/synthetic";

std::filesystem::path scratch(const std::string& name) {
    auto path = std::filesystem::temp_directory_path() / ("frontline_export_test_" + name);
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

TEST(ExportCommand, PngSequenceIsReproducible) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto first = scratch("png1"), second = scratch("png2");
    for (const auto& out : {first, second}) {
        const auto run = runFrontline({"export", kSynthetic, "--out", out.string(), "--size", "320x180", "--fps", "5",
                                       "--from", "2001-01-01", "--to", "2001-04-01"});
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

TEST(ExportCommand, ThreeSecondMp4) {
    FRONTLINE_REQUIRE_DISPLAY();
    const auto folder = scratch("mp4");
    std::filesystem::create_directories(folder);
    const auto out = folder / "three.mp4";
    // One key date held for 3 s at 10 frames/s: 30 frames.
    const auto run = runFrontline({"export", kSynthetic, "--out", out.string(), "--size", "320x180", "--fps", "10",
                                   "--from", "2001-06-01", "--to", "2001-06-01", "--hold", "3"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::string probe = capture("ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                                      "stream=codec_name,width,height,pix_fmt,nb_read_frames -of csv=p=0 '" + out.string() + "'");
    EXPECT_EQ(probe, "h264,320,180,yuv420p,30\n");
    std::filesystem::remove_all(folder);
}

TEST(ExportCommand, RejectsOddSizeForMp4) {
    const auto run = runFrontline({"export", kSynthetic, "--out", "/tmp/x.mp4", "--size", "321x180"});
    EXPECT_EQ(run.exitCode, 2);
}

}  // namespace
}  // namespace frontline::test
