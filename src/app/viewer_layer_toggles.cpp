#include "app/viewer_layer_toggles.hpp"

#include <algorithm>

#include "render/renderer.hpp"

namespace frontline::app {

std::vector<std::pair<std::string, std::string>> LayerToggles::list(const render::Scene& scene) {
    std::vector<std::pair<std::string, std::string>> list{
        {render::Renderer::kControlLayers, scene.scenario().subject + " area and line of contact"}};
    std::vector<const render::LayerMesh*> layers;
    for (const auto& layer : scene.layers()) layers.push_back(&layer);
    std::stable_sort(layers.begin(), layers.end(),
                     [](const auto* a, const auto* b) { return a->layer->style.z > b->layer->style.z; });
    for (const auto* layer : layers) list.emplace_back(layer->layer->id, layer->layer->title);
    for (const auto& places : scene.placeLayers()) list.emplace_back(places.layer->id, places.layer->title);
    if (list.size() > 9) list.resize(9);
    return list;
}

std::optional<std::string> LayerToggles::toggle(const render::Scene& scene, std::size_t index) {
    const auto all = list(scene);
    if (index >= all.size()) return std::nullopt;
    const std::string& id = all[index].first;
    if (!m_hidden.erase(id)) m_hidden.insert(id);
    return all[index].second + (isHidden(id) ? ": hidden" : ": shown");
}

}  // namespace frontline::app
