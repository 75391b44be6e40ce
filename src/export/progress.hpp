#pragma once
// A one-line progress bar with rate and ETA on a terminal; silent otherwise.

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace frontline::exporting {

class Progress {
public:
    // Shown only when `enabled` and `stream` is a terminal.
    Progress(std::size_t total, bool enabled, std::FILE* stream = stderr);
    void update(std::size_t done);
    // Clears the line.
    void finish();

private:
    std::size_t m_total;
    bool m_shown;
    std::FILE* m_stream;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
};

}  // namespace frontline::exporting
