#include "export/exporter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "export/ffmpeg_writer.hpp"
#include "export/interruption.hpp"
#include "export/mp4_writer.hpp"
#include "export/output_guard.hpp"
#include "export/png_sequence_writer.hpp"
#include "export/png_writer.hpp"
#include "export/progress.hpp"
#include "export/work_queue.hpp"
#include "io/atomic_file.hpp"
#include "render/frame_layout.hpp"
#include "render/offscreen.hpp"
#include "render/scene.hpp"

namespace frontline::exporting {

namespace {

constexpr unsigned kMaxWidth = 3840, kMaxHeight = 2160;

std::string lowerExtension(const std::filesystem::path& path) {
    return asciiLower(path.extension().string());
}

// A PNG sequence folder records what made its frames, so that --resume never mixes two exports.
constexpr const char* kSequenceRecord = ".frontline-export";

// Frames of an earlier, longer export would be mistaken for part of this one.
void removeOldFrames(const std::filesystem::path& folder) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.rfind("frame_", 0) == 0 && entry.path().extension() == ".png") {
            std::filesystem::remove(entry.path(), error);
            if (error)
                throw DataError("cannot remove the old frame '" + entry.path().string() +
                                "': " + error.message());
        }
    }
    if (error) throw DataError("cannot list the folder '" + folder.string() + "': " + error.message());
}

