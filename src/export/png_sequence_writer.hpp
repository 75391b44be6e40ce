#pragma once
// A PNG sequence's frames, encoded by worker threads beside the renderer: push() hands over a copy of a
// frame and its path and waits while the queue is full; the first failure of a worker is rethrown by
// the next push() or by finish(). Not for use from several threads at once.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

namespace frontline::exporting {

class PngSequenceWriter {
public:
    // Frames of `width`×`height` RGBA pixels.
    PngSequenceWriter(unsigned width, unsigned height);
    // Finishes the frames handed over, swallowing their errors (call finish() to see them).
    ~PngSequenceWriter();
    PngSequenceWriter(const PngSequenceWriter&) = delete;
    PngSequenceWriter& operator=(const PngSequenceWriter&) = delete;

    void push(std::filesystem::path path, const std::uint8_t* rgba);
    // Waits for every frame handed over; throws the first failure.
    void finish();

private:
    struct Job {
        std::filesystem::path path;
        std::vector<std::uint8_t> pixels;
    };
    void work();
    void stop();

    unsigned m_width, m_height;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<Job> m_jobs;
    std::vector<std::thread> m_workers;
    std::exception_ptr m_error;
    bool m_done = false;
};

}  // namespace frontline::exporting
