#include "export/virtual_display.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include "core/error.hpp"

// Last: Xlib defines macros (None, Status, Bool) that must not reach the headers above.
#include <X11/Xlib.h>

namespace frontline::exporting {

namespace {

// Xvfb answers on the displayfd pipe once it accepts connections; a slow machine needs a few seconds.
constexpr int kStartTimeoutMs = 20000;

// A connection to a display that exists can be refused for a moment: seen twice in full test runs
// (once under the sanitizer build, once in the plain one), each time one `frontline export` of many
// got "Failed to open X11 display" from SFML, which then aborts the process (exit 134), while the
// same display served the processes before and after it. The XOpenDisplay below (see the end of this
// file) tries again for this long before it gives up.
constexpr int kConnectAttempts = 8;
constexpr int kFirstRetryMs = 50;  // doubled each time: 50 ms … 3.2 s, 6.35 s in all

// An Xvfb process started, whose display number is still to be read from `readEnd`.
struct PendingXvfb {
    pid_t pid = -1;
    int readEnd = -1;
};

// Forks and execs Xvfb, without waiting for it. Must run on the main thread: PR_SET_PDEATHSIG fires when
// the forking *thread* ends, not the process.
PendingXvfb launchXvfb() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw RenderError(std::string("cannot start Xvfb: pipe: ") + std::strerror(errno));
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) throw RenderError(std::string("cannot start Xvfb: fork: ") + std::strerror(errno));
    if (pid == 0) {
        // Child: only async-signal-safe calls until exec.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        // Its own process group: Ctrl-C in the terminal must not take the display away mid-frame.
        setpgid(0, 0);
        if (getppid() != parent) _exit(127);
        const int devNull = open("/dev/null", O_RDWR);
        if (devNull >= 0) {
            dup2(devNull, STDIN_FILENO);
            dup2(devNull, STDOUT_FILENO);
            dup2(devNull, STDERR_FILENO);
        }
        // The write end must survive exec; it is the only descriptor Xvfb writes its number to.
        const int writeEnd = dup(fds[1]);
        char fdText[16];
        int n = 0;
        for (int v = writeEnd;; v /= 10) {
            fdText[n++] = static_cast<char>('0' + v % 10);
            if (v < 10) break;
        }
        for (int i = 0; i < n / 2; ++i) std::swap(fdText[i], fdText[n - 1 - i]);
        fdText[n] = '\0';
        execlp("Xvfb", "Xvfb", "-displayfd", fdText, "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
               "-terminate", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    return {pid, fds[0]};
}

// Waits for Xvfb's display number and sets $DISPLAY to it.
std::string awaitXvfb(PendingXvfb xvfb) {
    const pid_t pid = xvfb.pid;
    std::string number;
    pollfd poller{xvfb.readEnd, POLLIN, 0};
    while (number.find('\n') == std::string::npos) {
        const int ready = poll(&poller, 1, kStartTimeoutMs);
        char buffer[32];
        const ssize_t got = ready > 0 ? read(xvfb.readEnd, buffer, sizeof buffer) : -1;
        if (got <= 0) break;
        number.append(buffer, static_cast<std::size_t>(got));
    }
    close(xvfb.readEnd);
    while (!number.empty() && (number.back() == '\n' || number.back() == ' ')) number.pop_back();
    if (number.empty()) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == 0) kill(pid, SIGTERM);
        waitpid(pid, &status, 0);
        throw RenderError("no DISPLAY and Xvfb did not start (is the xvfb package installed?)");
    }
    const std::string display = ":" + number;
    setenv("DISPLAY", display.c_str(), 1);
    return "no DISPLAY set: started Xvfb (pid " + std::to_string(pid) + ") on " + display;
}

// Opens and closes a connection to $DISPLAY, as SFML will (XOpenDisplay below tries again while the
// server refuses), so that a display that cannot be reached is a message and not SFML's abort.
void awaitConnection() {
    const char* name = std::getenv("DISPLAY");
    const std::string display = name ? name : "";
    if (Display* connection = XOpenDisplay(display.c_str())) {
        XCloseDisplay(connection);
        return;
    }
    throw RenderError("cannot connect to the X display '" + display + "' (DISPLAY) after " +
                      std::to_string(kConnectAttempts) +
                      " attempts in 6 s: is its server running, and may this user connect? Unset DISPLAY "
                      "and frontline starts its own Xvfb");
}

std::mutex displayMutex;
std::string startedDisplay;          // guarded by displayMutex
std::optional<PendingXvfb> pending;  // guarded by displayMutex

}  // namespace

void startDisplay() {
    std::lock_guard lock(displayMutex);
    if (!startedDisplay.empty() || pending) return;
    const char* display = std::getenv("DISPLAY");
    if (display && *display) return;
    pending = launchXvfb();
}

std::string ensureDisplay() {
    std::lock_guard lock(displayMutex);
    if (!startedDisplay.empty()) return startedDisplay;
    if (!pending) {
        const char* display = std::getenv("DISPLAY");
        if (display && *display) {
            awaitConnection();
            return std::string("using DISPLAY ") + display;
        }
        pending = launchXvfb();
    }
    const PendingXvfb xvfb = *pending;
    pending.reset();
    startedDisplay = awaitXvfb(xvfb);
    return startedDisplay;
}

}  // namespace frontline::exporting

// SFML 2.5 opens its display with XOpenDisplay and calls std::abort() when that fails once. This
// definition takes the place of libX11's for the whole process (the executable's symbol comes first
// in the dynamic lookup, for SFML's call too) and calls libX11's, trying again while it fails. A display
// that is not there costs the 6.35 s of retries before the error.
extern "C" Display* XOpenDisplay(const char* name) {
    using Open = Display* (*)(const char*);
    static const Open real = reinterpret_cast<Open>(dlsym(RTLD_NEXT, "XOpenDisplay"));
    if (!real) return nullptr;
    int waitMs = frontline::exporting::kFirstRetryMs;
    for (int attempt = 1;; ++attempt) {
        if (Display* display = real(name)) return display;
        if (attempt == frontline::exporting::kConnectAttempts) return nullptr;
        std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
        waitMs *= 2;
    }
}