std::string readSmallFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A fingerprint of everything the scenario draws from, as loaded: a layer file edited, a state added or
// a style changed all change it, whatever the files' names or times. FNV-1a (64 bit) is enough to tell
// one input from another; it is not a defence against someone forging a collision.
class Fingerprint {
public:
    Fingerprint& add(std::string_view bytes) {
        for (const char c : bytes) m_hash = (m_hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        return add(bytes.size());
    }
    Fingerprint& add(double value) { return addRaw(&value, sizeof value); }
    Fingerprint& add(std::size_t value) { return addRaw(&value, sizeof value); }
    std::string hex() const { return fmt::format("{:016x}", m_hash); }

private:
    Fingerprint& addRaw(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) m_hash = (m_hash ^ bytes[i]) * 0x100000001b3ULL;
        return *this;
    }
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

std::string scenarioFingerprint(const Scenario& scenario) {
    Fingerprint f;
    f.add(scenario.name).add(scenario.title).add(scenario.subject).add(scenario.projection);
    for (const Layer& layer : scenario.layers) {
        f.add(layer.id)
            .add(toString(layer.role))
            .add(layer.title)
            .add(layer.attribution)
            .add(layer.uncertaintyM);
        for (const auto& source : layer.sources) f.add(source);
        for (const auto& reference : layer.references) f.add(reference);
        f.add(layer.matchM.value_or(-1.0)).add(layer.front ? (*layer.front ? 1.0 : 0.0) : -1.0);
        const LayerStyle& style = layer.style;
        f.add(style.fill).add(style.stroke).add(style.strokeWidth).add(style.opacity).add(style.pattern);
        f.add(static_cast<double>(style.z));
        f.add(layer.features.size());
        for (const Feature& feature : layer.features) {
            f.add(feature.id);
            for (const auto& [key, value] : feature.properties) f.add(key).add(value);
            const Geometry& g = feature.geometry;
            for (const auto& polygon : g.polygons) {
                for (const auto& ring : polygon.rings) {
                    f.add(ring.size());
                    for (const Coord& c : ring) f.add(c.x).add(c.y);
                }
            }
            for (const auto& line : g.lines) {
                f.add(line.size());
                for (const Coord& c : line) f.add(c.x).add(c.y);
            }
            for (const Coord& c : g.points) f.add(c.x).add(c.y);
        }
    }
    for (const ControlState& state : scenario.timeline.states()) {
        f.add(state.date.iso())
            .add(state.layerId)
            .add(state.featureId)
            .add(state.label)
            .add(state.empty ? 1.0 : 0.0);
    }
    for (const Event& event : scenario.events) {
        f.add(event.id).add(event.date.iso()).add(static_cast<double>(event.minutesOfDay.value_or(-1)));
        f.add(static_cast<double>(event.utcOffsetMinutes))
            .add(event.title)
            .add(event.place)
            .add(event.description);
        f.add(event.source);
    }
    return f.hex();
}

// What determines the frames: the scenario and every option of the schedule and the drawing.
std::string sequenceRecord(const Scenario& scenario, const ExportOptions& options, std::size_t frames) {
    const auto date = [](const std::optional<Date>& d) { return d ? d->iso() : std::string("-"); };
    const auto& schedule = options.schedule;
    return fmt::format(
        "scenario {}\ninputs {}\nframes {}\nsize {}x{}\nfps {}\nfrom {}\nto {}\ntransition {}\nhold "
        "{}\nduration {}\npace {}\nantialias {}\nchart bars {}\nnames {}\ntransition style {}\npanel {}\n",
        scenario.manifestPath.string(), scenarioFingerprint(scenario), frames, options.width, options.height,
        schedule.fps, date(schedule.from), date(schedule.to), schedule.transitionSeconds,
        schedule.holdSeconds,
        schedule.durationSeconds ? fmt::format("{}", *schedule.durationSeconds) : std::string("-"),
        schedule.pace == Pace::Time ? "time" : "state", options.antialiasing,
        options.chartBars ? static_cast<int>(*options.chartBars) : -1, static_cast<int>(options.map.names),
        render::toString(options.map.transition), options.map.panel ? "yes" : "no");
}

[[noreturn]] void throwInterrupted(int signal, const std::string& what) {
    throw Interrupted(fmt::format("stopped by {}; {}", signalName(signal), what), signal);
}

// What every kind of output draws its frames from.
struct Frames {
    render::OffscreenRenderer& renderer;
    const std::vector<render::FrameSpec>& schedule;
    const ExportOptions& options;
    const Interruption& interruption;
};

// Renders frames [first, schedule.size()) into `sink(i, rgba, repeat)`; returns the index it stopped
// before (schedule.size() when done, less when SIGINT/SIGTERM arrived; the caller says what that
// leaves). A frame that draws the same pixels as the one before it is not drawn again: `repeat` is true
// and `rgba` are that frame's pixels. `repeats` counts them.
template <typename Sink>
std::size_t renderAll(const Frames& frames, Sink&& sink, std::size_t& repeats, std::size_t first = 0) {
    const auto& schedule = frames.schedule;
    Progress progress(schedule.size(), frames.options.progress);
    const std::vector<std::uint8_t>* pixels = nullptr;
    for (std::size_t i = first; i < schedule.size(); ++i) {
        if (frames.interruption.signal() != 0) {
            progress.finish();
            return i;
        }
        const bool repeat = pixels && frames.renderer.renderer().drawsSame(schedule[i - 1], schedule[i]);
        if (repeat)
            ++repeats;
        else
            pixels = &frames.renderer.render(schedule[i]);
        sink(i, pixels->data(), repeat);
        progress.update(i + 1);
    }
    progress.finish();
    return schedule.size();
}

// Frames go to a video writer from a thread of their own, beside the drawing, in order: `write(index,
// rgba)` for each frame sent. A repeated frame is sent again from the same copy, or not at all when
// `repeatsSent` is false (the writer then makes the frame before last longer).
class VideoFrames {
public:
    using Write = std::function<void(std::size_t, const std::uint8_t*)>;
    VideoFrames(Write write, std::size_t frameBytes, bool repeatsSent)
        : m_frameBytes(frameBytes),
          m_repeatsSent(repeatsSent),
          m_queue(1, kVideoQueueDepth,
                  [write = std::move(write)](Job& job) { write(job.index, job.rgba->data()); }) {}

