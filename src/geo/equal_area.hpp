#pragma once

#include <string>

#include "core/geometry.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"

namespace frontline::geo {

// A Lambert azimuthal equal-area projection on WGS84 centred on the data (or a CRS the scenario
// names), used for the planar cross-check of areas and for buffering by metres.
class EqualAreaFrame {
public:
    // LAEA centred on `centreLonLat`.
    EqualAreaFrame(ProjContext& context, const Coord& centreLonLat);
    // Any projected CRS given as a PROJ string, WKT or "EPSG:code"; it should be equal-area.
    EqualAreaFrame(ProjContext& context, const std::string& crs);

    const std::string& crs() const { return m_crs; }

    Geometry project(const Geometry& lonLat) const;
    Geometry unproject(const Geometry& projectedXy) const;

    // Planar area in the projection, km².
    double planarAreaKm2(GeosContext& geos, const Geometry& lonLat) const;
    // The polygons grown (positive) or shrunk (negative) by `distanceM` metres, back in lon/lat.
    Geometry bufferM(GeosContext& geos, const Geometry& lonLat, double distanceM) const;

private:
    std::string m_crs;
    Transformer m_transformer;
};

// A PROJ string for the LAEA projection centred on a point.
std::string laeaCentredOn(const Coord& centreLonLat);

}  // namespace frontline::geo
