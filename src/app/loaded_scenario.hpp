#pragma once

#include <string>

#include "analysis/area.hpp"
#include "app/command.hpp"
#include "app/scenario_input.hpp"
#include "core/scenario.hpp"
#include "geo/equal_area.hpp"
#include "geo/thread_context.hpp"

namespace frontline::app {

// What a scenario command works with: this thread's library contexts, the scenario loaded from the path
// given (or the bundled one) or made from snapshot files, and the equal-area frame it is measured in.
// Not copyable or movable: the frame holds a transformation made with `context`.
class LoadedScenario {
public:
    LoadedScenario(const ScenarioInput& input, const CommonOptions& common, Diagnostics& diagnostics);
    LoadedScenario(const std::string& given, const CommonOptions& common, Diagnostics& diagnostics);
    LoadedScenario(const LoadedScenario&) = delete;
    LoadedScenario& operator=(const LoadedScenario&) = delete;

    analysis::Measurer measurer(analysis::AreaMethod method = analysis::AreaMethod::Geodesic) {
        return {context.geos, frame, method};
    }

    geo::ThreadContext context;
    const Scenario scenario;
    const geo::EqualAreaFrame frame;
};

}  // namespace frontline::app
