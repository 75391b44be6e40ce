#pragma once
// Schematic geometry: drawn to show that something is there, not where exactly (Layer::schematic, or a
// feature's property `schematic` = "true"). A schematic feature of a context, boundary or corridor
// layer is drawn with a lighter fill and a dotted outline; the part of a control state's held area
// that lies in the polygons of the schematic features in force at the state's date (of any non-control
// layer, and of the state's own layer) is washed lighter, with a dotted outline in place of its line
// of contact. A schematic layer without a style draws nothing of its own: it only marks held area
// (geodata/karabakh: the invented Hin Tagher circle). The legend's row "Schematic extent (position
// approximate)" comes when a frame draws any of it: under the held area, in its colours, when the
// held area has a schematic part, or else in grey for schematic features.
//
// Lon/lat in, lon/lat out; GEOS through the context given. Pure functions.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Shader.hpp>

#include "core/scenario.hpp"
#include "geo/geos.hpp"

namespace frontline::render {

inline constexpr const char* kSchematicLegend = "Schematic extent (position approximate)";

// The part of `heldLonLat`, the held area of `state`, that is schematic; empty when none is.
Geometry schematicPart(geo::GeosContext& geos, const Scenario& scenario, const ControlState& state,
                       const Geometry& heldLonLat);

// What is laid over a schematic part of a held area: the ground's colour, half opaque.
sf::Color schematicWash();
// The fill of a schematic feature: its layer's fill, half as opaque.
sf::Color schematicFill(sf::Color fill);
// The dash shader set to dots, still (no marching: nothing moves there), at `unit` and `opacity`.
void setSchematicDots(sf::Shader& dash, float unit, float opacity);
// The legend's symbol: a box with a dotted outline in `ink`, washed with it unless `wash` is false.
void drawSchematicSwatch(sf::RenderTarget& target, sf::FloatRect box, sf::Color ink, float unit,
                         sf::Shader& dash, bool wash = true);

}  // namespace frontline::render
