#include "io/snapshots.hpp"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <thread>

#include "core/error.hpp"
#include "core/parallel_for.hpp"
#include "core/utf8.hpp"
#include "geo/thread_context.hpp"
#include "io/gdal.hpp"

namespace frontline::io {

namespace {

Date dateFromName(const std::string& path, const std::regex& pattern, const std::string& patternText) {
    const std::string name = std::filesystem::path(path).filename().string();
    std::smatch match;
    if (!std::regex_search(name, match, pattern)) {
        throw DataError(Where{path}, "no date in the file name (--date-regex '" + patternText + "')");
    }
    const std::string text = match.size() > 1 ? match[1].str() : match[0].str();
    try {
        return Date::parse(text);
    } catch (const std::invalid_argument& e) {
        throw DataError(Where{path}, e.what());
    }
}

Date dateFromField(const std::string& path, const std::vector<Layer>& layers, const std::string& field) {
    std::optional<Date> found;
    for (const auto& layer : layers) {
        for (const auto& feature : layer.features) {
            const std::string text = feature.property(field);
            const Where where{path, layer.sourceLayer, feature.id};
            if (text.empty()) throw DataError(where, "no property '" + field + "'");
            // Accept datetime values ("2020-11-10T00:00:00") by their date part.
            std::optional<Date> date = Date::tryParse(text.substr(0, text.find_first_of("T ")));
            if (!date) throw DataError(where, "property '" + field + "' = '" + text + "' is not a date");
            if (found && *found != *date) {
                throw DataError(where, "property '" + field + "' = " + date->iso() + " differs from " +
                                           found->iso() + " on another feature of the file");
            }
            found = date;
        }
    }
    if (!found) throw DataError(Where{path}, "no features, so no '" + field + "' date");
    return *found;
}

// What a file without polygons holds instead, for the message.
std::string describeContents(const std::vector<Layer>& layers) {
    std::size_t features = 0, lines = 0, points = 0;
    for (const auto& layer : layers) {
        for (const auto& feature : layer.features) {
            ++features;
            lines += feature.geometry.lines.size();
            points += feature.geometry.points.size();
        }
    }
    if (features == 0) return "no features";
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::string parts;
    if (lines) parts = count(lines, "line", "lines");
    if (points) parts += (parts.empty() ? "" : " and ") + count(points, "point", "points");
    if (parts.empty())
        return count(features, "feature", "features") + " without an area (degenerate or empty polygons)";
    return "only " + parts;
}

}  // namespace

SnapshotDating::SnapshotDating(std::string field, std::string regex)
    : m_field(std::move(field)), m_patternText(regex.empty() ? kDefaultDateRegex : std::move(regex)) {
    try {
        m_pattern = std::regex(m_patternText);
    } catch (const std::regex_error& e) {
        throw UsageError("--date-regex '" + m_patternText +
                         "' is not a valid regular expression: " + e.what());
    }
}

Date SnapshotDating::dateOf(const std::string& path, const std::vector<Layer>& layers) const {
    return m_field.empty() ? dateFromName(path, m_pattern, m_patternText)
                           : dateFromField(path, layers, m_field);
}

SnapshotFile readSnapshot(const std::string& path, const SnapshotReadOptions& options, geo::ProjContext& proj,
                          geo::GeosContext& geos, Diagnostics& diagnostics) {
    std::vector<Layer> layers = readAllLayers(path, options.layer, proj, geos, diagnostics);
    SnapshotFile snapshot;
    snapshot.path = path;
    snapshot.date = options.dating.dateOf(path, layers);
    std::size_t featuresWithPolygons = 0;
    for (auto& layer : layers) {
        snapshot.sourceVertexCount += layer.sourceVertexCount;
        for (auto& feature : layer.features) {
            if (!feature.geometry.polygons.empty()) ++featuresWithPolygons;
            for (auto& polygon : feature.geometry.polygons)
                snapshot.held.polygons.push_back(std::move(polygon));
        }
    }
    if (snapshot.held.polygons.empty() && !options.allowEmpty) {
        throw DataError("'" + path + "': holds " + describeContents(layers) + ", no area held on " +
                        snapshot.date.iso() + "; if nothing was held that day, say so with --allow-empty");
    }
    // Features may overlap; dissolve so that areas add up. One feature was made valid on reading, so
    // its parts cannot overlap and need no dissolving.
    if (featuresWithPolygons > 1) snapshot.held = geo::dissolve(geos, snapshot.held);
    return snapshot;
}

std::vector<std::string> snapshotPaths(const std::vector<std::string>& arguments) {
    std::vector<std::string> paths;
    std::set<std::string> extensions;
    for (const auto& argument : arguments) {
        std::error_code error;
        if (!isLocalPath(argument) || !std::filesystem::is_directory(argument, error) ||
            std::filesystem::path(argument).extension() == ".gdb") {
            paths.push_back(argument);
            continue;
        }
        if (extensions.empty()) {
            extensions = vectorFileExtensions();
            // Claimed by some vector driver, but in a folder of maps far more often notes, rasters,
            // spreadsheets or sidecars (a MapInfo .mid beside its .mif): name such files explicitly.
            for (const char* other : {"txt", "xml", "pdf", "sql", "db", "svg", "map", "mid", "jp2", "j2k",
                                      "nc", "fits", "pix", "bag", "mbtiles", "xls", "xlsx", "xlsm", "ods"}) {
                extensions.erase(other);
            }
        }
        std::vector<std::string> found;
        for (const auto& entry : std::filesystem::directory_iterator(argument, error)) {
            const std::string name = entry.path().filename().string();
            const std::string extension = asciiLower(entry.path().extension().string());
            if (name.empty() || name.front() == '.' || extension.size() < 2) continue;
            if (extensions.count(extension.substr(1)) == 0) continue;
            std::error_code kind;
            if (entry.is_directory(kind) && extension != ".gdb") continue;
            found.push_back(entry.path().string());
        }
        if (error) throw DataError("cannot list the folder '" + argument + "': " + error.message());
        if (found.empty()) {
            throw DataError("'" + argument +
                            "': a folder with no file a GDAL vector driver reads (GeoJSON, GeoPackage, "
                            "Shapefile, FlatGeobuf, KML, …)");
        }
        std::sort(found.begin(), found.end());
        paths.insert(paths.end(), found.begin(), found.end());
    }
    return paths;
}

std::vector<ControlState> addSnapshotLayers(Scenario& scenario, const std::vector<std::string>& paths,
                                            const SnapshotReadOptions& read,
                                            const SnapshotLayerOptions& options, Diagnostics& diagnostics) {
    // Read into slots in file order, then made into layers in that order.
    std::vector<std::optional<SnapshotFile>> files(paths.size());
    std::vector<std::unique_ptr<geo::ThreadContext>> workers;
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1,
                                                        std::max<std::size_t>(1, paths.size()));
    for (std::size_t t = 0; t < threads; ++t) workers.push_back(std::make_unique<geo::ThreadContext>());
    parallelFor(
        paths.size(), workers,
        [&](std::size_t i, geo::ThreadContext& context, Diagnostics& local) {
            files[i].emplace(readSnapshot(paths[i], read, context.proj, context.geos, local));
        },
        diagnostics);

