#pragma once
// H.264 video in an MP4 file, encoded in this process with FFmpeg's libraries (libavformat, libavcodec
// with libx264, libswscale), not through the ffmpeg binary: a frame the same as the one before is not
// converted or encoded again, and no frame is copied down a pipe.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace frontline::exporting {

// Frames are numbered 0, 1, … at `fps`. A frame that is not written repeats the one before: the file
// has variable frame rate, and a hold of 30 frames is one frame lasting 3 s at 10 frames/s (players,
// browsers and social platforms show it as a constant-rate file would be shown). Write every frame for
// constant frame rate.
//
// The output appears under its final name only after close() succeeds: the file is written as
// ".NAME.partial-PID.mp4" in the same folder, synced and renamed. Destroyed without close(), the
// temporary is removed. Same frames, same bytes: libx264 is deterministic whatever its threads, and the
// bitexact flags keep version strings out of the file.
//
// Colour: BT.709 matrix, primaries and transfer, limited range, as players assume for HD video and
// tagged so; yuv420p (4:2:0), which every player decodes.
class Mp4Writer {
public:
    // Throws UsageError for an odd width or height (4:2:0 needs even ones), DataError when the file
    // cannot be created, RenderError when libavcodec has no libx264.
    Mp4Writer(const std::filesystem::path& output, unsigned width, unsigned height, double fps);
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;

    // Frame `index` (above the last one written) of width×height×4 bytes, RGBA, top row first.
    // Throws DataError when the file cannot be written (disk full), RenderError when encoding fails.
    void write(std::size_t index, const std::uint8_t* rgba);
    // Ends the video after `frames` frames (the last frame written lasts until then), writes the index
    // at the front of the file (faststart: playable while it downloads), syncs and renames it.
    void close(std::size_t frames);

private:
    struct Codec;
    void encode(bool flush);

    std::filesystem::path m_output;
    std::filesystem::path m_temporary;
    std::unique_ptr<Codec> m_codec;
    std::size_t m_next = 0;  // the lowest index write() takes
    bool m_written = false;
};

}  // namespace frontline::exporting
