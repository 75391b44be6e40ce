#include "app/viewer_help.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace frontline::app {

void HelpCard::draw(const ViewerPainter& painter, const render::Scene& scene,
                    const LayerToggles& layers) const {
    if (!m_shown) return;
    const float u = std::max(0.6f, scene.unit());
    std::vector<std::pair<std::string, std::string>> rows{
        {"Space", "play / pause"},
        {"+  −", "faster / slower playback"},
        {"←  →", "previous / next control state"},
        {"G or Enter", "go to a date (type YYYY-MM-DD, Enter)"},
        {"click / drag timeline", "jump in time; diamonds are events (hover for details)"},
        {"drag map", "pan"},
        {"wheel, Ctrl + / Ctrl −", "zoom towards the pointer / the centre"},
        {"0", "reset the view"},
    };
    const auto list = LayerToggles::list(scene);
    for (std::size_t i = 0; i < list.size(); ++i) {
        rows.emplace_back(std::to_string(i + 1),
                          std::string(layers.isHidden(list[i].first) ? "show " : "hide ") + list[i].second);
    }
    rows.insert(rows.end(), {{"click legend", "hide / show that layer"},
                             {"hover", "name, layer, validity, area of a feature"},
                             {"I", "info box: change since the previous state, claims"},
                             {"S", "screenshot (PNG in the current folder)"},
                             {"H or ?", "this help"},
                             {"Esc or Q", "quit"}});
    const float size = std::round(18 * u), row = std::round(size * 1.45f), pad = std::round(24 * u);
    float keyWidth = 0, descWidth = 0;
    for (const auto& [key, desc] : rows) {
        keyWidth = std::max(keyWidth, painter.textWidth(key, true, size));
        descWidth = std::max(descWidth, painter.textWidth(desc, false, size));
    }
    const float width = keyWidth + descWidth + 3 * pad;
    const float height = static_cast<float>(rows.size() + 1) * row + 2 * pad;
    const sf::Vector2u window = painter.target().getSize();
    const auto w = static_cast<float>(window.x), h = static_cast<float>(window.y);
    const sf::FloatRect rect((w - width) / 2, std::max(0.0f, (h - height) / 2), width, height);
    painter.fillRect({0, 0, w, h}, sf::Color(0, 0, 0, 90));
    painter.fillRect(rect, sf::Color(255, 255, 255, 245), kInk);
    float y = rect.top + pad;
    painter.text("frontline view — controls", true, std::round(22 * u), kInk, {rect.left + pad, y});
    y += row;
    for (const auto& [key, desc] : rows) {
        painter.text(key, true, size, kAccent, {rect.left + pad, y});
        painter.text(desc, false, size, kInk, {rect.left + 2 * pad + keyWidth, y});
        y += row;
    }
}

}  // namespace frontline::app
