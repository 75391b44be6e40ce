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

// Receives the layers of a source one feature at a time, as streamAllLayers reads them. The `layer`
// passed holds no features: its path, source layer, id (the source layer's name), source CRS and the
// vertices read so far (sourceVertexCount, the layer's total by endLayer). Borrowed for the call only.
class LayerSink {
public:
    virtual ~LayerSink() = default;
    virtual void beginLayer(const Layer& layer) = 0;
    // Each feature as readLayer keeps it: WGS84 lon/lat, checked, repaired, densified.
    virtual void feature(const Layer& layer, Feature&& feature) = 0;
    virtual void endLayer(const Layer& layer) = 0;
};

// Every layer of a source, each feature checked and converted as readAllLayers does and handed to
// `sink` as soon as GDAL has read it: no more than one feature is held here at a time, whatever the
// size of the source. Throws as readAllLayers, when it reaches the problem (features before it have
// been handed on).
void streamAllLayers(const std::string& path, const LayerReadOptions& options, geo::ProjContext& proj,
                     geo::GeosContext& geos, Diagnostics& diagnostics, LayerSink& sink);

}  // namespace frontline::io
