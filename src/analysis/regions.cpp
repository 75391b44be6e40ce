#include "analysis/regions.hpp"

#include "core/error.hpp"
#include "geo/geos.hpp"

namespace frontline::analysis {

namespace {

bool overlap(const BoundingBox& a, const BoundingBox& b) {
    return a.valid && b.valid && a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

}  // namespace

Regions::Regions(const Measurer& measurer, const Layer& layer) : m_measurer(measurer) {
    for (const auto& feature : layer.features) {
        if (feature.geometry.polygons.empty()) continue;
        Geometry polygons;
        polygons.polygons = feature.geometry.polygons;
        const BoundingBox box = boundingBox(polygons);
        const double km2 = measurer.areaKm2(polygons);
        m_regions.push_back(
            {feature.id, feature.property("name", feature.id), std::move(polygons), box, km2});
        m_union.polygons.insert(m_union.polygons.end(), feature.geometry.polygons.begin(),
                                feature.geometry.polygons.end());
    }
    if (m_regions.empty()) {
        throw DataError("layer '" + layer.id + "' (" + layer.path + ") has no polygons to split areas over");
    }
    m_union = geo::dissolve(measurer.geos, m_union);
}

std::vector<double> Regions::areasInside(const Geometry& pieces) const {
    std::vector<double> km2(m_regions.size(), 0);
    if (pieces.polygons.empty()) return km2;
    const BoundingBox box = boundingBox(pieces);
    for (std::size_t i = 0; i < m_regions.size(); ++i) {
        if (!overlap(box, m_regions[i].box)) continue;
        km2[i] = m_measurer.areaKm2(geo::intersect(m_measurer.geos, pieces, m_regions[i].polygons));
    }
    return km2;
}

std::vector<BreakdownRow> Regions::breakdown(const Geometry& heldLonLat) const {
    const std::vector<double> heldKm2 = areasInside(heldLonLat);
    std::vector<BreakdownRow> rows;
    for (std::size_t i = 0; i < m_regions.size(); ++i) {
        rows.push_back({m_regions[i].featureId, m_regions[i].name, m_regions[i].areaKm2, heldKm2[i]});
    }
    return rows;
}

ChangeBreakdown Regions::change(const Change& change) const {
    const std::vector<double> gainedKm2 = areasInside(change.gainedLonLat);
    const std::vector<double> lostKm2 = areasInside(change.lostLonLat);
    ChangeBreakdown result;
    for (std::size_t i = 0; i < m_regions.size(); ++i) {
        result.regions.push_back({m_regions[i].featureId, m_regions[i].name, gainedKm2[i], lostKm2[i]});
    }
    auto outsideKm2 = [&](const Geometry& pieces) {
        return pieces.polygons.empty() ? 0.0
                                       : m_measurer.areaKm2(geo::subtract(m_measurer.geos, pieces, m_union));
    };
    result.outside = {"", "", outsideKm2(change.gainedLonLat), outsideKm2(change.lostLonLat)};
    return result;
}

}  // namespace frontline::analysis
