#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/change.hpp"
#include "analysis/provenance.hpp"
#include "core/scenario.hpp"

namespace frontline::analysis {

// The one place a scenario's states are measured: each state's evidence (held area, edge table,
// outline provenance, area intervals) is built on first use and kept, and so is each change asked for;
// stats, check, diff, export and view all read from one of these. Holds references to both arguments,
// which must outlive it. One per thread (the Measurer's GEOS context is).
class TimelineEvidence {
public:
    // With `minAreaKm2`, changes leave out pieces under it (computeChange).
    TimelineEvidence(const Measurer& measurer, const Scenario& scenario,
                     std::optional<double> minAreaKm2 = {});
    TimelineEvidence(const TimelineEvidence&) = delete;
    TimelineEvidence& operator=(const TimelineEvidence&) = delete;

    const Measurer& measurer() const { return m_measurer; }
    const Scenario& scenario() const { return m_scenario; }

    const StateEvidence& state(const ControlState& state);
    // The held area of `state` and its outline split by source, without the areas and intervals of
    // `state()`: what locating points against the state needs. Not kept (served from `state()`'s store
    // when that holds the state already).
    StateOutline outline(const ControlState& state);
    const Change& change(const ControlState& from, const ControlState& to);
    // Drops what is kept for `state` and every change from or to it (a walk along the timeline keeps
    // only the state it stands on, so memory does not grow with the number of states).
    void release(const ControlState& state);
    // The reference lines an outline of `control` is classified against, in its declared order.
    const std::vector<ReferenceLine>& references(const Layer& control);

private:
    const Measurer& m_measurer;
    const Scenario& m_scenario;
    std::optional<double> m_minAreaKm2;
    std::map<std::string, std::vector<ReferenceLine>> m_references;   // by control layer id
    std::map<std::pair<std::string, double>, ReferenceLine> m_lines;  // by reference layer id and tolerance
    std::map<std::string, OutlineExtent> m_extents;  // of the outlines following each reference, by its id
    std::map<std::string, StateEvidence> m_states;   // by date
    std::map<std::pair<std::string, std::string>, Change> m_changes;  // by (from, to) date
};

}  // namespace frontline::analysis
