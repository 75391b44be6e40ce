#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/event.hpp"
#include "core/layer.hpp"
#include "core/timeline.hpp"

namespace frontline {

// Everything a scenario manifest describes, loaded: layers in WGS84, dated control states, events and
// claims. Built by io/, read by analysis/ and render/.
struct Scenario {
    std::filesystem::path manifestPath;
    std::string name;
    std::string title;
    std::string subject;       // whose control the states describe, e.g. "Armenian-held"
    std::string projection;    // display / equal-area CRS; empty = LAEA centred on the data
    std::vector<Layer> layers;
    Timeline timeline;
    std::vector<Event> events;
    std::vector<Claim> claims;

    // nullptr when absent.
    const Layer* findLayer(std::string_view layerId) const;
    const Event* findEvent(std::string_view eventId) const;
    // Throws DataError naming the manifest when absent.
    const Layer& layer(std::string_view layerId) const;
};

}  // namespace frontline
