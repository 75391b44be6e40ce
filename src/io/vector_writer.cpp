#include "io/vector_writer.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal.hpp"

namespace frontline::io {

namespace {

namespace fs = std::filesystem;

struct FormatEntry {
    const char* extension;
    VectorFormat format;
    const char* driver;  // GDAL's short name
};

constexpr FormatEntry kFormats[] = {
    {".gpkg", VectorFormat::GeoPackage, "GPKG"},          // one SQLite file
    {".fgb", VectorFormat::FlatGeobuf, "FlatGeobuf"},     // no Date type, no feature without geometry
    {".shp", VectorFormat::Shapefile, "ESRI Shapefile"},  // several files; field names of 10 characters
    {".geojson", VectorFormat::GeoJson, "GeoJSON"},       // RFC 7946 text
    {".json", VectorFormat::GeoJson, "GeoJSON"},
};

// The files of a Shapefile beside its .shp that GDAL or other software may have made; an old one left
// beside a new .shp would describe the wrong file (a .qix index points at old offsets).
constexpr const char* kShapefileSidecars[] = {".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj"};

// 1e-7 degrees is about 1 cm: RFC 7946 advises no more than 6 decimals, 7 keeps the pieces' areas
// within 1e-6 of what was measured.
constexpr double kGeoJsonGrid = 1e-7;

std::string extensionList() {
    std::string list;
    for (const auto& entry : kFormats) list += std::string(list.empty() ? "" : ", ") + entry.extension;
    return list;
}

const FormatEntry& formatOf(VectorFormat format) {
    return *std::find_if(std::begin(kFormats), std::end(kFormats),
                         [format](const FormatEntry& entry) { return entry.format == format; });
}

VectorFormat formatFor(const fs::path& path) {
    const std::string extension = asciiLower(path.extension().string());
    for (const auto& entry : kFormats) {
        if (extension == entry.extension) return entry.format;
    }
    const std::string why = extension.empty()
                                ? "no extension to choose the format by"
                                : "frontline does not write '" + path.extension().string() + "' files";
    throw UsageError("cannot write '" + path.string() + "': " + why + " (supported: " + extensionList() +
                     ")");
}

// The files writing `path` replaces or removes: the file, and for a Shapefile its sidecars.
std::vector<fs::path> targetsOf(const fs::path& path, VectorFormat format) {
    std::vector<fs::path> targets{path};
    if (format == VectorFormat::Shapefile) {
        for (const char* extension : kShapefileSidecars) {
            targets.push_back(fs::path(path).replace_extension(extension));
        }
    }
    return targets;
}

// Renaming over a file needs only a writable folder, so a read-only file would be replaced without a
// word; it is refused instead. The mode bits count as well as access(): root may write anything.
void refuseUnwritableTargets(const fs::path& path, VectorFormat format) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (::access(folder.c_str(), W_OK) != 0) {
        throw DataError("cannot write '" + path.string() + "': " + std::strerror(errno));
    }
    for (const auto& target : targetsOf(path, format)) {
        checkReplaceable(target, path, target == path ? "it" : "its sidecar '" + target.string() + "'");
    }
}

std::vector<std::string> layerOptions(VectorFormat format) {
    switch (format) {
        case VectorFormat::GeoJson:
            // RFC 7946: WGS84 lon/lat without a "crs" member, exterior rings counter-clockwise; the id
            // field becomes each Feature's "id" member, where GDAL's reader looks for it.
            return {"RFC7946=YES", "COORDINATE_PRECISION=7", "ID_FIELD=id"};
        case VectorFormat::Shapefile:
            // Our text is UTF-8; without a .cpg saying so, readers take a .dbf for Latin-1.
            return {"ENCODING=UTF-8"};
        case VectorFormat::GeoPackage:
        case VectorFormat::FlatGeobuf:
            break;
    }
    return {};
}

// What the format can hold, as close to `features` as it gets.
std::vector<OutputFeature> prepared(const fs::path& path, VectorFormat format,
                                    std::vector<OutputFeature> features, geo::GeosContext& geos,
                                    Diagnostics& diagnostics) {
    if (format == VectorFormat::GeoJson) {
        for (auto& feature : features) {
            // snapToGrid returns polygons only; lines and points are rounded by GDAL, and a line cannot
            // become invalid that way.
            Geometry snapped = geo::snapToGrid(geos, feature.geometry, kGeoJsonGrid);
            snapped.lines = std::move(feature.geometry.lines);
            snapped.points = std::move(feature.geometry.points);
            feature.geometry = std::move(snapped);
        }
    }
    if (format == VectorFormat::FlatGeobuf) {
        // GDAL 3.6's FlatGeobuf driver drops a feature without geometry silently (and an empty one).
        const auto empty =
            std::stable_partition(features.begin(), features.end(),
                                  [](const OutputFeature& feature) { return !feature.geometry.empty(); });
        for (auto it = empty; it != features.end(); ++it) {
            diagnostics.warn(
                "'" + path.string() + "'",
                "feature '" + it->id + "' has no geometry, which FlatGeobuf cannot hold; left out");
        }
        features.erase(empty, features.end());
    }
    return features;
}

}  // namespace

std::string supportedVectorFormats() {
    return ".gpkg (GeoPackage), .fgb (FlatGeobuf), .shp (ESRI Shapefile), .geojson or .json (GeoJSON)";
}

VectorFile::VectorFile(std::filesystem::path path) : m_path(std::move(path)), m_format(formatFor(m_path)) {
    refuseUnwritableTargets(m_path, m_format);
}

void VectorFile::write(const std::vector<OutputFeature>& features, GeometryKind kind, geo::GeosContext& geos,
                       Diagnostics& diagnostics) const {
    // Again: a file may have appeared, or become read-only, while the features were computed.
    refuseUnwritableTargets(m_path, m_format);
    const OgrLayerOutput output{formatOf(m_format).driver, m_path.string(), m_path.stem().string(), kind,
                                layerOptions(m_format)};
    std::vector<WrittenFile> files =
        writeOgrLayer(output, prepared(m_path, m_format, features, geos, diagnostics), diagnostics);

    // The named file last: whoever waits for it finds its sidecars in place.
    const std::string mainName = m_path.filename().string();
    std::stable_partition(files.begin(), files.end(),
                          [&](const WrittenFile& file) { return file.name != mainName; });
    std::vector<std::unique_ptr<AtomicFile>> pending;
    for (const auto& file : files) {
        const fs::path target = file.name == mainName ? m_path : m_path.parent_path() / file.name;
        pending.push_back(std::make_unique<AtomicFile>(target));
        pending.back()->write(file.bytes);
    }
    for (auto& file : pending) file->commit();

    if (m_format != VectorFormat::Shapefile) return;
    for (const auto& target : targetsOf(m_path, m_format)) {
        const bool written = std::any_of(files.begin(), files.end(), [&](const WrittenFile& file) {
            return file.name == target.filename();
        });
        if (written) continue;
        std::error_code error;
        fs::remove(target, error);
        if (error) throw DataError("cannot remove the old '" + target.string() + "': " + error.message());
    }
}

}  // namespace frontline::io
