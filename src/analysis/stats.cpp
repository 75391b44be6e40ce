#include "analysis/stats.hpp"

#include "analysis/control.hpp"
#include "core/error.hpp"
#include "geo/geodesic.hpp"

namespace frontline::analysis {

namespace {

StateStats measureState(const Measurer& measurer, const Scenario& scenario, const ControlState& state,
                        const Geometry& held) {
    StateStats stats{state, measurer.areaInterval(held, controlUncertaintyM(scenario, state)), 0, 0, std::nullopt};
    stats.geodesicKm2 = geo::geodesicAreaKm2(held);
    stats.planarKm2 = held.polygons.empty() ? 0 : measurer.frame.planarAreaKm2(measurer.geos, held);
    return stats;
}

}  // namespace

std::vector<StateStats> timelineStats(const Measurer& measurer, const Scenario& scenario) {
    std::vector<StateStats> rows;
    Geometry previousHeld;
    const ControlState* previous = nullptr;
    for (const auto& state : scenario.timeline.states()) {
        Geometry held = controlGeometry(measurer.geos, scenario, state);
        StateStats stats = measureState(measurer, scenario, state, held);
        if (previous) {
            stats.sincePrevious = computeChange(measurer, previousHeld, held, controlUncertaintyM(scenario, *previous),
                                                controlUncertaintyM(scenario, state));
        }
        rows.push_back(std::move(stats));
        previousHeld = std::move(held);
        previous = &state;
    }
    return rows;
}

StateStats statsAt(const Measurer& measurer, const Scenario& scenario, const Date& date) {
    const ControlState* state = scenario.timeline.stateAt(date);
    if (!state) {
        throw UsageError("no control state on or before " + date.iso() + " in '" + scenario.manifestPath.string() +
                         "'" + (scenario.timeline.empty() ? "" : " (the first is " + scenario.timeline.states().front().date.iso() + ")"));
    }
    const Geometry held = controlGeometry(measurer.geos, scenario, *state);
    StateStats stats = measureState(measurer, scenario, *state, held);
    if (const ControlState* previous = scenario.timeline.previous(*state)) {
        stats.sincePrevious = computeChange(measurer, controlGeometry(measurer.geos, scenario, *previous), held,
                                            controlUncertaintyM(scenario, *previous), controlUncertaintyM(scenario, *state));
    }
    return stats;
}

std::vector<BreakdownRow> breakdown(const Measurer& measurer, const Geometry& held, const Layer& by) {
    std::vector<BreakdownRow> rows;
    for (const auto& feature : by.features) {
        if (feature.geometry.polygons.empty()) continue;
        Geometry polygons;
        polygons.polygons = feature.geometry.polygons;
        rows.push_back({feature.id, feature.property("name", feature.id), measurer.areaKm2(polygons),
                        measurer.areaKm2(geo::intersect(measurer.geos, held, polygons))});
    }
    return rows;
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
