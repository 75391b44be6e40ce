#include "analysis/change.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace frontline::analysis {

GainedLostPieces geodesicChangePieces(geo::GeosContext& geos, const Geometry& from, const Geometry& to,
                                      const geo::GeodesicEdgeTable& fromEdges, const geo::GeodesicEdgeTable& toEdges) {
    GainedLostPieces result;
    Geometry pieces = geo::symmetricDifference(geos, from, to);
    if (const auto split = geo::splitSymmetricDifference(pieces, fromEdges, toEdges)) {
        result.gainedKm2 = split->gainedKm2;
        result.lostKm2 = split->lostKm2;
        std::optional<geo::PreparedPolygons> toShape;  // made for the first piece no shared edge places
        for (std::size_t i = 0; i < pieces.polygons.size(); ++i) {
            Polygon& piece = pieces.polygons[i];
            bool gained = split->sides[i] == geo::GainedLost::Side::Gained;
            if (split->sides[i] == geo::GainedLost::Side::Unknown) {
                if (!toShape) toShape.emplace(geos, to);
                gained = toShape->containsInteriorPointOf(piece);
                (gained ? result.gainedKm2 : result.lostKm2) += split->piecesKm2[i];
            }
            (gained ? result.gainedLonLat : result.lostLonLat).polygons.push_back(std::move(piece));
        }
        return result;
    }
    result.gainedLonLat = geo::subtract(geos, to, from);
    result.lostLonLat = geo::subtract(geos, from, to);
    result.gainedKm2 = geo::geodesicAreaKm2(result.gainedLonLat, {&fromEdges, &toEdges});
    result.lostKm2 = geo::geodesicAreaKm2(result.lostLonLat, {&fromEdges, &toEdges});
    return result;
}

Change computeChange(const Measurer& measurer, const Geometry& from, const Geometry& to, double fromUncertaintyM,
                     double toUncertaintyM, const geo::GeodesicEdgeTable* fromEdges, const geo::GeodesicEdgeTable* toEdges) {
    Change change;
    double gained = 0, lost = 0;
    if (measurer.method == AreaMethod::Geodesic) {
        std::optional<geo::GeodesicEdgeTable> ownFrom, ownTo;
        if (!fromEdges) fromEdges = &ownFrom.emplace(from);
        if (!toEdges) toEdges = &ownTo.emplace(to);
        GainedLostPieces pieces = geodesicChangePieces(measurer.geos, from, to, *fromEdges, *toEdges);
        change.gainedLonLat = std::move(pieces.gainedLonLat);
        change.lostLonLat = std::move(pieces.lostLonLat);
        change.from = measurer.areaInterval(from, fromUncertaintyM, fromEdges->areaKm2());
        change.to = measurer.areaInterval(to, toUncertaintyM, toEdges->areaKm2());
        gained = pieces.gainedKm2;
        lost = pieces.lostKm2;
    } else {
        change.gainedLonLat = geo::subtract(measurer.geos, to, from);
        change.lostLonLat = geo::subtract(measurer.geos, from, to);
        change.from = measurer.areaInterval(from, fromUncertaintyM);
        change.to = measurer.areaInterval(to, toUncertaintyM);
        gained = measurer.areaKm2(change.gainedLonLat);
        lost = measurer.areaKm2(change.lostLonLat);
    }
    change.gained = {gained, gained, gained};
    change.lost = {lost, lost, lost};
    change.net = {gained - lost, change.to.minKm2 - change.from.maxKm2, change.to.maxKm2 - change.from.minKm2};
    change.closureKm2 = std::fabs(change.to.valueKm2 - change.from.valueKm2 - (gained - lost));

    if (fromUncertaintyM > 0 || toUncertaintyM > 0) {
        const Geometry fromGrown = measurer.grown(from, fromUncertaintyM);
        const Geometry fromShrunk = measurer.grown(from, -fromUncertaintyM);
        const Geometry toGrown = measurer.grown(to, toUncertaintyM);
        const Geometry toShrunk = measurer.grown(to, -toUncertaintyM);
        auto& geos = measurer.geos;
        change.gained.minKm2 = std::min(gained, measurer.areaKm2(geo::subtract(geos, toShrunk, fromGrown)));
        change.gained.maxKm2 = std::max(gained, measurer.areaKm2(geo::subtract(geos, toGrown, fromShrunk)));
        change.lost.minKm2 = std::min(lost, measurer.areaKm2(geo::subtract(geos, fromShrunk, toGrown)));
        change.lost.maxKm2 = std::max(lost, measurer.areaKm2(geo::subtract(geos, fromGrown, toShrunk)));
    }
    return change;
}

bool closureHolds(const Change& change) {
    return change.closureKm2 <= 1e-6 * std::max(change.from.valueKm2, change.to.valueKm2) + 1e-6;
}

}  // namespace frontline::analysis
