// frontline check [SCENARIO] [--claims FILE] [--calibration] [--fail-on-inconsistent]: every claim of
// the ledger measured against the scenario, with its interval, the range the claim accepts and a
// verdict; or, with --calibration, the scenario's areas against official figures.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>
#include <memory>

#include "analysis/calibration.hpp"
#include "analysis/claims.hpp"
#include "analysis/stats.hpp"
#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/scenario_input.hpp"
#include "core/error.hpp"
#include "io/claims_reader.hpp"

namespace frontline::app {

namespace {

using io::Cell;

struct CheckOptions {
    ScenarioInput input;
    std::string claims;
    std::string method = "geodesic";
    bool calibration = false;
    bool failOnInconsistent = false;
};

// The aligned text table is for a terminal: long text is cut to a width (the other formats keep it
// whole). Counts code points, as io::render aligns by them.
std::string shorten(const std::string& text, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (++chars == maxChars) return text.substr(0, i) + "…";
    }
    return text;
}

// Markdown cells must not contain a bare '|'.
std::string markdownSafe(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

std::string methodText(analysis::AreaMethod method, const geo::EqualAreaFrame& frame, Edges edges) {
    return (method == analysis::AreaMethod::Geodesic ? "geodesic on the WGS84 ellipsoid"
                                                     : "planar in the equal-area frame " + frame.crs()) +
           " with " + describe(edges);
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
    return text;
}

io::Table claimsTable(const std::vector<analysis::ClaimResult>& results, io::OutputFormat format) {
    const bool terminal = format == io::OutputFormat::Table;
    auto text = [&](const std::string& value, std::size_t width) -> Cell {
        if (terminal) return shorten(value, width);
        return format == io::OutputFormat::Markdown ? markdownSafe(value) : value;
    };
    io::Table table{{"id", "verdict", "statement", "computed", "likely_min", "likely_max", "min", "max",
                     "unit", "claimed", "accepted", "baseline", "publication", "note"},
                    {}};
    for (const auto& result : results) {
        const int decimals = analysis::displayDecimals(result.claim.unit);
        std::vector<Cell> row{result.claim.id, std::string(analysis::toString(result.verdict)),
                              text(result.claim.statement, 50)};
        if (result.computed) {
            row.push_back(Cell::number(result.computed->value, decimals));
            row.push_back(Cell::number(result.computed->likelyLow(), decimals));
            row.push_back(Cell::number(result.computed->likelyHigh(), decimals));
            row.push_back(Cell::number(result.computed->min, decimals));
            row.push_back(Cell::number(result.computed->max, decimals));
        } else {
            row.insert(row.end(), 5, Cell());
        }
        row.push_back(result.claim.unit);
        row.push_back(analysis::claimedText(result.claim));
        row.push_back(result.range.text());
        // In a terminal, what the tool measured matters most; the claim's own wording is in md/csv/json.
        row.push_back(terminal ? text(result.used.empty() ? result.claim.baseline : joined(result.used), 70)
                               : text(result.baseline(), 0));
        row.push_back(text(result.claim.publication, 40));
        row.push_back(result.note.empty() ? Cell() : text(result.note, 60));
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::string summary(const std::vector<analysis::ClaimResult>& results) {
    std::map<analysis::Verdict, int> counts;
    for (const auto& result : results) ++counts[result.verdict];
    std::string text = fmt::format("{} claims", results.size());
    for (const auto& [verdict, count] : counts)
        text += fmt::format(", {} {}", count, analysis::toString(verdict));
    return text;
}

io::Table calibrationTable(const std::vector<analysis::CalibrationResult>& results, io::OutputFormat format) {
    const bool terminal = format == io::OutputFormat::Table;
    io::Table table{{"id", "unit", "computed_km2", "min_km2", "max_km2", "official_km2", "error_pct",
                     "tolerance_pct", "status", "source"},
                    {}};
    for (const auto& result : results) {
        const auto& entry = result.entry;
        std::string source = terminal ? shorten(entry.source, 60) : entry.source;
        if (format == io::OutputFormat::Markdown) source = markdownSafe(source);
        table.rows.push_back({entry.id, entry.label, Cell::number(result.computedKm2.value, 1),
                              Cell::number(result.computedKm2.min, 1),
                              Cell::number(result.computedKm2.max, 1), Cell::number(entry.officialKm2, 1),
                              Cell::number(result.errorPct, 2),
                              entry.tolerance ? Cell::number(*entry.tolerance * 100, 1) : Cell(),
                              std::string(analysis::toString(result.status)), source});
    }
    return table;
}

void printHeading(const Scenario& scenario, const std::string& what, const std::string& method,
                  io::OutputFormat format) {
    const UncertaintyModel& model = scenario.uncertainty;
    if (format == io::OutputFormat::Table) {
        print(fmt::format(
            "{} — {}: {} ({}); areas {}; intervals from each outline stretch's own source (likely range:"
            " normal errors, σ = {}·u, correlated along {} km; worst case: every stretch off by u)\n\n",
            what, scenario.name, scenario.title, scenario.manifestPath.string(), method,
            analysis::plainNumber(model.sigmaFraction), analysis::plainNumber(model.correlationKm)));
    } else if (format == io::OutputFormat::Markdown) {
        print(fmt::format(
            "### {}: {}\n\nAreas {}; likely_min/likely_max are the likely range (normal errors, "
            "σ = {}·u per source, correlated along {} km) and min/max the worst case (every stretch of "
            "outline off by its own source's uncertainty u). Scenario: `{}`.\n\n",
            what, scenario.title, method, analysis::plainNumber(model.sigmaFraction),
            analysis::plainNumber(model.correlationKm), scenario.manifestPath.string()));
    }
}

}  // namespace

Action addCheckCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* command = app.add_subcommand(
        "check", "Check the claims ledger (or the calibration table) against the scenario");
    addScenarioInput(*command, options->input);
    CLI::Option* claims = command->add_option(
        "--claims", options->claims, "Claims file to check instead of the scenario's own claims.toml");
    command
        ->add_flag("--calibration", options->calibration,
                   "Compare computed areas with official figures (the scenario's calibration table)")
        ->excludes(claims);
    command->add_flag("--fail-on-inconsistent", options->failOnInconsistent,
                      "Exit 1 when any claim is inconsistent");
    command
        ->add_option("--method", options->method,
                     "geodesic (WGS84 ellipsoid) or planar (equal-area projection)")
        ->capture_default_str();
    command->footer(
        "Examples:\n"
        "  frontline check                                   # every claim of the bundled scenario\n"
        "  frontline check --format md > claims.md           # a table to paste into a report\n"
        "  frontline check --claims my-claims.toml --fail-on-inconsistent\n"
        "  frontline check --calibration                     # areas vs official figures\n"
        "Claim columns: id; verdict (consistent: the computed value is in the accepted range; consistent\n"
        "within the likely range: it is not, but the likely range reaches the accepted range; consistent "
        "only\n"
        "at the worst case: only the worst case does; inconsistent: no overlap; not checkable: nothing can\n"
        "measure it; sources disagree: a not-checkable figure whose group has another figure accepting no\n"
        "common value); statement (what was claimed); computed; likely_min, likely_max (the likely range of "
        "the\n"
        "stated model, docs/uncertainty.md); min, max (the worst case: every stretch of outline off by its "
        "own\n"
        "source's uncertainty); unit; claimed (qualifier, value, tolerance); accepted (range from qualifier "
        "and\n"
        "tolerance); baseline (the claim's baseline and what the tool used; the text table shows only the\n"
        "latter, shortened); publication; note.\n"
        "Calibration columns: id, unit, computed_km2 (min/max), official_km2, error_pct = 100·(computed −\n"
        "official)/official, tolerance_pct (empty: informational), status, source.\n"
        "Exit codes: 0 after reporting (verdicts are findings); 1 with --fail-on-inconsistent when a claim "
        "is\n"
        "inconsistent, or with --calibration when an entry exceeds its tolerance; 2 bad input.");

    return [options, &common](Diagnostics& diagnostics) {
        const io::OutputFormat format = outputFormat(common);
        const analysis::AreaMethod method = areaMethod(options->method);

        LoadedScenario loaded(options->input, common, diagnostics);
        const Scenario& scenario = loaded.scenario;
        const analysis::Measurer measurer = loaded.measurer(method);
        analysis::TimelineEvidence evidence(measurer, scenario);
        analysis::ScenarioMeasureSource source(evidence);

        if (options->calibration) {
            if (scenario.calibration.empty()) {
                throw UsageError(
                    "'" + scenario.manifestPath.string() +
                    "' has no calibration table (add calibration = \"calibration.toml\" to [scenario])");
            }
            const auto results = analysis::calibrate(scenario.calibration, source);
            printHeading(scenario, "Calibration", methodText(method, loaded.frame, scenario.edges), format);
            print(io::render(calibrationTable(results, format), format));
            if (analysis::anyExceeds(results)) {
                std::string ids;
                for (const auto& result : results) {
                    if (result.status == analysis::CalibrationStatus::Exceeds)
                        ids += (ids.empty() ? "" : ", ") + result.entry.id;
                }
                throw CheckFailed("calibration outside tolerance: " + ids);
            }
            return exit_code::Ok;
        }

        const std::vector<Claim> toCheck =
            options->claims.empty() ? scenario.claims : io::readClaims(options->claims);
        if (toCheck.empty())
            throw UsageError("'" + scenario.manifestPath.string() + "' has no claims to check");
        const auto results = analysis::evaluateClaims(toCheck, source);
        printHeading(scenario, "Claims check", methodText(method, loaded.frame, scenario.edges), format);
        print(io::render(claimsTable(results, format), format));
        if (format == io::OutputFormat::Table || format == io::OutputFormat::Markdown)
            print("\n" + summary(results) + "\n");

        if (options->failOnInconsistent) {
            std::string ids;
            for (const auto& result : results) {
                if (result.verdict == analysis::Verdict::Inconsistent)
                    ids += (ids.empty() ? "" : ", ") + result.claim.id;
            }
            if (!ids.empty()) throw CheckFailed("inconsistent claims: " + ids);
        }
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
