#include "export/interruption.hpp"

#include <signal.h>

#include <csignal>

namespace frontline::exporting {

namespace {

volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_previousInt {};
struct sigaction g_previousTerm {};

extern "C" void onSignal(int signal) {
    // A second Ctrl-C while the export is winding down is the user insisting: give up at once.
    if (g_signal != 0) {
        ::signal(signal, SIG_DFL);
        ::raise(signal);
    }
    g_signal = signal;
}

}  // namespace

Interruption::Interruption() {
    g_signal = 0;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    // Restarted system calls: a signal must not turn a write() of a frame into an error.
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &g_previousInt);
    sigaction(SIGTERM, &action, &g_previousTerm);
}

Interruption::~Interruption() {
    sigaction(SIGINT, &g_previousInt, nullptr);
    sigaction(SIGTERM, &g_previousTerm, nullptr);
}

int Interruption::signal() const { return g_signal; }

const char* signalName(int signal) {
    if (signal == SIGINT) return "SIGINT";
    if (signal == SIGTERM) return "SIGTERM";
    return "a signal";
}

}  // namespace frontline::exporting
