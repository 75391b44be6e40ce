// The timeline's numbers of a Scene: measured beside the scene's building (measureInBackground), and
// the changes a scene measured without them measures when they are shown (Scene::measureChange).

#include <future>
#include <utility>

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

}  // namespace frontline::render
