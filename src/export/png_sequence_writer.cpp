#include "export/png_sequence_writer.hpp"

#include "export/png_writer.hpp"

namespace frontline::exporting {

namespace {

// PNG encoding runs beside the renderer; two workers keep up with llvmpipe at 1080p on two cores.
constexpr std::size_t kEncoders = 2;
constexpr std::size_t kQueueDepth = 4;

}  // namespace

PngSequenceWriter::PngSequenceWriter(unsigned width, unsigned height)
    : m_width(width), m_height(height), m_queue(kEncoders, kQueueDepth, [this](Job& job) {
          writePng(job.path, job.pixels.data(), m_width, m_height);
      }) {}

void PngSequenceWriter::push(std::filesystem::path path, const std::uint8_t* rgba) {
    std::vector<std::uint8_t> pixels(rgba, rgba + static_cast<std::size_t>(m_width) * m_height * 4);
    m_queue.push({std::move(path), std::move(pixels)});
}

}  // namespace frontline::exporting
