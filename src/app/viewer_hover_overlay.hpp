#pragma once
// What the viewer draws for the thing under the pointer: the hovered feature or held area washed white
// on the map, and a tooltip beside the pointer with its description (or the events under the pointer on
// the timeline). Owns the HoverDescriber of the current scene, so it is re-made with the scene.
//
// The highlight is in scene pixels under the map's view, the tooltip in window pixels inside the map.

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "app/viewer_hover.hpp"
#include "app/viewer_painter.hpp"
#include "core/scenario.hpp"
#include "render/map_view.hpp"
#include "render/scene.hpp"

namespace frontline::app {

class HoverOverlay {
public:
    // Before the scene goes: drops the describer that refers to it.
    void detach() { m_describer.reset(); }
    // A new scene (the old one detached): nothing hovered. The last tooltip's text stays until the
    // pointer finds another target, as the viewer has always done.
    void attach(const render::Scene& scene, const analysis::Measurer& measurer);

    // The target now under the pointer; describes it when it changed.
    void point(const std::optional<HoverTarget>& target);
    // The description of the hovered target, its name first; empty when there is none.
    const std::vector<std::string>& lines() const { return m_lines; }

    // The hovered shape, under the map's `view`.
    void drawHighlight(sf::RenderTarget& target, const render::MapView& view, sf::FloatRect map) const;
    // The tooltip at `mouse`: the description, or else the `events` under the pointer.
    void drawTooltip(const ViewerPainter& painter, const render::Scene& scene, sf::Vector2f mouse,
                     const std::vector<const Event*>& events) const;

private:
    std::unique_ptr<HoverDescriber> m_describer;
    std::optional<HoverTarget> m_target;
    std::vector<std::string> m_lines;
    std::vector<sf::Vertex> m_highlight;
};

}  // namespace frontline::app
