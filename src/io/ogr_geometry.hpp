#pragma once
// Geometry between OGR and core, both ways, coordinates as they are (no reprojection). Internal to io/.

#include <ogr_core.h>

#include <memory>

#include "core/geometry.hpp"
#include "core/output_feature.hpp"
#include "core/where.hpp"

class OGRGeometry;

namespace frontline::io {

// Appends the parts of `geometry` to `out`: points, line strings and polygons by kind, multi-geometries
// and collections part by part, curves as GDAL linearises them; empty parts are skipped. Throws
// DataError at `where` on a coordinate that is not a finite number or an unsupported geometry type.
void appendGeometry(const OGRGeometry& geometry, Geometry& out, const Where& where);

// Polygons as a MultiPolygon (a GeoPackage layer of MULTIPOLYGON takes no bare Polygon), lines as a
// MultiLineString, points as a MultiPoint; a mix as a GeometryCollection of those. Null when empty.
std::unique_ptr<OGRGeometry> ogrGeometry(const Geometry& geometry);

// The OGR layer geometry type that holds geometries of `kind` as ogrGeometry makes them.
OGRwkbGeometryType ogrType(GeometryKind kind);

// Whether `geometry` has only parts of `kind`.
bool fits(const Geometry& geometry, GeometryKind kind);

}  // namespace frontline::io
