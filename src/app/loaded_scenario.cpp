#include "app/loaded_scenario.hpp"

#include <string>
#include <vector>

#include "analysis/stats.hpp"
#include "app/scenario_location.hpp"
#include "core/error.hpp"
#include "io/scenario_reader.hpp"
#include "io/snapshots.hpp"

namespace frontline::app {

namespace {

// The options that describe snapshot files, given with a scenario: a scenario.toml says all of that
// itself, and an option that silently does nothing misleads.
std::vector<std::string> snapshotOnlyOptions(const ScenarioInput& input) {
    std::vector<std::string> given;
    const auto add = [&](bool set, const char* name) {
        if (set) given.emplace_back(name);
    };
    add(!input.dateField.empty(), "--date-field");
    add(!input.dateRegex.empty(), "--date-regex");
    add(input.allowEmpty, "--allow-empty");
    add(!input.crs.empty(), "--crs");
    add(!input.title.empty(), "--title");
    add(!input.subject.empty(), "--subject");
    add(!input.context.empty(), "--context");
    add(input.matchM > 0, "--match-m");
    add(input.uncertaintyM > 0, "--uncertainty-m");
    add(!input.attribution.empty(), "--attribution");
    return given;
}

Scenario load(const ScenarioInput& input, const CommonOptions& common, geo::ThreadContext& context,
              Diagnostics& diagnostics) {
    if (input.isScenario()) {
        if (const auto given = snapshotOnlyOptions(input); !given.empty()) {
            std::string names;
            for (const auto& name : given) names += (names.empty() ? "" : ", ") + name;
            throw UsageError(names + (given.size() == 1 ? " is" : " are") +
                             " for snapshot files; a scenario sets " + (given.size() == 1 ? "it" : "them") +
                             " in its scenario.toml");
        }
        return io::readScenario(scenarioPath(input.paths.empty() ? std::string() : input.paths.front()),
                                {common.strict, true, edgesOption(common)}, context.proj, context.geos,
                                diagnostics);
    }
    if (!input.context.empty() && !(input.matchM > 0)) {
        throw UsageError(
            "--context needs --match-m METRES (how far an edge may lie from a context line and still follow "
            "it: "
            "the coarser source's positional uncertainty)");
    }
    io::SnapshotScenarioOptions options{
        {{}, io::SnapshotDating(input.dateField, input.dateRegex), input.allowEmpty},
        input.title,
        input.subject,
        input.context,
        input.matchM,
        input.uncertaintyM,
        input.attribution};
    options.read.layer.assumeCrs = input.crs;
    options.read.layer.strict = common.strict;
    options.read.layer.edges = edgesOption(common).value_or(Edges::Geodesic);
    return io::readSnapshotScenario(io::snapshotPaths(input.paths), options, context, diagnostics);
}

ScenarioInput onePath(const std::string& given) {
    ScenarioInput input;
    if (!given.empty()) input.paths.push_back(given);
    return input;
}

}  // namespace

LoadedScenario::LoadedScenario(const ScenarioInput& input, const CommonOptions& common,
                               Diagnostics& diagnostics)
    : scenario(load(input, common, context, diagnostics)),
      frame(analysis::scenarioFrame(context.proj, scenario)) {}

LoadedScenario::LoadedScenario(const std::string& given, const CommonOptions& common,
                               Diagnostics& diagnostics)
    : LoadedScenario(onePath(given), common, diagnostics) {}

}  // namespace frontline::app
