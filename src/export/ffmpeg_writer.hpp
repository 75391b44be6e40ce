#pragma once
// GIF (and its palette) through the ffmpeg binary: raw RGBA frames go down a pipe into
// `ffmpeg -f rawvideo`. MP4 is encoded in the process (mp4_writer.hpp).

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace frontline::exporting {

// One running ffmpeg process reading raw frames on its stdin. The output appears under its final name
// only after close() succeeds (ffmpeg writes a temporary file in the same folder, renamed at the end).
// Destroyed without close(), ffmpeg is stopped and the temporary removed.
// The process must ignore SIGPIPE (main.cpp does) so that a dead ffmpeg is an error from write(), not
// the end of the process.
class FfmpegWriter {
public:
    // `outputArguments`: the encoder options placed between the input and the output file.
    // Throws RenderError when ffmpeg cannot be started.
    FfmpegWriter(const std::filesystem::path& output, unsigned width, unsigned height, double fps,
                 std::vector<std::string> outputArguments, std::vector<std::string> extraInputs = {});
    ~FfmpegWriter();
    FfmpegWriter(const FfmpegWriter&) = delete;
    FfmpegWriter& operator=(const FfmpegWriter&) = delete;

    // One frame of width×height×4 bytes. Throws RenderError with ffmpeg's message when it has failed.
    void write(const std::uint8_t* rgba);
    // Ends the stream, waits for ffmpeg and renames the output. Throws RenderError with ffmpeg's last words.
    void close();

private:
    [[noreturn]] void fail(const std::string& what);
    std::string log() const;

    std::filesystem::path m_output;
    std::filesystem::path m_temporary;
    std::filesystem::path m_logPath;
    std::size_t m_frameBytes = 0;
    pid_t m_pid = -1;
    int m_stdin = -1;
};

}  // namespace frontline::exporting
