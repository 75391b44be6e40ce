#pragma once

#include "analysis/area.hpp"
#include "core/geometry.hpp"
#include "geo/geodesic_edges.hpp"

namespace frontline::analysis {

// What changed hands between two states of the held area, km². gained = to − from, lost = from − to.
// closureKm2 = |area(to) − area(from) − (gained − lost)|: zero up to rounding when the overlay is sound.
struct Change {
    AreaInterval from;
    AreaInterval to;
    AreaInterval gained;
    AreaInterval lost;
    AreaInterval net;
    double closureKm2 = 0;
    Geometry gainedLonLat;
    Geometry lostLonLat;

    double netKm2() const { return gained.valueKm2 - lost.valueKm2; }
};

// Inputs must be dissolved (non-overlapping) polygons in lon/lat. With positional uncertainties u_from
// and u_to (metres) the intervals take the worst case: least gained = shrunk(to) − grown(from), most
// gained = grown(to) − shrunk(from); likewise lost; net spans [min(to) − max(from), max(to) − min(from)].
// For the geodesic method the states' edge tables may be passed in (a caller walking a timeline keeps
// them); otherwise they are made here.
Change computeChange(const Measurer& measurer, const Geometry& from, const Geometry& to, double fromUncertaintyM = 0,
                     double toUncertaintyM = 0, const geo::GeodesicEdgeTable* fromEdges = nullptr,
                     const geo::GeodesicEdgeTable* toEdges = nullptr);

// What `to` gained and `from` lost, as polygons and geodesic km²: one symmetric difference split by the
// sides of the states' edges, or two differences where the split cannot tell the pieces apart; piece
// areas are summed from the edge tables.
struct GainedLostPieces {
    double gainedKm2 = 0;
    double lostKm2 = 0;
    Geometry gainedLonLat;
    Geometry lostLonLat;
};
GainedLostPieces geodesicChangePieces(geo::GeosContext& geos, const Geometry& from, const Geometry& to,
                                      const geo::GeodesicEdgeTable& fromEdges, const geo::GeodesicEdgeTable& toEdges);

// The closure tolerance: relative 1e-6 of the larger area plus 1e-6 km².
bool closureHolds(const Change& change);

}  // namespace frontline::analysis
