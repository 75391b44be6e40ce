#pragma once

#include <optional>
#include <string>
#include <utility>

namespace frontline {

// Where in the input a problem lies: a file and, as far as known, a layer of it, a feature of that
// layer and a property of the feature. Errors and warnings about input data carry one, so that code
// can ask which layer a warning is about (`info` counts them per layer) instead of reading it back out
// of the message. Parts are optional rather than empty because an empty id is a real value ("feature
// ''") and must still be named.
struct Where {
    explicit Where(std::string fileName) : file(std::move(fileName)) {}
    Where(std::string fileName, std::string layerName)
        : file(std::move(fileName)), layer(std::move(layerName)) {}
    Where(std::string fileName, std::string layerName, std::string featureId)
        : file(std::move(fileName)), layer(std::move(layerName)), feature(std::move(featureId)) {}

    std::string file;                    // as the user gave it: a path or a PG: source
    std::optional<std::string> layer;    // the layer's name in the file (GDAL's), not a scenario id
    std::optional<std::string> feature;  // the feature's id
    std::optional<std::string> field;    // a property of the feature

    // How messages name it: "'FILE': layer 'LAYER' feature 'ID': property 'FIELD'", as far as known.
    std::string text() const;
    // The same place with a property named.
    Where withField(std::string name) const;
    // Whether it lies in that layer of that file.
    bool inLayer(const std::string& layerFile, const std::string& layerName) const {
        return file == layerFile && layer == layerName;
    }
};

}  // namespace frontline
