#include "app/viewer_frame_times.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace frontline::app {

namespace {

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

FrameTimes::FrameTimes() : m_cpuStart(cpuSeconds()) {}

void FrameTimes::print() const {
    const double cpuMillis = (cpuSeconds() - m_cpuStart) * 1000.0 / static_cast<double>(m_millis.size());
    std::vector<double> sorted = m_millis;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) {
        const auto index =
            static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size()))) - 1;
        return sorted[std::min(sorted.size() - 1, index)];
    };
    const double mean =
        std::accumulate(m_millis.begin(), m_millis.end(), 0.0) / static_cast<double>(m_millis.size());
    fmt::print(
        "frame time ms: p50 {:.2f}  p95 {:.2f}  p99 {:.2f}  max {:.2f}  mean {:.2f}  ({:.1f} frames/s at the "
        "mean)\n",
        percentile(50), percentile(95), percentile(99), sorted.back(), mean, 1000.0 / mean);
    fmt::print("cpu time per frame: {:.2f} ms (all threads)\n", cpuMillis);
    std::fflush(stdout);
}

}  // namespace frontline::app
