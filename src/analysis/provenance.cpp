#include "analysis/provenance.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/geodesic.hpp"
#include "geo/geos.hpp"

namespace frontline::analysis {

namespace {

OutlineStretch makeStretch(const Measurer& measurer, std::string id, std::string title, double uncertaintyM,
                           bool front, bool own, Geometry projectedXy) {
    OutlineStretch stretch{std::move(id), std::move(title),       uncertaintyM, front,
                           own,           std::move(projectedXy), {},           0};
    stretch.lonLat = measurer.frame.unproject(stretch.projectedXy);
    stretch.lengthKm = geo::geodesicLengthKm(stretch.lonLat);
    return stretch;
}

}  // namespace

double OutlineProvenance::lengthKm() const {
    double km = 0;
    for (const auto& stretch : stretches) km += stretch.lengthKm;
    return km;
}

double OutlineProvenance::frontKm() const {
    double km = 0;
    for (const auto& stretch : stretches) km += stretch.front ? stretch.lengthKm : 0;
    return km;
}

Geometry OutlineProvenance::frontLonLat() const {
    Geometry lines;
    for (const auto& stretch : stretches) {
        if (stretch.front)
            lines.lines.insert(lines.lines.end(), stretch.lonLat.lines.begin(), stretch.lonLat.lines.end());
    }
    return lines;
}

OutlineProvenance OutlineProvenance::within(const Measurer& measurer, const Geometry& zoneXy) const {
    OutlineProvenance result;
    for (const auto& stretch : stretches) {
        Geometry inside = geo::clipLines(measurer.geos, stretch.projectedXy, zoneXy, true);
        if (inside.lines.empty()) continue;
        result.stretches.push_back(makeStretch(measurer, stretch.sourceId, stretch.sourceTitle,
                                               stretch.uncertaintyM, stretch.front, stretch.own,
                                               std::move(inside)));
    }
    return result;
}

OutlineProvenance OutlineProvenance::operator+(const OutlineProvenance& other) const {
    OutlineProvenance sum = *this;
    sum.stretches.insert(sum.stretches.end(), other.stretches.begin(), other.stretches.end());
    return sum;
}

OutlineProvenance layerOutline(const Measurer& measurer, const Layer& layer, const Geometry& polygonsLonLat) {
    OutlineProvenance provenance;
    if (polygonsLonLat.polygons.empty()) return provenance;
    provenance.stretches.push_back(makeStretch(measurer, layer.id, layer.title, layer.uncertaintyM, false,
                                               false,
                                               measurer.frame.project(geo::outlineOf(polygonsLonLat))));
    return provenance;
}

double matchToleranceM(const Layer& reference, const Layer& control) {
    // Two sources never draw one line with the same vertices; without a stated tolerance an edge
    // follows a reference when it lies within the coarser source's uncertainty of it.
    return control.matchM.value_or(std::max(reference.uncertaintyM, control.uncertaintyM));
}

namespace {

constexpr double kMetresPerDegreeLat = 110574, kMetresPerDegreeLon = 111320, kEarthRadiusM = 6371008.8;
// Reference segments longer than this (degrees) are kept whatever their distance (nearLinework).
constexpr double kLongSegmentDegrees = 0.25;

// A generous bound of how far the geodesic between two vertices `spanDegrees` apart (the larger of the
// longitude and latitude spans) at latitudes up to `latitude` departs from the straight lon/lat line:
// twice the sagitta L²·tan φ / 8R of the arc, with φ taken one span further poleward.
double bowBoundM(double spanDegrees, double latitude) {
    const double phi = std::min(std::abs(latitude) + spanDegrees, 85.0) * M_PI / 180;
    const double length = spanDegrees * kMetresPerDegreeLon;
    return 2 * length * length * std::tan(phi) / (8 * kEarthRadiusM);
}

}  // namespace

OutlineExtent outlineExtent(const std::vector<const Layer*>& layers) {
    OutlineExtent extent;
    double longest = 0;
    for (const Layer* layer : layers) {
        for (const auto& feature : layer->features) {
            for (const auto& polygon : feature.geometry.polygons) {
                for (const auto& ring : polygon.rings) {
                    for (std::size_t i = 0; i < ring.size(); ++i) {
                        extent.box.expand(ring[i]);
                        if (i == 0) continue;
                        longest = std::max({longest, std::abs(ring[i].x - ring[i - 1].x),
                                            std::abs(ring[i].y - ring[i - 1].y)});
                    }
                }
            }
        }
    }
    if (extent.box.valid)
        extent.bowM = bowBoundM(longest, std::max(std::abs(extent.box.minY), std::abs(extent.box.maxY)));
    return extent;
}

Geometry nearLinework(const Geometry& lineworkLonLat, const OutlineExtent& near, double distanceM) {
    const BoundingBox& box = near.box;
    // A box around (or across) the antimeridian or a pole: nothing is left out.
    if (!box.valid || box.maxX - box.minX > 180 || std::max(std::abs(box.minY), std::abs(box.maxY)) > 80)
        return lineworkLonLat;
    const double latitude = std::max(std::abs(box.minY), std::abs(box.maxY));
    const double marginM = 2 * distanceM + near.bowM + bowBoundM(kLongSegmentDegrees, latitude) + 1000;
    const double marginLat = 1.5 * marginM / kMetresPerDegreeLat;
    const double cosine = std::max(0.1, std::cos(std::min(latitude + marginLat, 84.0) * M_PI / 180));
    const double marginLon = 1.5 * marginM / (kMetresPerDegreeLon * cosine);
    const double minX = box.minX - marginLon, maxX = box.maxX + marginLon;
    const double minY = box.minY - marginLat, maxY = box.maxY + marginLat;
    const auto kept = [&](const Coord& a, const Coord& b) {
        if (std::abs(a.x - b.x) > kLongSegmentDegrees || std::abs(a.y - b.y) > kLongSegmentDegrees)
            return true;
        return std::max(a.x, b.x) >= minX && std::min(a.x, b.x) <= maxX && std::max(a.y, b.y) >= minY &&
               std::min(a.y, b.y) <= maxY;
    };
    Geometry result;
    for (const auto& line : lineworkLonLat.lines) {
        std::vector<Coord> run;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (kept(line[i - 1], line[i])) {
                if (run.empty()) run.push_back(line[i - 1]);
                run.push_back(line[i]);
            } else if (!run.empty()) {
                result.lines.push_back(std::move(run));
                run.clear();
            }
        }
        if (!run.empty()) result.lines.push_back(std::move(run));
    }
    return result;
}

