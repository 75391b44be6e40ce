#include "io/ogr_source.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "io/gdal.hpp"

namespace frontline::io {

namespace detail {

void registerDrivers() {
    static const bool registered = [] {
        GDALAllRegister();
        return true;
    }();
    (void)registered;
}

}  // namespace detail

namespace {

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

// Fails for a local path that is not a readable file: GDAL would block on a FIFO or say less.
const std::string& checkedPath(const std::string& path) {
    detail::registerDrivers();
    if (isLocalPath(path)) {
        // An Esri File Geodatabase is a folder that GDAL reads as one dataset.
        const std::string problem = localFileProblem(path);
        const bool geodatabase =
            problem == "is a directory" && std::filesystem::path(path).extension() == ".gdb";
        if (!problem.empty() && !geodatabase) throw DataError("'" + path + "': " + problem);
    }
    return path;
}

}  // namespace

OgrSource::OgrSource(const std::string& path) : m_path(checkedPath(path)) {
    if (const std::string problem = archivePathProblem(path); !problem.empty()) {
        throw DataError("cannot open '" + path + "': " + problem);
    }
    m_dataset.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!m_dataset) {
        throw DataError("cannot open '" + path + "' as vector data: " +
                        (isLocalPath(path) ? explainUnopenable(path) : QuietGdalErrors::lastMessage()));
    }
    if (std::string(m_dataset->GetDriver()->GetDescription()) == "GeoJSON") {
        m_unreadableCrs = unreadableGeoJsonCrs(path);
    }
    m_errors.reset();
}

std::vector<OGRLayer*> OgrSource::layers(const std::string& layerName) {
    if (!layerName.empty()) {
        OGRLayer* layer = m_dataset->GetLayerByName(layerName.c_str());  // borrowed from the dataset
        if (!layer) throw DataError("'" + m_path + "' has no layer named '" + layerName + "'");
        return {layer};
    }
    std::vector<OGRLayer*> layers;
    for (OGRLayer* layer : m_dataset->GetLayers()) layers.push_back(layer);  // borrowed from the dataset
    if (layers.empty()) throw DataError("'" + m_path + "' holds no vector layer");
    return layers;
}

}  // namespace frontline::io
