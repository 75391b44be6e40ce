#pragma once
// How far a long export is: a one-line bar with rate and ETA on a terminal; elsewhere (a log, CI, a
// pipe) a "frontline: progress:" line every kLineInterval, so that short runs print nothing.

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace frontline::exporting {

class Progress {
public:
    static constexpr std::chrono::seconds kLineInterval{10};

    // Silent unless `enabled`; a bar when `stream` is a terminal, lines otherwise.
    Progress(std::size_t total, bool enabled, std::FILE* stream = stderr);
    void update(std::size_t done);
    // Clears the line.
    void finish();

private:
    std::size_t m_total;
    bool m_shown;
    bool m_terminal;
    std::FILE* m_stream;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
};

}  // namespace frontline::exporting
