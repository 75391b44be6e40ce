#pragma once
// Colours and number/date formatting shared by the map and its overlays.

#include <SFML/Graphics/Color.hpp>
#include <string>

#include "core/date.hpp"
#include "core/layer.hpp"

namespace frontline::render {

// The overlays' colours: the panel, its text (ink, muted), rules (faint), and the accent of the held
// area's number, the chart's line and the cursor's value.
inline const sf::Color kPanel(252, 251, 248);
inline const sf::Color kInk(30, 30, 30);
inline const sf::Color kMuted(95, 95, 95);
inline const sf::Color kFaint(200, 197, 190);
inline const sf::Color kAccent(192, 57, 43);
// The light plate under what is drawn over the map (scale bar, north arrow), so it reads on any fill.
inline const sf::Color kPlate(255, 255, 255, 170);
// The smallest small print (credits, the map's notice) a frame of 1280×720 or more prints, pixels:
// readable on a phone showing it. Smaller frames scale it down with the rest of their text (to 7 px at
// 640×360), or their small print would be the largest text of the frame.
inline constexpr float kMinTextPx = 12.0f;
inline constexpr float kMinTextUnit = 1280.0f / 1920.0f;

// "#rrggbb" or "#rrggbbaa" → colour. Throws DataError naming `where` (layer id and key) otherwise.
sf::Color parseColor(const std::string& text, const std::string& where);
// The colour with its alpha multiplied by `opacity` (0..1).
sf::Color withOpacity(sf::Color color, double opacity);
// A layer's style colour `text` (its style.`key`) with `opacity`; transparent when the style gives none.
// Throws DataError naming the layer and key for a colour that does not parse.
sf::Color layerColor(const Layer& layer, const std::string& text, const char* key, double opacity);

// An area in km² exactly as `frontline stats` prints it (3 decimals, no "-0.000").
std::string formatKm2(double valueKm2);
// The same with its unit: "7753.772 km²".
std::string km2Label(double valueKm2);
// "Mar" for month 3 (1..12).
std::string monthAbbreviation(unsigned month);
// "10 Nov 2020".
std::string formatDateLong(const Date& date);

}  // namespace frontline::render
