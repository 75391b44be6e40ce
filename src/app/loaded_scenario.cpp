#include "app/loaded_scenario.hpp"

#include "analysis/stats.hpp"
#include "app/scenario_location.hpp"
#include "io/scenario_reader.hpp"

namespace frontline::app {

LoadedScenario::LoadedScenario(const std::string& given, const CommonOptions& common, Diagnostics& diagnostics)
    : scenario(io::readScenario(scenarioPath(given), {common.strict, true}, context.proj, context.geos, diagnostics)),
      frame(analysis::scenarioFrame(context.proj, scenario)) {}

}  // namespace frontline::app
