#pragma once
// Reads a written GIS file back with GDAL's C API only (no frontline reader), so tests of the writers
// check the file as any other GIS program would see it.

#include <ogr_core.h>

#include <map>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace frontline::test {

struct ReadBackFeature {
    std::map<std::string, std::string> text;  // every set field as OGR prints it
    std::map<std::string, double> real;       // the Real fields
    Geometry geometry;                        // polygons only; null and empty geometries stay empty
    std::string geometryType;                 // OGR's name, "" for none
};

struct ReadBack {
    std::string driver;  // GDAL's short name, e.g. "GPKG"
    std::string layerName;
    std::string geometryType;  // the layer's declared type
    int epsg = 0;              // the layer CRS's EPSG code, 0 if none
    std::map<std::string, OGRFieldType> fieldTypes;
    std::vector<std::string> fieldNames;  // in order
    std::vector<ReadBackFeature> features;
};

// Fails the current test (and returns an empty ReadBack) when GDAL cannot open it.
ReadBack readBack(const std::string& path);

}  // namespace frontline::test
