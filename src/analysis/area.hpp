#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analysis/interval.hpp"
#include "core/geometry.hpp"
#include "geo/equal_area.hpp"
#include "geo/geos.hpp"

namespace frontline::analysis {

// Geodesic: on the WGS84 ellipsoid (the default, the number we stand behind).
// Planar: in the scenario's equal-area projection (a cross-check).
enum class AreaMethod { Geodesic, Planar };

std::optional<AreaMethod> parseAreaMethod(std::string_view text);

// Areas are Intervals in km² (analysis/interval.hpp), with both ranges set.

// What measuring needs: a GEOS context, the equal-area frame (for the planar method and for buffering
// by metres) and the method. Borrowed references; one per thread.
struct Measurer {
    geo::GeosContext& geos;
    const geo::EqualAreaFrame& frame;
    AreaMethod method = AreaMethod::Geodesic;

    // Area of the polygons (which must not overlap), km².
    double areaKm2(const Geometry& lonLat) const;
    // The area of each polygon of `lonLat` (a connected piece), km², in order.
    std::vector<double> pieceAreasKm2(const Geometry& lonLat) const;
    // The polygons moved outwards (+) or inwards (−) by `distanceM` metres in the equal-area frame.
    Geometry grown(const Geometry& lonLat, double distanceM) const;
    // [area of the shape shrunk by u, area grown by u], u in metres, for a shape whose whole outline has
    // one uncertainty (a layer's feature); the likely range is the worst case. `knownKm2` is the shape's
    // area when the caller has measured it already.
    Interval areaInterval(const Geometry& lonLat, double uncertaintyM,
                          std::optional<double> knownKm2 = {}) const;
};

}  // namespace frontline::analysis
