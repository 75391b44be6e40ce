#include "io/geojson_writer.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "io/atomic_file.hpp"

namespace frontline::io {

namespace {

using Json = nlohmann::ordered_json;

double round7(double value) { return std::round(value * 1e7) / 1e7; }

Json position(const Coord& c) { return Json::array({round7(c.x), round7(c.y)}); }

Json path(const Path& points) {
    Json array = Json::array();
    for (const auto& c : points) array.push_back(position(c));
    return array;
}

// Twice the signed planar area in lon/lat; positive for counter-clockwise rings.
double signedArea2(const Path& ring) {
    double sum = 0;
    for (std::size_t i = 1; i < ring.size(); ++i) sum += ring[i - 1].x * ring[i].y - ring[i].x * ring[i - 1].y;
    return sum;
}

Json polygon(const Polygon& polygon) {
    Json rings = Json::array();
    for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
        Path ring = polygon.rings[r];
        const bool wantCounterClockwise = r == 0;
        if ((signedArea2(ring) > 0) != wantCounterClockwise) std::reverse(ring.begin(), ring.end());
        rings.push_back(path(ring));
    }
    return rings;
}

Json geometryJson(const Geometry& geometry) {
    std::vector<Json> parts;
    if (geometry.polygons.size() == 1) {
        parts.push_back({{"type", "Polygon"}, {"coordinates", polygon(geometry.polygons.front())}});
    } else if (!geometry.polygons.empty()) {
        Json all = Json::array();
        for (const auto& p : geometry.polygons) all.push_back(polygon(p));
        parts.push_back({{"type", "MultiPolygon"}, {"coordinates", all}});
    }
    if (geometry.lines.size() == 1) {
        parts.push_back({{"type", "LineString"}, {"coordinates", path(geometry.lines.front())}});
    } else if (!geometry.lines.empty()) {
        Json all = Json::array();
        for (const auto& l : geometry.lines) all.push_back(path(l));
        parts.push_back({{"type", "MultiLineString"}, {"coordinates", all}});
    }
    if (geometry.points.size() == 1) {
        parts.push_back({{"type", "Point"}, {"coordinates", position(geometry.points.front())}});
    } else if (!geometry.points.empty()) {
        parts.push_back({{"type", "MultiPoint"}, {"coordinates", path(geometry.points)}});
    }
    if (parts.empty()) return nullptr;
    if (parts.size() == 1) return parts.front();
    return {{"type", "GeometryCollection"}, {"geometries", parts}};
}

}  // namespace

std::string toGeoJson(const std::vector<Feature>& features) {
    Json collection = {{"type", "FeatureCollection"}, {"features", Json::array()}};
    for (const auto& feature : features) {
        Json properties = Json::object();
        for (const auto& [key, value] : feature.properties) properties[key] = value;
        collection["features"].push_back(
            {{"type", "Feature"}, {"id", feature.id}, {"properties", properties}, {"geometry", geometryJson(feature.geometry)}});
    }
    return collection.dump() + "\n";
}

void writeGeoJson(const std::filesystem::path& path, const std::vector<Feature>& features) {
    writeFileAtomically(path, toGeoJson(features));
}

}  // namespace frontline::io
