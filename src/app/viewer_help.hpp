#pragma once
// The viewer's help card (H or ?): every key and gesture, with the layer keys 1…9 saying whether they
// hide or show their layer now; drawn centred over a dimmed window.

#include "app/viewer_layer_toggles.hpp"
#include "app/viewer_painter.hpp"
#include "render/scene.hpp"

namespace frontline::app {

class HelpCard {
public:
    bool shown() const { return m_shown; }
    void toggle() { m_shown = !m_shown; }
    void hide() { m_shown = false; }

    void draw(const ViewerPainter& painter, const render::Scene& scene, const LayerToggles& layers) const;

private:
    bool m_shown = false;
};

}  // namespace frontline::app
