#pragma once

#include <filesystem>
#include <vector>

#include "core/scenario.hpp"

namespace frontline::io {

// Reads a calibration table ([[entry]] tables with id, label, measure, official_km2, optional
// tolerance, source; see geodata/karabakh/calibration.toml). Measures are checked for syntax when
// evaluated, by analysis/. Throws DataError naming file:line:col, entry and key.
std::vector<CalibrationEntry> readCalibration(const std::filesystem::path& path);

}  // namespace frontline::io
