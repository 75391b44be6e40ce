#pragma once
// A PNG sequence's frames, encoded by worker threads beside the renderer: push() hands over a copy of a
// frame and its path and waits while the queue is full; the first failure of a worker is rethrown by
// the next push() or by finish(). A frame that repeats the one before (pushRepeat) is not encoded again:
// its file gets the same bytes. Not for use from several threads at once.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "export/work_queue.hpp"

namespace frontline::exporting {

class PngSequenceWriter {
public:
    // Frames of `width`×`height` RGBA pixels.
    PngSequenceWriter(unsigned width, unsigned height);

    void push(std::filesystem::path path, const std::uint8_t* rgba);
    // The frame last pushed again, under `path`; std::logic_error (a programming error) before any.
    void pushRepeat(std::filesystem::path path);
    // Waits for every frame handed over; throws the first failure.
    void finish() { m_queue.finish(); }

private:
    // One drawn frame, encoded once by whichever worker comes first, for all the files showing it.
    struct Frame {
        std::vector<std::uint8_t> pixels;
        std::once_flag encoded;
        std::string png;
    };
    struct Job {
        std::filesystem::path path;
        std::shared_ptr<Frame> frame;
    };
    void write(Job& job) const;

    unsigned m_width, m_height;
    std::shared_ptr<Frame> m_last;
    WorkQueue<Job> m_queue;  // last: its workers use the rest
};

}  // namespace frontline::exporting
