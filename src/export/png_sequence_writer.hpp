#pragma once
// A PNG sequence's frames, encoded by worker threads beside the renderer: push() hands over a copy of a
// frame and its path and waits while the queue is full; the first failure of a worker is rethrown by
// the next push() or by finish(). Not for use from several threads at once.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "export/work_queue.hpp"

namespace frontline::exporting {

class PngSequenceWriter {
public:
    // Frames of `width`×`height` RGBA pixels.
    PngSequenceWriter(unsigned width, unsigned height);

    void push(std::filesystem::path path, const std::uint8_t* rgba);
    // Waits for every frame handed over; throws the first failure.
    void finish() { m_queue.finish(); }

private:
    struct Job {
        std::filesystem::path path;
        std::vector<std::uint8_t> pixels;
    };

    unsigned m_width, m_height;
    WorkQueue<Job> m_queue;  // last: its workers use the sizes
};

}  // namespace frontline::exporting
