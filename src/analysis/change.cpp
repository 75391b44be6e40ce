#include "analysis/change.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <utility>

namespace frontline::analysis {

GainedLostPieces piecesBySide(geo::GeosContext& geos, Geometry pieces, const geo::GainedLost& split,
                              const Geometry& to) {
    GainedLostPieces result;
    result.gainedKm2 = split.gainedKm2;
    result.lostKm2 = split.lostKm2;
    std::optional<geo::PreparedPolygons> toShape;  // made for the first piece no shared edge places
    for (std::size_t i = 0; i < pieces.polygons.size(); ++i) {
        Polygon& piece = pieces.polygons[i];
        bool gained = split.sides[i] == geo::GainedLost::Side::Gained;
        if (split.sides[i] == geo::GainedLost::Side::Unknown) {
            if (!toShape) toShape.emplace(geos, to);
            gained = toShape->containsInteriorPointOf(piece);
            (gained ? result.gainedKm2 : result.lostKm2) += split.piecesKm2[i];
        }
        (gained ? result.gainedLonLat : result.lostLonLat).polygons.push_back(std::move(piece));
        (gained ? result.gainedPiecesKm2 : result.lostPiecesKm2).push_back(split.piecesKm2[i]);
    }
    return result;
}

GainedLostPieces geodesicChangePieces(geo::GeosContext& geos, const Geometry& from, const Geometry& to,
                                      const geo::GeodesicEdgeTable& fromEdges,
                                      const geo::GeodesicEdgeTable& toEdges) {
    Geometry pieces = geo::symmetricDifference(geos, from, to);
    if (const auto split = geo::splitSymmetricDifference(pieces, fromEdges, toEdges))
        return piecesBySide(geos, std::move(pieces), *split, to);
    GainedLostPieces result;
    result.gainedLonLat = geo::subtract(geos, to, from);
    result.lostLonLat = geo::subtract(geos, from, to);
    result.gainedKm2 = geo::geodesicAreaKm2(result.gainedLonLat, {&fromEdges, &toEdges});
    result.lostKm2 = geo::geodesicAreaKm2(result.lostLonLat, {&fromEdges, &toEdges});
    for (const auto& [shape, areas] : {std::pair{&result.gainedLonLat, &result.gainedPiecesKm2},
                                       std::pair{&result.lostLonLat, &result.lostPiecesKm2}}) {
        for (const Polygon& polygon : shape->polygons) {
            Geometry one;
            one.polygons.push_back(polygon);
            areas->push_back(geo::geodesicAreaKm2(one, {&fromEdges, &toEdges}));
        }
    }
    return result;
}

KeptPieces keptPieces(const std::vector<double>& gainedPiecesKm2, const std::vector<double>& lostPiecesKm2,
                      double minKm2) {
    KeptPieces result;
    for (const auto& [pieces, kept, dropped] :
         {std::tuple{&gainedPiecesKm2, &result.gainedKm2, &result.droppedGainedKm2},
          std::tuple{&lostPiecesKm2, &result.lostKm2, &result.droppedLostKm2}}) {
        for (const double km2 : *pieces) {
            if (km2 < minKm2) {
                *dropped += km2;
                ++result.dropped;
            } else {
                *kept += km2;
                ++result.kept;
            }
        }
    }
    return result;
}

Geometry piecesFrom(const Geometry& lonLat, const std::vector<double>& piecesKm2, double minKm2) {
    Geometry kept;
    for (std::size_t i = 0; i < lonLat.polygons.size() && i < piecesKm2.size(); ++i) {
        if (piecesKm2[i] >= minKm2) kept.polygons.push_back(lonLat.polygons[i]);
    }
    return kept;
}

StateEvidence stateEvidence(const Measurer& measurer, Geometry held,
                            const std::vector<ReferenceLine>& references, const OwnLine& own,
                            const UncertaintyModel& model) {
    StateEvidence evidence;
    evidence.held = std::move(held);
    const bool geodesic = measurer.method == AreaMethod::Geodesic;
    if (geodesic) evidence.edges = geo::GeodesicEdgeTable(evidence.held);
    evidence.provenance = classifyOutline(measurer, evidence.held, references, own);
    const double value = geodesic ? evidence.edges.areaKm2() : measurer.areaKm2(evidence.held);
    evidence.area = boundedInterval(measurer, evidence.held, value, evidence.provenance, model);
    return evidence;
}

namespace {

// The stretches of either state that bound `piece`: those within 1 m of it in the equal-area frame.
// The pieces are cut from the states' own vertices, and both go through one projection, so a bounding
// stretch lies on the piece's outline to rounding (nanometres); 1 m takes nothing else, since no
// stretch of either state crosses a piece's interior.
OutlineProvenance boundingStretches(const Measurer& measurer, const Geometry& pieceLonLat,
                                    const StateEvidence& from, const StateEvidence& to) {
    if (pieceLonLat.polygons.empty()) return {};
    const Geometry zoneXy = geo::buffer(measurer.geos, measurer.frame.project(pieceLonLat), 1.0);
    return from.provenance.within(measurer, zoneXy) + to.provenance.within(measurer, zoneXy);
}

// The pieces wider than rounding. Two states derived from one another share lines whose vertices were
// rounded apart (compose.py and GeoJSON keep 1e-6°, ≈0.1 m), and the overlay leaves slivers along
// them: between the bundled 25 Nov and 1 Dec 2020 states, 0.000 km² in all, whose bands would add
// 105 km² of "possible gain". A piece whose area is under 1 m × its perimeter (mean width under 2 m)
// is such a sliver: its area still counts, but it has no outline of its own to be uncertain about.
Geometry resolvedPieces(const Measurer& measurer, const Geometry& piecesLonLat) {
    Geometry kept;
    for (const auto& piece : piecesLonLat.polygons) {
        Geometry one;
        one.polygons.push_back(piece);
        const Geometry xy = measurer.frame.project(one);
        const double areaM2 = geo::planarArea(measurer.geos, xy);
        double perimeterM = 0;
        for (const auto& ring : xy.polygons.front().rings) {
            for (std::size_t i = 1; i < ring.size(); ++i)
                perimeterM += std::hypot(ring[i].x - ring[i - 1].x, ring[i].y - ring[i - 1].y);
        }
        if (areaM2 >= 1.0 * perimeterM) kept.polygons.push_back(piece);
    }
    return kept;
}

}  // namespace

Change computeChange(const Measurer& measurer, const StateEvidence& from, const StateEvidence& to,
                     const UncertaintyModel& model, std::optional<double> minAreaKm2) {
    Change change;
    double gained = 0, lost = 0;
    std::vector<double> gainedPieces, lostPieces;
    if (measurer.method == AreaMethod::Geodesic) {
        GainedLostPieces pieces =
            geodesicChangePieces(measurer.geos, from.held, to.held, from.edges, to.edges);
        change.gainedLonLat = std::move(pieces.gainedLonLat);
        change.lostLonLat = std::move(pieces.lostLonLat);
        gained = pieces.gainedKm2;
        lost = pieces.lostKm2;
        gainedPieces = std::move(pieces.gainedPiecesKm2);
        lostPieces = std::move(pieces.lostPiecesKm2);
    } else {
        change.gainedLonLat = geo::subtract(measurer.geos, to.held, from.held);
        change.lostLonLat = geo::subtract(measurer.geos, from.held, to.held);
        gained = measurer.areaKm2(change.gainedLonLat);
        lost = measurer.areaKm2(change.lostLonLat);
        if (minAreaKm2) {
            gainedPieces = measurer.pieceAreasKm2(change.gainedLonLat);
            lostPieces = measurer.pieceAreasKm2(change.lostLonLat);
        }
    }
    change.from = from.area;
    change.to = to.area;
    if (!from.held.polygons.empty() && !to.held.polygons.empty()) {
        change.keptLonLat = change.lostLonLat.polygons.empty()
                                ? from.held
                                : geo::subtract(measurer.geos, from.held, change.lostLonLat);
    }
    change.closureKm2 = std::fabs(change.to.value - change.from.value - (gained - lost));
    if (minAreaKm2) {
        change.pieces = keptPieces(gainedPieces, lostPieces, *minAreaKm2);
        change.gainedLonLat = piecesFrom(change.gainedLonLat, gainedPieces, *minAreaKm2);
        change.lostLonLat = piecesFrom(change.lostLonLat, lostPieces, *minAreaKm2);
        gained = change.pieces->gainedKm2;
        lost = change.pieces->lostKm2;
    }

    const OutlineProvenance gainedEdges =
        boundingStretches(measurer, resolvedPieces(measurer, change.gainedLonLat), from, to);
    const OutlineProvenance lostEdges =
        boundingStretches(measurer, resolvedPieces(measurer, change.lostLonLat), from, to);
    change.gained = boundedInterval(measurer, change.gainedLonLat, gained, gainedEdges, model);
    change.lost = boundedInterval(measurer, change.lostLonLat, lost, lostEdges, model);
    const double net = gained - lost;
    change.net.value = net;
    change.net.min = change.gained.min - change.lost.max;
    change.net.max = change.gained.max - change.lost.min;
    const double halfWidth = model.z * areaSigmaKm2(gainedEdges + lostEdges, model);
    change.net.likelyMin = std::clamp(net - halfWidth, change.net.min, net);
    change.net.likelyMax = std::clamp(net + halfWidth, net, change.net.max);
    return change;
}

Change computeChange(const Measurer& measurer, const Geometry& from, const Geometry& to,
                     double fromUncertaintyM, double toUncertaintyM) {
    const StateEvidence fromEvidence =
        stateEvidence(measurer, from, {}, {"from", "from", fromUncertaintyM}, {});
    const StateEvidence toEvidence = stateEvidence(measurer, to, {}, {"to", "to", toUncertaintyM}, {});
    return computeChange(measurer, fromEvidence, toEvidence);
}

double closureToleranceKm2(double aKm2, double bKm2) {
    return 1e-6 * std::max(std::fabs(aKm2), std::fabs(bKm2)) + 1e-6;
}

bool closureHolds(const Change& change) {
    return change.closureKm2 <= closureToleranceKm2(change.from.value, change.to.value);
}

}  // namespace frontline::analysis
