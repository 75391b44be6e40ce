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
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string_view>

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
        return "valid JSON, but not GeoJSON (no \"type\": \"FeatureCollection\", \"Feature\" or geometry at the top)" +
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
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02.0f", year, month, day, hour, minute, second);
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
        throw DataError("'" + path + "': layer '" + result.name + "': " + errors.firstFailure());
    }
    return result;
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

std::string gdalVersion() { return GDALVersionInfo("RELEASE_NAME"); }

}  // namespace frontline::io
