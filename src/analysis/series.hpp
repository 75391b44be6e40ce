#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/change.hpp"
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "geo/thread_context.hpp"

namespace frontline::analysis {

// One snapshot of a time series: the held area on one date.
struct Snapshot {
    Date date;
    std::string label;              // where it came from (a file name), for messages
    Geometry heldLonLat;            // dissolved polygons
    std::optional<double> frontKm;  // the line of contact's length, when the loader classified the outline
};

// Loads snapshot i. Called from worker threads, each with its own contexts and diagnostics.
using SnapshotLoader =
    std::function<Snapshot(std::size_t index, geo::ThreadContext& context, Diagnostics& diagnostics)>;

struct SeriesRow {
    Date date;
    double areaKm2 = 0;
    std::optional<double> gainedKm2;  // relative to the previous date; absent on the first row
    std::optional<double> lostKm2;
    std::optional<double> netKm2;
    double closureKm2 = 0;  // of all pieces, slivers included
    std::optional<double> frontKm;
    // With SeriesOptions::minAreaKm2: the pieces kept and dropped; gainedKm2 and lostKm2 are then those
    // of the kept pieces (netKm2 their difference).
    std::optional<KeptPieces> pieces;
};

struct SeriesOptions {
    AreaMethod method = AreaMethod::Geodesic;
    unsigned threads = 0;              // 0 = one per core
    std::optional<double> minAreaKm2;  // pieces of a change under this are left out and counted
    // Called once per date when its row is complete (area, and change since the date before), from the
    // worker threads; for progress.
    std::function<void()> dateDone;
};

// Loads `count` snapshots, orders them by date (two on one date is a DataError naming both), and
// measures area and change date by date. Loading and the overlays run in parallel; the rows do not
// depend on the number of threads.
std::vector<SeriesRow> computeSeries(std::size_t count, const SnapshotLoader& load,
                                     const SeriesOptions& options, Diagnostics& diagnostics);

}  // namespace frontline::analysis
