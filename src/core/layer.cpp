#include "core/layer.hpp"

#include <array>
#include <utility>

namespace frontline {

namespace {
constexpr std::array<std::pair<LayerRole, std::string_view>, 5> kRoleNames{{
    {LayerRole::Boundary, "boundary"},
    {LayerRole::Control, "control"},
    {LayerRole::Corridor, "corridor"},
    {LayerRole::Place, "place"},
    {LayerRole::Context, "context"},
}};
}  // namespace

std::string_view toString(LayerRole role) {
    for (const auto& [value, name] : kRoleNames) {
        if (value == role) return name;
    }
    return "context";
}

std::optional<LayerRole> parseLayerRole(std::string_view text) {
    for (const auto& [value, name] : kRoleNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

const Feature* Layer::findFeature(std::string_view featureId) const {
    for (const auto& feature : features) {
        if (feature.id == featureId) return &feature;
    }
    return nullptr;
}

bool Layer::isSchematic(const Feature& feature) const {
    return schematic || feature.property("schematic") == "true";
}

}  // namespace frontline
