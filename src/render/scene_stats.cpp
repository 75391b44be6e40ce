// The timeline's numbers of a Scene: measured beside the scene's building (measureInBackground), and
// the changes a scene measured without them measures when they are shown (Scene::measureChange).

#include <future>
#include <utility>

#include "analysis/evidence.hpp"
#include "render/scene.hpp"

namespace frontline::render {

StatsFuture measureInBackground(const Scenario& scenario, analysis::StatsScope scope) {
    if (scenario.timeline.empty()) {
        std::promise<std::vector<analysis::StateStats>> none;
        none.set_value({});
        return none.get_future();
    }
    // The measuring threads have GEOS and PROJ contexts of their own, and their own copies of the frame
    // (the same projection, so the same numbers as `frontline stats`).
    return std::async(std::launch::async, [&scenario, scope = std::move(scope)] {
        return analysis::timelineStats(scenario, analysis::AreaMethod::Geodesic, 0, {}, {}, scope);
    });
}

StatsFuture readyStats(std::vector<analysis::StateStats> stats) {
    std::promise<std::vector<analysis::StateStats>> ready;
    ready.set_value(std::move(stats));
    return ready.get_future();
}

void Scene::measureChange(int state) {
    if (state <= 0 || static_cast<std::size_t>(state) >= m_stats.size()) return;
    analysis::StateStats& row = m_stats[static_cast<std::size_t>(state)];
    if (!row.measured || row.sincePrevious) return;
    // As timelineStats measures it: the same frame (scenarioFrame), the same evidence of both states.
    // Nothing is kept beyond the change, so memory follows the changes shown, not the states.
    const analysis::Measurer measurer{m_context.geos, *m_frame, analysis::AreaMethod::Geodesic};
    analysis::TimelineEvidence evidence(measurer, m_scenario);
    const auto& states = m_scenario.timeline.states();
    const auto index = static_cast<std::size_t>(state);
    row.sincePrevious = evidence.change(states[index - 1], states[index]);
}

}  // namespace frontline::render
