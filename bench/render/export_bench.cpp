// Frames per second of rendering and export at a given size (default 1920x1080), split into drawing,
// read-back, PNG encoding, the full PNG-sequence export and the MP4 export; peak memory at the end.
//
//   frontline_export_bench [SCENARIO] [--size WxH] [--frames N] [--antialias N] [--out DIR]
// Runs without a display (starts Xvfb like `frontline export`).

#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "export/exporter.hpp"
#include "export/png_writer.hpp"
#include "export/virtual_display.hpp"
#include "io/scenario_reader.hpp"
#include "render/offscreen.hpp"

using namespace frontline;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);  // the MP4 export writes into ffmpeg's pipe, as src/main.cpp sets up
    std::filesystem::path scenarioPath = FRONTLINE_SOURCE_DIR "/geodata/karabakh";
    unsigned width = 1920, height = 1080, antialias = 4;
    std::size_t frames = 120;
    std::filesystem::path out = std::filesystem::temp_directory_path() / "frontline_bench";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (arg == "--size")
            std::sscanf(next().c_str(), "%ux%u", &width, &height);
        else if (arg == "--frames")
            frames = std::stoul(next());
        else if (arg == "--antialias")
            antialias = static_cast<unsigned>(std::stoul(next()));
        else if (arg == "--out")
            out = next();
        else
            scenarioPath = arg;
    }
    try {
        fmt::print("{}\n", exporting::ensureDisplay());
        geo::ThreadContext context;
        Diagnostics diagnostics;
        const Scenario scenario = io::readScenario(scenarioPath, {}, context.proj, context.geos, diagnostics);
        const std::filesystem::path shaders = FRONTLINE_SHADER_DIR;

        auto t0 = std::chrono::steady_clock::now();
        render::OffscreenRenderer renderer(scenario, context, {width, height}, shaders, antialias);
        fmt::print("setup (fonts, scene, tessellation, stats): {:.2f} s\n", secondsSince(t0));

        exporting::ScheduleOptions scheduleOptions;
        auto schedule = exporting::buildSchedule(renderer.scene().scenario().timeline, scheduleOptions);
        // The part of the schedule with the most work: transitions included.
        if (schedule.size() > frames)
            schedule.erase(schedule.begin(), schedule.begin() + static_cast<long>(schedule.size() - frames));

        t0 = std::chrono::steady_clock::now();
        for (const auto& frame : schedule) renderer.render(frame);
        const double drawAndRead = secondsSince(t0);
        fmt::print("draw + read back:  {:6.1f} frames/s ({} frames {}x{}, {} samples)\n",
                   static_cast<double>(schedule.size()) / drawAndRead, schedule.size(), width, height,
                   antialias);

        const std::vector<std::uint8_t> image = renderer.render(schedule.back());
        t0 = std::chrono::steady_clock::now();
        std::size_t bytes = 0;
        for (int i = 0; i < 20; ++i) bytes = exporting::encodePng(image.data(), width, height).size();
        fmt::print("PNG encode (1 thread): {:6.1f} frames/s ({} KiB per frame)\n", 20 / secondsSince(t0),
                   bytes / 1024);

        if (std::getenv("BENCH_DRAW_ONLY")) return 0;
        for (const auto& [name, path] :
             {std::pair{"PNG sequence", out / "frames"}, std::pair{"MP4", out / "bench.mp4"}}) {
            std::filesystem::create_directories(out);
            exporting::ExportOptions options;
            options.out = path;
            options.width = width;
            options.height = height;
            options.antialiasing = antialias;
            options.shaderFolder = shaders;
            options.progress = false;
            options.schedule.from = Date(2020, 11, 1);  // 2020-11-01 → 2020-12-01: three transitions
            options.schedule.to = Date(2020, 12, 1);
            const auto result =
                exporting::exportScenario(scenario, context, options, [](const std::string&) {});
            fmt::print("{:13} export: {:6.1f} frames/s ({} frames in {:.1f} s, setup included)\n", name,
                       static_cast<double>(result.frames) / result.seconds, result.frames, result.seconds);
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        fmt::print("peak memory (max RSS): {:.0f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
        std::filesystem::remove_all(out);
    } catch (const std::exception& e) {
        fmt::print(stderr, "frontline_export_bench: {}\n", e.what());
        return 2;
    }
    return 0;
}
