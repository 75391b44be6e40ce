#include "io/gdal.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"

namespace frontline::io {

namespace {

void registerDrivers() {
    static const bool registered = [] {
        GDALAllRegister();
        return true;
    }();
    (void)registered;
}

// GDAL reports problems through its error handler; keep them off stderr while we read and turn the
// last one into our exception. The handler stack is per thread in GDAL.
class QuietGdalErrors {
public:
    QuietGdalErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;

    // One line: drivers (PostgreSQL, KML) may report several.
    static std::string lastMessage() {
        const char* message = CPLGetLastErrorMsg();
        if (!message || !*message) return "GDAL gave no reason";
        std::string text;
        for (const char* c = message; *c; ++c) {
            if (*c == '\n' || *c == '\t' || *c == '\r') {
                if (!text.empty() && text.back() != ' ' && c[1]) text += text.back() == ';' ? " " : "; ";
            } else if (*c != ' ' || (!text.empty() && text.back() != ' ')) {
                text += *c;
            }
        }
        while (!text.empty() && (text.back() == ' ' || text.back() == ';')) text.pop_back();
        return text;
    }
};

// GDAL's GeoJSON driver does not claim a file it cannot parse, so it says nothing; say where the JSON
// breaks instead.
std::string explainUnopenable(const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".geojson" || extension == ".json") {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        try {
            const auto parsed = nlohmann::json::parse(text);
            (void)parsed;
        } catch (const nlohmann::json::parse_error& e) {
            std::size_t line = 1, column = 1;
            for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
                if (text[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            std::string reason = e.what();
            if (auto at = reason.find("syntax error"); at != std::string::npos) reason = reason.substr(at);
            return "malformed JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason;
        }
        const std::string reason = QuietGdalErrors::lastMessage();
        return "valid JSON, but not GeoJSON (no \"type\": \"FeatureCollection\", \"Feature\" or geometry at the top)" +
               (reason == "GDAL gave no reason" ? std::string() : " (" + reason + ")");
    }
    const std::string reason = QuietGdalErrors::lastMessage();
    return reason == "GDAL gave no reason" ? "no GDAL vector driver recognises this format" : reason;
}

bool isLocalPath(const std::string& path) {
    return path.rfind("PG:", 0) != 0 && path.rfind("/vsi", 0) != 0 && path.find("://") == std::string::npos;
}

static_assert(sizeof(OGRRawPoint) == sizeof(Coord), "OGRRawPoint and Coord are both two doubles");

Path readCurve(const OGRSimpleCurve& curve, const std::string& where) {
    Path path(static_cast<std::size_t>(curve.getNumPoints()));
    // One bulk copy instead of two virtual calls per vertex: reading is the hot path of `series`.
    if (!path.empty()) curve.getPoints(reinterpret_cast<OGRRawPoint*>(path.data()));
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (!std::isfinite(path[i].x) || !std::isfinite(path[i].y)) {
            throw DataError(where + ": coordinate " + std::to_string(i) + " is not a finite number");
        }
    }
    return path;
}

void appendGeometry(const OGRGeometry& geometry, Geometry& out, const std::string& where) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPoint: {
            const auto& point = *geometry.toPoint();
            if (point.IsEmpty()) return;
            if (!std::isfinite(point.getX()) || !std::isfinite(point.getY())) {
                throw DataError(where + ": point coordinate is not a finite number");
            }
            out.points.push_back({point.getX(), point.getY()});
            return;
        }
        case wkbLineString:
            if (!geometry.IsEmpty()) out.lines.push_back(readCurve(*geometry.toLineString(), where));
            return;
        case wkbPolygon: {
            const auto& polygon = *geometry.toPolygon();
            if (polygon.IsEmpty()) return;
            Polygon result;
            result.rings.push_back(readCurve(*polygon.getExteriorRing(), where));
            for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
                result.rings.push_back(readCurve(*polygon.getInteriorRing(i), where));
            }
            out.polygons.push_back(std::move(result));
            return;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection: {
            for (const OGRGeometry* part : *geometry.toGeometryCollection()) appendGeometry(*part, out, where);
            return;
        }
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbCurvePolygon:
        case wkbMultiCurve:
        case wkbMultiSurface: {
            // Arcs become line segments at GDAL's default step (4 degrees of arc).
            std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
            if (!linear) throw DataError(where + ": cannot linearise a curved geometry");
            appendGeometry(*linear, out, where);
            return;
        }
        default:
            throw DataError(where + ": unsupported geometry type " + OGRGeometryTypeToName(geometry.getGeometryType()));
    }
}

