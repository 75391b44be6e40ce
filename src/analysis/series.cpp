#include "analysis/series.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "analysis/change.hpp"
#include "core/error.hpp"
#include "geo/equal_area.hpp"
#include "geo/geodesic.hpp"

namespace frontline::analysis {

namespace {

// Runs job(i, context, diagnostics) for i in [0, count) on `threads` workers; rethrows the first error.
void parallelFor(std::size_t count, unsigned threads,
                 const std::function<void(std::size_t, geo::ThreadContext&, Diagnostics&)>& job, Diagnostics& diagnostics) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr firstError;
    std::mutex mutex;
    auto worker = [&] {
        geo::ThreadContext context;
        Diagnostics local;
        try {
            for (std::size_t i = next++; i < count && !failed; i = next++) job(i, context, local);
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
    parallelFor(count, threads, [&](std::size_t i, geo::ThreadContext& context, Diagnostics& local) {
        loaded[i] = load(i, context, local);
    }, diagnostics);

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

    std::vector<SeriesRow> rows(snapshots.size());
    parallelFor(snapshots.size(), threads, [&](std::size_t i, geo::ThreadContext& context, Diagnostics&) {
        const geo::EqualAreaFrame frame(context.proj, centre);
        const Measurer measurer{context.geos, frame, options.method};
        SeriesRow& row = rows[i];
        row.date = snapshots[i].date;
        row.label = snapshots[i].label;
        if (i == 0) {
            row.areaKm2 = measurer.areaKm2(snapshots[i].heldLonLat);
            return;
        }
        const Change change = computeChange(measurer, snapshots[i - 1].heldLonLat, snapshots[i].heldLonLat);
        row.areaKm2 = change.to.valueKm2;
        row.gainedKm2 = change.gained.valueKm2;
        row.lostKm2 = change.lost.valueKm2;
        row.netKm2 = change.netKm2();
        row.closureKm2 = change.closureKm2;
    }, diagnostics);
    return rows;
}

}  // namespace frontline::analysis