    std::vector<ControlState> states;
    std::map<Date, std::string> seen;
    for (auto& slot : files) {
        SnapshotFile file = std::move(*slot);
        slot.reset();
        if (const auto [at, inserted] = seen.emplace(file.date, file.path); !inserted) {
            throw DataError("'" + at->second + "' and '" + file.path + "' are both dated " + file.date.iso());
        }
        ControlState state;
        state.date = file.date;
        state.label = std::filesystem::path(file.path).filename().string();
        // A file allowed to be empty is a state with empty = true, as a manifest writes it.
        state.empty = file.held.polygons.empty();
        if (!state.empty) {
            Layer layer;
            layer.id = "snapshot-" + file.date.iso();
            layer.path = file.path;
            layer.sourceLayer = std::filesystem::path(file.path).stem().string();
            layer.role = LayerRole::Control;
            layer.title = options.subject + " on " + file.date.iso();
            layer.uncertaintyM = options.uncertaintyM;
            layer.references = options.references;
            layer.matchM = options.matchM;
            layer.sourceCrs = "WGS 84 (EPSG:4326)";
            layer.sourceVertexCount = file.sourceVertexCount;
            layer.style.fill = "#c0392b";
            layer.style.stroke = "#7b241c";
            layer.style.opacity = 0.55;
            layer.style.z = 10;
            layer.features.push_back(Feature{"held", std::move(file.held), {}});
            state.layerId = layer.id;
            scenario.layers.push_back(std::move(layer));
        }
        states.push_back(std::move(state));
    }
    return states;
}

