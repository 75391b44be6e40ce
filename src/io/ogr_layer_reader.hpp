#pragma once
// One OGR layer read feature by feature into core features. Internal to io/.

#include <optional>
#include <string>

#include "core/feature.hpp"
#include "io/ogr_source.hpp"

class OGRLayer;

namespace frontline::io {

// One OGR layer as declared, before any reprojection. Coordinates are in the source CRS in traditional
// GIS order (easting/longitude first): GDAL >= 3 hands vector data to us that way.
struct SourceLayer {
    std::string name;
    std::string crsWkt;   // WKT2 of the layer's CRS; empty when none is declared or it is WGS84 lon/lat
    std::string crsName;  // e.g. "WGS 84 (EPSG:4326)"
    bool isWgs84LonLat = false;  // already WGS84 longitude/latitude: nothing to transform
    std::string geometryType;    // OGR's name for the declared geometry type
    // A GeoJSON "crs" member GDAL could not read: GDAL then takes the layer for WGS84 without a word.
    std::string unreadableCrs;
};

// Reads a layer borrowed from an OgrSource, which must outlive the reader: its description on
// construction (name, CRS, geometry type), then one feature per next(), coordinates as stored. A feature's id
// is its "id" field when set, else its OGR FID; its other set fields become properties as text (dates ISO
// 8601). Resets the source's error handler, so a failure GDAL reports while reading is this layer's; only one
// reader of a source at a time.
class OgrLayerReader {
public:
    OgrLayerReader(OgrSource& source, OGRLayer& layer);

    const SourceLayer& description() const { return m_description; }

    // The next feature, or none at the end of the layer. Throws DataError naming the file, layer and
    // feature on a bad coordinate or geometry, and at the end naming the file and layer when GDAL
    // reported a failure while reading.
    std::optional<Feature> next();

private:
    OgrSource& m_source;
    OGRLayer& m_layer;
    SourceLayer m_description;
    int m_idField = -1;
};

}  // namespace frontline::io
