#include "analysis/stats.hpp"

#include <algorithm>
#include <exception>
#include <thread>

#include "analysis/control.hpp"
#include "core/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_edges.hpp"
#include "geo/thread_context.hpp"

namespace frontline::analysis {

namespace {

StateStats measureState(TimelineEvidence& evidence, const ControlState& state) {
    const Measurer& measurer = evidence.measurer();
    const StateEvidence& measured = evidence.state(state);
    StateStats stats{state,
                     measured.area,
                     measured.edges.areaKm2(),
                     0,
                     measured.provenance.frontKm(),
                     measured.provenance.lengthKm(),
                     measured.provenance.frontLonLat(),
                     std::nullopt};
    if (measurer.method == AreaMethod::Planar) stats.geodesicKm2 = geo::geodesicAreaKm2(measured.held);
    stats.planarKm2 =
        measured.held.polygons.empty() ? 0 : measurer.frame.planarAreaKm2(measurer.geos, measured.held);
    return stats;
}

// States [begin, end) of the timeline, each with its change since the state before it (measured
// here too when it lies before `begin`). Releases each state's evidence once past it.
std::vector<StateStats> measureRun(TimelineEvidence& evidence, std::size_t begin, std::size_t end,
                                   const std::function<void()>& stateDone, const StatsScope& scope) {
    const auto& states = evidence.scenario().timeline.states();
    std::vector<StateStats> rows;
    const ControlState* previous = begin > 0 ? &states[begin - 1] : nullptr;
    for (std::size_t i = begin; i < end; ++i) {
        StateStats stats;
        if (scope.measuresState(i)) {
            stats = measureState(evidence, states[i]);
        } else {
            stats.state = states[i];
            stats.measured = false;
        }
        if (previous) {
            if (scope.measuresChange(i)) stats.sincePrevious = evidence.change(*previous, states[i]);
            evidence.release(*previous);
        }
        rows.push_back(std::move(stats));
        previous = &states[i];
        if (stateDone) stateDone();
    }
    return rows;
}

}  // namespace

std::vector<StateStats> timelineStats(const Scenario& scenario, AreaMethod method, unsigned threads,
                                      const std::function<void()>& stateDone,
                                      std::optional<double> minAreaKm2, const StatsScope& scope) {
    const auto& states = scenario.timeline.states();
    const std::size_t count = states.size();
    // Runs of at least 8 states: each run measures one state twice (the one before it).
    const std::size_t cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t runs = std::max<std::size_t>(1, std::min(cores, count / 8));
    std::vector<std::vector<StateStats>> parts(runs);
    std::vector<std::exception_ptr> errors(runs);
    auto measureInRun = [&](std::size_t run) {
        try {
            geo::ThreadContext context;
            const geo::EqualAreaFrame frame = scenarioFrame(context.proj, scenario);
            const Measurer measurer{context.geos, frame, method};
            TimelineEvidence evidence(measurer, scenario, minAreaKm2);
            parts[run] = measureRun(evidence, run * count / runs, (run + 1) * count / runs, stateDone, scope);
        } catch (...) {
            errors[run] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> workers;
        for (std::size_t run = 1; run < runs; ++run) workers.emplace_back(measureInRun, run);
        measureInRun(0);
    }
    for (const auto& error : errors) {
        if (error) std::rethrow_exception(error);
    }
    std::vector<StateStats> rows;
    rows.reserve(count);
    for (auto& part : parts) {
        for (auto& row : part) rows.push_back(std::move(row));
    }
    return rows;
}

StatsScope StatsScope::still(std::size_t states, int shown, bool panel, bool allChanges) {
    StatsScope scope;
    if (allChanges) return scope;
    std::vector<bool> one(states, false);
    if (shown >= 0 && static_cast<std::size_t>(shown) < states) one[static_cast<std::size_t>(shown)] = true;
    if (panel) {
        scope.changes = std::move(one);
    } else {
        // A plain state draws no change: only a transition does.
        scope.states = std::move(one);
        scope.changes = std::vector<bool>(states, false);
    }
    return scope;
}

StatsScope StatsScope::areas(std::size_t states) {
    StatsScope scope;
    scope.changes = std::vector<bool>(states, false);
    return scope;
}

std::vector<Step> timelineSteps(const std::vector<StateStats>& rows) {
    std::vector<Step> steps;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (!rows[i].sincePrevious) continue;
        steps.push_back({rows[i - 1].state.date, rows[i].state.date, rows[i].sincePrevious->gained.value,
                         rows[i].sincePrevious->lost.value});
    }
    return steps;
}

StateStats statsAt(TimelineEvidence& evidence, const Date& date) {
    const Scenario& scenario = evidence.scenario();
    const ControlState* state = scenario.timeline.stateAt(date);
    if (!state) {
        throw UsageError("no control state on or before " + date.iso() + " in '" +
                         scenario.manifestPath.string() + "'" +
                         (scenario.timeline.empty()
                              ? ""
                              : " (the first is " + scenario.timeline.states().front().date.iso() + ")"));
    }
    StateStats stats = measureState(evidence, *state);
    if (const ControlState* previous = scenario.timeline.previous(*state))
        stats.sincePrevious = evidence.change(*previous, *state);
    return stats;
}

geo::EqualAreaFrame scenarioFrame(geo::ProjContext& proj, const Scenario& scenario) {
    if (!scenario.projection.empty()) return geo::EqualAreaFrame(proj, scenario.projection);
    BoundingBox box;
    for (const auto& layer : scenario.layers) {
        for (const auto& feature : layer.features) box.expand(boundingBox(feature.geometry));
    }
    return geo::EqualAreaFrame(proj, box.valid ? box.centre() : Coord{0, 0});
}

}  // namespace frontline::analysis
