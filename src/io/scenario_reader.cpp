#include "io/scenario_reader.hpp"

#include <regex>
#include <set>

#include "core/error.hpp"
#include "io/calibration_reader.hpp"
#include "io/claims_reader.hpp"
#include "io/events_reader.hpp"
#include "io/gdal.hpp"
#include "io/layer_reader.hpp"
#include "io/manifest.hpp"
#include "io/snapshots.hpp"

namespace frontline::io {

namespace {

// Layer paths are relative to the manifest; connection strings and absolute paths pass through.
std::string resolvePath(const std::filesystem::path& base, const std::string& path) {
    if (!isLocalPath(path) || std::filesystem::path(path).is_absolute()) return path;
    return (base / path).lexically_normal().string();
}

// The file a manifest key names, resolved; a missing one is reported at the key, so that the message
// says which line of which manifest to fix.
std::string existingFile(const ManifestTable& table, std::string_view key,
                         const std::filesystem::path& base) {
    std::string path = resolvePath(base, table.string(key));
    if (!isLocalPath(path)) return path;
    const std::string problem = localFileProblem(path);
    if (problem == "no such file") table.fail(key, "no such file '" + path + "'");
    const bool geodatabase = problem == "is a directory" && std::filesystem::path(path).extension() == ".gdb";
    if (!problem.empty() && !geodatabase) table.fail(key, "'" + path + "': " + problem);
    return path;
}

// A CRS PROJ cannot read is reported at its key before any file is opened.
void checkCrs(const ManifestTable& table, std::string_view key, geo::ProjContext& proj) {
    const std::string crs = table.string(key);
    if (crs.empty()) return;
    try {
        geo::Transformer check(proj, crs, "EPSG:4326");
    } catch (const GeometryError& e) {
        table.fail(key, e.what());
    }
}

// What a control layer must hold: polygons. A feature without any is named in a warning (it holds no
// area); a layer with none at all, or with no features, cannot be a control state.
void checkControlLayer(const ManifestTable& entry, const Layer& layer, Diagnostics& diagnostics) {
    if (layer.features.empty()) {
        entry.fail("path", "control layer '" + layer.id + "' ('" + layer.path +
                               "') has no features; for \"nothing held\" use a [[state]] with empty = true");
    }
    bool anyPolygon = false;
    for (const auto& feature : layer.features) {
        if (!feature.geometry.polygons.empty()) {
            anyPolygon = true;
        } else if (!feature.geometry.empty()) {
            diagnostics.warn(Where{layer.path, layer.sourceLayer, feature.id},
                             std::string(feature.geometry.lines.empty() ? "is a point" : "is a line") +
                                 ", not a polygon; a control layer measures polygons, so it holds no area");
        }
    }
    if (!anyPolygon) {
        entry.fail("path", "control layer '" + layer.id + "' ('" + layer.path +
                               "') has no polygons (control layers need Polygon or MultiPolygon features)");
    }
}

LayerStyle parseStyle(const ManifestTable& style) {
    style.rejectUnknownKeys(
        {"fill", "stroke", "stroke_width", "opacity", "pattern", "z", "label", "label_style"});
    static const std::regex colour("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");
    LayerStyle result;
    for (auto [key, target] : {std::pair{"fill", &result.fill}, std::pair{"stroke", &result.stroke}}) {
        *target = style.string(key);
        if (!target->empty() && !std::regex_match(*target, colour))
            style.fail(key, "must be #rrggbb or #rrggbbaa");
    }
    result.strokeWidth = style.number("stroke_width", 1.0);
    if (result.strokeWidth < 0) style.fail("stroke_width", "must not be negative");
    result.opacity = style.number("opacity", 1.0);
    if (result.opacity < 0 || result.opacity > 1) style.fail("opacity", "must be in 0..1");
    result.pattern = style.string("pattern", "none");
    // Only the patterns the renderer draws: "crosshatch" was drawn as hatch and "dots" as nothing, so
    // a manifest asking for them got something else without a word.
    if (result.pattern != "none" && result.pattern != "hatch") {
        style.fail("pattern", "unknown pattern '" + result.pattern + "' (none, hatch)");
    }
    result.z = style.integer("z", 0, -1000000, 1000000);
    result.label = style.string("label");
    result.labelStyle = style.string("label_style", "region");
    if (result.labelStyle != "region" && result.labelStyle != "water")
        style.fail("label_style", "unknown label style '" + result.labelStyle + "' (region, water)");
    return result;
}

Layer parseLayer(const ManifestTable& entry, const std::filesystem::path& base,
                 const ScenarioReadOptions& options, geo::ProjContext& proj, geo::GeosContext& geos,
                 Diagnostics& diagnostics) {
    entry.rejectUnknownKeys({"id", "path", "source_layer", "role", "title", "uncertainty_m", "attribution",
                             "sources", "crs", "style", "references", "match_m", "front", "length_resolution",
                             "schematic"});
    const std::string id = entry.requireString("id");
    static const std::regex idPattern("[a-z0-9_-]+");
    if (!std::regex_match(id, idPattern)) entry.fail("id", "must match [a-z0-9_-]+");
    const std::string roleText = entry.requireString("role");
    const auto role = parseLayerRole(roleText);
    if (!role)
        entry.fail("role", "unknown role '" + roleText + "' (boundary, control, corridor, place, context)");
    const double uncertaintyM = entry.number("uncertainty_m", 0);
    if (uncertaintyM < 0) entry.fail("uncertainty_m", "must not be negative");

    LayerReadOptions readOptions;
    readOptions.sourceLayer = entry.string("source_layer");
    checkCrs(entry, "crs", proj);
    readOptions.assumeCrs = entry.string("crs");
    readOptions.strict = options.strict;
    readOptions.edges = options.edges.value_or(Edges::Geodesic);
    entry.requireString("path");
    const std::string path =
        options.loadLayers ? existingFile(entry, "path", base) : resolvePath(base, entry.string("path"));

    Layer layer;
    if (options.loadLayers) {
        try {
            layer = readLayer(path, readOptions, proj, geos, diagnostics);
        } catch (const DataError& e) {
            throw DataError(std::string(e.what()) + " (layer '" + id + "')");
        }
    }
    layer.id = id;
    layer.path = path;
    layer.role = *role;
    layer.title = entry.string("title", id);
    layer.attribution = entry.string("attribution");
    layer.sources = entry.stringArray("sources");
    layer.uncertaintyM = uncertaintyM;
    layer.references = entry.stringArray("references");
    if (!layer.references.empty() && layer.role != LayerRole::Control) {
        entry.fail("references", "only a control layer names the lines its outline follows");
    }
    layer.matchM = entry.optionalNumber("match_m");
    if (layer.matchM && *layer.matchM <= 0) entry.fail("match_m", "must be positive");
    if (entry.has("front")) layer.front = entry.boolean("front", true);
    layer.schematic = entry.boolean("schematic", false);
    if (entry.has("length_resolution")) {
        const std::vector<double> factors = entry.numberArray("length_resolution");
        if (factors.size() != 2 || !(factors[0] > 0 && factors[0] <= 1 && factors[1] >= 1)) {
            entry.fail("length_resolution",
                       "must be [low, high] with 0 < low <= 1 <= high (factors on a length)");
        }
        layer.lengthResolution = std::make_pair(factors[0], factors[1]);
    }
    if (auto style = entry.subtable("style")) layer.style = parseStyle(*style);
    if (options.loadLayers && layer.role == LayerRole::Control) checkControlLayer(entry, layer, diagnostics);
    return layer;
}

UncertaintyModel parseUncertaintyModel(const ManifestTable& entry) {
    entry.rejectUnknownKeys({"sigma_fraction", "correlation_km", "z"});
    UncertaintyModel model;
    model.sigmaFraction = entry.number("sigma_fraction", model.sigmaFraction);
    if (!(model.sigmaFraction > 0 && model.sigmaFraction <= 1))
        entry.fail("sigma_fraction", "must be in (0, 1]");
    model.correlationKm = entry.number("correlation_km", model.correlationKm);
    if (!(model.correlationKm > 0)) entry.fail("correlation_km", "must be positive");
    model.z = entry.number("z", model.z);
    if (!(model.z > 0 && model.z <= 10)) entry.fail("z", "must be in (0, 10]");
    return model;
}

ControlState parseState(const ManifestTable& entry, const Scenario& scenario, bool checkFeatures) {
    entry.rejectUnknownKeys({"date", "layer", "feature", "label", "empty"});
    ControlState state{entry.requireDate("date"), entry.string("layer"), entry.string("feature"),
                       entry.string("label"), entry.boolean("empty", false)};
    if (state.empty) {
        if (!state.layerId.empty()) entry.fail("layer", "a state with empty = true names no layer");
        return state;
    }
    if (state.layerId.empty()) entry.fail("", "missing key 'layer' (or empty = true)");
    const Layer* layer = scenario.findLayer(state.layerId);
    if (!layer) entry.fail("layer", "no layer with id '" + state.layerId + "'");
    if (layer->role != LayerRole::Control)
        entry.fail("layer", "layer '" + state.layerId + "' has role '" + std::string(toString(layer->role)) +
                                "', not 'control'");
    if (checkFeatures && !state.featureId.empty() && !layer->findFeature(state.featureId)) {
        entry.fail("feature", "layer '" + state.layerId + "' has no feature '" + state.featureId + "'");
    }
    return state;
}

// [series]: a folder of snapshot files in a few lines, each file a control layer and a state (as
// `frontline stats FOLDER` reads them).
std::vector<ControlState> parseSeries(const ManifestTable& series, Scenario& scenario,
                                      const std::filesystem::path& base, const ScenarioReadOptions& options,
                                      Diagnostics& diagnostics) {
    series.rejectUnknownKeys({"files", "date_regex", "date_field", "allow_empty", "references", "match_m",
                              "uncertainty_m", "attribution"});
    const std::string pattern = series.requireString("files");
    if (series.has("date_regex") && series.has("date_field")) {
        series.fail("date_field", "give date_regex or date_field, not both");
    }
    std::optional<SnapshotDating> dating;
    try {
        dating.emplace(series.string("date_field"), series.string("date_regex"));
    } catch (const UsageError& e) {
        series.fail("date_regex", e.what());
    }
    SnapshotReadOptions read{{}, *dating, series.boolean("allow_empty", false)};
    read.layer.strict = options.strict;
    read.layer.edges = options.edges.value_or(Edges::Geodesic);
    SnapshotLayerOptions layers;
    layers.subject = scenario.subject;
    layers.references = series.stringArray("references");
    for (const auto& reference : layers.references) {
        const Layer* other = scenario.findLayer(reference);
        if (!other) series.fail("references", "no layer with id '" + reference + "'");
        if (other->role == LayerRole::Place)
            series.fail("references", "layer '" + reference + "' holds places, not lines");
    }
    layers.matchM = series.optionalNumber("match_m");
    if (layers.matchM && !(*layers.matchM > 0)) series.fail("match_m", "must be positive");
    layers.uncertaintyM = series.number("uncertainty_m", 0);
    if (!(layers.uncertaintyM >= 0)) series.fail("uncertainty_m", "must not be negative");
    if (!options.loadLayers) return {};
    std::vector<std::string> paths;
    try {
        paths = globFiles(pattern, base);
    } catch (const DataError& e) {
        series.fail("files", e.what());
    }
    const std::size_t first = scenario.layers.size();
    auto states = addSnapshotLayers(scenario, paths, read, layers, diagnostics);
    const std::string attribution = series.string("attribution");
    for (std::size_t i = first; i < scenario.layers.size(); ++i) scenario.layers[i].attribution = attribution;
    return states;
}

}  // namespace

Scenario readScenario(const std::filesystem::path& manifestOrFolder, const ScenarioReadOptions& options,
                      geo::ProjContext& proj, geo::GeosContext& geos, Diagnostics& diagnostics) {
    std::filesystem::path manifestPath = manifestOrFolder;
    std::error_code error;
    if (std::filesystem::is_directory(manifestPath, error)) manifestPath /= "scenario.toml";
    const toml::table table = parseTomlFile(manifestPath);
    const std::string file = manifestPath.string();
    const std::filesystem::path base = manifestPath.parent_path();

    ManifestTable root(table, file, "scenario.toml");
    root.rejectUnknownKeys({"scenario", "layer", "series", "state", "event"});
    auto header = root.subtable("scenario");
    if (!header) root.fail("", "missing the [scenario] table");
    header->rejectUnknownKeys({"name", "title", "subject", "events", "claims", "calibration", "projection",
                               "uncertainty", "edges"});

    Scenario scenario;
    scenario.manifestPath = manifestPath;
    scenario.name = header->requireString("name");
    scenario.title = header->string("title", scenario.name);
    scenario.subject = header->string("subject", "held");
    checkCrs(*header, "projection", proj);
    scenario.projection = header->string("projection");
    ScenarioReadOptions read = options;
    if (!read.edges) {
        try {
            read.edges = parseEdges(header->string("edges", "geodesic"));
        } catch (const UsageError&) {
            header->fail("edges", "must be \"geodesic\" or \"lonlat\"");
        }
    }
    scenario.edges = *read.edges;

    if (auto model = header->subtable("uncertainty")) scenario.uncertainty = parseUncertaintyModel(*model);

    std::set<std::string> layerIds;
    std::vector<ManifestTable> layerEntries = root.arrayOfTables("layer");
    for (const auto& entry : layerEntries) {
        Layer layer = parseLayer(entry, base, read, proj, geos, diagnostics);
        if (!layerIds.insert(layer.id).second) entry.fail("id", "duplicate layer id '" + layer.id + "'");
        scenario.layers.push_back(std::move(layer));
    }
    for (std::size_t i = 0; i < scenario.layers.size(); ++i) {
        for (const auto& reference : scenario.layers[i].references) {
            if (reference == scenario.layers[i].id)
                layerEntries[i].fail("references", "a layer cannot follow its own line");
            const Layer* other = scenario.findLayer(reference);
            if (!other) layerEntries[i].fail("references", "no layer with id '" + reference + "'");
            if (other->role == LayerRole::Place) {
                layerEntries[i].fail("references", "layer '" + reference + "' holds places, not lines");
            }
        }
    }

    std::vector<ControlState> states;
    if (auto series = root.subtable("series")) {
        states = parseSeries(*series, scenario, base, read, diagnostics);
    }
    for (const auto& entry : root.arrayOfTables("state")) {
        states.push_back(parseState(entry, scenario, options.loadLayers));
        // Listed out of order is allowed (the timeline sorts), but it is often a typo in a year.
        if (states.size() > 1 && states.back().date < states[states.size() - 2].date) {
            diagnostics.warn(entry.location("date") + ": " + entry.entry(),
                             "date " + states.back().date.iso() + " comes before the previous state's " +
                                 states[states.size() - 2].date.iso() + "; states are ordered by date");
        }
    }
    try {
        scenario.timeline = Timeline(std::move(states));
    } catch (const DataError& e) {
        throw DataError(file + ": " + e.what());
    }

    scenario.events = parseEvents(root);
    if (header->has("events")) {
        auto more = readEvents(existingFile(*header, "events", base));
        scenario.events.insert(scenario.events.end(), more.begin(), more.end());
        std::set<std::string> ids;
        for (const auto& event : scenario.events) {
            if (!ids.insert(event.id).second)
                throw DataError(file + ": event id '" + event.id + "' is defined twice");
        }
        sortEvents(scenario.events);
    }
    if (header->has("claims")) scenario.claims = readClaims(existingFile(*header, "claims", base));
    if (header->has("calibration"))
        scenario.calibration = readCalibration(existingFile(*header, "calibration", base));
    return scenario;
}

}  // namespace frontline::io
