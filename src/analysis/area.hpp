#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"
#include "geo/equal_area.hpp"
#include "geo/geos.hpp"

namespace frontline::analysis {

// Geodesic: on the WGS84 ellipsoid (the default, the number we stand behind).
// Planar: in the scenario's equal-area projection (a cross-check).
enum class AreaMethod { Geodesic, Planar };

std::optional<AreaMethod> parseAreaMethod(std::string_view text);

// An area with the ranges that the layers' positional uncertainty allows, all km²: the worst case
// [minKm2, maxKm2] (every stretch of outline off by its whole uncertainty) and the likely range
// [likelyMinKm2, likelyMaxKm2] inside it (core/scenario.hpp, UncertaintyModel).
// Invariant: minKm2 <= likelyMinKm2 <= valueKm2 <= likelyMaxKm2 <= maxKm2.
struct AreaInterval {
    double valueKm2 = 0;
    double minKm2 = 0;
    double maxKm2 = 0;
    double likelyMinKm2 = 0;
    double likelyMaxKm2 = 0;

    static AreaInterval exact(double km2) { return {km2, km2, km2, km2, km2}; }
};

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
    AreaInterval areaInterval(const Geometry& lonLat, double uncertaintyM,
                              std::optional<double> knownKm2 = {}) const;
};

}  // namespace frontline::analysis
