#include "app/rendering.hpp"

#include <cstdio>
#include <cstdlib>

#include "core/error.hpp"

namespace frontline::app {

std::pair<unsigned, unsigned> parseSize(const std::string& text, const std::string& option) {
    unsigned width = 0, height = 0;
    char x = 0, rest = 0;
    if (std::sscanf(text.c_str(), "%u%c%u%c", &width, &x, &height, &rest) != 3 || (x != 'x' && x != 'X')) {
        throw UsageError(option + " '" + text + "' is not WIDTHxHEIGHT, e.g. 1920x1080");
    }
    return {width, height};
}

std::filesystem::path shaderFolder() {
    if (const char* given = std::getenv("FRONTLINE_SHADERS"); given && *given) return given;
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error && std::filesystem::exists(exe.parent_path() / "shaders" / "transition.frag")) return exe.parent_path() / "shaders";
    return std::filesystem::path(FRONTLINE_SOURCE_DIR) / "shaders";
}

}  // namespace frontline::app
