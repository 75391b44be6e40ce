#include "render/style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/error.hpp"

namespace frontline::render {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

sf::Color parseColor(const std::string& text, const std::string& where) {
    if ((text.size() == 7 || text.size() == 9) && text[0] == '#') {
        std::array<sf::Uint8, 4> channels{0, 0, 0, 255};
        bool ok = true;
        for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
            const int high = hexDigit(text[i + 1]);
            const int low = hexDigit(text[i + 2]);
            if (high < 0 || low < 0)
                ok = false;
            else
                channels[i / 2] = static_cast<sf::Uint8>(high * 16 + low);
        }
        if (ok) return {channels[0], channels[1], channels[2], channels[3]};
    }
    throw DataError(where + ": colour '" + text + "' is not #rrggbb or #rrggbbaa");
}

sf::Color layerColor(const Layer& layer, const std::string& text, const char* key, double opacity) {
    if (text.empty()) return sf::Color::Transparent;
    return withOpacity(parseColor(text, "layer '" + layer.id + "' style." + key), opacity);
}

sf::Color withOpacity(sf::Color color, double opacity) {
    const double alpha = std::clamp(opacity, 0.0, 1.0) * color.a;
    color.a = static_cast<sf::Uint8>(std::lround(alpha));
    return color;
}

std::string formatKm2(double valueKm2) {
    // The rule of io::Cell::number(value, 3), which `frontline stats` prints with.
    if (std::fabs(valueKm2) < 0.5e-3) valueKm2 = 0;
    return fmt::format("{:.3f}", valueKm2);
}

std::string km2Label(double valueKm2) { return formatKm2(valueKm2) + " km²"; }

std::string monthAbbreviation(unsigned month) {
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return kMonths.at(month - 1);
}

std::string formatDateLong(const Date& date) {
    return fmt::format("{} {} {}", date.day(), monthAbbreviation(date.month()), date.year());
}

}  // namespace frontline::render
