#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace frontline::io {

// A file that appears complete or not at all: written to a temporary name in the same folder, then
// flushed and renamed over the target by commit(). Destroyed uncommitted, the temporary is removed.
class AtomicFile {
public:
    // Throws DataError naming the path when the folder is not writable.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    // Flush, sync and rename; throws DataError (e.g. disk full) and leaves the target untouched.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    int m_fd = -1;
};

// Throws DataError when `target` exists and must not be replaced: a folder, or a file made read-only
// (rename() would replace it regardless; only the folder's permission counts). The message names
// `output` (default: the target) and calls the target `what` ("it", or "its sidecar 'x.dbf'").
void checkReplaceable(const std::filesystem::path& target, const std::filesystem::path& output = {},
                      const std::string& what = "it");

// A file another library wrote whole under a temporary name in the target's folder (a video from
// libavformat or ffmpeg) synced to disk and renamed over `target`, as AtomicFile::commit does. Throws
// DataError naming the target; the temporary is then left for its writer to remove.
void commitWrittenFile(const std::filesystem::path& temporary, const std::filesystem::path& target);

// Writes `content` to `path` atomically.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

}  // namespace frontline::io
