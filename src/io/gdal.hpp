#pragma once
// What the rest of the tree asks of GDAL/OGR besides reading layers (io/layer_reader.hpp): whether a
// path is a local, readable file, which extensions GDAL's vector drivers claim, the libpq wait, and
// writing typed output features with one of its drivers. No GDAL header here; inside io/ the types
// behind it have their own files: OgrSource (an opened dataset), OgrLayerReader (a layer feature by
// feature), ogr_geometry (OGR <-> core geometry), QuietGdalErrors and CollectedGdalMessages (GDAL's
// error handler while reading and writing), MemoryFolder (/vsimem/).

#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/output_feature.hpp"

namespace frontline::io {

// True unless `path` is a GDAL connection string ("PG:…"), a /vsi virtual path or a URL: those are
// not files on this machine and are never stat'ed.
bool isLocalPath(const std::string& path);

// Why the local file `path` cannot be read, as a phrase to follow "'path': " ("no such file", "is a
// directory", "is a named pipe, not a file", "permission denied", "too many levels of symbolic links"),
// or empty when it is a regular, readable file. Never opens anything that could block (a FIFO, a device).
std::string localFileProblem(const std::string& path);

// The file extensions (lower case, no dot) GDAL's vector drivers claim, e.g. "geojson", "gpkg", "shp".
std::set<std::string> vectorFileExtensions();

// Gives PostgreSQL connections ("PG:" sources) a connect timeout of `seconds` through libpq's
// PGCONNECT_TIMEOUT, unless the environment already sets it; a `connect_timeout` in the connection
// string still wins. Without one libpq waits for ever on a server that accepts the connection and
// never answers. Changes the environment, so call it before any other thread starts.
void limitConnectionWait(int seconds);

// How writeOgrLayer writes: which driver, under which name, with which layer creation options.
struct OgrLayerOutput {
    std::string driver;  // GDAL's short name: "GPKG", "FlatGeobuf", "ESRI Shapefile", …
    std::string path;    // the target as given, for messages; its file name names the dataset
    std::string layerName;
    GeometryKind geometry = GeometryKind::Any;
    std::vector<std::string> layerOptions;  // "KEY=VALUE"
};

// One file of a dataset as GDAL wrote it: its name (no folder) and its bytes.
struct WrittenFile {
    std::string name;
    std::string bytes;
};

// Writes `features` as one layer in WGS84 lon/lat (EPSG:4326, longitude first), their id as the String
// field "id" followed by their fields, into GDAL's in-memory file system, and returns the files the
// driver made there, sorted by name (one, or a Shapefile's .shp, .shx, .dbf, .prj, .cpg). Nothing touches
// the disk: the caller puts the bytes in place. Polygons are written as MultiPolygons, lines as
// MultiLineStrings, points as MultiPoints, an empty geometry as none. GDAL's warnings (a field name
// shortened for a Shapefile) go to `diagnostics`; a failure, or a driver that kept fewer features than
// it was given, throws DataError "cannot write 'PATH': …". Features whose fields differ in name, order
// or type, or whose geometry is not of the layer's kind, are a programmer error (std::invalid_argument).
std::vector<WrittenFile> writeOgrLayer(const OgrLayerOutput& output,
                                       const std::vector<OutputFeature>& features, Diagnostics& diagnostics);

// The GDAL version string, e.g. "3.6.2".
std::string gdalVersion();

}  // namespace frontline::io
