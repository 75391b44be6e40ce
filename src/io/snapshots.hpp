#pragma once
// Snapshot series: a folder (or a list) of files, one per date, each holding the area one side held
// on its date. The date comes from the file name or from a feature property.

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/scenario.hpp"
#include "geo/thread_context.hpp"
#include "io/layer_reader.hpp"

namespace frontline::io {

// Both forms of date a file name may carry: 2020-11-10 and 20201110.
inline constexpr const char* kDefaultDateRegex = R"((\d{4}-\d{2}-\d{2}|\d{8}))";

// Where each snapshot's date is read: the first group of `regex` in the file name (YYYYMMDD or
// YYYY-MM-DD), or, when `field` is set, that property of the features (all must agree).
class SnapshotDating {
public:
    // Throws UsageError naming --date-regex when the expression is not valid.
    explicit SnapshotDating(std::string field = {}, std::string regex = {});

    Date dateOf(const std::string& path, const std::vector<Layer>& layers) const;
    const std::string& field() const { return m_field; }

private:
    std::string m_field;
    std::string m_patternText;
    std::regex m_pattern;
};

struct SnapshotReadOptions {
    LayerReadOptions layer;
    SnapshotDating dating;
    // A snapshot with no polygons says "nothing held" only when the user says so: otherwise an
    // empty, lines-only or degenerate file is far likelier an export gone wrong than a total loss.
    bool allowEmpty = false;
};

struct SnapshotFile {
    Date date;
    std::string path;
    Geometry held;  // every polygon of every layer, dissolved; empty when nothing was held
    std::size_t sourceVertexCount = 0;
};

// Reads one snapshot file. Throws DataError naming the file for an unreadable file, a missing date,
// or (without allowEmpty) a file with no polygons, saying what it holds instead.
SnapshotFile readSnapshot(const std::string& path, const SnapshotReadOptions& options, geo::ProjContext& proj,
                          geo::GeosContext& geos, Diagnostics& diagnostics);

// How the control layers made from snapshots follow their reference lines and look.
struct SnapshotLayerOptions {
    std::string subject = "Held";
    std::vector<std::string> references;  // layer ids the outlines follow (borders, coasts)
    std::optional<double> matchM;
    double uncertaintyM = 0;
};

// Reads `paths` as snapshots and appends to `scenario` one control layer per non-empty file
// (`snapshot-YYYY-MM-DD`, red as the bundled scenario's held areas) and returns one state per file,
// in the order given. The files are read on every core, each worker with library contexts of its own;
// the first error and the warnings are those a reading in order would give. Throws DataError naming
// both files when two share a date.
std::vector<ControlState> addSnapshotLayers(Scenario& scenario, const std::vector<std::string>& paths,
                                            const SnapshotReadOptions& read,
                                            const SnapshotLayerOptions& layers, Diagnostics& diagnostics);

// The files a glob pattern (glob(3), relative to `base` unless absolute) names, sorted; DataError
// naming the pattern when it names none.
std::vector<std::string> globFiles(const std::string& pattern, const std::filesystem::path& base);

// The snapshot files the command line names: files as given, each folder replaced by the files in it
// that a GDAL vector driver claims by extension (not hidden ones; a Shapefile by its .shp), sorted by
// name. Throws DataError for a folder with no such file.
std::vector<std::string> snapshotPaths(const std::vector<std::string>& arguments);

// A scenario made from snapshot files, for every command that takes a scenario: one control layer
// and one state per file (in date order), and the context files (borders, coasts) as context layers
// the held area's outline is matched against: stretches along them are not front. A context layer's
// features are named on the map (contextLabel) when they carry names; a context file of points is a
// place layer (placesOnly).
struct SnapshotScenarioOptions {
    SnapshotReadOptions read;
    std::string title;    // default: the folder's name
    std::string subject;  // whose control the files show; default "Held"
    std::vector<std::string> context;
    double matchM = 0;        // how far an outline edge may lie from a context line and follow it
    double uncertaintyM = 0;  // positional uncertainty of the snapshots' own lines
    std::string attribution;  // of every snapshot layer (credits separated by "; ")
};

// What a context layer is and how its features are named on the map. A layer is water when its file's
// or layer's name has a word for it (lake, river, water, sea, reservoir, canal, stream, hydro, as
// "lakes", "ne_10m_rivers_lake_centerlines") or when at least half its features say so (featurecla a
// lake, river or reservoir, as Natural Earth; natural=water, water=* or waterway=*, as OpenStreetMap);
// water is drawn blue, as the bundled scenario's lakes and rivers. `label` is the property that holds
// the names (empty: none): the first of name, NAME, name_en, NAME_EN, ADMIN, admin and Name that at
// least half the features have, not empty (Natural Earth's and OpenStreetMap's names, GADM's and most
// national sets'). Polygons are named; lines only when they are water, since the lines of a context
// file are mostly borders, coasts and front lines, whose names would clutter.
struct ContextLabel {
    bool water = false;
    std::string label;
    std::string labelStyle = "region";  // "water" for water
};
// `fileName`: the context file's path as given.
ContextLabel contextLabel(const Layer& layer, const std::string& fileName);

// The legend's title of a context layer: its name as GDAL gives it (a GeoJSON's "name" member, a
// GeoPackage's table; the file's stem otherwise), read as words: '_' and '-' are spaces, Natural Earth's
// scale prefix ("ne_10m_", "ne_50m_", "ne_110m_") goes, the first letter is a capital.
// "ne_10m_rivers_lake_centerlines" is "Rivers lake centerlines"; "lakes" is "Lakes". A name written as
// words already ("Lake Sevan basin") is kept.
std::string contextTitle(const Layer& layer, const std::string& fileName);

// A context file of points only (towns, cities) is a place layer: drawn as dots with names, not matched
// against. True for a layer whose every feature is points and nothing else.
bool placesOnly(const Layer& layer);
// Readies such a layer's features for the map: the name property contextLabel finds is copied to
// `name` where that is missing, and `kind` (city, town, village, capital: the dot and the name's style)
// is taken from OpenStreetMap's `place` or Natural Earth's `featurecla` where not given. A place of no
// known kind is drawn as a village (open circle, grey name).
void nameThePlaces(Layer& layer);

// Throws DataError naming both files when two snapshots share a date, and as readSnapshot does.
Scenario readSnapshotScenario(const std::vector<std::string>& paths, const SnapshotScenarioOptions& options,
                              geo::ThreadContext& context, Diagnostics& diagnostics);

}  // namespace frontline::io
