#include "export/png_sequence_writer.hpp"

#include "export/png_writer.hpp"

namespace frontline::exporting {

namespace {

// PNG encoding runs beside the renderer; two workers keep up with llvmpipe at 1080p on two cores.
constexpr std::size_t kEncoders = 2;
constexpr std::size_t kQueueDepth = 4;

}  // namespace

PngSequenceWriter::PngSequenceWriter(unsigned width, unsigned height) : m_width(width), m_height(height) {
    for (std::size_t i = 0; i < kEncoders; ++i) m_workers.emplace_back([this] { work(); });
}

PngSequenceWriter::~PngSequenceWriter() { stop(); }

void PngSequenceWriter::push(std::filesystem::path path, const std::uint8_t* rgba) {
    std::vector<std::uint8_t> pixels(rgba, rgba + static_cast<std::size_t>(m_width) * m_height * 4);
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [this] { return m_jobs.size() < kQueueDepth || m_error; });
    if (m_error) std::rethrow_exception(m_error);
    m_jobs.push_back({std::move(path), std::move(pixels)});
    m_ready.notify_one();
}

void PngSequenceWriter::finish() {
    stop();
    if (m_error) std::rethrow_exception(m_error);
}

void PngSequenceWriter::work() {
    while (true) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return !m_jobs.empty() || m_done; });
            if (m_jobs.empty()) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_space.notify_one();
        }
        try {
            writePng(job.path, job.pixels.data(), m_width, m_height);
        } catch (...) {
            std::lock_guard lock(m_mutex);
            if (!m_error) m_error = std::current_exception();
            m_space.notify_all();
        }
    }
}

void PngSequenceWriter::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_ready.notify_all();
    for (auto& worker : m_workers)
        if (worker.joinable()) worker.join();
}

}  // namespace frontline::exporting
