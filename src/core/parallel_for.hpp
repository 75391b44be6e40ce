#pragma once
// A parallel loop over indices with one state per worker (library contexts are per thread) and results
// that do not depend on the thread schedule.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/diagnostics.hpp"

namespace frontline {

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

}  // namespace frontline
