#include "analysis/stats.hpp"

#include "analysis/control.hpp"
#include "core/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_edges.hpp"

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

}  // namespace

std::vector<StateStats> timelineStats(TimelineEvidence& evidence) {
    std::vector<StateStats> rows;
    const ControlState* previous = nullptr;
    for (const auto& state : evidence.scenario().timeline.states()) {
        StateStats stats = measureState(evidence, state);
        if (previous) {
            stats.sincePrevious = evidence.change(*previous, state);
            evidence.release(*previous);
        }
        rows.push_back(std::move(stats));
        previous = &state;
    }
    return rows;
}

StateStats statsAt(TimelineEvidence& evidence, const Date& date) {
    const Scenario& scenario = evidence.scenario();
    const ControlState* state = scenario.timeline.stateAt(date);
    if (!state) {
        throw UsageError("no control state on or before " + date.iso() + " in '" + scenario.manifestPath.string() +
                         "'" + (scenario.timeline.empty() ? "" : " (the first is " + scenario.timeline.states().front().date.iso() + ")"));
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
