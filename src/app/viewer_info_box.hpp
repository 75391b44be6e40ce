#pragma once
// The viewer's info box over the map: the change since the previous control state (gained, lost, net
// with their likely and worst-case ranges) and the claims whose measure refers to a date in (previous
// state, shown state], with their verdicts. It sits in the map corner where it covers least of the held
// area. Claims are evaluated once (evaluateClaims); a failure is shown in the box instead of verdicts.
//
// Window pixels; the scene and view given to draw() are the viewer's current ones.

#include <SFML/Graphics/Color.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/claims.hpp"
#include "app/viewer_painter.hpp"
#include "core/date.hpp"
#include "core/scenario.hpp"
#include "render/map_view.hpp"
#include "render/scene.hpp"

namespace frontline::app {

class InfoBox {
public:
    explicit InfoBox(bool shown) : m_shown(shown) {}

    bool shown() const { return m_shown; }
    void toggle() { m_shown = !m_shown; }
    // Evaluates the scenario's claims and the dates each refers to; an Error is kept for the box.
    void evaluateClaims(const Scenario& scenario, const analysis::Measurer& measurer);

    // The box for the state in force at `date`, when shown.
    void draw(const ViewerPainter& painter, const render::Scene& scene, const render::MapView& view,
              const Date& date);

private:
    struct Line {
        std::string text;
        bool bold;
        float size;
        sf::Color colour;
        std::optional<sf::Color> dot;
    };
    // What the lines depend on: the state shown, the box's width and the unit, whether the change since
    // the state before has been measured.
    struct LinesKey {
        int state = -1;
        float width = 0, unit = 0;
        bool measured = false;
        bool operator==(const LinesKey& o) const {
            return state == o.state && width == o.width && unit == o.unit && measured == o.measured;
        }
    };
    // The box's lines for state `shown`, long ones cut to `width`.
    std::vector<Line> layOut(const ViewerPainter& painter, const render::Scene& scene, int shown,
                             float width) const;
    // Top-left corner of the box of that size: the map's corner where it covers least of the held area
    // (its north is what the box used to hide in the top right).
    sf::Vector2f corner(const render::Scene& scene, const render::MapView& view, int shown, float width,
                        float height);

    bool m_shown;
    // Claims: evaluated once; each with the dates its measure refers to.
    std::vector<analysis::ClaimResult> m_claims;
    std::vector<std::vector<Date>> m_claimDates;
    std::string m_claimsError;
    // The last corner chosen and what it depends on: choosing samples the held area's triangles, too
    // much work to repeat on every frame.
    struct Place {
        int state = -1;
        render::MapView view;
        sf::Vector2f box, map;
        sf::Vector2f corner;
    };
    std::optional<Place> m_place;
    std::optional<std::pair<LinesKey, std::vector<Line>>> m_lines;
};

}  // namespace frontline::app