// GDAL types ISO date strings in GeoJSON as OFTDate and prints them "2001/03/15"; keep them ISO 8601.
std::string fieldText(OGRFeature& feature, int index) {
    const OGRFieldType type = feature.GetFieldDefnRef(index)->GetType();
    if (type != OFTDate && type != OFTDateTime) return feature.GetFieldAsString(index);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, tzFlag = 0;
    float second = 0;
    if (!feature.GetFieldAsDateTime(index, &year, &month, &day, &hour, &minute, &second, &tzFlag)) {
        return feature.GetFieldAsString(index);
    }
    char text[40];
    if (type == OFTDate) {
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    } else {
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02.0f", year, month, day, hour, minute, second);
    }
    return text;
}

std::string featureId(const OGRFeature& feature, int idField) {
    if (idField >= 0 && feature.IsFieldSetAndNotNull(idField)) return feature.GetFieldAsString(idField);
    return std::to_string(feature.GetFID());
}

SourceLayer readLayer(OGRLayer& layer, const std::string& path) {
    SourceLayer result;
    result.name = layer.GetName();
    result.geometryType = OGRGeometryTypeToName(layer.GetGeomType());
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {  // borrowed from the layer
        result.crsName = srs->GetName() ? srs->GetName() : "unnamed CRS";
        if (const char* code = srs->GetAuthorityCode(nullptr)) {
            result.crsName += std::string(" (") + (srs->GetAuthorityName(nullptr) ? srs->GetAuthorityName(nullptr) : "") + ":" + code + ")";
        }
        // Built once per thread: importFromEPSG queries proj.db, which shows when reading 500 files.
        thread_local const OGRSpatialReference wgs84 = [] {
            OGRSpatialReference srsWgs84;
            srsWgs84.importFromEPSG(4326);
            return srsWgs84;
        }();
        const char* sameOptions[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
        result.isWgs84LonLat = srs->IsSame(&wgs84, sameOptions) != 0;
        if (!result.isWgs84LonLat) {
            const char* options[] = {"FORMAT=WKT2_2019", nullptr};
            char* wkt = nullptr;
            if (srs->exportToWkt(&wkt, options) == OGRERR_NONE && wkt) result.crsWkt = wkt;
            CPLFree(wkt);
        }
    }

    const OGRFeatureDefn* definition = layer.GetLayerDefn();  // borrowed from the layer
    const int idField = definition->GetFieldIndex("id");
    layer.ResetReading();
    for (auto& feature : layer) {
        Feature out;
        out.id = featureId(*feature, idField);
        const std::string where = "'" + path + "': layer '" + result.name + "' feature '" + out.id + "'";
        for (int i = 0; i < definition->GetFieldCount(); ++i) {
            if (i == idField || !feature->IsFieldSetAndNotNull(i)) continue;
            out.properties[definition->GetFieldDefn(i)->GetNameRef()] = fieldText(*feature, i);
        }
        if (const OGRGeometry* geometry = feature->GetGeometryRef()) appendGeometry(*geometry, out.geometry, where);
        result.features.push_back(std::move(out));
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw DataError("'" + path + "': layer '" + result.name + "': " + QuietGdalErrors::lastMessage());
    }
    return result;
}

}  // namespace

std::vector<SourceLayer> readOgrSource(const std::string& path, const std::string& layerName) {
    registerDrivers();
    if (isLocalPath(path)) {
        std::error_code error;
        if (!std::filesystem::exists(path, error)) throw DataError("'" + path + "': no such file");
    }
    QuietGdalErrors quiet;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        throw DataError("cannot open '" + path + "' as vector data: " +
                        (isLocalPath(path) ? explainUnopenable(path) : QuietGdalErrors::lastMessage()));
    }

    std::vector<SourceLayer> layers;
    if (!layerName.empty()) {
        OGRLayer* layer = dataset->GetLayerByName(layerName.c_str());  // borrowed from the dataset
        if (!layer) throw DataError("'" + path + "' has no layer named '" + layerName + "'");
        layers.push_back(readLayer(*layer, path));
        return layers;
    }
    for (OGRLayer* layer : dataset->GetLayers()) layers.push_back(readLayer(*layer, path));
    if (layers.empty()) throw DataError("'" + path + "' holds no vector layer");
    return layers;
}

std::string gdalVersion() { return GDALVersionInfo("RELEASE_NAME"); }

}  // namespace frontline::io
