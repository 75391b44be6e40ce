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
    // False for a row a StatsScope left out: it has its state and nothing else.
    bool measured = true;
};

// What timelineStats measures: by default every state and its change since the state before. A
// still needs less: its own state's numbers and change, and (with a panel, for the chart) the areas
// of the others, not the changes between them, which are most of the work of a long series.
struct StatsScope {
    // By timeline index, the states whose rows are measured; unset: every state.
    std::optional<std::vector<bool>> states;
    // By timeline index, the measured rows that also get their change since the state before; unset:
    // every measured row.
    std::optional<std::vector<bool>> changes;

    // The rows a still of state `shown` draws: with `panel`, every state's area (the chart) and the
    // change into `shown` (the numbers); without, `shown` alone. `allChanges`: every change too (the
    // chart's bars of gained and lost).
    static StatsScope still(std::size_t states, int shown, bool panel, bool allChanges);
    // Every state's numbers and no change: what a viewer measures before it opens, measuring each
    // change when it shows it (render::Scene::measureChange).
    static StatsScope areas(std::size_t states);
    bool measuresState(std::size_t index) const {
        return !states || index >= states->size() || (*states)[index];
    }
    bool measuresChange(std::size_t index) const {
        return measuresState(index) && (!changes || index >= changes->size() || (*changes)[index]);
    }
};

// One row per dated state, each with its change since the previous state, measured on `threads`
// threads (0: one per core), each with its own GEOS and PROJ contexts and its own copy of the
// scenario's frame (the same projection, so the same numbers): the timeline is cut into contiguous
// runs, and each run also measures the state before it for its first change. The rows do not depend
// on the number of threads; an error is that of the earliest state that fails.
// `stateDone`, when given, is called once per state measured, from the measuring threads. With
// `minAreaKm2`, each change leaves out its pieces under it (computeChange). `scope` leaves rows and
// changes out; what it keeps is measured as without it.
std::vector<StateStats> timelineStats(const Scenario& scenario, AreaMethod method, unsigned threads = 0,
                                      const std::function<void()>& stateDone = {},
                                      std::optional<double> minAreaKm2 = {}, const StatsScope& scope = {});
// The changes of timelineStats rows, one step per state after the first (from the state before it).
std::vector<Step> timelineSteps(const std::vector<StateStats>& rows);
// The state in force at `date`. Throws UsageError when the date precedes the first state.
StateStats statsAt(TimelineEvidence& evidence, const Date& date);

// The equal-area frame a scenario is measured in: its `projection`, or LAEA centred on its layers.
geo::EqualAreaFrame scenarioFrame(geo::ProjContext& proj, const Scenario& scenario);

}  // namespace frontline::analysis
