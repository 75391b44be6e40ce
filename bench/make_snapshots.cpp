// Writes a deterministic daily series of control-map snapshots, one GeoJSON file per date:
//   frontline_make_snapshots OUT_DIR COUNT VERTICES [SEED]
// The held area is a lobed blob around 46.6°E 39.8°N whose front drifts a little each day; on some days
// a detached island appears and a hole opens, so that series and overlays meet real topology changes.
// Files are named held_YYYYMMDD.geojson starting 2020-01-01.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace {

constexpr double kPi = 3.14159265358979323846;

void ring(std::string& out, double cx, double cy, double radius, int vertices,
          const std::vector<double>& phases, double drift, bool clockwise) {
    out += "[";
    for (int i = 0; i <= vertices; ++i) {
        const int k = i == vertices ? 0 : i;  // close the ring exactly
        double angle = 2 * kPi * k / vertices;
        if (clockwise) angle = -angle;
        const double r =
            radius * (1 + 0.12 * std::sin(3 * angle + drift) + 0.05 * std::sin(17 * angle + phases[0]) +
                      0.02 * std::sin(61 * angle + phases[1]));
        char point[64];
        // cos(latitude) keeps the blob round on the ground rather than in degrees.
        std::snprintf(point, sizeof point, "%s[%.6f,%.6f]", i ? "," : "",
                      cx + r * std::cos(angle) / std::cos(cy * kPi / 180), cy + r * std::sin(angle));
        out += point;
    }
    out += "]";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s OUT_DIR COUNT VERTICES [SEED]\n", argv[0]);
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    const int count = std::atoi(argv[2]);
    const int vertices = std::atoi(argv[3]);
    std::mt19937 random(argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 1u);
    std::uniform_real_distribution<double> phase(0, 2 * kPi);
    std::filesystem::create_directories(folder);
    const std::vector<double> phases{phase(random), phase(random)};

    for (int day = 0; day < count; ++day) {
        const frontline::Date date = frontline::Date(2020, 1, 1).plusDays(day);
        const double drift = 0.05 * day;  // the lobes turn: ground changes hands both ways along the front
        // The held area shrinks over the series, with offensives and counter-offensives on the way.
        const double radius = 0.5 * (1 - 0.3 * day / std::max(1, count) + 0.03 * std::sin(day / 9.0));
        const bool island = (day / 7) % 3 == 1;
        const bool hole = (day / 11) % 2 == 1;
        std::string text =
            R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"held","properties":{"date":")" +
            date.iso() + R"("},"geometry":{"type":"MultiPolygon","coordinates":[[)";
        ring(text, 46.6, 39.8, radius, vertices, phases, drift, false);
        if (hole) {
            text += ",";
            ring(text, 46.6, 39.8, radius * 0.2, std::max(16, vertices / 20), phases, -drift, true);
        }
        text += "]";
        if (island) {
            text += ",[";
            ring(text, 47.6, 39.5, 0.08, std::max(16, vertices / 20), phases, drift, false);
            text += "]";
        }
        text += "]}}]}\n";
        char name[32];
        std::snprintf(name, sizeof name, "held_%04d%02u%02u.geojson", date.year(), date.month(), date.day());
        const std::filesystem::path path = folder / name;
        FILE* file = std::fopen(path.c_str(), "wb");
        if (!file || std::fwrite(text.data(), 1, text.size(), file) != text.size() ||
            std::fclose(file) != 0) {
            std::fprintf(stderr, "cannot write %s\n", path.c_str());
            return 1;
        }
    }
    return 0;
}
