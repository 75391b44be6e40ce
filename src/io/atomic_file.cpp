#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "core/error.hpp"

namespace frontline::io {

namespace {
std::string errnoText() { return std::strerror(errno); }
}  // namespace

void checkReplaceable(const std::filesystem::path& target, const std::filesystem::path& output,
                      const std::string& what) {
    struct stat existing {};
    if (::lstat(target.c_str(), &existing) != 0) return;
    const std::string where = "cannot write '" + (output.empty() ? target : output).string() + "': " + what;
    if (S_ISDIR(existing.st_mode)) throw DataError(where + " is a folder");
    // By the mode bits, not access(): root may write anything, and CI runs as root.
    const bool readOnly = (existing.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
                          (::access(target.c_str(), W_OK) != 0 && errno == EACCES);
    if (S_ISREG(existing.st_mode) && readOnly)
        throw DataError(where + " exists and is read-only (left as it is)");
}

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
    const std::filesystem::path folder = m_target.has_parent_path() ? m_target.parent_path() : ".";
    checkReplaceable(m_target);
    std::string pattern = (folder / ("." + m_target.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    m_fd = ::mkstemp(buffer.data());
    if (m_fd < 0) throw DataError("cannot write '" + m_target.string() + "': " + errnoText());
    m_temporary = buffer.data();
    ::fchmod(m_fd, 0644);
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0) {
        ::close(m_fd);
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
    }
}

void AtomicFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            throw DataError("cannot write '" + m_target.string() + "': " + errnoText());
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
}

void AtomicFile::commit() {
    if (::fsync(m_fd) != 0) throw DataError("cannot write '" + m_target.string() + "': " + errnoText());
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0 || ::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
        const std::string reason = errnoText();
        std::error_code ignored;
        std::filesystem::remove(m_temporary, ignored);
        throw DataError("cannot write '" + m_target.string() + "': " + reason);
    }
}

void commitWrittenFile(const std::filesystem::path& temporary, const std::filesystem::path& target) {
    const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string reason = errnoText();
        if (fd >= 0) ::close(fd);
        throw DataError("cannot write '" + target.string() + "': " + reason);
    }
    ::close(fd);
    if (::rename(temporary.c_str(), target.c_str()) != 0)
        throw DataError("cannot write '" + target.string() + "': " + errnoText());
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    AtomicFile file(path);
    file.write(content);
    file.commit();
}

}  // namespace frontline::io
