#include "analysis/area.hpp"

#include "geo/geodesic.hpp"

namespace frontline::analysis {

std::optional<AreaMethod> parseAreaMethod(std::string_view text) {
    if (text == "geodesic") return AreaMethod::Geodesic;
    if (text == "planar") return AreaMethod::Planar;
    return std::nullopt;
}

double Measurer::areaKm2(const Geometry& lonLat) const {
    if (lonLat.polygons.empty()) return 0;
    return method == AreaMethod::Geodesic ? geo::geodesicAreaKm2(lonLat) : frame.planarAreaKm2(geos, lonLat);
}

std::vector<double> Measurer::pieceAreasKm2(const Geometry& lonLat) const {
    std::vector<double> areas;
    areas.reserve(lonLat.polygons.size());
    Geometry one;
    one.polygons.resize(1);
    for (const Polygon& polygon : lonLat.polygons) {
        one.polygons.front() = polygon;
        areas.push_back(areaKm2(one));
    }
    return areas;
}

Geometry Measurer::grown(const Geometry& lonLat, double distanceM) const {
    if (distanceM == 0 || lonLat.polygons.empty()) return lonLat;
    return frame.bufferM(geos, lonLat, distanceM);
}

Interval Measurer::areaInterval(const Geometry& lonLat, double uncertaintyM,
                                std::optional<double> knownKm2) const {
    const double value = knownKm2 ? *knownKm2 : areaKm2(lonLat);
    if (uncertaintyM <= 0) return Interval::exact(value);
    const double min = areaKm2(grown(lonLat, -uncertaintyM)), max = areaKm2(grown(lonLat, uncertaintyM));
    return {value, min, max, min, max};
}

}  // namespace frontline::analysis
