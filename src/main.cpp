#include <csignal>
#include <cstdlib>  // defines __GLIBC__ on glibc
#include <cstring>

#include "app/cli.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// Whether the subcommand is `view`: the first word that is neither an option nor the value of one of
// the shared options that take one (app/cli.cpp: --format, --edges).
[[maybe_unused]] bool runsViewer(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format") == 0 || std::strcmp(argv[i], "--edges") == 0) {
            ++i;
        } else if (argv[i][0] != '-') {
            return std::strcmp(argv[i], "view") == 0;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // GDAL's GeoJSON reader and GEOS's overlays allocate and free megabytes per file. With glibc's
    // default padding each worker's heap grows and shrinks by small steps, a system call and fresh
    // zeroed pages each time; padding by 32 MiB measured 0.96 → 0.83 s on `series` over 100 files
    // (bench/RESULTS.md), for ~5 MB more peak RSS.
    mallopt(M_TOP_PAD, 32 << 20);
    if (runsViewer(argc, argv)) {
        // Mesa's software rasterizer allocates and frees large blocks every frame; by default glibc hands
        // them back to the kernel and the next frame faults the pages in again (~15 % of the CPU time of
        // a 1080p frame). Keeping freed memory in the process avoids that. Only for `view`: the other
        // commands would keep up to a GiB of freed memory for nothing (`export` renders offscreen, one
        // frame at a time, and was never given these settings).
        mallopt(M_MMAP_THRESHOLD, 256 << 20);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    }
#endif
    // A closed pipe (a dead ffmpeg under `export`, a reader of stdout that went away) must show up as
    // EPIPE from write(), not kill frontline mid-write: a dead ffmpeg is an error (exit 2), a reader of
    // stdout that went away ends the run quietly with 141 (app/cli.cpp). Process-wide, so set once here
    // rather than by whichever writer happens to start first.
    std::signal(SIGPIPE, SIG_IGN);
    return frontline::app::run(argc, argv);
}
