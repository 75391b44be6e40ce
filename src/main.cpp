#include <csignal>
#include <cstdlib>  // defines __GLIBC__ on glibc

#include "app/cli.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // GDAL's GeoJSON reader and GEOS's overlays allocate and free megabytes per file. With glibc's
    // default padding each worker's heap grows and shrinks by small steps, a system call and fresh
    // zeroed pages each time; padding by 32 MiB measured 0.96 → 0.83 s on `series` over 100 files
    // (bench/RESULTS.md), for ~5 MB more peak RSS.
    mallopt(M_TOP_PAD, 32 << 20);
    // TODO(#16): the viewer's mallopt (M_MMAP_THRESHOLD, M_TRIM_THRESHOLD in Viewer's constructor)
    // belongs here too, for `view` only; it moves with the viewer split.
#endif
    // A closed pipe (a dead ffmpeg under `export`, a reader of stdout that went away) must show up as
    // EPIPE from write(), not kill frontline mid-write: a dead ffmpeg is an error (exit 2), a reader of
    // stdout that went away ends the run quietly with 141 (app/cli.cpp). Process-wide, so set once here
    // rather than by whichever writer happens to start first.
    std::signal(SIGPIPE, SIG_IGN);
    return frontline::app::run(argc, argv);
}
