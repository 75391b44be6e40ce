#include "analysis/stats.hpp"

#include "analysis/control.hpp"
#include "core/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_edges.hpp"

namespace frontline::analysis {

namespace {

StateStats measureState(const Measurer& measurer, const Scenario& scenario, const ControlState& state,
                        const Geometry& held, const geo::GeodesicEdgeTable& edges) {
    const bool geodesic = measurer.method == AreaMethod::Geodesic;
    StateStats stats{state,
                     measurer.areaInterval(held, controlUncertaintyM(scenario, state),
                                           geodesic ? std::optional<double>(edges.areaKm2()) : std::nullopt),
                     edges.areaKm2(), 0, std::nullopt};
    stats.planarKm2 = held.polygons.empty() ? 0 : measurer.frame.planarAreaKm2(measurer.geos, held);
    return stats;
}

}  // namespace

std::vector<StateStats> timelineStats(const Measurer& measurer, const Scenario& scenario) {
    // Each state's edges are solved once, for its own area and for the pieces on either side of it.
    std::vector<StateStats> rows;
    Geometry previousHeld;
    geo::GeodesicEdgeTable previousEdges;
    const ControlState* previous = nullptr;
    for (const auto& state : scenario.timeline.states()) {
        Geometry held = controlGeometry(measurer.geos, scenario, state);
        geo::GeodesicEdgeTable edges(held);
        StateStats stats = measureState(measurer, scenario, state, held, edges);
        if (previous) {
            stats.sincePrevious = computeChange(measurer, previousHeld, held, controlUncertaintyM(scenario, *previous),
                                                controlUncertaintyM(scenario, state), &previousEdges, &edges);
        }
        rows.push_back(std::move(stats));
        previousHeld = std::move(held);
        previousEdges = std::move(edges);
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
    const geo::GeodesicEdgeTable edges(held);
    StateStats stats = measureState(measurer, scenario, *state, held, edges);
    if (const ControlState* previous = scenario.timeline.previous(*state)) {
        stats.sincePrevious = computeChange(measurer, controlGeometry(measurer.geos, scenario, *previous), held,
                                            controlUncertaintyM(scenario, *previous), controlUncertaintyM(scenario, *state),
                                            nullptr, &edges);
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
