#include "export/png_sequence_writer.hpp"

#include <stdexcept>

#include "export/png_writer.hpp"
#include "io/atomic_file.hpp"

namespace frontline::exporting {

namespace {

// PNG encoding runs beside the renderer; two workers keep up with llvmpipe at 1080p on two cores.
constexpr std::size_t kEncoders = 2;
constexpr std::size_t kQueueDepth = 4;

}  // namespace

PngSequenceWriter::PngSequenceWriter(unsigned width, unsigned height)
    : m_width(width), m_height(height), m_queue(kEncoders, kQueueDepth, [this](Job& job) { write(job); }) {}

void PngSequenceWriter::push(std::filesystem::path path, const std::uint8_t* rgba) {
    m_last = std::make_shared<Frame>();
    m_last->pixels.assign(rgba, rgba + static_cast<std::size_t>(m_width) * m_height * 4);
    m_queue.push({std::move(path), m_last});
}

void PngSequenceWriter::pushRepeat(std::filesystem::path path) {
    if (!m_last) throw std::logic_error("PngSequenceWriter::pushRepeat before any frame");
    m_queue.push({std::move(path), m_last});
}

void PngSequenceWriter::write(Job& job) const {
    Frame& frame = *job.frame;
    // call_once orders the encoding before every other worker's read of the bytes.
    std::call_once(frame.encoded, [&] {
        frame.png = encodePng(frame.pixels.data(), m_width, m_height);
        frame.pixels = {};
    });
    io::writeFileAtomically(job.path, frame.png);
}

}  // namespace frontline::exporting