ReferenceLine referenceLine(const Measurer& measurer, const Layer& reference, const Layer& control,
                            const OutlineExtent* near) {
    Geometry linework;
    for (const auto& feature : reference.features) {
        Geometry outline = geo::outlineOf(feature.geometry);
        linework.lines.insert(linework.lines.end(), outline.lines.begin(), outline.lines.end());
        linework.lines.insert(linework.lines.end(), feature.geometry.lines.begin(),
                              feature.geometry.lines.end());
    }
    const double matchM = matchToleranceM(reference, control);
    if (near) linework = nearLinework(linework, *near, matchM);
    ReferenceLine line{reference.id, reference.title,         reference.uncertaintyM,
                       matchM,       reference.isFrontLine(), {}};
    line.zoneXy = std::make_shared<const Geometry>(
        matchM > 0 ? geo::bufferLines(measurer.geos, measurer.frame.project(linework), matchM) : Geometry{});
    return line;
}

OutlineProvenance classifyOutline(const Measurer& measurer, const Geometry& heldLonLat,
                                  const std::vector<ReferenceLine>& references, const OwnLine& own) {
    OutlineProvenance provenance;
    if (heldLonLat.polygons.empty()) return provenance;
    Geometry remaining = measurer.frame.project(geo::outlineOf(heldLonLat));
    for (const auto& reference : references) {
        if (remaining.lines.empty()) break;
        if (!reference.zoneXy) continue;
        Geometry on = geo::clipLines(measurer.geos, remaining, *reference.zoneXy, true);
        if (on.lines.empty()) continue;
        remaining = geo::clipLines(measurer.geos, remaining, *reference.zoneXy, false);
        provenance.stretches.push_back(makeStretch(measurer, reference.layerId, reference.title,
                                                   reference.uncertaintyM, reference.front, false,
                                                   std::move(on)));
    }
    if (!remaining.lines.empty()) {
        provenance.stretches.push_back(makeStretch(measurer, own.layerId, own.title, own.uncertaintyM, true,
                                                   true, std::move(remaining)));
    }
    return provenance;
}

Geometry uncertaintyBand(const Measurer& measurer, const OutlineProvenance& provenance) {
    Geometry bandXy;
    for (const auto& stretch : provenance.stretches) {
        Geometry piece = geo::bufferLines(measurer.geos, stretch.projectedXy, stretch.uncertaintyM);
        if (piece.polygons.empty()) continue;
        bandXy = bandXy.polygons.empty() ? std::move(piece) : geo::unite(measurer.geos, bandXy, piece);
    }
    return bandXy.polygons.empty() ? Geometry{} : measurer.frame.unproject(bandXy);
}

double areaSigmaKm2(const OutlineProvenance& provenance, const UncertaintyModel& model) {
    std::map<std::string, std::pair<double, double>> bySource;  // id → (total km, u in km)
    for (const auto& stretch : provenance.stretches) {
        auto& [km, uKm] = bySource[stretch.sourceId];
        km += stretch.lengthKm;
        uKm = stretch.uncertaintyM / 1000;
    }
    double variance = 0;
    for (const auto& [id, entry] : bySource) {
        const auto [km, uKm] = entry;
        const double sigmaKm = model.sigmaFraction * uKm;
        variance += sigmaKm * sigmaKm * km * std::min(km, model.correlationKm);
    }
    return std::sqrt(variance);
}

Interval boundedInterval(const Measurer& measurer, const Geometry& pieceLonLat, double valueKm2,
                         const OutlineProvenance& edges, const UncertaintyModel& model) {
    if (pieceLonLat.polygons.empty() && edges.stretches.empty()) return Interval::exact(valueKm2);
    const Geometry band = uncertaintyBand(measurer, edges);
    if (band.polygons.empty()) return Interval::exact(valueKm2);
    Interval interval;
    interval.value = valueKm2;
    interval.min = std::min(valueKm2, measurer.areaKm2(geo::subtract(measurer.geos, pieceLonLat, band)));
    interval.max = std::max(valueKm2, measurer.areaKm2(geo::unite(measurer.geos, pieceLonLat, band)));
    const double halfWidth = model.z * areaSigmaKm2(edges, model);
    interval.likelyMin = std::clamp(valueKm2 - halfWidth, interval.min, valueKm2);
    interval.likelyMax = std::clamp(valueKm2 + halfWidth, valueKm2, interval.max);
    return interval;
}

}  // namespace frontline::analysis
