#pragma once
// Jobs handed from one thread to worker threads beside it: push() waits while `depth` jobs are waiting.
// A failure stops the pushing: the next push() or finish() waits for the jobs handed over and throws
// the failure of the earliest job pushed, so that which error is reported does not depend on which
// worker got there first (two frames written at once to a full disk both fail). With one worker the
// jobs run in the order pushed. Destroyed without finish(), the jobs handed over are still done and their
// errors swallowed. Not for use from several pushing threads at once.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace frontline::exporting {

template <typename Job>
class WorkQueue {
public:
    WorkQueue(std::size_t workers, std::size_t depth, std::function<void(Job&)> handle)
        : m_depth(depth), m_handle(std::move(handle)) {
        for (std::size_t i = 0; i < workers; ++i) m_workers.emplace_back([this] { work(); });
    }
    ~WorkQueue() { stop(); }
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    void push(Job job) {
        {
            std::unique_lock lock(m_mutex);
            m_space.wait(lock, [this] { return m_jobs.size() < m_depth || m_error; });
            if (!m_error) {
                m_jobs.emplace_back(m_pushed++, std::move(job));
                m_ready.notify_one();
                return;
            }
        }
        finish();
    }
    // Waits for every job handed over; throws the failure of the earliest one that failed.
    void finish() {
        stop();
        if (m_error) std::rethrow_exception(m_error);
    }

private:
    void work() {
        while (true) {
            std::pair<std::size_t, Job> job;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [this] { return !m_jobs.empty() || m_done; });
                if (m_jobs.empty()) return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
                m_space.notify_one();
            }
            try {
                m_handle(job.second);
            } catch (...) {
                std::lock_guard lock(m_mutex);
                if (!m_error || job.first < m_errorJob) {
                    m_error = std::current_exception();
                    m_errorJob = job.first;
                }
                m_space.notify_all();
            }
        }
    }
    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_ready.notify_all();
        for (auto& worker : m_workers)
            if (worker.joinable()) worker.join();
    }

    std::size_t m_depth;
    std::function<void(Job&)> m_handle;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<std::pair<std::size_t, Job>> m_jobs;  // with the number of its push
    std::size_t m_pushed = 0;
    std::exception_ptr m_error;
    std::size_t m_errorJob = 0;  // the push number of the job that m_error is the failure of
    bool m_done = false;
    std::vector<std::thread> m_workers;  // last: started once the rest is made, joined before it goes
};

}  // namespace frontline::exporting