    void operator()(std::size_t index, const std::uint8_t* rgba, bool repeat) {
        if (repeat && m_last && !m_repeatsSent) return;
        if (!repeat || !m_last)
            m_last = std::make_shared<const std::vector<std::uint8_t>>(rgba, rgba + m_frameBytes);
        m_queue.push(Job{index, m_last});
    }
    // Waits until every frame is written; throws the writer's first failure.
    void finish() { m_queue.finish(); }

private:
    // Two frames waiting are enough to keep the writer busy while the next is drawn.
    static constexpr std::size_t kVideoQueueDepth = 2;
    struct Job {
        std::size_t index = 0;
        std::shared_ptr<const std::vector<std::uint8_t>> rgba;
    };
    std::size_t m_frameBytes;
    bool m_repeatsSent;
    std::shared_ptr<const std::vector<std::uint8_t>> m_last;
    WorkQueue<Job> m_queue;  // last: its worker uses the rest
};

// A video is whole or absent: stopped early, the writer's destructor removes its temporary file.
std::size_t renderAllOrStop(const Frames& frames, const VideoFrames::Write& write, bool repeatsSent) {
    std::size_t repeats = 0;
    VideoFrames video(write, static_cast<std::size_t>(frames.options.width) * frames.options.height * 4,
                      repeatsSent);
    const std::size_t stopped = renderAll(frames, video, repeats);
    video.finish();
    if (stopped < frames.schedule.size()) {
        throwInterrupted(frames.interruption.signal(),
                         fmt::format("{} of {} frames rendered; '{}' was not written (a video cannot be "
                                     "resumed: export to a folder of PNGs for that)",
                                     stopped, frames.schedule.size(), frames.options.out.string()));
    }
    return repeats;
}

std::size_t renderAllOrStop(const Frames& frames, FfmpegWriter& writer) {
    return renderAllOrStop(
        frames, [&writer](std::size_t, const std::uint8_t* rgba) { writer.write(rgba); }, true);
}

// The still of --at (*.png).
void writeStill(render::OffscreenRenderer& renderer, const ExportOptions& options) {
    if (!options.at) throw UsageError("a still (--out FILE.png) needs --at DATE, the date it shows");
    writePng(options.out, renderer.render(render::stillFrame(renderer.scene(), *options.at)).data(),
             options.width, options.height);
}

// The first frame a PNG sequence renders: 0, or with --resume the first one missing. Frames are written
// atomically, so every frame file present is whole. Without --resume, the frames of an earlier export
// go and the record of this one is written.
std::size_t startSequence(const Frames& frames, const std::string& record, const Log& verbose) {
    const ExportOptions& options = frames.options;
    const std::size_t count = frames.schedule.size();
    const std::filesystem::path recordPath = options.out / kSequenceRecord;
    if (!options.resume) {
        removeOldFrames(options.out);
        io::writeFileAtomically(recordPath, record);
        return 0;
    }
    if (readSmallFile(recordPath) != record) {
        throw UsageError("--resume: the frames in '" + options.out.string() +
                         "' were made from another scenario or other options (run without --resume)");
    }
    std::size_t first = 0;
    std::error_code error;
    while (first < count && std::filesystem::exists(options.out / frameFileName(first, count), error))
        ++first;
    verbose(fmt::format("resuming at frame {} of {}", first, count));
    return first;
}

// A folder of frame_NNNNN.png, encoded beside the renderer; stopped early it can be resumed.
std::size_t writePngSequence(const Frames& frames, const Scenario& scenario, const Log& verbose) {
    const ExportOptions& options = frames.options;
    const std::size_t count = frames.schedule.size();
    const std::size_t first = startSequence(frames, sequenceRecord(scenario, options, count), verbose);
    PngSequenceWriter writer(options.width, options.height);
    std::size_t repeats = 0;
    const std::size_t stopped = renderAll(
        frames,
        [&](std::size_t i, const std::uint8_t* rgba, bool repeat) {
            if (repeat)
                writer.pushRepeat(options.out / frameFileName(i, count));
            else
                writer.push(options.out / frameFileName(i, count), rgba);
        },
        repeats, first);
    // The frames already handed to the encoders are finished before reporting either way.
    writer.finish();
    if (stopped < count) {
        throwInterrupted(
            frames.interruption.signal(),
            fmt::format("{} of {} frames in '{}' are complete ({} … {}); run the same command with "
                        "--resume to continue",
                        stopped, count, options.out.string(), frameFileName(0, count),
                        stopped > 0 ? frameFileName(stopped - 1, count) : std::string("none")));
    }
    std::error_code ignored;
    std::filesystem::remove(options.out / kSequenceRecord, ignored);
    return repeats;
}

// Encoded in this process: a repeated frame is neither converted nor encoded again (variable frame
// rate), unless every frame is asked for.
std::size_t writeMp4(const Frames& frames) {
    const ExportOptions& options = frames.options;
    Mp4Writer writer(options.out, options.width, options.height, options.schedule.fps);
    const std::size_t repeats = renderAllOrStop(
        frames, [&writer](std::size_t index, const std::uint8_t* rgba) { writer.write(index, rgba); },
        options.constantFrameRate);
    writer.close(frames.schedule.size());
    return repeats;
}

// Two passes over the same (deterministic) frames: a palette for the whole animation, then the GIF with
// it. ffmpeg would otherwise hold every frame in memory between the two filters.
std::size_t writeGif(const Frames& frames) {
    const ExportOptions& options = frames.options;
    const std::filesystem::path folder = options.out.has_parent_path() ? options.out.parent_path() : ".";
    // Appended: GCC 12 warns falsely (-Wrestrict) on "." + std::string&&.
    std::string paletteName = ".";
    paletteName.append(options.out.filename().string()).append(".palette.png");
    const std::filesystem::path palette = folder / paletteName;
    std::size_t repeats = 0;
    {
        FfmpegWriter pass1(
            palette, options.width, options.height, options.schedule.fps,
            {"-vf", "palettegen=stats_mode=full", "-update", "1", "-frames:v", "1", "-f", "image2"});
        renderAllOrStop(frames, pass1);
        pass1.close();
    }
    try {
        FfmpegWriter pass2(options.out, options.width, options.height, options.schedule.fps,
                           {"-lavfi", "[0:v][1:v]paletteuse=dither=bayer:bayer_scale=4", "-loop", "0",
                            "-fflags", "+bitexact", "-f", "gif"},
                           {"-i", palette.string()});
        repeats = renderAllOrStop(frames, pass2);
        pass2.close();
    } catch (...) {
        std::filesystem::remove(palette);
        throw;
    }
    std::filesystem::remove(palette);
    return repeats;
}

double secondsSince(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

OutputKind outputKind(const std::filesystem::path& out) {
    const std::string extension = lowerExtension(out);
    if (extension == ".mp4") return OutputKind::Mp4;
    if (extension == ".gif") return OutputKind::Gif;
    if (extension == ".png") return OutputKind::PngStill;
    return OutputKind::PngSequence;
}

std::string frameFileName(std::size_t index, std::size_t count) {
    const std::size_t digits = std::max<std::size_t>(5, std::to_string(count > 0 ? count - 1 : 0).size());
    return fmt::format("frame_{:0{}}.png", index, digits);
}

void checkOutput(const ExportOptions& options) {
    if (options.width < render::kMinFrameWidth || options.height < render::kMinFrameHeight ||
        options.width > kMaxWidth || options.height > kMaxHeight) {
        throw UsageError(fmt::format("--size {}x{} is outside {}x{} … {}x{}", options.width, options.height,
                                     render::kMinFrameWidth, render::kMinFrameHeight, kMaxWidth, kMaxHeight));
    }
    const OutputKind kind = outputKind(options.out);
    if (kind == OutputKind::Mp4 && (options.width % 2 || options.height % 2)) {
        throw UsageError("MP4 (yuv420p) needs an even width and height, not " +
                         fmt::format("{}x{}", options.width, options.height));
    }
    if (options.resume && kind != OutputKind::PngSequence) {
        throw UsageError(
            "--resume continues a PNG sequence (--out FOLDER); an MP4, GIF or still is made whole or not at "
            "all");
    }
    if (kind != OutputKind::PngSequence) {
        if (options.out.has_parent_path() && !std::filesystem::is_directory(options.out.parent_path())) {
            throw UsageError("the folder of --out '" + options.out.string() + "' does not exist");
        }
        // A folder we cannot write to is found now, not after the first frames are drawn: the probe
        // is a temporary file next to the output, removed at once.
        io::AtomicFile probe(options.out);
        return;
    }
    // A probe: the folder is made to see that it can be, and removed again if it was not there.
    const CreatedFolder probe(options.out);
    std::error_code error;
    if (options.resume && !std::filesystem::exists(options.out / kSequenceRecord, error)) {
        throw UsageError("--resume: '" + options.out.string() +
                         "' holds no interrupted export (run without --resume)");
    }
}

ExportResult exportScenario(const Scenario& scenario, geo::ThreadContext& context,
                            const ExportOptions& options, const Log& verbose) {
    const auto started = std::chrono::steady_clock::now();
    checkOutput(options);
    ExportResult result;
    result.kind = outputKind(options.out);
    const Interruption interruption;

    // Made now and removed again unless the export wrote into it; locked for as long as we write.
    std::optional<CreatedFolder> createdFolder;
    if (result.kind == OutputKind::PngSequence) createdFolder.emplace(options.out);
    const OutputLock lock(options.out, result.kind == OutputKind::PngSequence);
    result.leftoversRemoved = lock.removeLeftovers().size();

    // A still measures what it draws (StatsScope::still): of a long series, its own change and, for
    // the panel's chart, the other states' areas, not every change between them.
    analysis::StatsScope scope;
    if (result.kind == OutputKind::PngStill && options.at) {
        scope = analysis::StatsScope::still(scenario.timeline.states().size(),
                                            scenario.timeline.indexAt(*options.at), options.map.panel,
                                            options.chartBars.has_value());
    }
    render::OffscreenRenderer renderer(scenario, context, {options.width, options.height},
                                       options.shaderFolder, options.antialiasing, options.map,
                                       render::measureInBackground(scenario, std::move(scope)));
    renderer.renderer().setChartBars(options.chartBars);
    verbose(fmt::format("frame {}x{}, {} samples antialiasing, shaders from {}", options.width,
                        options.height, options.antialiasing, options.shaderFolder.string()));

    if (result.kind == OutputKind::PngStill) {
        writeStill(renderer, options);
        result.frames = 1;
        result.seconds = secondsSince(started);
        return result;
    }

    const std::vector<render::FrameSpec> schedule = buildSchedule(scenario.timeline, options.schedule);
    verbose(fmt::format("{} frames at {} frames/s ({:.1f} s of animation)", schedule.size(),
                        options.schedule.fps, static_cast<double>(schedule.size()) / options.schedule.fps));
    result.frames = schedule.size();
    const Frames frames{renderer, schedule, options, interruption};
    switch (result.kind) {
        case OutputKind::PngSequence:
            result.repeats = writePngSequence(frames, scenario, verbose);
            createdFolder->keep();
            break;
        case OutputKind::Mp4:
            result.repeats = writeMp4(frames);
            break;
        case OutputKind::Gif:
            result.repeats = writeGif(frames);
            break;
        case OutputKind::PngStill:
            break;
    }
    result.seconds = secondsSince(started);
    return result;
}

}  // namespace frontline::exporting
