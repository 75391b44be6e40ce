#pragma once
// The layers the viewer's keys 1…9 and the legend hide and show: the control layers first (area and
// line of contact as one), then the drawn layers top first, then the place layers. The hidden set
// outlives scene rebuilds; the list is read from the scene in force.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "render/scene.hpp"

namespace frontline::app {

class LayerToggles {
public:
    // (layer id, title), at most nine.
    static std::vector<std::pair<std::string, std::string>> list(const render::Scene& scene);

    const std::set<std::string>& hidden() const { return m_hidden; }
    bool isHidden(const std::string& id) const { return m_hidden.count(id) > 0; }
    // Hides or shows the `index`th layer of the list; returns the notice to show ("…: hidden"), or
    // nothing when there is no such layer.
    std::optional<std::string> toggle(const render::Scene& scene, std::size_t index);

private:
    std::set<std::string> m_hidden;
};

}  // namespace frontline::app
