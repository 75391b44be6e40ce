// frontline info [SCENARIO|FILE…]: what is in a scenario or in layer files — layers, CRS, counts,
// bounding box, area and the validity report. A layer file is streamed (io::streamAllLayers): each
// feature is measured as GDAL reads it and dropped; only the totals and the union of the polygons so far
// (StreamingDissolve) are kept, so memory follows the union, not the file.

#include <fmt/format.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/stats.hpp"
#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "app/loaded_scenario.hpp"
#include "app/measuring.hpp"
#include "app/scenario_location.hpp"
#include "geo/geodesic.hpp"
#include "geo/thread_context.hpp"
#include "io/layer_reader.hpp"
#include "io/scenario_reader.hpp"

namespace frontline::app {

namespace {

using io::Cell;

struct InfoOptions {
    std::vector<std::string> inputs;
    std::string crs;
};

// Peak resident memory of this process so far, in MB (getrusage reports kilobytes on Linux).
long peakMemoryMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool isScenario(const std::filesystem::path& path) {
    std::error_code error;
    return path.extension() == ".toml" || std::filesystem::is_regular_file(path / "scenario.toml", error);
}

std::size_t warningsAbout(const Diagnostics& diagnostics, const Layer& layer, std::size_t from) {
    std::size_t count = 0;
    for (std::size_t i = from; i < diagnostics.warnings().size(); ++i) {
        const auto& source = diagnostics.warnings()[i].source;
        if (source && source->inLayer(layer.path, layer.sourceLayer)) ++count;
    }
    return count;
}

// CSV and JSON are read by programs: the bounding box as four numbers and the length of a layer's lines;
// the text table and Markdown keep the one bbox column people read.
bool forPrograms(io::OutputFormat format) {
    return format == io::OutputFormat::Csv || format == io::OutputFormat::Json;
}

std::vector<std::string> infoColumns(io::OutputFormat format) {
    if (!forPrograms(format)) {
        return {"layer", "role", "source_crs", "features", "vertices", "bbox", "area_km2", "warnings"};
    }
    return {"layer",   "role",    "source_crs", "features", "vertices",  "min_lon",
            "min_lat", "max_lon", "max_lat",    "area_km2", "length_km", "warnings"};
}

std::size_t vertexCount(const Polygon& polygon) {
    std::size_t count = 0;
    for (const auto& ring : polygon.rings) count += ring.size();
    return count;
}

bool overlap(const BoundingBox& a, const BoundingBox& b) {
    return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

// The union of a layer's polygons, built while its features stream by, so that the layer is never held
// whole: the polygons of the layer's area_km2 (analysis::layerPolygons, which dissolves them all at once).
// Features of a layer may overlap, so the area needs the union; a sum over features would count an
// overlap twice. Polygons are kept in batches of kBatchVertices; a layer that fits in one is dissolved
// exactly as layerPolygons does, in one GEOS call (same input, same order: the same polygons). A larger
// one is dissolved batch by batch and the batches' unions are united pairwise, as a binary counter
// (the parts held are a few and each the union of ever more features), which is GEOS's cascaded union
// done in pieces: the same point set, its area equal to rounding. Only what can overlap goes to GEOS:
// a polygon whose bounding box meets no other's in its batch, or no other part's box in a pairwise
// union, cannot overlap anything there and is kept as it is. What is held is the union so far: for a
// coverage (districts sharing borders) little more than its outline, for disjoint features all of them.
// Batches whose polygons share edges are coverage unions (geo::coverageUnion: districts sharing their
// borders vertex for vertex merge by dropping the shared edges), and so are merges once a batch was one,
// until one finds the layer is not a coverage; from then on, and for that one, the full union.
class StreamingDissolve {
public:
    explicit StreamingDissolve(geo::GeosContext& geos) : m_geos(geos) {}
    ~StreamingDissolve() { stopWorker(/*abandon=*/true); }
    StreamingDissolve(const StreamingDissolve&) = delete;
    StreamingDissolve& operator=(const StreamingDissolve&) = delete;

    void add(Geometry&& geometry) {
        for (auto& polygon : geometry.polygons) {
            m_pendingVertices += vertexCount(polygon);
            m_pending.polygons.push_back(std::move(polygon));
        }
        if (m_pendingVertices >= kBatchVertices) handOn();
    }

    // The union of every polygon added, as valid polygons. Throws GeometryError when GEOS fails.
    Geometry result() {
        if (!m_worker.joinable()) {
            return m_pending.polygons.size() <= 1 ? std::move(m_pending) : geo::dissolve(m_geos, m_pending);
        }
        if (!m_pending.polygons.empty()) handOn();
        stopWorker(/*abandon=*/false);
        if (m_failure) std::rethrow_exception(m_failure);
        while (m_parts.size() > 1) mergeLastTwo(m_geos);
        return std::move(m_parts.front().geometry);
    }

private:
    static constexpr std::size_t kBatchVertices = std::size_t{1} << 20;  // 16 MB of coordinates

    struct Part {
        Geometry geometry;
        BoundingBox box;
        int level = 0;  // the union of 2^level batches
    };

    // Batches are dissolved on a worker thread (with its own GEOS context) while GDAL reads on: a batch
    // queued and one in the works at most, so memory stays bounded. The parts and their merges follow
    // the batches' order, so the result does not depend on the schedule.
    void handOn() {
        if (!m_worker.joinable()) m_worker = std::thread([this] { work(); });
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.empty() || m_failure; });
        if (m_failure) std::rethrow_exception(m_failure);
        m_queue.push_back(std::move(m_pending));
        m_pending = {};
        m_pendingVertices = 0;
        m_changed.notify_all();
    }