std::vector<std::string> globFiles(const std::string& pattern, const std::filesystem::path& base) {
    const std::string full =
        std::filesystem::path(pattern).is_absolute() ? pattern : (base / pattern).string();
    glob_t found{};
    const int status = ::glob(full.c_str(), 0, nullptr, &found);
    std::vector<std::string> paths;
    for (std::size_t i = 0; status == 0 && i < found.gl_pathc; ++i) paths.emplace_back(found.gl_pathv[i]);
    ::globfree(&found);
    if (status != 0 && status != GLOB_NOMATCH)
        throw DataError("'" + full + "': cannot list the files it names");
    if (paths.empty()) throw DataError("'" + full + "' names no file");
    std::sort(paths.begin(), paths.end());
    return paths;
}

namespace {

// The property most features name themselves by (ContextLabel's list), or "".
std::string nameKey(const Layer& layer) {
    for (const char* key : {"name", "NAME", "name_en", "NAME_EN", "ADMIN", "admin", "Name"}) {
        const auto named = static_cast<std::size_t>(
            std::count_if(layer.features.begin(), layer.features.end(),
                          [&](const Feature& feature) { return !feature.property(key).empty(); }));
        if (!layer.features.empty() && 2 * named >= layer.features.size()) return key;
    }
    return {};
}

}  // namespace

bool placesOnly(const Layer& layer) {
    return !layer.features.empty() &&
           std::all_of(layer.features.begin(), layer.features.end(), [](const Feature& f) {
               return !f.geometry.points.empty() && f.geometry.lines.empty() && f.geometry.polygons.empty();
           });
}

void nameThePlaces(Layer& layer) {
    const std::string key = nameKey(layer);
    for (Feature& feature : layer.features) {
        if (!key.empty() && key != "name" && feature.property("name").empty())
            feature.properties["name"] = feature.property(key);
        if (!feature.property("kind").empty()) continue;
        // OpenStreetMap's place=city|town|village|hamlet; Natural Earth's FEATURECLA "Admin-0 capital".
        const std::string place = feature.property("place");
        const std::string cla = asciiLower(feature.property("featurecla", feature.property("FEATURECLA")));
        if (place == "city" || place == "town" || place == "village")
            feature.properties["kind"] = place;
        else if (place == "hamlet")
            feature.properties["kind"] = "village";
        else if (cla.find("capital") != std::string::npos)
            feature.properties["kind"] = "capital";
    }
}

std::string contextTitle(const Layer& layer, const std::string& fileName) {
    std::string name =
        layer.sourceLayer.empty() ? std::filesystem::path(fileName).stem().string() : layer.sourceLayer;
    static const std::regex naturalEarthScale("^ne_[0-9]+m_", std::regex::icase);
    std::string words = std::regex_replace(name, naturalEarthScale, "");
    if (words.empty()) return name;
    std::replace(words.begin(), words.end(), '_', ' ');
    std::replace(words.begin(), words.end(), '-', ' ');
    // One space between words, none at either end.
    std::string title;
    for (const char c : words) {
        if (c == ' ' && (title.empty() || title.back() == ' ')) continue;
        title.push_back(c);
    }
    while (!title.empty() && title.back() == ' ') title.pop_back();
    if (title.empty()) return name;
    if (title.front() >= 'a' && title.front() <= 'z')
        title.front() = static_cast<char>(title.front() - 'a' + 'A');
    return title;
}

