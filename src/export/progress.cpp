#include "export/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <string>
#include <utility>

namespace frontline::exporting {

Progress::Progress(std::size_t total, bool enabled, std::FILE* stream, std::string unit)
    : m_total(total),
      m_unit(std::move(unit)),
      m_shown(enabled),
      m_terminal(isatty(fileno(stream)) != 0),
      m_stream(stream),
      m_start(std::chrono::steady_clock::now()),
      m_lastDraw(m_start) {}

void Progress::update(std::size_t done) {
    if (!m_shown) return;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    const double fraction = m_total ? static_cast<double>(done) / static_cast<double>(m_total) : 1;
    if (!m_terminal) {
        if (done >= m_total || now - m_lastDraw < kLineInterval) return;
        m_lastDraw = now;
        const auto eta = static_cast<long>(rate > 0 ? static_cast<double>(m_total - done) / rate : 0);
        fmt::print(m_stream, "frontline: progress: {}/{} {} ({:.0f}%), {:.1f} {}/s, about {}:{:02d} left\n",
                   done, m_total, m_unit, fraction * 100, rate, m_unit, eta / 60, eta % 60);
        std::fflush(m_stream);
        return;
    }
    if (done < m_total && now - m_lastDraw < std::chrono::milliseconds(100)) return;
    m_lastDraw = now;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    const auto eta = static_cast<long>(rate > 0 ? static_cast<double>(m_total - done) / rate : 0);
    fmt::print(m_stream, "\r[{}{}] {}/{} {:3.0f}% {:5.1f} {}/s ETA {}:{:02d} ",
               std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(kWidth - filled), '.'), done, m_total, fraction * 100,
               rate, m_unit, eta / 60, eta % 60);
    std::fflush(m_stream);
}

void Progress::advance() {
    std::lock_guard lock(m_mutex);
    update(++m_done);
}

void Progress::finish() {
    if (!m_shown || !m_terminal) return;
    fmt::print(m_stream, "\r{}\r", std::string(90, ' '));
    std::fflush(m_stream);
}

}  // namespace frontline::exporting
