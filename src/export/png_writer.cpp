#include "export/png_writer.hpp"

#include <png.h>
#include <zlib.h>

#include <vector>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace frontline::exporting {

namespace {

struct WriteState {
    std::string bytes;
    std::string error;
};

void onWrite(png_structp png, png_bytep data, png_size_t length) {
    auto* state = static_cast<WriteState*>(png_get_io_ptr(png));
    state->bytes.append(reinterpret_cast<const char*>(data), length);
}

void onFlush(png_structp) {}

[[noreturn]] void onError(png_structp png, png_const_charp message) {
    auto* state = static_cast<WriteState*>(png_get_error_ptr(png));
    state->error = message ? message : "unknown libpng error";
    png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {}

// Owns the write struct and its info struct.
struct PngWriteDeleter {
    png_infop* info;
    void operator()(png_structp png) const { png_destroy_write_struct(&png, info); }
};

}  // namespace

std::string encodePng(const std::uint8_t* rgba, unsigned width, unsigned height) {
    WriteState state;
    png_infop info = nullptr;
    std::unique_ptr<png_struct, PngWriteDeleter> png(
        png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, onError, onWarning), PngWriteDeleter{&info});
    if (!png) throw RenderError("libpng: cannot create a write struct");
    info = png_create_info_struct(png.get());
    if (!info) throw RenderError("libpng: cannot create an info struct");
    std::vector<png_byte> row(static_cast<std::size_t>(width) * 3);
    // libpng reports errors by longjmp; nothing with a destructor may be created between here and the end.
    if (setjmp(png_jmpbuf(png.get()))) throw RenderError("libpng: " + state.error);
    png_set_write_fn(png.get(), &state, onWrite, onFlush);
    png_set_IHDR(png.get(), info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png.get(), Z_BEST_SPEED);
    png_set_filter(png.get(), PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_write_info(png.get(), info);
    for (unsigned y = 0; y < height; ++y) {
        const std::uint8_t* source = rgba + static_cast<std::size_t>(y) * width * 4;
        for (unsigned x = 0; x < width; ++x) {
            row[x * 3] = source[x * 4];
            row[x * 3 + 1] = source[x * 4 + 1];
            row[x * 3 + 2] = source[x * 4 + 2];
        }
        png_write_row(png.get(), row.data());
    }
    png_write_end(png.get(), nullptr);
    return std::move(state.bytes);
}

void writePng(const std::filesystem::path& path, const std::uint8_t* rgba, unsigned width, unsigned height) {
    io::writeFileAtomically(path, encodePng(rgba, width, height));
}

}  // namespace frontline::exporting
