// The MP4 writer, checked from outside with the ffmpeg and ffprobe binaries (an independent decoder):
// held frames last until the next one written, the video ends where close() says, colours survive the
// BT.709 round trip, and the file is whole or absent.

#include "export/mp4_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace frontline::test {
namespace {

constexpr unsigned kWidth = 64, kHeight = 36;

std::filesystem::path scratchFolder(const std::string& name) {
    auto folder =
        std::filesystem::temp_directory_path() / ("frontline-mp4-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

std::string capture(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) out.append(buffer.data(), n);
    return out;
}

std::vector<std::uint8_t> solid(std::array<std::uint8_t, 3> rgb) {
    std::vector<std::uint8_t> frame(static_cast<std::size_t>(kWidth) * kHeight * 4);
    for (std::size_t i = 0; i < frame.size(); i += 4) {
        frame[i] = rgb[0];
        frame[i + 1] = rgb[1];
        frame[i + 2] = rgb[2];
        frame[i + 3] = 255;
    }
    return frame;
}

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A held red and the lakes' blue (#a9cbe8), frame 0 and frame 4 of 10 at 10 frames/s:
// three frames in the file (0, 4 and 9, the last one ending the video), 1 s long; decoded at 10
// frames/s, frames 0–3 are red and 4–9 blue. Each channel within 3 of what was written: 8-bit limited
// range BT.709 and back loses at most 1–2 levels on flat colour, and x264 at quality 20 keeps flat
// blocks exact; decoded with the BT.601 matrix instead, this red would come back 7 levels off in red
// and green (computed from the two matrices).
TEST(Mp4Writer, HeldFramesLastUntilTheNextAndColoursSurvive) {
    const auto folder = scratchFolder("held");
    const auto out = folder / "held.mp4";
    const std::array<std::uint8_t, 3> red{214, 138, 128}, blue{169, 203, 232};
    {
        exporting::Mp4Writer writer(out, kWidth, kHeight, 10);
        writer.write(0, solid(red).data());
        writer.write(4, solid(blue).data());
        writer.close(10);
    }
    EXPECT_EQ(capture("ffprobe -v error -count_frames -select_streams v:0 -show_entries "
                      "stream=nb_read_frames,color_space:format=duration -of csv=p=0 '" +
                      out.string() + "'"),
              "bt709,3\n1.000000\n");
    const std::string rgb =
        capture("ffmpeg -v error -i '" + out.string() + "' -vf fps=10 -f rawvideo -pix_fmt rgb24 -");
    const std::size_t frameBytes = static_cast<std::size_t>(kWidth) * kHeight * 3;
    ASSERT_EQ(rgb.size(), 10 * frameBytes);
    for (std::size_t frame = 0; frame < 10; ++frame) {
        const auto& expected = frame < 4 ? red : blue;
        int worst = 0;
        for (std::size_t i = frame * frameBytes; i < (frame + 1) * frameBytes; ++i) {
            const int got = static_cast<unsigned char>(rgb[i]);
            worst = std::max(worst, std::abs(got - expected[i % 3]));
        }
        EXPECT_LE(worst, 3) << "frame " << frame;
    }
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder), {}), 1) << "no temporary left";
    std::filesystem::remove_all(folder);
}

// Same frames, same bytes: exports can be compared and cached by their checksum.
TEST(Mp4Writer, SameFramesSameBytes) {
    const auto folder = scratchFolder("same");
    std::vector<std::uint8_t> frame = solid({40, 40, 40});
    for (const auto& name : {"a.mp4", "b.mp4"}) {
        exporting::Mp4Writer writer(folder / name, kWidth, kHeight, 30);
        for (std::size_t i = 0; i < 40; ++i) {
            frame[(i * 97 * 4) % frame.size()] = 250;  // a dot moving across
            writer.write(i, frame.data());
        }
        writer.close(40);
        frame = solid({40, 40, 40});
    }
    const std::string a = readAll(folder / "a.mp4");
    EXPECT_GT(a.size(), 1000u);
    EXPECT_EQ(a, readAll(folder / "b.mp4"));
    std::filesystem::remove_all(folder);
}

// Stopped before close(): no file under the name, no temporary.
TEST(Mp4Writer, DestroyedUnclosedLeavesNothing) {
    const auto folder = scratchFolder("unclosed");
    {
        exporting::Mp4Writer writer(folder / "x.mp4", kWidth, kHeight, 10);
        writer.write(0, solid({1, 2, 3}).data());
        EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder), {}), 1) << "its temporary";
    }
    EXPECT_TRUE(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
}

TEST(Mp4Writer, OddSizeAndMissingFolderAreRefused) {
    const auto folder = scratchFolder("refused");
    EXPECT_THROW(exporting::Mp4Writer(folder / "x.mp4", 65, 36, 10), UsageError);
    try {
        exporting::Mp4Writer writer(folder / "missing" / "x.mp4", kWidth, kHeight, 10);
        ADD_FAILURE() << "a missing folder was taken";
    } catch (const DataError& e) {
        EXPECT_NE(
            std::string(e.what()).find("cannot write '" + (folder / "missing" / "x.mp4").string() + "': "),
            std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace frontline::test
