#include "analysis/change.hpp"

#include <algorithm>
#include <cmath>

namespace frontline::analysis {

Change computeChange(const Measurer& measurer, const Geometry& from, const Geometry& to, double fromUncertaintyM,
                     double toUncertaintyM) {
    Change change;
    change.gainedLonLat = geo::subtract(measurer.geos, to, from);
    change.lostLonLat = geo::subtract(measurer.geos, from, to);
    change.from = measurer.areaInterval(from, fromUncertaintyM);
    change.to = measurer.areaInterval(to, toUncertaintyM);
    const double gained = measurer.areaKm2(change.gainedLonLat);
    const double lost = measurer.areaKm2(change.lostLonLat);
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
