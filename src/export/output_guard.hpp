#pragma once
// What keeps an export's output honest between runs: one export at a time writes into a place, and
// what a killed export left there (temporary frames, ffmpeg's partial file and log, a GIF palette) is
// found and removed by the next one.

#include <filesystem>
#include <string>
#include <vector>

namespace frontline::exporting {

// An advisory lock (flock) on an output for the life of the object: a folder of PNGs is locked by
// FOLDER/.frontline-lock, a file by .NAME.frontline-lock beside it. The kernel drops the lock when the
// process dies, however it dies, so a lock is never stale; the lock file is removed on destruction.
class OutputLock {
public:
    // Throws DataError when another process holds the lock (naming its pid) or the lock file cannot
    // be made.
    OutputLock(const std::filesystem::path& out, bool isFolder);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

    // Removes the temporaries an export into this output leaves only when it is killed (SIGKILL, a
    // power cut): with the lock held, no live export is writing them. Returns what was removed.
    std::vector<std::filesystem::path> removeLeftovers() const;

private:
    std::filesystem::path m_out;
    std::filesystem::path m_lockPath;
    bool m_isFolder;
    int m_fd = -1;
};

// A folder made for an output, removed again (if still empty) unless kept: a refused or failed export
// leaves no empty folder behind. Folders that existed before are never removed.
class CreatedFolder {
public:
    // Throws DataError when the folder cannot be created.
    explicit CreatedFolder(const std::filesystem::path& folder);
    ~CreatedFolder();
    CreatedFolder(const CreatedFolder&) = delete;
    CreatedFolder& operator=(const CreatedFolder&) = delete;

    void keep() { m_created.clear(); }

private:
    void removeEmptyCreated();

    std::vector<std::filesystem::path> m_created;  // innermost first
};

// The names of temporaries an export into `out` makes (exposed for tests): whether `name`, an entry of
// the output's folder, is one of them.
bool isExportTemporary(const std::string& name, const std::filesystem::path& out, bool isFolder);

}  // namespace frontline::exporting
