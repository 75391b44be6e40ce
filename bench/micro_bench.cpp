// Microbenchmarks (GoogleBenchmark) of the hot operations: geodesic area per vertex, overlay difference
// of two 10k-vertex polygons, one series step's change areas (edge tables against two differences; the
// whole overlaid against only the changed boxes on real-like days), edge tables solved or taken from the
// day before, tessellation, and PNG encoding of a 1080p frame.
//   build/bench/frontline_micro_bench [--benchmark_repetitions=5 --benchmark_report_aggregates_only=true]

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "analysis/change.hpp"
#include "analysis/local_change.hpp"
#include "export/png_writer.hpp"
#include "geo/densify.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_edges.hpp"
#include "geo/geos.hpp"
#include "render/tessellate.hpp"

namespace {

using namespace frontline;

constexpr double kPi = 3.14159265358979323846;

// A lobed blob of `vertices` around the Karabakh centre, like a control map (bench/make_snapshots.cpp).
Geometry blob(int vertices, double phase, double radius = 0.5) {
    Path ring;
    for (int i = 0; i < vertices; ++i) {
        const double angle = 2 * kPi * i / vertices;
        const double r = radius * (1 + 0.12 * std::sin(3 * angle + phase) + 0.05 * std::sin(17 * angle) +
                                   0.02 * std::sin(61 * angle + phase));
        ring.push_back({46.6 + r * std::cos(angle) / std::cos(39.8 * kPi / 180), 39.8 + r * std::sin(angle)});
    }
    ring.push_back(ring.front());
    Geometry geometry;
    geometry.polygons.push_back({{ring}});
    return geometry;
}

void GeodesicArea(benchmark::State& state) {
    const Geometry shape = blob(static_cast<int>(state.range(0)), 0);
    for (auto _ : state) benchmark::DoNotOptimize(geo::geodesicAreaKm2(shape));
    state.SetItemsProcessed(state.iterations() * state.range(0));  // items = vertices
}
BENCHMARK(GeodesicArea)->Arg(1000)->Arg(10000)->Arg(100000);

void OverlayDifference(benchmark::State& state) {
    geo::GeosContext context;
    const int vertices = static_cast<int>(state.range(0));
    const Geometry a = blob(vertices, 0);
    const Geometry b = blob(vertices, 0.3);  // the front moved
    for (auto _ : state) benchmark::DoNotOptimize(geo::subtract(context, a, b));
}
BENCHMARK(OverlayDifference)->Arg(10000)->Unit(benchmark::kMillisecond);

// One step of `series`: the pieces of A △ B measured by look-up in the two snapshots' edge tables,
// against measuring the two differences' pieces by solving every edge (what it did before).
void ChangeAreaByEdgeTables(benchmark::State& state) {
    geo::GeosContext context;
    const int vertices = static_cast<int>(state.range(0));
    const Geometry a = blob(vertices, 0), b = blob(vertices, 0.3);
    const geo::GeodesicEdgeTable tableA(a), tableB(b);
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            geo::splitSymmetricDifference(geo::symmetricDifference(context, a, b), tableA, tableB));
    }
}
BENCHMARK(ChangeAreaByEdgeTables)->Arg(10000)->Unit(benchmark::kMillisecond);

void ChangeAreaByTwoDifferences(benchmark::State& state) {
    geo::GeosContext context;
    const int vertices = static_cast<int>(state.range(0));
    const Geometry a = blob(vertices, 0), b = blob(vertices, 0.3);
    for (auto _ : state) {
        benchmark::DoNotOptimize(geo::geodesicAreaKm2(geo::subtract(context, b, a)));
        benchmark::DoNotOptimize(geo::geodesicAreaKm2(geo::subtract(context, a, b)));
    }
}
BENCHMARK(ChangeAreaByTwoDifferences)->Arg(10000)->Unit(benchmark::kMillisecond);

