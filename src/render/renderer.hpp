#pragma once
// Draws one frame of a Scene into any sf::RenderTarget: the map (layers by z, the control state or a
// transition between two, front lines, places) and the overlays (title, date counter, area and the
// chart of `frontline stats` numbers, event captions, legend, scale bar, north arrow, attribution).

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/fonts.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

// A change between two control states in progress; the schedule never asks for progress 0 or 1 (those
// frames are the plain states).
struct Transition {
    int from = -1;         // state index, −1 = nothing held yet
    int to = -1;
    double progress = 0;   // (0, 1)
};

// What one frame shows.
struct FrameSpec {
    Date date;                          // the date counter
    int state = -1;                     // the state drawn when there is no transition
    std::optional<Transition> transition;
    std::optional<Date> eventsSince;    // captions for events after this date, up to `date`
    double seconds = 0;                 // the animation clock (moves the front line's dash)
};

// A still frame at `date`: the state in force, events since the state before it.
FrameSpec stillFrame(const Scene& scene, const Date& date);

class Renderer {
public:
    // The scene, fonts and shaders are borrowed and must outlive the renderer. Needs a GL context.
    Renderer(Scene& scene, const Fonts& fonts, ShaderSet& shaders);

    void draw(sf::RenderTarget& target, const FrameSpec& frame);
    // Every text of the last frame drawn, in drawing order (what tests compare with reports).
    const std::vector<std::string>& drawnTexts() const { return m_texts; }

private:
    void drawMap(sf::RenderTarget& target, const FrameSpec& frame);
    void drawControl(sf::RenderTarget& target, const FrameSpec& frame);
    void drawFrontLine(sf::RenderTarget& target, int state, float opacity, double seconds);
    void drawLayer(sf::RenderTarget& target, const LayerMesh& layer, const Date& date);
    void drawPlaces(sf::RenderTarget& target);
    void drawScaleBar(sf::RenderTarget& target);
    void drawNorthArrow(sf::RenderTarget& target);
    void drawPanel(sf::RenderTarget& target, const FrameSpec& frame);
    float drawChart(sf::RenderTarget& target, sf::FloatRect box, const Date& date);
    float drawLegend(sf::RenderTarget& target, float bottom, const FrameSpec& frame, bool measureOnly);
    std::vector<std::string> attributions(const FrameSpec& frame) const;
    // Draws `utf8` wrapped to `maxWidth` (0 = no wrapping) with its top-left at `position`; returns
    // the height used.
    float text(sf::RenderTarget& target, const std::string& utf8, const sf::Font& font, float size, sf::Color colour,
               sf::Vector2f position, float maxWidth = 0, bool measureOnly = false);
    const sf::Texture& fieldTexture(int from, int to);

    Scene& m_scene;
    const Fonts& m_fonts;
    ShaderSet& m_shaders;
    std::map<std::pair<int, int>, sf::Texture> m_fields;
    std::vector<std::string> m_texts;
    std::vector<sf::Vertex> m_kept;   // the kept part of a transition, recoloured each frame
};

}  // namespace frontline::render
