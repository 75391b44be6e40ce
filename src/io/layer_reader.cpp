#include "io/layer_reader.hpp"

#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "geo/densify.hpp"
#include "io/ogr_layer_reader.hpp"
#include "io/ogr_source.hpp"

namespace frontline::io {

namespace {

constexpr const char* kWgs84 = "EPSG:4326";

void checkLonLatRange(const Geometry& geometry, const Where& where) {
    auto check = [&](const Coord& c) {
        if (c.x < -180.0 - 1e-9 || c.x > 180.0 + 1e-9 || c.y < -90.0 - 1e-9 || c.y > 90.0 + 1e-9) {
            throw DataError(where,
                            "coordinate (" + std::to_string(c.x) + ", " + std::to_string(c.y) +
                                ") is outside longitude -180..180 / latitude -90..90; is the CRS right?");
        }
    };
    for (const auto& polygon : geometry.polygons) {
        for (const auto& ring : polygon.rings) {
            for (const auto& c : ring) check(c);
        }
    }
    for (const auto& line : geometry.lines) {
        for (const auto& c : line) check(c);
    }
    for (const auto& c : geometry.points) check(c);
}

// Text is UTF-8 everywhere after reading: GeoJSON must be (RFC 8259 §8.1) and GDAL recodes the formats
// that declare another encoding (a Shapefile's .cpg). Bytes that are not UTF-8 would reach a JSON report
// or a label as garbage, so each becomes U+FFFD with a warning (an error under `strict`) naming the
// property; nothing is measured from text, so no number changes.
void checkUtf8(Feature& feature, const Where& where, bool strict, Diagnostics& diagnostics) {
    std::vector<std::string> bad;
    auto replaced = [&](const std::string& text, const std::string& what) {
        if (isValidUtf8(text)) return text;
        if (strict) throw DataError(where, what + " is not UTF-8 text");
        bad.push_back(what);
        return withInvalidUtf8Replaced(text);
    };
    feature.id = replaced(feature.id, "the id");
    std::map<std::string, std::string> properties;
    for (auto& [key, value] : feature.properties) {
        const std::string name = replaced(key, "a property name");
        properties[name] = replaced(value, "property '" + name + "'");
    }
    feature.properties = std::move(properties);
    if (bad.empty()) return;
    std::string list;
    for (const auto& what : bad) list += (list.empty() ? "" : ", ") + what;
    diagnostics.warn(where, list + (bad.size() == 1 ? " is" : " are") +
                                " not UTF-8 text; each byte that is not became U+FFFD");
}

// RFC 7946 §3.1.9 asks writers to split geometries at the antimeridian; read as given, an unsplit box
// from 179° E to 179° W spans 358° the long way round (4,346,840 km² instead of 24,000). An edge whose
// longitude jumps by more than 180° is taken for such a crossing. Edges with both ends on ±180° (a
// polygon lying along the antimeridian, Antarctica's closing edge at the pole) are meant as drawn.
void checkAntimeridian(const Geometry& geometry, const Where& where) {
    auto check = [&](const Path& path, const std::string& what) {
        for (std::size_t i = 1; i < path.size(); ++i) {
            const Coord& a = path[i - 1];
            const Coord& b = path[i];
            if (std::abs(b.x - a.x) <= 180.0) continue;
            if (std::abs(std::abs(a.x) - 180.0) < 1e-9 && std::abs(std::abs(b.x) - 180.0) < 1e-9) continue;
            char edge[96];
            std::snprintf(edge, sizeof edge, "an edge from longitude %.6g to %.6g", a.x, b.x);
            throw DataError(
                where, what + " crosses the antimeridian (" + edge + "); split it at 180° (RFC 7946 §3.1.9)");
        }
    };
    for (std::size_t p = 0; p < geometry.polygons.size(); ++p) {
        for (std::size_t r = 0; r < geometry.polygons[p].rings.size(); ++r) {
            check(geometry.polygons[p].rings[r],
                  (geometry.polygons.size() > 1 ? "polygon " + std::to_string(p) + " " : std::string()) +
                      "ring " + std::to_string(r));
        }
    }
    for (std::size_t l = 0; l < geometry.lines.size(); ++l)
        check(geometry.lines[l], "line " + std::to_string(l));
}

// Rings must be closed and have at least four points before GEOS can even judge them.
void normaliseRings(Geometry& geometry, const Where& where, bool strict, Diagnostics& diagnostics) {
    for (auto& polygon : geometry.polygons) {
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            Path& ring = polygon.rings[r];
            if (!ring.empty() && ring.front() != ring.back()) {
                if (strict) throw DataError(where, "ring " + std::to_string(r) + " is not closed");
                ring.push_back(ring.front());
                diagnostics.warn(where, "ring " + std::to_string(r) + " was not closed; closed it");
            }
        }
        std::erase_if(polygon.rings, [&](const Path& ring) {
            if (ring.size() >= 4) return false;
            if (strict)
                throw DataError(where,
                                "a ring has " + std::to_string(ring.size()) + " points (at least 4 needed)");
            diagnostics.warn(
                where, "dropped a ring of " + std::to_string(ring.size()) + " points (at least 4 needed)");
            return true;
        });
    }
    std::erase_if(geometry.polygons, [](const Polygon& polygon) { return polygon.rings.empty(); });
}

// `valid_from` and `valid_to` (docs/formats.md) decide when a feature is drawn; a date that does not
// parse or an interval that ends before it starts would silently hide the feature.
// Replaces the polygons by GEOS MakeValid's, keeping the lines and points.
void repair(geo::GeosContext& geos, Geometry& geometry) {
    Geometry repaired = geo::makeValidPolygons(geos, geometry);
    repaired.lines = std::move(geometry.lines);
    repaired.points = std::move(geometry.points);
    geometry = std::move(repaired);
}

void checkValidity(const Feature& feature, const Where& where) {
    std::optional<Date> dates[2];
    const char* keys[2] = {"valid_from", "valid_to"};
    for (int i = 0; i < 2; ++i) {
        const std::string text = feature.property(keys[i]);
        if (text.empty()) continue;
        try {
            dates[i] = Date::parse(text.substr(0, text.find_first_of("T ")));
        } catch (const std::invalid_argument& e) {
            throw DataError(where.withField(keys[i]), e.what());
        }
    }
    if (dates[0] && dates[1] && *dates[1] < *dates[0]) {
        throw DataError(where, "valid_to " + dates[1]->iso() + " is before valid_from " + dates[0]->iso());
    }
}

// Checks and converts the features of one source layer as they are read: from the source CRS into WGS84
// lon/lat, rings closed, invalid polygons repaired (or refused under `strict`), long edges densified.
class FeatureConverter {
public:
    FeatureConverter(const SourceLayer& source, const std::string& path, const LayerReadOptions& options,
                     geo::ProjContext& proj, geo::GeosContext& geos, Diagnostics& diagnostics)
        : m_options(options), m_geos(geos), m_diagnostics(diagnostics) {
        const Where atLayer{path, source.name};
        m_layer.path = path;
        m_layer.sourceLayer = source.name;
        m_layer.id = source.name;

        if (!source.unreadableCrs.empty() && options.assumeCrs.empty()) {
            throw DataError(atLayer, "declares the CRS '" + source.unreadableCrs +
                                         "', which PROJ does not know; fix its \"crs\" member or give the "
                                         "CRS with --crs");
        }
        std::string crs = options.assumeCrs.empty() ? source.crsWkt : options.assumeCrs;
        const bool needsTransform = !options.assumeCrs.empty() ? true : !source.isWgs84LonLat;
        if (crs.empty() && !source.isWgs84LonLat) {
            // No ": " before the reason here: the layer itself "declares no CRS".
            throw DataError(atLayer.text() +
                            " declares no CRS; give one with `crs = \"EPSG:…\"` in the manifest or --crs");
        }
        m_layer.sourceCrs = options.assumeCrs.empty() ? source.crsName : options.assumeCrs;
        if (needsTransform) {
            try {
                m_toWgs84 = std::make_unique<geo::Transformer>(proj, crs, kWgs84);
            } catch (const GeometryError& e) {
                throw DataError(atLayer, e.what());
            }
        }
    }

