// WorkQueue: every job handed over is done, and of several failures the earliest job's is the one
// thrown, whichever worker failed first.

#include "export/work_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace frontline::test {
namespace {

TEST(WorkQueue, DoesEveryJob) {
    std::atomic<int> sum{0};
    exporting::WorkQueue<int> queue(2, 3, [&](int& job) { sum += job; });
    for (int i = 1; i <= 100; ++i) queue.push(i);
    queue.finish();
    EXPECT_EQ(sum.load(), 5050);
}

// Job 2 fails late (after a pause), jobs 3 and later fail at once on the other worker: job 2's failure
// is the one reported, from push() or finish() alike.
TEST(WorkQueue, ThrowsTheEarliestJobsFailure) {
    for (int round = 0; round < 20; ++round) {
        exporting::WorkQueue<int> queue(2, 4, [](int& job) {
            if (job == 2) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (job >= 2) throw std::runtime_error("job " + std::to_string(job));
        });
        std::string thrown;
        try {
            for (int i = 0; i < 50; ++i) queue.push(i);
            queue.finish();
        } catch (const std::runtime_error& e) {
            thrown = e.what();
        }
        EXPECT_EQ(thrown, "job 2") << "round " << round;
    }
}

}  // namespace
}  // namespace frontline::test
