#pragma once
// The frame times of `frontline view --benchmark`: wall time of each frame as measured by the caller,
// and the CPU time of the whole process (llvmpipe's threads included) since construction, which is
// steadier than wall time on a machine shared with other work.

#include <vector>

namespace frontline::app {

class FrameTimes {
public:
    FrameTimes();

    void add(double millis) { m_millis.push_back(millis); }
    bool empty() const { return m_millis.empty(); }
    // Prints the percentiles, maximum and mean of the frames added and the CPU time per frame.
    void print() const;

private:
    std::vector<double> m_millis;
    double m_cpuStart;
};

}  // namespace frontline::app
