#include "io/gdal.hpp"

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <fcntl.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <variant>

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

// GDAL's text as one line: drivers (PostgreSQL, KML) may report several.
std::string oneLine(const char* message) {
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

// GDAL reports problems through its error handler; keep them off stderr while we read and turn one
// of them into our exception. The handler stack is per thread in GDAL.
class QuietGdalErrors {
public:
    QuietGdalErrors() {
        CPLPushErrorHandlerEx(&QuietGdalErrors::record, this);
        reset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;

    void reset() {
        CPLErrorReset();
        m_firstFailure.clear();
    }

    static std::string lastMessage() { return oneLine(CPLGetLastErrorMsg()); }

    // The first failure since reset() (readLayer resets for each layer): later ones are its
    // consequences. A PostgreSQL table named in `tables=` that does not exist fails first with
    // 'relation "x" does not exist', then with 'cursor "ogrpglayerreader…" does not exist' when GDAL
    // reads from the cursor it could not declare, which says nothing to the user. libpq ends a
    // server's message with the query excerpt ("LINE 1: SELECT …" and a caret line): GDAL's own SQL,
    // not the user's, so it is left out, and so is the "ERROR:" severity our own line already says.
    std::string firstFailure() const {
        if (m_firstFailure.empty()) return lastMessage();
        std::string message = m_firstFailure.substr(0, m_firstFailure.find("\nLINE "));
        if (message.rfind("ERROR:", 0) == 0) message.erase(0, 6);
        return oneLine(message.c_str());
    }

private:
    static void CPL_STDCALL record(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<QuietGdalErrors*>(CPLGetErrorHandlerUserData());
        if (level >= CE_Failure && self->m_firstFailure.empty() && message) self->m_firstFailure = message;
    }

    std::string m_firstFailure;
};

struct JsonProblem {
    std::size_t byte;  // 1-based, as nlohmann counts
    std::string reason;
};

// The first thing wrong with `text` as JSON. A SAX pass that keeps nothing: a DOM parse of a large
// file would hold all of it, and reports a number too large for a double (1e999) as an exception
// without a position.
std::optional<JsonProblem> firstJsonProblem(const std::string& text) {
    struct FirstProblem : nlohmann::json_sax<nlohmann::json> {
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override { return true; }
        bool key(string_t&) override { return true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t position, const std::string& token,
                         const nlohmann::detail::exception& e) override {
            std::string reason = e.what();
            if (auto at = reason.find("syntax error"); at != std::string::npos) {
                reason = reason.substr(at);
            } else if (e.id == 406) {
                reason = "the number '" + token + "' is too large for a double";
            }
            problem = JsonProblem{position, reason};
            return false;
        }
        std::optional<JsonProblem> problem;
    } handler;
    nlohmann::json::sax_parse(text, &handler);
    return handler.problem;
}

// GDAL's GeoJSON driver does not claim a file it cannot parse, so it says nothing; say where the JSON
// breaks instead.
std::string explainUnopenable(const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".geojson" || extension == ".json") {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        if (const std::optional<JsonProblem> problem = firstJsonProblem(text)) {
            std::size_t line = 1, column = 1;
            for (std::size_t i = 0; i + 1 < problem->byte && i < text.size(); ++i) {
                if (text[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            return "malformed JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                   ": " + problem->reason;
        }
        const std::string reason = QuietGdalErrors::lastMessage();
        return "valid JSON, but not GeoJSON (no \"type\": \"FeatureCollection\", \"Feature\" or geometry at "
               "the top)" +
               (reason == "GDAL gave no reason" ? std::string() : " (" + reason + ")");
    }
    const std::string reason = QuietGdalErrors::lastMessage();
    return reason == "GDAL gave no reason" ? "no GDAL vector driver recognises this format" : reason;
}

// GDAL's archive handlers fail silently ("GDAL gave no reason") on a missing archive or member, and
// would block on an archive that is a FIFO: find which part of "/vsizip/ARCHIVE/MEMBER" is wrong.
// Empty when nothing is wrong, or for handlers and nestings we do not look into (/vsicurl, …).
std::string archivePathProblem(const std::string& path) {
    static const std::pair<const char*, const char*> handlers[] = {{"/vsizip/", "zip"},
                                                                   {"/vsitar/", "tar"},
                                                                   {"/vsi7z/", "7z"},
                                                                   {"/vsirar/", "rar"},
                                                                   {"/vsigzip/", "gzip"}};
    std::string prefix, kind;
    for (const auto& [handler, name] : handlers) {
        if (path.rfind(handler, 0) == 0) prefix = handler, kind = name;
    }
    if (prefix.empty()) return {};
    const std::string inner = path.substr(prefix.size());
    if (inner.empty() || inner.rfind("/vsi", 0) == 0) return {};
    std::string archive, member;
    if (inner.front() == '{') {
        const std::size_t close = inner.find('}');
        if (close == std::string::npos) return {};
        archive = inner.substr(1, close - 1);
        member = inner.substr(close + 1);
    } else {
        // The archive is the first prefix that is not a folder.
        std::size_t end = 0;
        do {
            end = inner.find('/', end + 1);
            archive = inner.substr(0, end);
            struct stat info {};
            if (::stat(archive.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) break;
        } while (end != std::string::npos);
        member = end == std::string::npos ? std::string() : inner.substr(end);
    }
    while (!member.empty() && member.front() == '/') member.erase(0, 1);
    if (const std::string problem = localFileProblem(archive); !problem.empty()) {
        return "'" + archive + "': " + problem;
    }
    const std::string archivePath = prefix + (inner.front() == '{' ? "{" + archive + "}" : archive);
    VSIStatBufL info;
    if (kind != "gzip" && VSIStatL(archivePath.c_str(), &info) != 0) {
        return "'" + archive + "' is not a " + kind + " archive";
    }
    if (member.empty() || kind == "gzip" || VSIStatL(path.c_str(), &info) == 0) return {};
    std::string text = "'" + archive + "' has no member '" + member + "'";
    const std::size_t slash = member.rfind('/');
    const std::string folder =
        archivePath + (slash == std::string::npos ? "" : "/" + member.substr(0, slash));
    if (char** names = VSIReadDir(folder.c_str())) {
        std::string listing;
        int count = 0;
        for (char** name = names; *name; ++name, ++count) {
            if (count < 5) listing += std::string(listing.empty() ? "" : ", ") + *name;
        }
        if (count > 5) listing += ", … (" + std::to_string(count) + " in all)";
        CSLDestroy(names);
        if (!listing.empty()) text += " (it holds " + listing + ")";
    }
    return text;
}

static_assert(sizeof(OGRRawPoint) == sizeof(Coord), "OGRRawPoint and Coord are both two doubles");

Path readCurve(const OGRSimpleCurve& curve, const Where& where) {
    Path path(static_cast<std::size_t>(curve.getNumPoints()));
    // One bulk copy instead of two virtual calls per vertex: reading is the hot path of `series`.
    if (!path.empty()) curve.getPoints(reinterpret_cast<OGRRawPoint*>(path.data()));
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (!std::isfinite(path[i].x) || !std::isfinite(path[i].y)) {
            throw DataError(where, "coordinate " + std::to_string(i) + " is not a finite number");
        }
    }
    return path;
}

void appendGeometry(const OGRGeometry& geometry, Geometry& out, const Where& where) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPoint: {
            const auto& point = *geometry.toPoint();
            if (point.IsEmpty()) return;
            if (!std::isfinite(point.getX()) || !std::isfinite(point.getY())) {
                throw DataError(where, "point coordinate is not a finite number");
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
            for (const OGRGeometry* part : *geometry.toGeometryCollection())
                appendGeometry(*part, out, where);
            return;
        }
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbCurvePolygon:
        case wkbMultiCurve:
        case wkbMultiSurface: {
            // Arcs become line segments at GDAL's default step (4 degrees of arc).
            std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
            if (!linear) throw DataError(where, "cannot linearise a curved geometry");
            appendGeometry(*linear, out, where);
            return;
        }
        default:
            throw DataError(where, std::string("unsupported geometry type ") +
                                       OGRGeometryTypeToName(geometry.getGeometryType()));
    }
}

// GDAL's GeoJSON driver reads a (GeoJSON 2008) "crs" member it cannot make sense of as WGS84, saying
// nothing for an unknown name and only logging "crs not found" for an unknown EPSG code. Look at the
// member ourselves: it comes before the features in every writer we know (GDAL, QGIS, geojson.io), so
// the first 64 KB are enough and a 50 MB file is not read twice. Returns the declared name when GDAL
// (through PROJ) cannot read it, else empty.
std::string unreadableGeoJsonCrs(const std::string& path) {
    VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
    if (!file) return {};
    std::string head(64 * 1024, '\0');
    head.resize(VSIFReadL(head.data(), 1, head.size(), file));
    VSIFCloseL(file);
    const std::size_t at = head.find("\"crs\"");
    if (at == std::string::npos) return {};
    static const std::regex member(R"re(^"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{([^{}]*)\})re");
    static const std::regex name(R"re("name"\s*:\s*"([^"]*)")re");
    static const std::regex code(R"re("code"\s*:\s*"?([0-9]+))re");
    std::smatch match, value;
    const std::string rest = head.substr(at, 4096);
    if (!std::regex_search(rest, match, member)) return {};
    const std::string properties = match[1].str();
    std::string declared;
    if (std::regex_search(properties, value, name)) {
        declared = value[1].str();
    } else if (std::regex_search(properties, value, code)) {
        declared = "EPSG:" + value[1].str();  // the 2008 draft's {"type": "EPSG", "properties": {"code": …}}
    } else {
        return {};
    }
    OGRSpatialReference srs;
    // No file or network access: the name comes from the input file.
    return srs.SetFromUserInput(declared.c_str(),
                                OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) == OGRERR_NONE
               ? std::string()
               : declared;
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
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02.0f", year, month, day, hour, minute,
                      second);
    }
    return text;
}

std::string featureId(const OGRFeature& feature, int idField) {
    if (idField >= 0 && feature.IsFieldSetAndNotNull(idField)) return feature.GetFieldAsString(idField);
    return std::to_string(feature.GetFID());
}

SourceLayer readLayer(OGRLayer& layer, const std::string& path, QuietGdalErrors& errors) {
    errors.reset();
    SourceLayer result;
    result.name = layer.GetName();
    result.geometryType = OGRGeometryTypeToName(layer.GetGeomType());
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {  // borrowed from the layer
        result.crsName = srs->GetName() ? srs->GetName() : "unnamed CRS";
        if (const char* code = srs->GetAuthorityCode(nullptr)) {
            result.crsName += std::string(" (") +
                              (srs->GetAuthorityName(nullptr) ? srs->GetAuthorityName(nullptr) : "") + ":" +
                              code + ")";
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
        const Where where{path, result.name, out.id};
        for (int i = 0; i < definition->GetFieldCount(); ++i) {
            if (i == idField || !feature->IsFieldSetAndNotNull(i)) continue;
            out.properties[definition->GetFieldDefn(i)->GetNameRef()] = fieldText(*feature, i);
        }
        if (const OGRGeometry* geometry = feature->GetGeometryRef())
            appendGeometry(*geometry, out.geometry, where);
        result.features.push_back(std::move(out));
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw DataError(Where{path, result.name}, errors.firstFailure());
    }
    return result;
}

// Every message GDAL reports while writing, kept off stderr: the warnings to pass on and the first
// failure to throw (a failure can come late, from closing the dataset, with no return code to say so).
// The handler stack is per thread in GDAL.
class CollectedGdalMessages {
public:
    CollectedGdalMessages() {
        CPLPushErrorHandlerEx(collect, this);
        CPLErrorReset();
    }
    ~CollectedGdalMessages() { CPLPopErrorHandler(); }
    CollectedGdalMessages(const CollectedGdalMessages&) = delete;
    CollectedGdalMessages& operator=(const CollectedGdalMessages&) = delete;

    const std::vector<std::string>& warnings() const { return m_warnings; }
    // GDAL's first failure, or empty.
    const std::string& failure() const { return m_failure; }

private:
    static void CPL_STDCALL collect(CPLErr level, CPLErrorNum /*number*/, const char* message) {
        auto* self = static_cast<CollectedGdalMessages*>(CPLGetErrorHandlerUserData());
        if (level == CE_Warning) {
            self->m_warnings.push_back(oneLine(message));
        } else if (level >= CE_Failure && self->m_failure.empty()) {
            self->m_failure = oneLine(message);
        }
    }

    std::vector<std::string> m_warnings;
    std::string m_failure;
};

// A folder of GDAL's in-memory file system (/vsimem/), removed with all it holds.
class MemoryFolder {
public:
    MemoryFolder() : m_path("/vsimem/frontline-output-" + std::to_string(s_counter++)) {
        VSIMkdir(m_path.c_str(), 0755);
    }
    ~MemoryFolder() { VSIRmdirRecursive(m_path.c_str()); }
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;

    const std::string& path() const { return m_path; }

private:
    // /vsimem/ is one file system for the whole process: each writer, on any thread, gets its own folder.
    static inline std::atomic<unsigned> s_counter{0};
    std::string m_path;
};

struct FieldColumn {
    std::string name;
    FieldType type;
};

// The columns every feature shares (see OutputFeature).
std::vector<FieldColumn> columnsOf(const std::vector<OutputFeature>& features) {
    std::vector<FieldColumn> columns;
    if (features.empty()) return columns;
    for (const auto& field : features.front().fields) columns.push_back({field.name, field.type()});
    for (const auto& feature : features) {
        bool same = feature.fields.size() == columns.size();
        for (std::size_t i = 0; same && i < columns.size(); ++i) {
            same = feature.fields[i].name == columns[i].name && feature.fields[i].type() == columns[i].type;
        }
        if (!same) {
            throw std::invalid_argument("feature '" + feature.id + "' has other fields than the first");
        }
    }
    for (const auto& column : columns) {
        if (column.name == "id") throw std::invalid_argument("the field name 'id' is the feature id's");
    }
    return columns;
}

// Indexed by FieldType.
constexpr OGRFieldType kOgrFieldTypes[] = {OFTInteger64, OFTReal, OFTString, OFTDate};
static_assert(std::size(kOgrFieldTypes) == std::variant_size_v<Field::Value>, "one OGR type per FieldType");

void setField(OGRFeature& feature, int index, const Field::Value& value) {
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        feature.SetField(index, static_cast<GIntBig>(*integer));
    } else if (const auto* real = std::get_if<double>(&value)) {
        feature.SetField(index, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
        feature.SetField(index, text->c_str());
    } else {
        const Date& date = std::get<Date>(value);
        feature.SetField(index, date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()));
    }
}

template <class Curve>
std::unique_ptr<Curve> ogrCurve(const Path& path) {
    auto curve = std::make_unique<Curve>();
    curve->setPoints(static_cast<int>(path.size()), reinterpret_cast<const OGRRawPoint*>(path.data()));
    return curve;
}

// Polygons as a MultiPolygon (a GeoPackage layer of MULTIPOLYGON takes no bare Polygon), lines as a
// MultiLineString, points as a MultiPoint; a mix as a GeometryCollection of those. Null when empty.
std::unique_ptr<OGRGeometry> ogrGeometry(const Geometry& geometry) {
    std::vector<std::unique_ptr<OGRGeometry>> parts;
    if (!geometry.polygons.empty()) {
        auto multi = std::make_unique<OGRMultiPolygon>();
        for (const auto& polygon : geometry.polygons) {
            auto part = std::make_unique<OGRPolygon>();
            for (const auto& ring : polygon.rings) {
                part->addRingDirectly(ogrCurve<OGRLinearRing>(ring).release());
            }
            multi->addGeometryDirectly(part.release());
        }
        parts.push_back(std::move(multi));
    }
    if (!geometry.lines.empty()) {
        auto multi = std::make_unique<OGRMultiLineString>();
        for (const auto& line : geometry.lines) {
            multi->addGeometryDirectly(ogrCurve<OGRLineString>(line).release());
        }
        parts.push_back(std::move(multi));
    }
    if (!geometry.points.empty()) {
        auto multi = std::make_unique<OGRMultiPoint>();
        for (const auto& point : geometry.points) multi->addGeometryDirectly(new OGRPoint(point.x, point.y));
        parts.push_back(std::move(multi));
    }
    if (parts.empty()) return nullptr;
    if (parts.size() == 1) return std::move(parts.front());
    auto collection = std::make_unique<OGRGeometryCollection>();
    for (auto& part : parts) collection->addGeometryDirectly(part.release());
    return collection;
}

OGRwkbGeometryType ogrType(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Polygons:
            return wkbMultiPolygon;
        case GeometryKind::Lines:
            return wkbMultiLineString;
        case GeometryKind::Points:
            return wkbMultiPoint;
        case GeometryKind::Any:
            return wkbUnknown;
    }
    return wkbUnknown;
}

bool fits(const Geometry& geometry, GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Polygons:
            return geometry.lines.empty() && geometry.points.empty();
        case GeometryKind::Lines:
            return geometry.polygons.empty() && geometry.points.empty();
        case GeometryKind::Points:
            return geometry.polygons.empty() && geometry.lines.empty();
        case GeometryKind::Any:
            return true;
    }
    return true;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool isLocalPath(const std::string& path) {
    return path.rfind("PG:", 0) != 0 && path.rfind("/vsi", 0) != 0 && path.find("://") == std::string::npos;
}

std::string localFileProblem(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        struct stat link {};
        if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
            return "is a symbolic link to a missing file";
        }
        switch (error) {
            case ENOENT:
                return "no such file";
            case ENOTDIR:
                return "no such file (a part of the path is not a folder)";
            case ELOOP:
                return "too many levels of symbolic links (a symlink loop?)";
            case EACCES:
                return "permission denied (a folder on the path cannot be searched)";
            default:
                return std::strerror(error);
        }
    }
    // GDAL would block forever reading a FIFO that nobody writes, or read a device without end.
    if (S_ISDIR(info.st_mode)) return "is a directory";
    if (S_ISFIFO(info.st_mode)) return "is a named pipe, not a file";
    if (S_ISSOCK(info.st_mode)) return "is a socket, not a file";
    if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) return "is a device, not a file";
    if (!S_ISREG(info.st_mode)) return "is not a regular file";
    // Opening a regular file does not block; it is the only honest test of read permission (ACLs, root).
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return error == EACCES ? "permission denied (cannot read it)" : std::strerror(error);
    }
    ::close(fd);
    return {};
}

