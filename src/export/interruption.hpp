#pragma once
// SIGINT and SIGTERM during an export: while an Interruption is alive, either signal only sets a flag
// that the frame loop reads between frames, so that the export can stop cleanly (finish the frames in
// flight, remove temporaries, say how far it got). The previous handlers come back on destruction.
// One at a time per process (signal dispositions are process-wide); not copyable.

namespace frontline::exporting {

class Interruption {
public:
    Interruption();
    ~Interruption();
    Interruption(const Interruption&) = delete;
    Interruption& operator=(const Interruption&) = delete;

    // The signal received (SIGINT, SIGTERM), or 0.
    int signal() const;
};

// "SIGINT", "SIGTERM" or "signal N".
const char* signalName(int signal);

}  // namespace frontline::exporting
