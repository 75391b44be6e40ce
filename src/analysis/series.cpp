#include "analysis/series.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "analysis/change.hpp"
#include "analysis/local_change.hpp"
#include "core/error.hpp"
#include "core/parallel_for.hpp"
#include "geo/equal_area.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_edges.hpp"

namespace frontline::analysis {

namespace {

// A worker's contexts; the frame is made once the snapshots' extent is known.
struct Worker {
    geo::ThreadContext context;
    std::optional<geo::EqualAreaFrame> frame;
};

// Snapshots whose edge tables are held at once: the tables take about three times a snapshot's memory,
// so a long series is measured window by window.
constexpr std::size_t kTableWindow = 64;

// Snapshots whose tables one worker builds in a row, each taking the S12 of the edges it shares with
// the day before from that day's table: consecutive maps share almost all of their edges, so only the
// first of a run solves every edge.
constexpr std::size_t kTableRun = 16;

}  // namespace

std::vector<SeriesRow> computeSeries(std::size_t count, const SnapshotLoader& load,
                                     const SeriesOptions& options, Diagnostics& diagnostics) {
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

    std::vector<std::unique_ptr<Worker>> workers;
    for (unsigned t = 0; t < std::max(1u, threads); ++t) workers.push_back(std::make_unique<Worker>());

    std::vector<std::optional<Snapshot>> loaded(count);
    parallelFor(
        count, workers,
        [&](std::size_t i, Worker& worker, Diagnostics& local) {
            loaded[i] = load(i, worker.context, local);
        },
        diagnostics);

    std::vector<Snapshot> snapshots;
    snapshots.reserve(count);
    for (auto& snapshot : loaded) snapshots.push_back(std::move(*snapshot));
    std::stable_sort(snapshots.begin(), snapshots.end(),
                     [](const Snapshot& a, const Snapshot& b) { return a.date < b.date; });
    for (std::size_t i = 1; i < snapshots.size(); ++i) {
        if (snapshots[i].date == snapshots[i - 1].date) {
            throw DataError("'" + snapshots[i - 1].label + "' and '" + snapshots[i].label +
                            "' both have the date " + snapshots[i].date.iso());
        }
    }

    // The planar method measures in one LAEA frame for the whole series, centred on all snapshots.
    BoundingBox box;
    for (const auto& snapshot : snapshots) box.expand(boundingBox(snapshot.heldLonLat));
    const Coord centre = box.valid ? box.centre() : Coord{0, 0};
    for (auto& worker : workers) worker->frame.emplace(worker->context.proj, centre);

    // Each snapshot measured once, then each step's gained and lost pieces. Geodesic measurement keeps
    // each snapshot's edges, so a step's pieces (mostly edges of its two snapshots) are summed by
    // look-up, and one symmetric difference, split by the sides of those edges, gives both pieces.
    const bool geodesic = options.method == AreaMethod::Geodesic;
    const std::size_t n = snapshots.size();
    std::vector<geo::GeodesicEdgeTable> edges(geodesic ? n : 0);
    std::vector<SeriesRow> rows(n);
    auto measureSnapshot = [&](std::size_t i, Worker& worker, const geo::GeodesicEdgeTable* previous) {
        rows[i].date = snapshots[i].date;
        rows[i].frontKm = snapshots[i].frontKm;
        if (geodesic) {
            edges[i] = geo::GeodesicEdgeTable(snapshots[i].heldLonLat, previous);
            rows[i].areaKm2 = edges[i].areaKm2();
        } else {
            rows[i].areaKm2 =
                Measurer{worker.context.geos, *worker.frame, options.method}.areaKm2(snapshots[i].heldLonLat);
        }
    };
    auto measureStep = [&](std::size_t step, Worker& worker) {
        geo::GeosContext& geos = worker.context.geos;
        const Geometry& from = snapshots[step].heldLonLat;
        const Geometry& to = snapshots[step + 1].heldLonLat;
        double gained = 0, lost = 0;
        std::vector<double> gainedPieces, lostPieces;
        if (geodesic) {
            // Overlaid only where the two days differ, or as a whole where that cannot be shown to give
            // the same pieces; either way the same numbers, whatever the thread schedule.
            std::optional<GainedLostPieces> local =
                localChangePieces(geos, from, to, edges[step], edges[step + 1]);
            GainedLostPieces pieces =
                local ? std::move(*local)
                      : geodesicChangePieces(geos, from, to, edges[step], edges[step + 1]);
            gained = pieces.gainedKm2;
            lost = pieces.lostKm2;
            gainedPieces = std::move(pieces.gainedPiecesKm2);
            lostPieces = std::move(pieces.lostPiecesKm2);
        } else {
            const Measurer measurer{geos, *worker.frame, options.method};
            const Geometry gainedShape = geo::subtract(geos, to, from);
            const Geometry lostShape = geo::subtract(geos, from, to);
            gained = measurer.areaKm2(gainedShape);
            lost = measurer.areaKm2(lostShape);
            if (options.minAreaKm2) {
                gainedPieces = measurer.pieceAreasKm2(gainedShape);
                lostPieces = measurer.pieceAreasKm2(lostShape);
            }
        }
        SeriesRow& row = rows[step + 1];
        row.closureKm2 = std::fabs(row.areaKm2 - rows[step].areaKm2 - (gained - lost));
        if (options.minAreaKm2) {
            row.pieces = keptPieces(gainedPieces, lostPieces, *options.minAreaKm2);
            gained = row.pieces->gainedKm2;
            lost = row.pieces->lostKm2;
        }
        row.gainedKm2 = gained;
        row.lostKm2 = lost;
        row.netKm2 = gained - lost;
        if (options.dateDone) options.dateDone();
    };
    // Window by window: snapshots [begin, end) measured, then steps begin … end − 2; the last snapshot
    // of a window is the first of the next.
    for (std::size_t begin = 0; begin < n; begin += kTableWindow) {
        const std::size_t end = std::min(n, begin + kTableWindow + 1);
        const std::size_t first = begin == 0 ? 0 : begin + 1;
        // Runs of kTableRun snapshots, each table built from the one before where that one is done: within
        // the run, or the last of the window before.
        const std::size_t runs = (end - first + kTableRun - 1) / kTableRun;
        parallelFor(
            runs, workers,
            [&](std::size_t r, Worker& worker, Diagnostics&) {
                const std::size_t runBegin = first + r * kTableRun;
                for (std::size_t i = runBegin; i < std::min(end, runBegin + kTableRun); ++i) {
                    const bool previousDone = i > runBegin || (r == 0 && i > 0);
                    measureSnapshot(i, worker, geodesic && previousDone ? &edges[i - 1] : nullptr);
                    if (i == 0 && options.dateDone) options.dateDone();  // the first date has no change
                }
            },
            diagnostics);
        parallelFor(
            end - begin - 1, workers,
            [&](std::size_t k, Worker& worker, Diagnostics&) { measureStep(begin + k, worker); },
            diagnostics);
        if (geodesic) {
            for (std::size_t i = begin; i + 1 < end; ++i) edges[i] = geo::GeodesicEdgeTable();
        }
    }
    return rows;
}

}  // namespace frontline::analysis
