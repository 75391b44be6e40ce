#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/change.hpp"
#include "analysis/evidence.hpp"
#include "analysis/periods.hpp"
#include "core/scenario.hpp"

namespace frontline::analysis {

// The measured state of control at one dated state of the timeline.
struct StateStats {
    ControlState state;
    Interval area;  // by the chosen method, with the band of its outline's sources
    double geodesicKm2 = 0;
    double planarKm2 = 0;  // the equal-area cross-check
    double frontKm = 0;    // geodesic length of the line of contact (the outline's front stretches)
    double outlineKm = 0;  // geodesic length of the whole outline
    Geometry frontLonLat;  // the line of contact (lines, lon/lat), for drawing
    std::optional<Change> sincePrevious;
};

// One row per dated state, each with its change since the previous state, measured on `threads`
// threads (0: one per core), each with its own GEOS and PROJ contexts and its own copy of the
// scenario's frame (the same projection, so the same numbers): the timeline is cut into contiguous
// runs, and each run also measures the state before it for its first change. The rows do not depend
// on the number of threads; an error is that of the earliest state that fails.
// `stateDone`, when given, is called once per state measured, from the measuring threads. With
// `minAreaKm2`, each change leaves out its pieces under it (computeChange).
std::vector<StateStats> timelineStats(const Scenario& scenario, AreaMethod method, unsigned threads = 0,
                                      const std::function<void()>& stateDone = {},
                                      std::optional<double> minAreaKm2 = {});
// The changes of timelineStats rows, one step per state after the first (from the state before it).
std::vector<Step> timelineSteps(const std::vector<StateStats>& rows);
// The state in force at `date`. Throws UsageError when the date precedes the first state.
StateStats statsAt(TimelineEvidence& evidence, const Date& date);

// The equal-area frame a scenario is measured in: its `projection`, or LAEA centred on its layers.
geo::EqualAreaFrame scenarioFrame(geo::ProjContext& proj, const Scenario& scenario);

}  // namespace frontline::analysis