    void stopWorker(bool abandon) noexcept {
        if (!m_worker.joinable()) return;
        {
            const std::lock_guard lock(m_mutex);
            m_done = true;
            if (abandon) m_queue.clear();
        }
        m_changed.notify_all();
        m_worker.join();
    }

    void work() {
        geo::GeosContext geos;
        for (;;) {
            Geometry batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
                if (m_queue.empty()) return;
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                m_changed.notify_all();
            }
            try {
                Part part{dissolveBatch(geos, std::move(batch)), {}, 0};
                part.box = boundingBox(part.geometry);
                m_parts.push_back(std::move(part));
                while (m_parts.size() >= 2 && m_parts.back().level == m_parts[m_parts.size() - 2].level) {
                    mergeLastTwo(geos);
                }
            } catch (...) {
                const std::lock_guard lock(m_mutex);
                m_failure = std::current_exception();
                m_queue.clear();
                m_changed.notify_all();
                return;
            }
        }
    }

    // A coverage union while the layer has been a coverage so far, else (and from then on) the full one.
    // Tried only on polygons that share edges (a tenth of them at least), as districts do: on separate
    // cells it would find nothing to drop, and its index takes twice the memory of the full union's.
    Geometry dissolveBatchPart(geo::GeosContext& geos, const Geometry& polygons) {
        if (m_coverage.value_or(true) && shareEdges(polygons, 0.1)) {
            auto merged = geo::coverageUnion(geos, polygons);
            m_coverage = merged.has_value();
            if (merged) return std::move(*merged);
        }
        return geo::dissolve(geos, polygons);
    }

    // Whether at least `share` of the polygons' edges appear twice, vertex for vertex (in either direction).
    static bool shareEdges(const Geometry& polygons, double share) {
        struct Hash {
            std::size_t operator()(const std::array<double, 4>& e) const {
                std::size_t h = 0;
                for (double v : e) h = h * 1000003u ^ std::hash<double>()(v);
                return h;
            }
        };
        std::unordered_set<std::array<double, 4>, Hash> seen;
        std::size_t edges = 0, twice = 0;
        for (const auto& polygon : polygons.polygons) {
            for (const auto& ring : polygon.rings) {
                for (std::size_t i = 1; i < ring.size(); ++i) {
                    const Coord& a = ring[i - 1];
                    const Coord& b = ring[i];
                    const bool forward = std::tie(a.x, a.y) < std::tie(b.x, b.y);
                    const Coord& p = forward ? a : b;
                    const Coord& q = forward ? b : a;
                    ++edges;
                    if (!seen.insert({p.x, p.y, q.x, q.y}).second) ++twice;
                }
            }
        }
        return edges > 0 && static_cast<double>(2 * twice) >= share * static_cast<double>(edges);
    }

