#pragma once

#include <filesystem>
#include <optional>

#include "core/diagnostics.hpp"
#include "core/scenario.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"

namespace frontline::io {

struct ScenarioReadOptions {
    bool strict = false;     // invalid geometry is an error instead of a repaired warning
    bool loadLayers = true;  // false: manifest, events and claims only (fast validation)
    // How the layers' edges are read (--edges); unset: the manifest's `edges`, else geodesic.
    std::optional<Edges> edges;
};

// Reads scenario.toml (or the scenario.toml inside a folder) and everything it names: layers (through
// readLayer), control states, events and claims. Checks that states name existing layers and features.
// Throws DataError naming file:line:col, entry and key.
Scenario readScenario(const std::filesystem::path& manifestOrFolder, const ScenarioReadOptions& options,
                      geo::ProjContext& proj, geo::GeosContext& geos, Diagnostics& diagnostics);

}  // namespace frontline::io
