#pragma once

#include <string>

#include "core/scenario.hpp"
#include "geo/geos.hpp"

namespace frontline::analysis {

// The held area of a state as one dissolved set of polygons in lon/lat (empty for an empty state).
Geometry controlGeometry(geo::GeosContext& geos, const Scenario& scenario, const ControlState& state);
// The positional uncertainty in metres of the layer behind a state (0 for an empty state).
double controlUncertaintyM(const Scenario& scenario, const ControlState& state);
// "2020-11-10 (control_2020-11-10)" — how reports name the baseline a number was measured against.
std::string describeState(const ControlState& state);

// The dissolved polygons of a whole layer, or of one feature when `featureId` is not empty.
// Throws DataError when the feature does not exist.
Geometry layerPolygons(geo::GeosContext& geos, const Layer& layer, const std::string& featureId = {});

}  // namespace frontline::analysis
