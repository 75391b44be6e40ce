#pragma once
// Colours and number/date formatting shared by the map and its overlays.

#include <SFML/Graphics/Color.hpp>

#include <string>

#include "core/date.hpp"

namespace frontline::render {

// "#rrggbb" or "#rrggbbaa" → colour. Throws DataError naming `where` (layer id and key) otherwise.
sf::Color parseColor(const std::string& text, const std::string& where);
// The colour with its alpha multiplied by `opacity` (0..1).
sf::Color withOpacity(sf::Color color, double opacity);

// An area in km² exactly as `frontline stats` prints it (3 decimals, no "-0.000").
std::string formatKm2(double valueKm2);
// "Mar" for month 3 (1..12).
std::string monthAbbreviation(unsigned month);
// "10 Nov 2020".
std::string formatDateLong(const Date& date);

}  // namespace frontline::render
