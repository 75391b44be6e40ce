#pragma once
// How far long work is (an export's frames, a series' files, stats' states): a one-line bar with rate and
// ETA on a terminal; elsewhere (a log, CI, a pipe) a "frontline: progress:" line every kLineInterval, so
// that short runs print nothing.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace frontline::exporting {

class Progress {
public:
    static constexpr std::chrono::seconds kLineInterval{10};

    // Silent unless `enabled`; a bar when `stream` is a terminal, lines otherwise. `unit` names what is
    // counted ("frames", "files", "states").
    Progress(std::size_t total, bool enabled, std::FILE* stream = stderr, std::string unit = "frames");
    void update(std::size_t done);
    // One more done; for workers on several threads (update() is for one).
    void advance();
    // Clears the line.
    void finish();

private:
    std::size_t m_total;
    std::string m_unit;
    std::mutex m_mutex;  // guards m_done and the drawing for advance()
    std::size_t m_done = 0;
    bool m_shown;
    bool m_terminal;
    std::FILE* m_stream;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
};

}  // namespace frontline::exporting