    // The polygons whose boxes meet another's go to GEOS together; the others are kept as they are.
    Geometry dissolveBatch(geo::GeosContext& geos, Geometry batch) {
        const std::size_t n = batch.polygons.size();
        std::vector<BoundingBox> boxes(n);
        std::vector<std::size_t> order(n);
        for (std::size_t i = 0; i < n; ++i) {
            for (const auto& c : batch.polygons[i].rings.front()) boxes[i].expand(c);
            order[i] = i;
        }
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return boxes[a].minX < boxes[b].minX; });
        std::vector<bool> meets(n, false);
        for (std::size_t i = 0; i < n; ++i) {
            const BoundingBox& box = boxes[order[i]];
            for (std::size_t j = i + 1; j < n && boxes[order[j]].minX <= box.maxX; ++j) {
                if (overlap(box, boxes[order[j]])) meets[order[i]] = meets[order[j]] = true;
            }
        }
        Geometry together, result;
        for (std::size_t i = 0; i < n; ++i) {
            (meets[i] ? together : result).polygons.push_back(std::move(batch.polygons[i]));
        }
        append(result,
               together.polygons.size() <= 1 ? std::move(together) : dissolveBatchPart(geos, together));
        return result;
    }

    void mergeLastTwo(geo::GeosContext& geos) {
        Part b = std::move(m_parts.back());
        m_parts.pop_back();
        Part& a = m_parts.back();
        Geometry nearA, nearB, result;
        split(std::move(a.geometry), b.box, nearA, result);
        split(std::move(b.geometry), a.box, nearB, result);
        // A polygon of b that overlaps one of a meets a's box, and the other way round: with either side
        // empty, nothing overlaps.
        if (!nearA.polygons.empty() && !nearB.polygons.empty()) {
            if (m_coverage.value_or(false)) {
                append(nearA, std::move(nearB));
                auto merged = geo::coverageUnion(geos, nearA);
                m_coverage = merged.has_value();
                append(result, merged ? std::move(*merged) : geo::dissolve(geos, nearA));
            } else {
                append(result, geo::unite(geos, nearA, nearB));
            }
        } else {
            append(result, std::move(nearA));
            append(result, std::move(nearB));
        }
        a.geometry = std::move(result);
        a.box.expand(b.box);
        a.level = std::max(a.level, b.level) + 1;
    }

    static void split(Geometry part, const BoundingBox& other, Geometry& near, Geometry& far) {
        for (auto& polygon : part.polygons) {
            BoundingBox box;
            for (const auto& c : polygon.rings.front()) box.expand(c);
            (overlap(box, other) ? near : far).polygons.push_back(std::move(polygon));
        }
    }

    static void append(Geometry& to, Geometry&& from) {
        for (auto& polygon : from.polygons) to.polygons.push_back(std::move(polygon));
    }

    geo::GeosContext& m_geos;  // the caller's thread's
    Geometry m_pending;
    std::size_t m_pendingVertices = 0;

    std::mutex m_mutex;  // guards the queue, m_done and m_failure
    std::condition_variable m_changed;
    std::deque<Geometry> m_queue;
    bool m_done = false;
    std::exception_ptr m_failure;
    std::vector<Part> m_parts;  // the worker's until it is joined
    // The worker's: whether the layer is a coverage, as the batches' and merges' coverage unions showed
    // (unset until a batch shares edges); merges are coverage unions only once it is known to be one.
    std::optional<bool> m_coverage;
    std::thread m_worker;  // last: started after, and joined before, everything it uses goes
};

// What a row of info says about a layer, gathered feature by feature.
class LayerTotals {
public:
    explicit LayerTotals(geo::GeosContext& geos) : m_polygons(geos) {}

    void add(Feature&& feature) {
        m_box.expand(boundingBox(feature.geometry));
        ++m_features;
        for (const auto& line : feature.geometry.lines) m_lengthKm += geo::geodesicLengthKm(line);
        m_hasLines = m_hasLines || !feature.geometry.lines.empty();
        m_polygons.add(std::move(feature.geometry));
    }

    const BoundingBox& box() const { return m_box; }

    // `layer` gives the id, role, CRS and vertex count; its features are not looked at.
    std::vector<Cell> row(const analysis::Measurer& measurer, const Layer& layer, std::size_t warnings,
                          io::OutputFormat format) {
        const Geometry polygons = m_polygons.result();
        std::vector<Cell> row{layer.id, std::string(toString(layer.role)), layer.sourceCrs,
                              Cell::integer(static_cast<long>(m_features)),
                              Cell::integer(static_cast<long>(layer.sourceVertexCount))};
        if (forPrograms(format)) {
            // 7 decimals: 1 cm, as the GeoJSON frontline writes.
            for (const double degrees : {m_box.minX, m_box.minY, m_box.maxX, m_box.maxY}) {
                row.push_back(m_box.valid ? Cell::number(degrees, 7) : Cell());
            }
        } else {
            row.push_back(m_box.valid ? fmt::format("{:.4f} {:.4f} {:.4f} {:.4f}", m_box.minX, m_box.minY,
                                                    m_box.maxX, m_box.maxY)
                                      : "");
        }
        row.push_back(polygons.polygons.empty() ? Cell() : Cell::number(measurer.areaKm2(polygons), 3));
        if (forPrograms(format)) row.push_back(m_hasLines ? Cell::number(m_lengthKm, 3) : Cell());
        row.push_back(Cell::integer(static_cast<long>(warnings)));
        return row;
    }

private:
    BoundingBox m_box;
    std::size_t m_features = 0;
    double m_lengthKm = 0;
    bool m_hasLines = false;
    StreamingDissolve m_polygons;
};

// The rows of a layer file's layers, each feature measured as GDAL reads it and then dropped.
class FileRows final : public io::LayerSink {
public:
    FileRows(geo::ThreadContext& context, std::unique_ptr<geo::EqualAreaFrame>& frame, io::Table& table,
             const Diagnostics& diagnostics, io::OutputFormat format)
        : m_context(context),
          m_frame(frame),
          m_table(table),
          m_diagnostics(diagnostics),
          m_format(format),
          m_before(diagnostics.warnings().size()) {}

