#include "export/ffmpeg_writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace frontline::exporting {

FfmpegWriter::FfmpegWriter(const std::filesystem::path& output, unsigned width, unsigned height, double fps,
                           std::vector<std::string> outputArguments, std::vector<std::string> extraInputs)
    : m_output(output), m_frameBytes(static_cast<std::size_t>(width) * height * 4) {
    const std::filesystem::path folder = output.has_parent_path() ? output.parent_path() : ".";
    const std::string stem = "." + output.filename().string() + ".partial-" + std::to_string(getpid());
    m_temporary = folder / (stem + output.extension().string());
    m_logPath = folder / (stem + ".log");

    std::vector<std::string> args{"ffmpeg",     "-hide_banner",
                                  "-nostdin",   "-loglevel",
                                  "error",      "-y",
                                  "-f",         "rawvideo",
                                  "-pix_fmt",   "rgba",
                                  "-s",         fmt::format("{}x{}", width, height),
                                  "-framerate", fmt::format("{}", fps),
                                  "-i",         "pipe:0"};
    args.insert(args.end(), extraInputs.begin(), extraInputs.end());
    args.insert(args.end(), outputArguments.begin(), outputArguments.end());
    args.push_back(m_temporary.string());

    // The log is opened here, not in the child: an unwritable folder is our error to report, and
    // ffmpeg's own complaints must never reach our stderr.
    const int logFd = ::open(m_logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (logFd < 0) throw DataError("cannot write '" + output.string() + "': " + std::strerror(errno));
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        const std::string reason = std::strerror(errno);
        ::close(logFd);
        throw RenderError("cannot start ffmpeg: pipe: " + reason);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t parent = getpid();
    m_pid = fork();
    if (m_pid < 0) {
        const std::string reason = std::strerror(errno);
        ::close(logFd);
        ::close(fds[0]);
        ::close(fds[1]);
        throw RenderError("cannot start ffmpeg: fork: " + reason);
    }
    if (m_pid == 0) {
        // Only async-signal-safe calls between fork and exec. dup2 clears O_CLOEXEC on the copies.
        // Its own process group: Ctrl-C in the terminal goes to frontline, which stops ffmpeg itself.
        setpgid(0, 0);
        // Killed with us, however we die (SIGKILL included): an orphaned ffmpeg would go on to create
        // its partial file after the next export cleared the folder. The check covers our death
        // before prctl.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        dup2(fds[0], STDIN_FILENO);
        dup2(logFd, STDOUT_FILENO);
        dup2(logFd, STDERR_FILENO);
        execvp("ffmpeg", argv.data());
        _exit(127);
    }
    ::close(logFd);
    ::close(fds[0]);
    m_stdin = fds[1];
}

FfmpegWriter::~FfmpegWriter() {
    if (m_stdin >= 0) ::close(m_stdin);
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
    std::filesystem::remove(m_logPath, ignored);
}

std::string FfmpegWriter::log() const {
    std::ifstream in(m_logPath);
    std::stringstream text;
    text << in.rdbuf();
    std::string said = text.str();
    while (!said.empty() && (said.back() == '\n' || said.back() == ' ')) said.pop_back();
    // One line, as every frontline message.
    for (std::size_t at = said.find('\n'); at != std::string::npos; at = said.find('\n', at))
        said.replace(at, 1, "; ");
    if (said.size() > 600) said = "…" + said.substr(said.size() - 600);
    return said.empty() ? "no message" : said;
}

void FfmpegWriter::fail(const std::string& what) {
    if (m_stdin >= 0) ::close(m_stdin);
    m_stdin = -1;
    int status = 0;
    if (m_pid > 0) waitpid(m_pid, &status, 0);
    m_pid = -1;
    std::string reason = log();
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        reason = "the ffmpeg binary was not found (Debian package: ffmpeg)";
    throw RenderError(fmt::format("ffmpeg {} for '{}': {}", what, m_output.string(), reason));
}

void FfmpegWriter::write(const std::uint8_t* rgba) {
    std::size_t done = 0;
    while (done < m_frameBytes) {
        const ssize_t n = ::write(m_stdin, rgba + done, m_frameBytes - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("stopped reading frames");
        done += static_cast<std::size_t>(n);
    }
}

void FfmpegWriter::close() {
    ::close(m_stdin);
    m_stdin = -1;
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_pid = -1;
    // ffmpeg exits 0 even when it could not write the trailer (disk full): at -loglevel error, any
    // message at all means the file is not whole.
    std::error_code error;
    const bool quiet = std::filesystem::file_size(m_logPath, error) == 0 && !error;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !quiet) {
        std::string reason = log();
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            reason = "the ffmpeg binary was not found (Debian package: ffmpeg)";
        for (const char* full : {"No space left on device", "File too large", "Disk quota exceeded"}) {
            if (reason.find(full) != std::string::npos)
                throw DataError(fmt::format("cannot write '{}': {}", m_output.string(), full));
        }
        throw RenderError(fmt::format("ffmpeg failed for '{}': {}", m_output.string(), reason));
    }
    io::commitWrittenFile(m_temporary, m_output);
}

}  // namespace frontline::exporting
