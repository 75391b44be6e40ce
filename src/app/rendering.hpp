#pragma once
// What the commands that draw (export, view) share: the frame size option and where the shaders are.

#include <filesystem>
#include <string>
#include <utility>

namespace frontline::app {

// "1920x1080" → (1920, 1080). Throws UsageError naming `option` otherwise.
std::pair<unsigned, unsigned> parseSize(const std::string& text, const std::string& option = "--size");
// $FRONTLINE_SHADERS, else shaders/ next to the binary (the build copies it there), else the source tree's.
std::filesystem::path shaderFolder();

}  // namespace frontline::app
