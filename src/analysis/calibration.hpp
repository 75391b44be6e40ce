#pragma once
// Calibration: areas the scenario's layers measure for units with an official figure (countries,
// the NKAO, districts), and how far off they are. Entries with a tolerance are checks; the others
// are informational (their official figures are known to disagree with the generalised source data).

#include <string_view>
#include <vector>

#include "analysis/expression.hpp"
#include "core/scenario.hpp"

namespace frontline::analysis {

enum class CalibrationStatus { Ok, Exceeds, Informational };

// "ok", "exceeds tolerance", "informational".
std::string_view toString(CalibrationStatus status);

struct CalibrationResult {
    CalibrationEntry entry;
    Interval computedKm2;
    double errorPct = 0;  // 100 · (computed − official) / official
    CalibrationStatus status = CalibrationStatus::Informational;
    std::vector<std::string> used;
};

// Evaluates every entry's measure. An entry with a tolerance is Ok when |computed − official| ≤
// tolerance · official. Throws DataError "calibration '<id>': measure column N: …" for a bad measure.
std::vector<CalibrationResult> calibrate(const std::vector<CalibrationEntry>& entries, MeasureSource& source);

// Whether any entry exceeds its tolerance.
bool anyExceeds(const std::vector<CalibrationResult>& results);

}  // namespace frontline::analysis