std::vector<SourceLayer> readOgrSource(const std::string& path, const std::string& layerName) {
    registerDrivers();
    if (isLocalPath(path)) {
        // An Esri File Geodatabase is a folder that GDAL reads as one dataset.
        const std::string problem = localFileProblem(path);
        const bool geodatabase =
            problem == "is a directory" && std::filesystem::path(path).extension() == ".gdb";
        if (!problem.empty() && !geodatabase) throw DataError("'" + path + "': " + problem);
    }
    QuietGdalErrors quiet;
    if (const std::string problem = archivePathProblem(path); !problem.empty()) {
        throw DataError("cannot open '" + path + "': " + problem);
    }
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        throw DataError("cannot open '" + path + "' as vector data: " +
                        (isLocalPath(path) ? explainUnopenable(path) : QuietGdalErrors::lastMessage()));
    }

    std::string unreadableCrs;
    if (std::string(dataset->GetDriver()->GetDescription()) == "GeoJSON") {
        unreadableCrs = unreadableGeoJsonCrs(path);
    }
    quiet.reset();

    std::vector<SourceLayer> layers;
    if (!layerName.empty()) {
        OGRLayer* layer = dataset->GetLayerByName(layerName.c_str());  // borrowed from the dataset
        if (!layer) throw DataError("'" + path + "' has no layer named '" + layerName + "'");
        layers.push_back(readLayer(*layer, path, quiet));
        layers.back().unreadableCrs = unreadableCrs;
        return layers;
    }
    for (OGRLayer* layer : dataset->GetLayers()) {
        layers.push_back(readLayer(*layer, path, quiet));
        layers.back().unreadableCrs = unreadableCrs;
    }
    if (layers.empty()) throw DataError("'" + path + "' holds no vector layer");
    return layers;
}