// A real-like day: the blob with one stretch of 1 % of its vertices pushed out by up to ~1 km, every other
// vertex the day before's.
Geometry nextDay(const Geometry& day) {
    Geometry next = day;
    Path& ring = next.polygons.front().rings.front();
    const std::size_t width = ring.size() / 100, start = ring.size() / 3;
    for (std::size_t i = start; i < start + width; ++i) {
        const double weight = std::sin(kPi * static_cast<double>(i - start) / static_cast<double>(width));
        ring[i].x += 0.01 * weight * (ring[i].x - 46.6);
        ring[i].y += 0.01 * weight * (ring[i].y - 39.8);
    }
    return next;
}

// One series step between real-like days: the whole overlaid (symmetric difference split by the edge
// tables), against the overlay inside the boxes round the unshared edges (analysis/local_change).
void RealLikeStepFullOverlay(benchmark::State& state) {
    geo::GeosContext context;
    const Geometry a = blob(static_cast<int>(state.range(0)), 0), b = nextDay(a);
    const geo::GeodesicEdgeTable tableA(a), tableB(b);
    for (auto _ : state)
        benchmark::DoNotOptimize(analysis::geodesicChangePieces(context, a, b, tableA, tableB));
}
BENCHMARK(RealLikeStepFullOverlay)->Arg(10000)->Unit(benchmark::kMillisecond);

void RealLikeStepLocalOverlay(benchmark::State& state) {
    geo::GeosContext context;
    const Geometry a = blob(static_cast<int>(state.range(0)), 0), b = nextDay(a);
    const geo::GeodesicEdgeTable tableA(a), tableB(b);
    for (auto _ : state) benchmark::DoNotOptimize(analysis::localChangePieces(context, a, b, tableA, tableB));
}
BENCHMARK(RealLikeStepLocalOverlay)->Arg(10000)->Unit(benchmark::kMillisecond);

// A real-like day's edge table: every edge solved, against the shared ones taken from the day before's.
void RealLikeTableSolved(benchmark::State& state) {
    const Geometry b = nextDay(blob(static_cast<int>(state.range(0)), 0));
    for (auto _ : state) benchmark::DoNotOptimize(geo::GeodesicEdgeTable(b).areaKm2());
}
BENCHMARK(RealLikeTableSolved)->Arg(10000)->Unit(benchmark::kMillisecond);

void RealLikeTableFromTheDayBefore(benchmark::State& state) {
    const Geometry a = blob(static_cast<int>(state.range(0)), 0), b = nextDay(a);
    const geo::GeodesicEdgeTable tableA(a);
    for (auto _ : state) benchmark::DoNotOptimize(geo::GeodesicEdgeTable(b, &tableA).areaKm2());
}
BENCHMARK(RealLikeTableFromTheDayBefore)->Arg(10000)->Unit(benchmark::kMillisecond);

// The GLU tessellator behind every filled polygon (render/tessellate.cpp).
void Tessellate(benchmark::State& state) {
    const Geometry shape = blob(static_cast<int>(state.range(0)), 0);
    for (auto _ : state) benchmark::DoNotOptimize(render::triangulate(shape));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(Tessellate)->Arg(10000)->Unit(benchmark::kMillisecond);

void EncodePng1080p(benchmark::State& state) {
    // A map-like frame: flat fills with edges and some noise, not a compressible blank.
    const unsigned width = 1920, height = 1080;
    std::vector<std::uint8_t> rgba(width * height * 4);
    std::mt19937 random(1);
    for (unsigned y = 0; y < height; ++y) {
        for (unsigned x = 0; x < width; ++x) {
            const bool held = std::hypot(x - 700.0, y - 500.0) < 380 + 30 * std::sin(x / 40.0);
            std::uint8_t* p = &rgba[(y * width + x) * 4];
            p[0] = held ? 214 : 242;
            p[1] = held ? 140 : 240;
            p[2] = held ? 130 : 235;
            p[3] = 255;
            if (random() % 50 == 0) p[0] = static_cast<std::uint8_t>(random());
        }
    }
    for (auto _ : state) benchmark::DoNotOptimize(exporting::encodePng(rgba.data(), width, height));
}
BENCHMARK(EncodePng1080p)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
