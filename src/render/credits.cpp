#include "render/credits.hpp"

#include <algorithm>
#include <cmath>

#include "render/style.hpp"
#include "render/text.hpp"

namespace frontline::render {

Credits frameCredits(const Scene& scene, const FrameSpec& frame) {
    Credits result;
    // Each credit once: an attribution lists credits separated by "; ", and one that another contains
    // ("Natural Earth" in "Made with Natural Earth") is the same credit.
    auto addOnce = [](std::vector<std::string>& list, const std::string& credit) {
        if (credit.empty()) return;
        if (std::any_of(list.begin(), list.end(),
                        [&](const std::string& listed) { return listed.find(credit) != std::string::npos; }))
            return;
        // A longer credit takes the place of the first one it contains and drops the others.
        auto contained = [&](const std::string& listed) { return credit.find(listed) != std::string::npos; };
        const auto first = std::find_if(list.begin(), list.end(), contained);
        if (first == list.end()) {
            list.push_back(credit);
            return;
        }
        *first = credit;
        list.erase(std::remove_if(first + 1, list.end(), contained), list.end());
    };
    auto add = [&](const Layer* layer) {
        if (!layer) return;
        for (std::size_t start = 0; start < layer->attribution.size();) {
            std::size_t end = layer->attribution.find("; ", start);
            if (end == std::string::npos) end = layer->attribution.size();
            addOnce(result.data, layer->attribution.substr(start, end - start));
            start = end + 2;
        }
        for (const auto& source : layer->sources) addOnce(result.sources, source);
    };
    std::vector<int> states;
    if (frame.transition)
        states = {frame.transition->from, frame.transition->to};
    else
        states = {frame.state};
    for (int s : states)
        if (s >= 0) add(scene.states()[static_cast<std::size_t>(s)].layer);
    for (const auto& layer : scene.layers())
        if (layer.visibleAt(frame.date)) add(layer.layer);
    for (const auto& layer : scene.placeLayers()) add(layer.layer);
    return result;
}

std::string creditText(const Scene& scene, const FrameSpec& frame, bool withSources) {
    const Credits all = frameCredits(scene, frame);
    auto joined = [](const std::vector<std::string>& list) {
        std::string text;
        for (const auto& item : list) text += (text.empty() ? "" : "; ") + item;
        return text;
    };
    std::string text;
    if (!all.data.empty()) text += "Data: " + joined(all.data) + ". ";
    if (withSources && !all.sources.empty())
        text += "Drawn for frontline from: " + joined(all.sources) + ". ";
    return text + "Areas: frontline stats (geodesic, WGS84), scenario '" + scene.scenario().name + "'.";
}

CreditsFit fitCredits(const Scene& scene, const FrameSpec& frame, const Fonts& fonts, float width,
                      float most) {
    const float u = scene.unit();
    CreditsFit fit;
    fit.size =
        std::max({7.0f, std::round(14 * u), std::round(kMinTextPx * std::min(1.0f, u / kMinTextUnit))});
    fit.text = creditText(scene, frame, true);
    auto measure = [&] {
        fit.height = drawText(nullptr, fit.text, fonts.regular, fit.size, kMuted, {}, width, &fit.width);
    };
    measure();
    if (fit.height > most) {
        fit.text = creditText(scene, frame, false);
        measure();
    }
    while (fit.height > most && fit.size > 7) {
        fit.size -= 1;
        measure();
    }
    return fit;
}

}  // namespace frontline::render
