#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/feature.hpp"

namespace frontline {

// What a layer means in a scenario; decides how it is measured and drawn.
enum class LayerRole { Boundary, Control, Corridor, Place, Context };

std::string_view toString(LayerRole role);
std::optional<LayerRole> parseLayerRole(std::string_view text);

// How a layer is drawn. Colours are "#rrggbb" or "#rrggbbaa"; widths are screen pixels.
struct LayerStyle {
    std::string fill;
    std::string stroke;
    double strokeWidth = 1.0;
    double opacity = 1.0;
    std::string pattern = "none";
    int z = 0;
    // Names written on the map (render/region_labels.hpp): the feature property printed, "" for none;
    // and how, "region" (spaced capitals, grey) or "water" (italic, blue).
    std::string label;
    std::string labelStyle = "region";
};

// A named set of features in WGS84 lon/lat, with what the scenario says about it.
struct Layer {
    std::string id;
    std::string path;         // where it was read from, as given (for messages)
    std::string sourceLayer;  // OGR layer name inside `path`
    LayerRole role = LayerRole::Context;
    std::string title;
    std::string attribution;  // the credits a map must show, "; "-separated
    // What an authored layer was drawn from: one citation a reader can follow each
    // ("Trilateral statement of 10 Nov 2020 (primeminister.am)").
    std::vector<std::string> sources;
    double uncertaintyM = 0;  // positional uncertainty in metres
    // Edge provenance (control layers): the layers whose lines this layer's outline follows, in the
    // order they are tried, and how far (metres) an outline edge may lie from such a line and still be
    // taken as following it. Edges that follow none are the layer's own line of contact.
    std::vector<std::string> references;
    std::optional<double> matchM;
    // Whether an outline that follows this layer's line is a line of contact (front); when unset, by
    // role: context lines (borders, coasts, rivers) are not, every other line is.
    std::optional<bool> front;
    // How a length measured on this layer depends on the digitising scale: the same line in the
    // coarsest and finest sources the layer cites is lowFactor and highFactor times as long. Unset:
    // lengths are given without an interval.
    std::optional<std::pair<double, double>> lengthResolution;
    // The layer's geometry is schematic: drawn to show that something is there, not where exactly (an
    // invented circle round a named village, straight segments between stated places). One feature
    // can say so of itself with the property `schematic` = "true" (isSchematic). Maps draw such
    // geometry, and the part of a control state's held area it covers, in a style of its own.
    bool schematic = false;
    std::string sourceCrs;              // the CRS the data came in, as its authority code or name
    std::size_t sourceVertexCount = 0;  // vertices as read, before densifying long edges
    LayerStyle style;
    std::vector<Feature> features;

    bool isFrontLine() const { return front.value_or(role != LayerRole::Context); }
    // The feature with this id, or nullptr.
    const Feature* findFeature(std::string_view featureId) const;
    // Whether `feature` (one of this layer's) is schematic: the whole layer is, or the feature's
    // property `schematic` is "true".
    bool isSchematic(const Feature& feature) const;
};

}  // namespace frontline
