#include "geo/equal_area.hpp"

#include <cstdio>

namespace frontline::geo {

namespace {
constexpr const char* kWgs84 = "EPSG:4326";
}

std::string laeaCentredOn(const Coord& centreLonLat) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs",
                  centreLonLat.y, centreLonLat.x);
    return text;
}

EqualAreaFrame::EqualAreaFrame(ProjContext& context, const Coord& centreLonLat)
    : EqualAreaFrame(context, laeaCentredOn(centreLonLat)) {}

EqualAreaFrame::EqualAreaFrame(ProjContext& context, const std::string& crs)
    : m_crs(crs), m_transformer(context, kWgs84, crs) {}

Geometry EqualAreaFrame::project(const Geometry& lonLat) const {
    Geometry projectedXy = lonLat;
    m_transformer.forward(projectedXy);
    return projectedXy;
}

Geometry EqualAreaFrame::unproject(const Geometry& projectedXy) const {
    Geometry lonLat = projectedXy;
    m_transformer.inverse(lonLat);
    return lonLat;
}

double EqualAreaFrame::planarAreaKm2(GeosContext& geos, const Geometry& lonLat) const {
    return planarArea(geos, project(lonLat)) / 1e6;
}

Geometry EqualAreaFrame::bufferM(GeosContext& geos, const Geometry& lonLat, double distanceM) const {
    return unproject(buffer(geos, project(lonLat), distanceM));
}

}  // namespace frontline::geo
