#pragma once
// The viewer's timeline strip below the map: a play / pause button, the date and the speed, a track with
// a tick for each control state (or dates at round places when there are too many states), a diamond
// for each event and a knob at the current frame. Clicking the button plays or pauses, pressing on the
// track seeks and dragging slides along it; the pointer over a diamond picks that event.
//
// Geometry is in window pixels and follows the window: a Layout is made from the window's size and the
// scene's height (the strip is the rest). The strip keeps only its own input state (sliding, the events
// under the pointer); where in time the viewer is stays in Playback.

#include <SFML/Graphics/Rect.hpp>
#include <cstddef>
#include <vector>

#include "app/viewer_painter.hpp"
#include "app/viewer_playback.hpp"
#include "core/scenario.hpp"
#include "render/scene.hpp"

namespace frontline::app {

class TimelineStrip {
public:
    struct Layout {
        sf::Vector2u window;
        float unit = 1;
        sf::FloatRect strip;
        sf::FloatRect play;
        float trackLeft = 0, trackRight = 0, trackY = 0;
    };
    // The strip's place in a window of `window` pixels below a scene `sceneHeight` pixels high.
    static Layout layout(sf::Vector2u window, unsigned sceneHeight);

    // `scenario` (its events) must outlive the strip.
    explicit TimelineStrip(const Scenario& scenario) : m_scenario(scenario) {}

    enum class Press { Missed, Played, Seeked };
    // A left-button press at `at`: on the button it plays or pauses, on the track it seeks there and
    // starts sliding.
    Press press(const Layout& box, sf::Vector2f at, Playback& playback);
    bool sliding() const { return m_sliding; }
    // While sliding: seeks to the frame under `x`.
    void slide(const Layout& box, float x, Playback& playback) const;
    void release() { m_sliding = false; }

    // The events whose diamonds are under `at` (none off the strip); `clearEvents` when the pointer is
    // elsewhere.
    void hoverEvents(const Layout& box, sf::Vector2f at, const Playback& playback);
    void clearEvents() { m_hoverEvents.clear(); }
    const std::vector<const Event*>& hoveredEvents() const { return m_hoverEvents; }

    void draw(const ViewerPainter& painter, const Layout& box, const Playback& playback,
              const render::Scene& scene) const;

private:
    std::size_t frameAtX(const Layout& box, float x, const Playback& playback) const;
    float xOfFrame(const Layout& box, std::size_t frame, const Playback& playback) const;
    void drawTicks(const ViewerPainter& painter, const Layout& box, const Playback& playback) const;

    const Scenario& m_scenario;
    bool m_sliding = false;
    std::vector<const Event*> m_hoverEvents;
};

}  // namespace frontline::app
