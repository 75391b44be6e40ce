#include "analysis/places.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace frontline::analysis {

namespace {

bool byName(const Place& a, const Place& b) {
    return std::tie(a.name, a.layerId, a.id) < std::tie(b.name, b.layerId, b.id);
}

// Both states' proximities merged: the nearer line, on the line when on either.
LineProximity nearer(const LineProximity& a, const LineProximity& b) {
    return {std::min(a.distanceKm, b.distanceKm), a.onLine || b.onLine};
}

// Where each place stands at one state: held or not, and how near that state's line of contact.
struct PlaceStanding {
    std::vector<bool> held;
    std::vector<LineProximity> line;
};

PlaceStanding standing(const Measurer& measurer, const StateOutline& outline,
                       const std::vector<Place>& places, const std::vector<Coord>& placesXy) {
    return {heldPlaces(measurer.geos, outline.held, places),
            lineProximity(measurer, outline.provenance, placesXy)};
}

}  // namespace

std::vector<Place> placesOf(const Layer& layer, Diagnostics& diagnostics) {
    std::vector<Place> places;
    for (const auto& feature : layer.features) {
        const std::string where =
            "layer '" + layer.id + "' (" + layer.path + ") feature '" + feature.id + "'";
        if (feature.geometry.points.empty()) {
            diagnostics.warn(where, "has no point; not a place");
            continue;
        }
        if (feature.geometry.points.size() > 1) {
            diagnostics.warn(where, "has " + std::to_string(feature.geometry.points.size()) +
                                        " points; the place is its first");
        }
        places.push_back({feature.id, feature.property("name", feature.id), feature.property("name_alt"),
                          layer.id, feature.geometry.points.front()});
    }
    return places;
}

std::vector<Place> scenarioPlaces(const Scenario& scenario, Diagnostics& diagnostics) {
    std::vector<Place> places;
    for (const auto& layer : scenario.layers) {
        if (layer.role != LayerRole::Place) continue;
        std::vector<Place> own = placesOf(layer, diagnostics);
        places.insert(places.end(), own.begin(), own.end());
    }
    return places;
}

std::vector<bool> heldPlaces(geo::GeosContext& geos, const Geometry& heldLonLat,
                             const std::vector<Place>& places) {
    std::vector<bool> held(places.size(), false);
    if (heldLonLat.polygons.empty()) return held;
    const geo::PreparedPolygons shape(geos, heldLonLat);
    for (std::size_t i = 0; i < places.size(); ++i) held[i] = shape.covers(places[i].lonLat);
    return held;
}

std::vector<Coord> projectedPlaces(const Measurer& measurer, const std::vector<Place>& places) {
    Geometry points;
    for (const auto& place : places) points.points.push_back(place.lonLat);
    return measurer.frame.project(points).points;
}

std::vector<LineProximity> lineProximity(const Measurer& measurer, const OutlineProvenance& provenance,
                                         const std::vector<Coord>& placesXy) {
    std::vector<LineProximity> result(placesXy.size());
    for (const auto& stretch : provenance.stretches) {
        if (!stretch.front || stretch.projectedXy.lines.empty()) continue;
        const geo::PreparedLines line(measurer.geos, stretch.projectedXy);
        for (std::size_t i = 0; i < placesXy.size(); ++i) {
            const double distanceM = line.distanceTo(placesXy[i]);
            // Each stretch by its own source's uncertainty: a place 3 km from a ±4 km contact line is on
            // it, one 3 km from the ±1 km NKAO boundary that the front follows is not.
            result[i] = nearer(result[i], {distanceM / 1000, distanceM <= stretch.uncertaintyM});
        }
    }
    return result;
}

std::vector<PlaceChange> placeChanges(TimelineEvidence& evidence, const ControlState& from,
                                      const ControlState& to, const std::vector<Place>& places) {
    const Measurer& measurer = evidence.measurer();
    const std::vector<Coord> placesXy = projectedPlaces(measurer, places);
    const PlaceStanding before = standing(measurer, evidence.outline(from), places, placesXy);
    const PlaceStanding after = standing(measurer, evidence.outline(to), places, placesXy);
    std::vector<PlaceChange> changes;
    for (std::size_t i = 0; i < places.size(); ++i) {
        if (before.held[i] == after.held[i]) continue;
        changes.push_back({places[i], after.held[i], nearer(before.line[i], after.line[i])});
    }
    std::sort(changes.begin(), changes.end(),
              [](const PlaceChange& a, const PlaceChange& b) { return byName(a.place, b.place); });
    return changes;
}

std::vector<PlaceTimeline> placeTimelines(TimelineEvidence& evidence, const std::vector<Place>& places) {
    const Measurer& measurer = evidence.measurer();
    const std::vector<Coord> placesXy = projectedPlaces(measurer, places);
    std::vector<PlaceTimeline> timelines(places.size());
    for (std::size_t i = 0; i < places.size(); ++i) timelines[i].place = places[i];
    std::optional<PlaceStanding> previous;
    for (const auto& state : evidence.scenario().timeline.states()) {
        PlaceStanding current = standing(measurer, evidence.outline(state), places, placesXy);
        for (std::size_t i = 0; i < places.size(); ++i) {
            if (!previous) {
                timelines[i].heldAtStart = current.held[i];
            } else if (previous->held[i] != current.held[i]) {
                timelines[i].changes.push_back(
                    {state.date, current.held[i], previous->line[i].onLine || current.line[i].onLine});
            }
            timelines[i].heldAtEnd = current.held[i];
        }
        previous = std::move(current);
    }
    timelines.erase(std::remove_if(timelines.begin(), timelines.end(),
                                   [](const PlaceTimeline& timeline) { return timeline.changes.empty(); }),
                    timelines.end());
    std::sort(timelines.begin(), timelines.end(),
              [](const PlaceTimeline& a, const PlaceTimeline& b) { return byName(a.place, b.place); });
    return timelines;
}

}  // namespace frontline::analysis
