#pragma once

#include <map>
#include <string>

#include "core/geometry.hpp"

namespace frontline {

// One feature of a layer: its id (the `id` member/property, else the source's FID), its geometry in
// WGS84 lon/lat, and its properties as text.
struct Feature {
    std::string id;
    Geometry geometry;
    std::map<std::string, std::string> properties;

    // The property's value, or `fallback` when absent.
    std::string property(const std::string& key, const std::string& fallback = {}) const {
        auto it = properties.find(key);
        return it == properties.end() ? fallback : it->second;
    }
};

}  // namespace frontline