    void beginLayer(const Layer& /*layer*/) override {
        m_totals = std::make_unique<LayerTotals>(m_context.geos);
    }
    void feature(const Layer& /*layer*/, Feature&& feature) override { m_totals->add(std::move(feature)); }
    void endLayer(const Layer& layer) override {
        // info prints geodesic areas only; the frame is a formality, built once (a PROJ transformation
        // costs proj.db look-ups) and centred on the first layer.
        if (!m_frame) {
            const BoundingBox& box = m_totals->box();
            m_frame =
                std::make_unique<geo::EqualAreaFrame>(m_context.proj, box.valid ? box.centre() : Coord{});
        }
        const analysis::Measurer measurer{m_context.geos, *m_frame};
        m_table.rows.push_back(
            m_totals->row(measurer, layer, warningsAbout(m_diagnostics, layer, m_before), m_format));
        m_totals.reset();
    }

private:
    geo::ThreadContext& m_context;
    std::unique_ptr<geo::EqualAreaFrame>& m_frame;
    io::Table& m_table;
    const Diagnostics& m_diagnostics;
    io::OutputFormat m_format;
    std::size_t m_before;  // the warnings before this file's
    std::unique_ptr<LayerTotals> m_totals;
};

}  // namespace

Action addInfoCommand(CLI::App& app, const CommonOptions& common) {
    auto options = std::make_shared<InfoOptions>();
    CLI::App* command =
        app.add_subcommand("info", "Layers, CRS, feature and vertex counts, bounding box, area, validity");
    command->add_option("inputs", options->inputs,
                        "A scenario (folder or scenario.toml) or layer files; default: the bundled scenario");
    command->add_option("--crs", options->crs, "CRS for files that declare none (e.g. EPSG:32638)");
    command->footer(
        "Examples:\n"
        "  frontline info                                  # the bundled Karabakh scenario\n"
        "  frontline info districts.gpkg borders.shp --format csv\n"
        "Columns: layer, role, source_crs, features, vertices, bbox (lon/lat), area_km2 (geodesic), "
        "warnings.\n"
        "With --format csv or json: the bbox as min_lon, min_lat, max_lon, max_lat (degrees), and\n"
        "length_km (geodesic length of the layer's lines; empty without lines) after area_km2.");

    return [options, &common](Diagnostics& diagnostics) {
        const auto started = std::chrono::steady_clock::now();
        const io::OutputFormat format = outputFormat(common);
        geo::ThreadContext context;
        io::Table table{infoColumns(format), {}};
        std::string summary;
        std::unique_ptr<geo::EqualAreaFrame> fileFrame;
        std::vector<std::string> inputs = options->inputs;
        if (inputs.empty()) inputs.push_back(scenarioPath("").string());

        for (const auto& input : inputs) {
            if (isScenario(input)) {
                const std::size_t before = diagnostics.warnings().size();
                LoadedScenario loaded(input, common, diagnostics);
                const Scenario& scenario = loaded.scenario;
                const analysis::Measurer measurer = loaded.measurer();
                for (const auto& layer : scenario.layers) {
                    LayerTotals totals(measurer.geos);
                    for (const auto& feature : layer.features) totals.add(Feature(feature));
                    table.rows.push_back(
                        totals.row(measurer, layer, warningsAbout(diagnostics, layer, before), format));
                }
                const auto& states = scenario.timeline.states();
                summary += fmt::format(
                    "{}: {} — {} layers, {} control states{}, {} events, {} claims\n",
                    scenario.manifestPath.string(), scenario.title, scenario.layers.size(), states.size(),
                    states.empty()
                        ? ""
                        : " (" + states.front().date.iso() + " … " + states.back().date.iso() + ")",
                    scenario.events.size(), scenario.claims.size());
                continue;
            }
            io::LayerReadOptions readOptions;
            readOptions.assumeCrs = options->crs;
            readOptions.strict = common.strict;
            readOptions.edges = edgesOption(common).value_or(Edges::Geodesic);
            FileRows rows(context, fileFrame, table, diagnostics, format);
            io::streamAllLayers(input, readOptions, context.proj, context.geos, diagnostics, rows);
        }
        if (format == io::OutputFormat::Table && !summary.empty()) print(summary + "\n");
        print(io::render(table, format));
        if (format == io::OutputFormat::Table) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            print(measuredAs(analysis::AreaMethod::Geodesic, edgesOption(common).value_or(Edges::Geodesic),
                             format));
            print(fmt::format("\nread in {:.1f} s; peak memory {} MB\n", seconds, peakMemoryMb()));
        }
        return exit_code::Ok;
    };
}

}  // namespace frontline::app
