#include "io/gdal.hpp"

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
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "io/gdal_errors.hpp"
#include "io/memory_folder.hpp"
#include "io/ogr_geometry.hpp"
#include "io/ogr_source.hpp"

namespace frontline::io {

namespace {

using detail::registerDrivers;

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
        while (words >> word) extensions.insert(asciiLower(word));
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
