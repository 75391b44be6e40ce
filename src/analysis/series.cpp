#include "analysis/series.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "analysis/change.hpp"
#include "core/error.hpp"
#include "geo/equal_area.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_edges.hpp"

namespace frontline::analysis {

namespace {

// Runs job(i, *states[t], diagnostics) for i in [0, count) on one worker per state, each with its own
// state (library contexts are per thread, and building them costs proj.db look-ups, so they are made
// once and reused by every phase). Errors and warnings do not depend on the thread schedule: the
// error rethrown is that of the lowest failing index, and the warnings are those of the indices up to
// it, in index order.
template <typename State, typename Job>
void parallelFor(std::size_t count, std::vector<std::unique_ptr<State>>& states, const Job& job,
                 Diagnostics& diagnostics) {
    std::atomic<std::size_t> next{0};
    // Indices are handed out in order, so when index k fails every index below k has been started and
    // runs to its end: the lowest failing index is always found, and nothing above it need start.
    std::atomic<std::size_t> firstFailed{count};
    std::exception_ptr firstError;
    std::mutex mutex;
    std::vector<Diagnostics> local(count);
    auto worker = [&](State& state) {
        for (std::size_t i = next++; i < count && i < firstFailed; i = next++) {
            try {
                job(i, state, local[i]);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (i < firstFailed) {
                    firstFailed = i;
                    firstError = std::current_exception();
                }
            }
        }
    };
    const std::size_t workers = std::max<std::size_t>(1, std::min(states.size(), count));
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(worker, std::ref(*states[t]));
    worker(*states[0]);
    pool.clear();  // joins
    const std::size_t end = firstError ? firstFailed + 1 : count;
    for (std::size_t i = 0; i < end; ++i) diagnostics.merge(local[i]);
    if (firstError) std::rethrow_exception(firstError);
}

// A worker's contexts; the frame is made once the snapshots' extent is known.
struct Worker {
    geo::ThreadContext context;
    std::optional<geo::EqualAreaFrame> frame;
};

// Snapshots whose edge tables are held at once: the tables take about three times a snapshot's memory,
// so a long series is measured window by window.
constexpr std::size_t kTableWindow = 64;

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
    auto measureSnapshot = [&](std::size_t i, Worker& worker) {
        rows[i].date = snapshots[i].date;
        rows[i].frontKm = snapshots[i].frontKm;
        if (geodesic) {
            edges[i] = geo::GeodesicEdgeTable(snapshots[i].heldLonLat);
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
        if (geodesic) {
            const GainedLostPieces pieces =
                geodesicChangePieces(geos, from, to, edges[step], edges[step + 1]);
            gained = pieces.gainedKm2;
            lost = pieces.lostKm2;
        } else {
            const Measurer measurer{geos, *worker.frame, options.method};
            gained = measurer.areaKm2(geo::subtract(geos, to, from));
            lost = measurer.areaKm2(geo::subtract(geos, from, to));
        }
        SeriesRow& row = rows[step + 1];
        row.gainedKm2 = gained;
        row.lostKm2 = lost;
        row.netKm2 = gained - lost;
        row.closureKm2 = std::fabs(row.areaKm2 - rows[step].areaKm2 - *row.netKm2);
    };
    // Window by window: snapshots [begin, end) measured, then steps begin … end − 2; the last snapshot
    // of a window is the first of the next.
    for (std::size_t begin = 0; begin < n; begin += kTableWindow) {
        const std::size_t end = std::min(n, begin + kTableWindow + 1);
        const std::size_t first = begin == 0 ? 0 : begin + 1;
        parallelFor(
            end - first, workers,
            [&](std::size_t k, Worker& worker, Diagnostics&) { measureSnapshot(first + k, worker); },
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
