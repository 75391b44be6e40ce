#pragma once
// Helpers for the libFuzzer targets: the manifest readers take paths, so each input is written to one
// file in a private folder first (under $FRONTLINE_FUZZ_SCRATCH, else /dev/shm or the temp folder).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace frontline::fuzz {

inline const std::filesystem::path& scratchFolder() {
    static const std::filesystem::path folder = [] {
        std::error_code error;
        // scripts/fuzz.sh names a folder it removes afterwards; run by hand, /dev/shm keeps it off disk.
        const char* given = std::getenv("FRONTLINE_FUZZ_SCRATCH");
        std::filesystem::path base = given && *given ? std::filesystem::path(given)
                                     : std::filesystem::is_directory("/dev/shm", error)
                                         ? std::filesystem::path("/dev/shm")
                                         : std::filesystem::temp_directory_path();
        auto path = base / ("frontline-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

inline std::filesystem::path writeInput(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const auto path = scratchFolder() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

}  // namespace frontline::fuzz