    // The layer without features: its path, source layer, id, source CRS and the vertices read so far.
    const Layer& layer() const { return m_layer; }

    // Converts `feature` in place, as readLayer keeps it; throws DataError naming it.
    void convert(Feature& feature) {
        const Where where{m_layer.path, m_layer.sourceLayer, feature.id};
        checkUtf8(feature, where, m_options.strict, m_diagnostics);
        checkValidity(feature, where);
        if (m_toWgs84) {
            try {
                m_toWgs84->forward(feature.geometry);
            } catch (const GeometryError& e) {
                throw DataError(where, e.what());
            }
        }
        checkLonLatRange(feature.geometry, where);
        checkAntimeridian(feature.geometry, where);
        normaliseRings(feature.geometry, where, m_options.strict, m_diagnostics);
        m_layer.sourceVertexCount += feature.geometry.vertexCount();
        if (feature.geometry.empty()) m_diagnostics.warn(where, "has no geometry");
        // A GeometryCollection mixing polygons with lines or points: areas count the polygons only.
        if (!feature.geometry.polygons.empty() &&
            (!feature.geometry.lines.empty() || !feature.geometry.points.empty())) {
            const std::size_t lines = feature.geometry.lines.size(), points = feature.geometry.points.size();
            std::string parts;
            if (lines) parts = std::to_string(lines) + (lines == 1 ? " line" : " lines");
            if (points)
                parts += (parts.empty() ? "" : " and ") + std::to_string(points) +
                         (points == 1 ? " point" : " points");
            m_diagnostics.warn(where, "mixes polygons with " + parts +
                                          " (a GeometryCollection); only the polygons are measured");
        }
        if (feature.geometry.polygons.empty()) {
            geo::densify(feature.geometry, m_options.edges);
            return;
        }
        // Checked on the vertices as given, so that a message names a place in the user's coordinates.
        const geo::Validity validity = geo::checkPolygonValidity(m_geos, feature.geometry);
        if (!validity.valid) {
            if (m_options.strict) throw DataError(where, "invalid polygon: " + validity.reason);
            repair(m_geos, feature.geometry);
            m_diagnostics.warn(where,
                               "invalid polygon (" + validity.reason + "); repaired with GEOS MakeValid");
        }
        const std::size_t before = feature.geometry.vertexCount();
        geo::densify(feature.geometry, m_options.edges);
        // Points on the geodesic move an edge off its lon/lat line (0.12 km at the middle of a 1° edge at
        // 45° N), which can make it cross a neighbour that the straight edge missed. Interpolated lon/lat
        // points leave the shape GEOS sees as it was, so only the geodesic reading is checked again.
        if (m_options.edges == Edges::Geodesic && feature.geometry.vertexCount() != before) {
            const geo::Validity dense = geo::checkPolygonValidity(m_geos, feature.geometry);
            if (!dense.valid) {
                const std::string why = "its edges, read as geodesics, cross (" + dense.reason +
                                        "), although straight in lon/lat they do not";
                if (m_options.strict)
                    throw DataError(where, "invalid polygon: " + why + "; try --edges lonlat");
                repair(m_geos, feature.geometry);
                m_diagnostics.warn(where, "invalid polygon: " + why +
                                              "; repaired with GEOS MakeValid (--edges "
                                              "lonlat reads them straight)");
            }
        }
    }

private:
    const LayerReadOptions& m_options;
    geo::GeosContext& m_geos;
    Diagnostics& m_diagnostics;
    Layer m_layer;
    std::unique_ptr<geo::Transformer> m_toWgs84;
};

// Keeps every layer with all its features (readLayer, readAllLayers).
class CollectedLayers final : public LayerSink {
public:
    void beginLayer(const Layer& layer) override { layers.push_back(layer); }
    void feature(const Layer& /*layer*/, Feature&& feature) override {
        layers.back().features.push_back(std::move(feature));
    }
    void endLayer(const Layer& layer) override { layers.back().sourceVertexCount = layer.sourceVertexCount; }

