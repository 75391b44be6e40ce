#include "analysis/series.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "geo/equal_area.hpp"
#include "geo/geodesic.hpp"

namespace frontline::analysis {

namespace {

// Runs job(i, state, diagnostics) for i in [0, count) on `threads` workers, each with its own state made
// once by makeState() (library contexts are per thread, and building them costs proj.db look-ups).
// Rethrows the first error.
template <typename MakeState, typename Job>
void parallelFor(std::size_t count, unsigned threads, const MakeState& makeState, const Job& job, Diagnostics& diagnostics) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr firstError;
    std::mutex mutex;
    auto worker = [&] {
        Diagnostics local;
        try {
            auto state = makeState();
            for (std::size_t i = next++; i < count && !failed; i = next++) job(i, *state, local);
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!firstError) firstError = std::current_exception();
            failed = true;
        }
        std::lock_guard lock(mutex);
        diagnostics.merge(local);
    };
    const unsigned workers = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count)));
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < workers; ++t) pool.emplace_back(worker);
    worker();
    pool.clear();  // joins
    if (firstError) std::rethrow_exception(firstError);
}

}  // namespace

std::vector<SeriesRow> computeSeries(std::size_t count, const SnapshotLoader& load, const SeriesOptions& options,
                                     Diagnostics& diagnostics) {
    const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

    std::vector<std::optional<Snapshot>> loaded(count);
    parallelFor(
        count, threads, [] { return std::make_unique<geo::ThreadContext>(); },
        [&](std::size_t i, geo::ThreadContext& context, Diagnostics& local) { loaded[i] = load(i, context, local); },
        diagnostics);

    std::vector<Snapshot> snapshots;
    snapshots.reserve(count);
    for (auto& snapshot : loaded) snapshots.push_back(std::move(*snapshot));
    std::stable_sort(snapshots.begin(), snapshots.end(), [](const Snapshot& a, const Snapshot& b) { return a.date < b.date; });
    for (std::size_t i = 1; i < snapshots.size(); ++i) {
        if (snapshots[i].date == snapshots[i - 1].date) {
            throw DataError("'" + snapshots[i - 1].label + "' and '" + snapshots[i].label + "' both have the date " +
                            snapshots[i].date.iso());
        }
    }

    // The planar method measures in one LAEA frame for the whole series, centred on all snapshots.
    BoundingBox box;
    for (const auto& snapshot : snapshots) box.expand(boundingBox(snapshot.heldLonLat));
    const Coord centre = box.valid ? box.centre() : Coord{0, 0};

    struct Worker {
        explicit Worker(const Coord& centre) : frame(context.proj, centre) {}
        geo::ThreadContext context;
        geo::EqualAreaFrame frame;
    };
    auto makeWorker = [&] { return std::make_unique<Worker>(centre); };

    // Each snapshot measured once, then each step's gained and lost pieces.
    std::vector<SeriesRow> rows(snapshots.size());
    parallelFor(
        snapshots.size(), threads, makeWorker,
        [&](std::size_t i, Worker& worker, Diagnostics&) {
            const Measurer measurer{worker.context.geos, worker.frame, options.method};
            rows[i].date = snapshots[i].date;
            rows[i].label = snapshots[i].label;
            rows[i].areaKm2 = measurer.areaKm2(snapshots[i].heldLonLat);
        },
        diagnostics);
    parallelFor(
        snapshots.size() > 0 ? snapshots.size() - 1 : 0, threads, makeWorker,
        [&](std::size_t step, Worker& worker, Diagnostics&) {
            const Measurer measurer{worker.context.geos, worker.frame, options.method};
            const Geometry& from = snapshots[step].heldLonLat;
            const Geometry& to = snapshots[step + 1].heldLonLat;
            SeriesRow& row = rows[step + 1];
            const double gained = measurer.areaKm2(geo::subtract(worker.context.geos, to, from));
            const double lost = measurer.areaKm2(geo::subtract(worker.context.geos, from, to));
            row.gainedKm2 = gained;
            row.lostKm2 = lost;
            row.netKm2 = gained - lost;
            row.closureKm2 = std::fabs(row.areaKm2 - rows[step].areaKm2 - (gained - lost));
        },
        diagnostics);
    return rows;
}

}  // namespace frontline::analysis
