#pragma once
// PNG encoding with libpng: 8-bit RGB, no time or text chunks, so equal pixels give equal bytes.

#include <cstdint>
#include <filesystem>
#include <string>

namespace frontline::exporting {

// Encodes `width`×`height` RGBA pixels (rows top to bottom) as an RGB PNG; alpha is dropped (frames are
// opaque). zlib level 1 with the Sub filter: map frames compress well and encoding stays fast.
// Throws RenderError with libpng's message.
std::string encodePng(const std::uint8_t* rgba, unsigned width, unsigned height);

// Encodes and writes atomically (temporary file + rename). Throws DataError/RenderError.
void writePng(const std::filesystem::path& path, const std::uint8_t* rgba, unsigned width, unsigned height);

}  // namespace frontline::exporting
