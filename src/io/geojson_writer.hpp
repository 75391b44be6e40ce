#pragma once

#include <filesystem>
#include <vector>

#include "core/feature.hpp"

namespace frontline::io {

// RFC 7946 GeoJSON text for the features (lon/lat, coordinates rounded to 1e-7 degrees ≈ 1 cm).
// Polygons become (Multi)Polygon, lines (Multi)LineString, points (Multi)Point; mixed geometry becomes
// a GeometryCollection. Exterior rings are made counter-clockwise as RFC 7946 asks.
std::string toGeoJson(const std::vector<Feature>& features);

// Written atomically.
void writeGeoJson(const std::filesystem::path& path, const std::vector<Feature>& features);

}  // namespace frontline::io
