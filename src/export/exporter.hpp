#pragma once
// `frontline export`: renders the frame schedule offscreen and writes it as a PNG sequence (or one
// still PNG), an H.264 MP4 or a GIF through ffmpeg.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/scenario.hpp"
#include "export/schedule.hpp"
#include "geo/thread_context.hpp"

namespace frontline::exporting {

enum class OutputKind { PngSequence, PngStill, Mp4, Gif };

// By the name: *.mp4, *.gif, *.png (one still frame), anything else a folder of PNGs.
OutputKind outputKind(const std::filesystem::path& out);

struct ExportOptions {
    std::filesystem::path out;
    unsigned width = 1920;
    unsigned height = 1080;
    ScheduleOptions schedule;
    std::optional<Date> at;                 // the date of a still (*.png); default: the last key date
    std::filesystem::path shaderFolder;
    unsigned antialiasing = 4;              // MSAA samples
    bool progress = true;                   // a progress bar when stderr is a terminal
};

struct ExportResult {
    OutputKind kind = OutputKind::PngSequence;
    std::size_t frames = 0;
    double seconds = 0;                     // wall time
};

using Log = std::function<void(const std::string&)>;

// Throws UsageError (bad size, odd size for MP4), RenderError, DataError.
ExportResult exportScenario(const Scenario& scenario, geo::ThreadContext& context, const ExportOptions& options, const Log& verbose);

// The PNG name of frame `index` in a sequence of `count` frames: frame_00042.png (at least 5 digits).
std::string frameFileName(std::size_t index, std::size_t count);

}  // namespace frontline::exporting
