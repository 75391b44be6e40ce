#pragma once
// Places (towns and villages: the points of `place` layers) against the held area: which ones changed
// hands between two states, when each changed hands over a whole timeline, and whether a place lies so
// near a line of contact that its side is within the line's positional uncertainty ("on the line":
// which side holds it is then not known from the map).

#include <limits>
#include <string>
#include <vector>

#include "analysis/evidence.hpp"
#include "core/diagnostics.hpp"
#include "core/scenario.hpp"

namespace frontline::analysis {

// A named point: one feature of a place layer, in lon/lat.
struct Place {
    std::string id;
    std::string name;     // the `name` property, else the id
    std::string nameAlt;  // the `name_alt` property (other names and spellings), may be empty
    std::string layerId;
    Coord lonLat;
};

// One place per feature of `layer` that has a point (its first, with a warning when it has several);
// a feature without a point is left out with a warning in `diagnostics`.
std::vector<Place> placesOf(const Layer& layer, Diagnostics& diagnostics);
// The places of every `place` layer of the scenario, in layer order.
std::vector<Place> scenarioPlaces(const Scenario& scenario, Diagnostics& diagnostics);

// Whether each place lies in the held area (dissolved polygons, lon/lat; a point on the outline counts as
// held): the shape prepared once, one test per place.
std::vector<bool> heldPlaces(geo::GeosContext& geos, const Geometry& heldLonLat,
                             const std::vector<Place>& places);

// How near a place lies to a state's line of contact (its front stretches).
struct LineProximity {
    double distanceKm = std::numeric_limits<double>::infinity();  // to the nearest front stretch
    bool onLine = false;  // within some front stretch's own positional uncertainty of it
};

// The places projected into the measurer's equal-area frame (metres), for lineProximity.
std::vector<Coord> projectedPlaces(const Measurer& measurer, const std::vector<Place>& places);
// For each place (placesXy from projectedPlaces), its proximity to the front stretches of `provenance`.
// Distances are planar in the equal-area frame: off by its scale error (well under 1 % within a few
// hundred km of its centre), which is far below any stretch's uncertainty.
std::vector<LineProximity> lineProximity(const Measurer& measurer, const OutlineProvenance& provenance,
                                         const std::vector<Coord>& placesXy);

// A place whose control differs between two states.
struct PlaceChange {
    Place place;
    bool gained = false;  // held at `to` and not at `from`; otherwise lost
    // The nearer of the two states' lines of contact, and whether the place is on either line.
    LineProximity line;
};

// The places held at one of the two states and not at the other, sorted by name (then layer and id).
std::vector<PlaceChange> placeChanges(TimelineEvidence& evidence, const ControlState& from,
                                      const ControlState& to, const std::vector<Place>& places);

// One change of hands in a place's timeline: the first state at which it is held (gained) or no
// longer held (lost).
struct PlaceEvent {
    Date date;
    bool gained = false;
    bool onLine = false;  // on the line of contact of that state or of the state before
};

struct PlaceTimeline {
    Place place;
    bool heldAtStart = false;  // at the first state
    std::vector<PlaceEvent> changes;
    bool heldAtEnd = false;  // at the last state
};

// The timeline of every place that changed hands at least once, sorted by name (then layer and id).
// Linear in states × places: per state, its held area is dissolved, classified (for the line of
// contact) and prepared once, then each place is tested once against it; only one state is kept at a
// time, so memory does not grow with the number of states.
std::vector<PlaceTimeline> placeTimelines(TimelineEvidence& evidence, const std::vector<Place>& places);

}  // namespace frontline::analysis
