#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/output_feature.hpp"
#include "geo/geos.hpp"

namespace frontline::io {

enum class VectorFormat { GeoPackage, FlatGeobuf, Shapefile, GeoJson };

// ".gpkg (GeoPackage), .fgb (FlatGeobuf), .shp (ESRI Shapefile), .geojson or .json (GeoJSON)": for
// help texts.
std::string supportedVectorFormats();

// A GIS file to write, its format chosen by the extension (any case). Made before any computing, it
// refuses at once what writing would refuse at the end: an extension it cannot write (UsageError
// naming the file and the supported extensions), a folder that is missing or not writable, an
// existing file (or Shapefile sidecar) that is read-only or a folder (DataError). Nothing is written
// until write().
//
// Written through GDAL in WGS84 lon/lat (EPSG:4326, longitude first), as one layer named after the
// file's stem. The driver builds the file in memory; each file then goes to a temporary beside its
// target and is renamed over it, so an error (a full disk) leaves every target as it was. A Shapefile
// is several files: all are written before the first rename, the .shp is renamed last, and sidecars
// of an older Shapefile of that name that this one does not have (.qix, .sbn, .cpg …) are removed.
class VectorFile {
public:
    explicit VectorFile(std::filesystem::path path);

    VectorFormat format() const { return m_format; }
    const std::filesystem::path& path() const { return m_path; }

    // Writes the features, whose geometries are all of `kind` or empty. GeoJSON keeps 7 decimals
    // (≈ 1 cm): polygons are snap-rounded to that grid with GEOS first, so they stay valid when read
    // back; other formats keep full precision. FlatGeobuf cannot hold a feature without geometry: such
    // a feature is left out with a warning. GDAL's warnings go to `diagnostics`; errors are DataError
    // "cannot write 'PATH': …".
    void write(const std::vector<OutputFeature>& features, GeometryKind kind, geo::GeosContext& geos,
               Diagnostics& diagnostics) const;

private:
    std::filesystem::path m_path;
    VectorFormat m_format;
};

}  // namespace frontline::io
