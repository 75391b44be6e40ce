#pragma once
// A folder of GDAL's in-memory file system (/vsimem/), removed with all it holds. Internal to io/.

#include <atomic>
#include <string>

namespace frontline::io {

// Owns a fresh folder below /vsimem/ from construction to destruction (VSIRmdirRecursive); any thread.
class MemoryFolder {
public:
    MemoryFolder();
    ~MemoryFolder();
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;

    const std::string& path() const { return m_path; }

private:
    // /vsimem/ is one file system for the whole process: each writer, on any thread, gets its own folder.
    static inline std::atomic<unsigned> s_counter{0};
    std::string m_path;
};

}  // namespace frontline::io
