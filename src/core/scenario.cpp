#include "core/scenario.hpp"

#include "core/error.hpp"

namespace frontline {

const Layer* Scenario::findLayer(std::string_view layerId) const {
    for (const auto& layer : layers) {
        if (layer.id == layerId) return &layer;
    }
    return nullptr;
}

const Event* Scenario::findEvent(std::string_view eventId) const {
    for (const auto& event : events) {
        if (event.id == eventId) return &event;
    }
    return nullptr;
}

const Layer& Scenario::layer(std::string_view layerId) const {
    if (const Layer* found = findLayer(layerId)) return *found;
    throw DataError(manifestPath.string() + ": no layer with id '" + std::string(layerId) + "'");
}

}  // namespace frontline
