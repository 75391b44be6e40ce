#include "analysis/calibration.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace frontline::analysis {

std::string_view toString(CalibrationStatus status) {
    switch (status) {
        case CalibrationStatus::Ok:
            return "ok";
        case CalibrationStatus::Exceeds:
            return "exceeds tolerance";
        case CalibrationStatus::Informational:
            return "informational";
    }
    return "informational";
}

std::vector<CalibrationResult> calibrate(const std::vector<CalibrationEntry>& entries,
                                         MeasureSource& source) {
    std::vector<CalibrationResult> results;
    results.reserve(entries.size());
    for (const auto& entry : entries) {
        CalibrationResult result;
        result.entry = entry;
        try {
            Evaluation evaluation = evaluate(parseExpression(entry.measure), source);
            result.computedKm2 = evaluation.result;
            result.used = std::move(evaluation.used);
        } catch (const DataError& e) {
            const std::string origin = entry.measureOrigin.empty() ? "" : entry.measureOrigin + ": ";
            throw DataError(origin + "calibration '" + entry.id + "': " + e.what());
        }
        const double error = result.computedKm2.value - entry.officialKm2;
        result.errorPct = 100 * error / entry.officialKm2;
        if (entry.tolerance) {
            result.status = std::fabs(error) <= *entry.tolerance * entry.officialKm2
                                ? CalibrationStatus::Ok
                                : CalibrationStatus::Exceeds;
        }
        results.push_back(std::move(result));
    }
    return results;
}

bool anyExceeds(const std::vector<CalibrationResult>& results) {
    return std::any_of(results.begin(), results.end(),
                       [](const CalibrationResult& r) { return r.status == CalibrationStatus::Exceeds; });
}

}  // namespace frontline::analysis
