#pragma once
// `frontline export`: renders the frame schedule offscreen and writes it as a PNG sequence (or one
// still PNG), an H.264 MP4 or a GIF through ffmpeg.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "analysis/periods.hpp"
#include "core/scenario.hpp"
#include "export/schedule.hpp"
#include "geo/thread_context.hpp"
#include "render/scene.hpp"

namespace frontline::exporting {

enum class OutputKind { PngSequence, PngStill, Mp4, Gif };

// By the name: *.mp4, *.gif, *.png (one still frame), anything else a folder of PNGs.
OutputKind outputKind(const std::filesystem::path& out);

struct ExportOptions {
    std::filesystem::path out;
    unsigned width = 1920;
    unsigned height = 1080;
    ScheduleOptions schedule;
    std::optional<Date> at;  // the date of a still (*.png), which needs one (UsageError without)
    std::filesystem::path shaderFolder;
    render::MapOptions map;                     // place names, layout
    unsigned antialiasing = 4;                  // MSAA samples
    bool progress = true;                       // a progress bar when stderr is a terminal
    bool resume = false;                        // PNG sequence: keep the frames an interrupted run left
    bool constantFrameRate = false;             // MP4: every frame encoded, repeats included
    std::optional<analysis::Period> chartBars;  // the panel chart's bars of km² gained and lost
};

struct ExportResult {
    OutputKind kind = OutputKind::PngSequence;
    std::size_t frames = 0;
    std::size_t repeats = 0;           // frames the same as the one before, not drawn again
    double seconds = 0;                // wall time
    std::size_t leftoversRemoved = 0;  // temporaries of a killed export into the same output
};

using Log = std::function<void(const std::string&)>;

// Checks what can be checked before any drawing: size, MP4 parity, --resume, the output folder (created
// for a PNG sequence). Throws UsageError or DataError. exportScenario() calls it too.
void checkOutput(const ExportOptions& options);

// Throws UsageError (bad size, odd size for MP4), RenderError, DataError, and Interrupted when SIGINT or
// SIGTERM arrives: the frames written so far are complete, temporaries are removed, and a PNG sequence
// can be continued with `resume`.
ExportResult exportScenario(const Scenario& scenario, geo::ThreadContext& context,
                            const ExportOptions& options, const Log& verbose);

// The PNG name of frame `index` in a sequence of `count` frames: frame_00042.png (at least 5 digits).
std::string frameFileName(std::size_t index, std::size_t count);

}  // namespace frontline::exporting
