#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/event.hpp"
#include "core/geometry.hpp"
#include "core/layer.hpp"
#include "core/timeline.hpp"

namespace frontline {

// One unit of a calibration table: an area the scenario's layers measure (`measure`, an expression
// as in claims) against its official figure. With a relative `tolerance` the entry is a check; without,
// it is informational.
struct CalibrationEntry {
    std::string id;
    std::string label;
    std::string measure;
    double officialKm2 = 0;
    std::optional<double> tolerance;
    std::string source;
    std::string measureOrigin;  // "file:line:column" of `measure`, for messages; may be empty
};

// How the positional uncertainty u of a line turns into a likely range (docs/uncertainty.md): the
// error of a line is taken as normal with σ = sigmaFraction·u, correlated along correlationKm of line
// (independent beyond), independent between sources; a range is value ± z·σ of the area. The worst
// case (every stretch off by its whole u in the same direction) is reported beside it.
struct UncertaintyModel {
    double sigmaFraction = 0.5;
    double correlationKm = 10;
    double z = 1.96;  // two-sided 95 %
};

// Everything a scenario manifest describes, loaded: layers in WGS84, dated control states, events and
// claims. Built by io/, read by analysis/ and render/.
struct Scenario {
    std::filesystem::path manifestPath;
    std::string name;
    std::string title;
    std::string subject;     // whose control the states describe, e.g. "Armenian-held"
    std::string projection;  // display / equal-area CRS; empty = LAEA centred on the data
    std::vector<Layer> layers;
    Edges edges = Edges::Geodesic;  // how every layer's edges were read (reports say it)
    UncertaintyModel uncertainty;
    Timeline timeline;
    std::vector<Event> events;
    std::vector<Claim> claims;
    std::vector<CalibrationEntry> calibration;  // from the optional `calibration` file

    // nullptr when absent.
    const Layer* findLayer(std::string_view layerId) const;
    const Event* findEvent(std::string_view eventId) const;
    // Throws DataError naming the manifest when absent.
    const Layer& layer(std::string_view layerId) const;
};

}  // namespace frontline
