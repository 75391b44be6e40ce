#pragma once
// Which layers of a scenario the map draws, and why it leaves the others out.

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/scenario.hpp"

namespace frontline::render {

// Why the map leaves `layer` out (no visible style, unless the layer is schematic and so marks the held
// area it covers, points on a layer that is not a place layer, a place
// layer without points, a control layer no [[state]] uses), or nothing when it is drawn. Throws
// DataError for a colour that does not parse.
std::optional<std::string> whyNotDrawn(const Scenario& scenario, const Layer& layer);
// A warning in `diagnostics` for every layer the map leaves out, saying why.
void warnLayersNotDrawn(const Scenario& scenario, Diagnostics& diagnostics);

}  // namespace frontline::render