ContextLabel contextLabel(const Layer& layer, const std::string& fileName) {
    ContextLabel result;
    const std::size_t count = layer.features.size();
    const auto most = [count](std::size_t n) { return count > 0 && 2 * n >= count; };
    // Words of the names, split at anything but letters: "ne_10m_rivers_lake_centerlines" has "rivers".
    const auto hasWaterWord = [&](const std::string& name) {
        const std::string text = asciiLower(name);
        std::size_t at = 0;
        while (at < text.size()) {
            while (at < text.size() && !std::isalpha(static_cast<unsigned char>(text[at]))) ++at;
            std::size_t end = at;
            while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
            const std::string word = text.substr(at, end - at);
            for (const char* water :
                 {"lake", "lakes", "river", "rivers", "water", "waters", "waterways", "sea", "seas",
                  "reservoir", "reservoirs", "canal", "canals", "stream", "streams", "hydro", "hydrography"})
                if (word == water) return true;
            at = end;
        }
        return false;
    };
    const auto waterFeature = [&](const Feature& feature) {
        const std::string kind = asciiLower(feature.property("featurecla"));
        for (const char* word : {"lake", "river", "reservoir"})
            if (kind.find(word) != std::string::npos) return true;
        return feature.property("natural") == "water" || !feature.property("water").empty() ||
               !feature.property("waterway").empty();
    };
    result.water = hasWaterWord(std::filesystem::path(fileName).stem().string()) ||
                   hasWaterWord(layer.sourceLayer) ||
                   most(static_cast<std::size_t>(
                       std::count_if(layer.features.begin(), layer.features.end(), waterFeature)));
    if (result.water) result.labelStyle = "water";
    result.label = nameKey(layer);
    const bool polygons =
        std::any_of(layer.features.begin(), layer.features.end(),
                    [](const Feature& feature) { return !feature.geometry.polygons.empty(); });
    if (!polygons && !result.water) result.label.clear();
    return result;
}

Scenario readSnapshotScenario(const std::vector<std::string>& paths, const SnapshotScenarioOptions& options,
                              geo::ThreadContext& context, Diagnostics& diagnostics) {
    if (paths.empty()) throw UsageError("no snapshot files given");
    Scenario scenario;
    const std::filesystem::path first(paths.front());
    const bool oneFolder = paths.size() > 1 && first.has_parent_path() &&
                           std::all_of(paths.begin(), paths.end(), [&](const std::string& path) {
                               return std::filesystem::path(path).parent_path() == first.parent_path();
                           });
    scenario.manifestPath = oneFolder ? first.parent_path() : first;
    scenario.name = (oneFolder ? first.parent_path() : first).filename().string();
    scenario.title = options.title.empty() ? scenario.name : options.title;
    scenario.subject = options.subject.empty() ? "Held" : options.subject;
    scenario.edges = options.read.layer.edges;

    std::vector<std::string> contextIds;
    std::size_t placeLayers = 0;
    for (std::size_t i = 0; i < options.context.size(); ++i) {
        for (auto& layer :
             readAllLayers(options.context[i], options.read.layer, context.proj, context.geos, diagnostics)) {
            layer.id = "context-" + std::to_string(contextIds.size() + 1);
            layer.role = LayerRole::Context;
            layer.title = contextTitle(layer, options.context[i]);
            if (placesOnly(layer)) {
                // Towns and cities: a place layer (dots and names), not a line the outlines follow.
                layer.id = "places-" + std::to_string(++placeLayers);
                layer.role = LayerRole::Place;
                nameThePlaces(layer);
                scenario.layers.push_back(std::move(layer));
                continue;
            }
            const ContextLabel label = contextLabel(layer, options.context[i]);
            // The bundled scenario's colours: ink-grey borders, blue water over them.
            layer.style.stroke = label.water ? "#6a9fcf" : "#555555";
            if (label.water) layer.style.fill = "#a9cbe8";
            layer.style.strokeWidth = label.water ? 1.5 : 1.2;
            layer.style.z = label.water ? 2 : 1;
            layer.style.label = label.label;
            layer.style.labelStyle = label.labelStyle;
            contextIds.push_back(layer.id);
            scenario.layers.push_back(std::move(layer));
        }
    }

    SnapshotLayerOptions layers;
    layers.subject = scenario.subject;
    layers.references = contextIds;
    if (options.matchM > 0) layers.matchM = options.matchM;
    layers.uncertaintyM = options.uncertaintyM;
    const std::size_t firstSnapshot = scenario.layers.size();
    std::vector<ControlState> sorted = addSnapshotLayers(scenario, paths, options.read, layers, diagnostics);
    for (std::size_t i = firstSnapshot; i < scenario.layers.size(); ++i)
        scenario.layers[i].attribution = options.attribution;
    std::sort(sorted.begin(), sorted.end(),
              [](const ControlState& a, const ControlState& b) { return a.date < b.date; });
    scenario.timeline = Timeline(std::move(sorted));
    return scenario;
}

}  // namespace frontline::io
