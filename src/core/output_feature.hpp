#pragma once
// A feature as written to a GIS file: its id, its geometry in WGS84 lon/lat and typed fields in order.
// Readers keep properties as text (core/feature.hpp) because sources disagree on types; an output
// says what each field is, so a GeoPackage gets a Real column for an area, not a string of digits.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/geometry.hpp"

namespace frontline {

enum class FieldType { Integer, Real, String, Date };

// One named value; its type is the alternative it holds (the order of FieldType).
struct Field {
    using Value = std::variant<std::int64_t, double, std::string, Date>;

    std::string name;
    Value value;

    FieldType type() const { return static_cast<FieldType>(value.index()); }
};

// What the features of an output layer hold; any of them may also have no geometry at all (an empty
// Geometry: "nothing was lost").
enum class GeometryKind { Polygons, Lines, Points, Any };

// Every feature of one output layer carries the same field names with the same types, in the same
// order (the writer checks it): they become the layer's columns.
struct OutputFeature {
    std::string id;
    Geometry geometry;
    std::vector<Field> fields;
};

}  // namespace frontline
