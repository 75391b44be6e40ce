#include "export/output_guard.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace frontline::exporting {

namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::string readPid(int fd) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid;
}

}  // namespace

bool isExportTemporary(const std::string& name, const std::filesystem::path& out, bool isFolder) {
    if (isFolder) {
        // io::AtomicFile's ".frame_00042.png.tmp-XXXXXX" and the record's ".frontline-export.tmp-XXXXXX".
        return (startsWith(name, ".frame_") || startsWith(name, ".frontline-export.")) &&
               name.find(".tmp-") != std::string::npos;
    }
    const std::string file = out.filename().string();
    // AtomicFile: ".NAME.tmp-XXXXXX"; FfmpegWriter: ".NAME.partial-PID.EXT" and ".NAME.partial-PID.log";
    // a GIF's palette ".NAME.palette.png" and that file's own temporaries "..NAME.palette.png.…".
    const std::string own = "." + file + ".";
    if (startsWith(name, own)) {
        const std::string rest = name.substr(own.size());
        return startsWith(rest, "tmp-") || startsWith(rest, "partial-") || rest == "palette.png";
    }
    const std::string palette = ".." + file + ".palette.png.";
    if (startsWith(name, palette)) {
        const std::string rest = name.substr(palette.size());
        return startsWith(rest, "tmp-") || startsWith(rest, "partial-");
    }
    return false;
}

OutputLock::OutputLock(const std::filesystem::path& out, bool isFolder) : m_out(out), m_isFolder(isFolder) {
    const std::filesystem::path folder = isFolder ? out : (out.has_parent_path() ? out.parent_path() : ".");
    m_lockPath =
        isFolder ? folder / ".frontline-lock" : folder / ("." + out.filename().string() + ".frontline-lock");
    // The lock file may be removed by its holder between our open and our flock; then we hold a lock on
    // a file nobody else will see, so try again until the file we locked is the one at the path.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(m_lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw DataError("cannot write '" + out.string() + "': " + std::strerror(errno) +
                            " (its lock file)");
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            const std::string pid = readPid(fd);
            ::close(fd);
            if (error == EWOULDBLOCK) {
                throw DataError("'" + out.string() + "' is being written by another export" +
                                (pid.empty() ? std::string() : " (process " + pid + ")") +
                                "; wait for it to end or choose another --out");
            }
            throw DataError("cannot lock '" + out.string() + "': " + std::strerror(error));
        }
        struct stat locked {
        }, atPath{};
        if (::fstat(fd, &locked) == 0 && ::stat(m_lockPath.c_str(), &atPath) == 0 &&
            locked.st_ino == atPath.st_ino && locked.st_dev == atPath.st_dev) {
            const std::string pid = std::to_string(::getpid()) + "\n";
            if (::ftruncate(fd, 0) == 0) {
                [[maybe_unused]] const ssize_t written = ::pwrite(fd, pid.data(), pid.size(), 0);
            }
            m_fd = fd;
            return;
        }
        ::close(fd);
    }
    throw DataError("cannot lock '" + out.string() + "': its lock file keeps being replaced");
}

OutputLock::~OutputLock() {
    if (m_fd < 0) return;
    // Removed while still held, so that no one locks the file we are about to give up.
    ::unlink(m_lockPath.c_str());
    ::close(m_fd);
}

std::vector<std::filesystem::path> OutputLock::removeLeftovers() const {
    const std::filesystem::path folder =
        m_isFolder ? m_out : (m_out.has_parent_path() ? m_out.parent_path() : ".");
    std::vector<std::filesystem::path> removed;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (!isExportTemporary(name, m_out, m_isFolder) || !entry.is_regular_file(error)) continue;
        if (std::filesystem::remove(entry.path(), error)) removed.push_back(entry.path());
        if (error)
            throw DataError("cannot remove '" + entry.path().string() +
                            "', left by an interrupted export: " + error.message());
    }
    if (error) throw DataError("cannot list the folder '" + folder.string() + "': " + error.message());
    return removed;
}

CreatedFolder::CreatedFolder(const std::filesystem::path& folder) {
    std::filesystem::path missing = folder;
    std::error_code error;
    while (!missing.empty() && !std::filesystem::exists(missing, error)) {
        m_created.push_back(missing);
        if (!missing.has_parent_path() || missing.parent_path() == missing) break;
        missing = missing.parent_path();
    }
    std::filesystem::create_directories(folder, error);
    if (error) {
        removeEmptyCreated();
        throw DataError("cannot create the folder '" + folder.string() + "': " + error.message());
    }
}

CreatedFolder::~CreatedFolder() { removeEmptyCreated(); }

void CreatedFolder::removeEmptyCreated() {
    std::error_code ignored;
    // remove() refuses a folder that is not empty, which is what we want.
    for (const auto& folder : m_created) {
        if (!std::filesystem::remove(folder, ignored)) break;
    }
    m_created.clear();
}

}  // namespace frontline::exporting
