#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/layer.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"

namespace frontline::io {

struct LayerReadOptions {
    std::string sourceLayer;        // OGR layer to read; empty = the only one
    std::string assumeCrs;          // CRS to use when the source declares none (or to override it)
    bool strict = false;            // invalid polygons are errors instead of repaired warnings
    Edges edges = Edges::Geodesic;  // what the line between two vertices is (geo::densify)
};

// Reads one layer from any OGR source into WGS84 lon/lat: GDAL reads, PROJ transforms, GEOS checks
// each polygonal feature and repairs an invalid one with MakeValid (a warning naming the feature in
// `diagnostics`; an error under `strict`). Throws DataError on unreadable input, a missing CRS, or
// coordinates outside the globe.
Layer readLayer(const std::string& path, const LayerReadOptions& options, geo::ProjContext& proj,
                geo::GeosContext& geos, Diagnostics& diagnostics);

// Every layer of a source, each read as readLayer does.
std::vector<Layer> readAllLayers(const std::string& path, const LayerReadOptions& options,
                                 geo::ProjContext& proj, geo::GeosContext& geos, Diagnostics& diagnostics);

}  // namespace frontline::io
