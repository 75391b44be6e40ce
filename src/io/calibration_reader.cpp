#include "io/calibration_reader.hpp"

#include <set>

#include "io/manifest.hpp"

namespace frontline::io {

std::vector<CalibrationEntry> readCalibration(const std::filesystem::path& path) {
    const toml::table table = parseTomlFile(path);
    ManifestTable manifest(table, path.string(), "calibration");
    manifest.rejectUnknownKeys({"entry"});
    std::vector<CalibrationEntry> entries;
    std::set<std::string> ids;
    for (const auto& entry : manifest.arrayOfTables("entry")) {
        entry.rejectUnknownKeys({"id", "label", "measure", "official_km2", "tolerance", "source"});
        CalibrationEntry result;
        result.id = entry.requireString("id");
        if (!ids.insert(result.id).second) entry.fail("id", "duplicate entry id '" + result.id + "'");
        result.label = entry.string("label", result.id);
        result.measure = entry.requireString("measure");
        result.measureOrigin = entry.location("measure");
        const auto official = entry.optionalNumber("official_km2");
        if (!official) entry.fail("", "missing key 'official_km2'");
        if (!(*official > 0)) entry.fail("official_km2", "must be positive");
        result.officialKm2 = *official;
        result.tolerance = entry.optionalNumber("tolerance");
        if (result.tolerance && !(*result.tolerance > 0 && *result.tolerance < 1)) {
            entry.fail("tolerance", "must be a relative tolerance in (0, 1), e.g. 0.01 for 1 %");
        }
        result.source = entry.requireString("source");
        entries.push_back(std::move(result));
    }
    return entries;
}

}  // namespace frontline::io