    std::vector<Layer> layers;
};

void readLayers(const std::string& path, const LayerReadOptions& options, geo::ProjContext& proj,
                geo::GeosContext& geos, Diagnostics& diagnostics, LayerSink& sink, bool onlyOne) {
    OgrSource source(path);
    const std::vector<OGRLayer*> layers = source.layers(options.sourceLayer);  // borrowed from the source
    if (onlyOne && layers.size() > 1) {
        std::string names;
        for (OGRLayer* layer : layers) names += (names.empty() ? "" : ", ") + std::string(layer->GetName());
        throw DataError("'" + path + "' has several layers (" + names + "); name one with `source_layer`");
    }
    for (OGRLayer* layer : layers) {
        OgrLayerReader reader(source, *layer);
        // The first feature is read before the layer's CRS is checked: a layer GDAL cannot read at all
        // (a PostGIS table that does not exist) reports that, not the CRS it then seems to lack.
        std::optional<Feature> feature = reader.next();
        FeatureConverter converter(reader.description(), path, options, proj, geos, diagnostics);
        sink.beginLayer(converter.layer());
        std::size_t count = 0;
        for (; feature; feature = reader.next()) {
            converter.convert(*feature);
            ++count;
            sink.feature(converter.layer(), std::move(*feature));
        }
        if (count == 0) diagnostics.warn(Where{path, converter.layer().sourceLayer}, "has no features");
        sink.endLayer(converter.layer());
    }
}

}  // namespace

Layer readLayer(const std::string& path, const LayerReadOptions& options, geo::ProjContext& proj,
                geo::GeosContext& geos, Diagnostics& diagnostics) {
    CollectedLayers collected;
    readLayers(path, options, proj, geos, diagnostics, collected, true);
    return std::move(collected.layers.front());
}

std::vector<Layer> readAllLayers(const std::string& path, const LayerReadOptions& options,
                                 geo::ProjContext& proj, geo::GeosContext& geos, Diagnostics& diagnostics) {
    CollectedLayers collected;
    readLayers(path, options, proj, geos, diagnostics, collected, false);
    return std::move(collected.layers);
}

void streamAllLayers(const std::string& path, const LayerReadOptions& options, geo::ProjContext& proj,
                     geo::GeosContext& geos, Diagnostics& diagnostics, LayerSink& sink) {
    readLayers(path, options, proj, geos, diagnostics, sink, false);
}

}  // namespace frontline::io
