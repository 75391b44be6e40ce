#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace frontline::test {

// An empty folder under the system's temporary folder, named after `tag` and this process, removed
// with all it holds.
class TemporaryFolder {
public:
    explicit TemporaryFolder(const std::string& tag)
        : m_path(std::filesystem::temp_directory_path() /
                 ("frontline-" + tag + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace frontline::test