std::set<std::string> vectorFileExtensions() {
    registerDrivers();
    std::set<std::string> extensions;
    for (int i = 0; i < GDALGetDriverCount(); ++i) {
        GDALDriverH driver = GDALGetDriver(i);
        if (!GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nullptr)) continue;
        const char* list = GDALGetMetadataItem(driver, GDAL_DMD_EXTENSIONS, nullptr);
        if (!list) continue;
        // A Shapefile is its .shp (the driver also lists the .dbf it would read alone, and archives).
        if (std::string_view(GDALGetDriverShortName(driver)) == "ESRI Shapefile") {
            extensions.insert("shp");
            continue;
        }
        std::istringstream words(list);
        std::string word;
        while (words >> word) {
            std::transform(word.begin(), word.end(), word.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            extensions.insert(word);
        }
    }
    return extensions;
}

void limitConnectionWait(int seconds) { ::setenv("PGCONNECT_TIMEOUT", std::to_string(seconds).c_str(), 0); }

std::vector<WrittenFile> writeOgrLayer(const OgrLayerOutput& output,
                                       const std::vector<OutputFeature>& features, Diagnostics& diagnostics) {
    registerDrivers();
    const std::vector<FieldColumn> columns = columnsOf(features);
    for (const auto& feature : features) {
        if (!fits(feature.geometry, output.geometry)) {
            throw std::invalid_argument("feature '" + feature.id +
                                        "' has geometry of another kind than its layer");
        }
    }
    CollectedGdalMessages messages;
    auto failed = [&](const std::string& what) {
        const std::string reason = messages.failure().empty() ? "GDAL gave no reason" : messages.failure();
        return DataError("cannot write '" + output.path + "': " + what + reason);
    };

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(output.driver.c_str());  // borrowed
    if (!driver) {
        throw DataError("cannot write '" + output.path + "': this GDAL has no " + output.driver + " driver");
    }
    const MemoryFolder folder;
    const std::string datasetPath =
        folder.path() + "/" + std::filesystem::path(output.path).filename().string();
    {
        GDALDatasetUniquePtr dataset(driver->Create(datasetPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) throw failed("");
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        // EPSG:4326 says latitude first; every file we write has longitude first, as GIS software expects.
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        CPLStringList options;
        for (const auto& option : output.layerOptions) options.AddString(option.c_str());
        OGRLayer* layer = dataset->CreateLayer(output.layerName.c_str(), &wgs84, ogrType(output.geometry),
                                               options.List());  // borrowed from the dataset
        if (!layer) throw failed("");
        OGRFieldDefn idField("id", OFTString);
        if (layer->CreateField(&idField) != OGRERR_NONE) throw failed("field 'id': ");
        for (const auto& column : columns) {
            OGRFieldDefn definition(column.name.c_str(), kOgrFieldTypes[static_cast<int>(column.type)]);
            if (layer->CreateField(&definition) != OGRERR_NONE) throw failed("field '" + column.name + "': ");
        }
        // One transaction for all features where the driver has them (GeoPackage: one commit, not one each).
        const bool transaction =
            dataset->TestCapability(ODsCTransactions) && dataset->StartTransaction() == OGRERR_NONE;
        for (const auto& feature : features) {
            OGRFeatureUniquePtr out(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            out->SetField(0, feature.id.c_str());
            // Columns keep our order; a driver may only rename them (a Shapefile's 10 characters).
            for (std::size_t i = 0; i < feature.fields.size(); ++i) {
                setField(*out, static_cast<int>(i) + 1, feature.fields[i].value);
            }
            if (auto geometry = ogrGeometry(feature.geometry)) out->SetGeometryDirectly(geometry.release());
            if (layer->CreateFeature(out.get()) != OGRERR_NONE) {
                throw failed("feature '" + feature.id + "': ");
            }
        }
        if (transaction && dataset->CommitTransaction() != OGRERR_NONE) throw failed("");
    }  // closing the dataset writes what the driver held back; GDAL 3.6 reports a failure only as a message
    if (!messages.failure().empty()) throw failed("");
    // Some drivers drop what they cannot hold without a word (GDAL 3.6's FlatGeobuf: a feature without
    // geometry); count what is there.
    {
        GDALDatasetUniquePtr dataset(
            GDALDataset::Open(datasetPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        OGRLayer* layer =
            dataset && dataset->GetLayerCount() == 1 ? dataset->GetLayer(0) : nullptr;  // borrowed
        if (!layer) throw failed("cannot read back what GDAL wrote: ");
        const GIntBig kept = layer->GetFeatureCount(TRUE);
        if (kept != static_cast<GIntBig>(features.size())) {
            throw DataError("cannot write '" + output.path + "': GDAL's " + output.driver + " driver kept " +
                            std::to_string(kept) + " of the " + std::to_string(features.size()) +
                            " features");
        }
    }
    for (const auto& warning : messages.warnings()) diagnostics.warn(Where{output.path}, warning);

    std::vector<WrittenFile> files;
    const CPLStringList names(VSIReadDir(folder.path().c_str()), TRUE);
    for (int i = 0; i < names.size(); ++i) {
        const std::string name = names[i];
        // SQLite's journals are gone once a GeoPackage is closed cleanly; one left means it is not.
        if (endsWith(name, "-journal") || endsWith(name, "-wal") || endsWith(name, "-shm")) {
            throw DataError("cannot write '" + output.path + "': GDAL left the SQLite journal '" + name +
                            "' behind");
        }
        vsi_l_offset length = 0;
        // Borrowed from the in-memory file, which the folder removes.
        const GByte* data = VSIGetMemFileBuffer((folder.path() + "/" + name).c_str(), &length, FALSE);
        if (!data) {
            throw DataError("cannot write '" + output.path + "': GDAL's in-memory '" + name + "' is gone");
        }
        files.push_back(
            {name, std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length))});
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return files;
}

std::string gdalVersion() { return GDALVersionInfo("RELEASE_NAME"); }

}  // namespace frontline::io
