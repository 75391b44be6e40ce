#pragma once

#include <optional>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/provenance.hpp"
#include "core/geometry.hpp"
#include "core/scenario.hpp"
#include "geo/geodesic_edges.hpp"

namespace frontline::analysis {

// A change without its slivers: pieces under `minKm2` (two drawings of one line a few metres apart give
// hundreds of them, most under 1 ha) are left out of gained and lost, and counted.
struct KeptPieces {
    double gainedKm2 = 0;  // the pieces kept
    double lostKm2 = 0;
    std::size_t kept = 0;
    std::size_t dropped = 0;
    double droppedGainedKm2 = 0;
    double droppedLostKm2 = 0;
};
KeptPieces keptPieces(const std::vector<double>& gainedPiecesKm2, const std::vector<double>& lostPiecesKm2,
                      double minKm2);

// The pieces of `lonLat` whose area (`piecesKm2`, one per polygon) is at least `minKm2`.
Geometry piecesFrom(const Geometry& lonLat, const std::vector<double>& piecesKm2, double minKm2);

// What changed hands between two states of the held area, km². gained = to − from, lost = from − to.
// closureKm2 = |area(to) − area(from) − (gained − lost)|: zero up to rounding when the overlay is sound.
struct Change {
    Interval from;
    Interval to;
    Interval gained;
    Interval lost;
    Interval net;
    double closureKm2 = 0;
    Geometry gainedLonLat;
    Geometry lostLonLat;
    Geometry keptLonLat;  // held in both states (from − lost), for drawing a transition
    // With a minimum piece area: gained, lost, net and their pieces leave out the slivers counted here
    // (the closure is of all pieces, slivers included).
    std::optional<KeptPieces> pieces;

    double netKm2() const { return gained.value - lost.value; }
};

// A state's held area (dissolved polygons in lon/lat) and its outline split by source.
struct StateOutline {
    Geometry held;
    OutlineProvenance provenance;
};

// What is measured of one state of control, once: the dissolved held area in lon/lat, its geodesic
// edge table (geodesic method), its outline split by source, and its area with both ranges.
struct StateEvidence {
    Geometry held;
    geo::GeodesicEdgeTable edges;
    OutlineProvenance provenance;
    Interval area;
};

// The evidence of `held` (dissolved polygons in lon/lat) whose outline is classified against
// `references`, the rest being `own`. The area interval is [area(P − band), area(P ∪ band)] with the
// band of every stretch buffered by its own source's uncertainty.
StateEvidence stateEvidence(const Measurer& measurer, Geometry held,
                            const std::vector<ReferenceLine>& references, const OwnLine& own,
                            const UncertaintyModel& model);

// Gained and lost pieces by overlay; each interval comes from the band on the outline of its own
// pieces only (a stretch both states share bounds no piece, so it cancels): gained ∈ [area(G − B_G),
// area(G ∪ B_G)] with B_G the stretches of either state that bound G, each buffered by its own
// uncertainty; likewise lost; net ∈ [gained.min − lost.max, gained.max − lost.min], its likely range
// from every stretch that bounds a piece. A state against itself: every interval is [0, 0].
// With `minAreaKm2`, pieces under it are left out (Change::pieces counts them).
Change computeChange(const Measurer& measurer, const StateEvidence& from, const StateEvidence& to,
                     const UncertaintyModel& model = {}, std::optional<double> minAreaKm2 = {});
// The same for two shapes whose whole outlines have one uncertainty each (u_from, u_to in metres).
Change computeChange(const Measurer& measurer, const Geometry& from, const Geometry& to,
                     double fromUncertaintyM = 0, double toUncertaintyM = 0);

// What `to` gained and `from` lost, as polygons and geodesic km²: one symmetric difference split by the
// sides of the states' edges, or two differences where the split cannot tell the pieces apart; piece
// areas are summed from the edge tables.
struct GainedLostPieces {
    double gainedKm2 = 0;
    double lostKm2 = 0;
    Geometry gainedLonLat;
    Geometry lostLonLat;
    std::vector<double> gainedPiecesKm2;  // one per polygon of gainedLonLat (a connected piece)
    std::vector<double> lostPiecesKm2;    // one per polygon of lostLonLat
};
GainedLostPieces geodesicChangePieces(geo::GeosContext& geos, const Geometry& from, const Geometry& to,
                                      const geo::GeodesicEdgeTable& fromEdges,
                                      const geo::GeodesicEdgeTable& toEdges);
// The pieces of `from` △ `to` as `split` (geo::splitSymmetricDifference of them) assigns them; the
// pieces it leaves Unknown are placed by a point-in-polygon test against `to`.
GainedLostPieces piecesBySide(geo::GeosContext& geos, Geometry pieces, const geo::GainedLost& split,
                              const Geometry& to);

// The closure tolerance, km²: relative 1e-6 of the larger of two areas plus 1e-6 km². A closure
// |area(to) − area(from) − (gained − lost)| or a sum of parts beyond it is area counted twice or lost,
// not rounding: between consecutive Karabakh states the closure measured at most 2.3e-5 km² (5e-9
// relative, 2020-11-25 → 2020-12-01), 200 times below the tolerance.
double closureToleranceKm2(double aKm2, double bKm2);
bool closureHolds(const Change& change);

}  // namespace frontline::analysis
