#pragma once
// The viewer's drawing kit: its colours, and text and boxes drawn into a render target in window pixels
// with the scene's fonts. Shared by the timeline strip, the info box, the overlays and the help card so
// that they all look alike. Borrows the target and the fonts; both must outlive it.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <string>

#include "render/fonts.hpp"
#include "render/style.hpp"

namespace frontline::app {

// The map's ink, muted text and accent (render/style.hpp), and the viewer's own: the strip, rules a
// shade fainter than the panel's, and the info box.
using render::kAccent;
using render::kInk;
using render::kMuted;
inline const sf::Color kStrip(236, 233, 226);
inline const sf::Color kFaint(190, 186, 178);
inline const sf::Color kBox(255, 255, 255, 232);

class ViewerPainter {
public:
    ViewerPainter(sf::RenderTarget& target, const render::Fonts& fonts) : m_target(target), m_fonts(fonts) {}

    sf::RenderTarget& target() const { return m_target; }
    // Draws `utf8` with its top left at `position` (rounded to whole pixels); returns the line height.
    float text(const std::string& utf8, bool bold, float size, sf::Color colour, sf::Vector2f position) const;
    float textWidth(const std::string& utf8, bool bold, float size) const;
    // A rectangle, with a one-pixel outline unless `outline` is transparent.
    void fillRect(sf::FloatRect box, sf::Color fill, sf::Color outline = sf::Color::Transparent) const;

private:
    sf::RenderTarget& m_target;
    const render::Fonts& m_fonts;
};

}  // namespace frontline::app
