// Writes one large GeoJSON FeatureCollection for memory and streaming tests (never committed):
//   frontline_make_large_geojson OUT.geojson MEGABYTES [VERTICES]
// A grid of small lobed polygons (VERTICES each, default 200) over the Caucasus, as many as needed to
// reach about MEGABYTES MB; each a feature with an id and a name. Streams to the file as it goes.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUT.geojson MEGABYTES [VERTICES]\n", argv[0]);
        return 2;
    }
    const double targetBytes = std::atof(argv[2]) * 1e6;
    const int vertices = argc > 3 ? std::atoi(argv[3]) : 200;
    FILE* file = std::fopen(argv[1], "wb");
    if (!file) {
        std::fprintf(stderr, "cannot write %s\n", argv[1]);
        return 1;
    }
    double written = 0;
    std::string text = R"({"type":"FeatureCollection","features":[)";
    constexpr int kColumns = 400;  // 0.01° cells from 44°E, 38°N
    for (long n = 0; written + static_cast<double>(text.size()) < targetBytes; ++n) {
        const double cx = 44.0 + 0.01 * static_cast<double>(n % kColumns) + 0.005;
        const double cy = 38.0 + 0.01 * static_cast<double>(n / kColumns) + 0.005;
        char head[192];
        std::snprintf(
            head, sizeof head,
            R"(%s{"type":"Feature","id":"f%ld","properties":{"name":"cell %ld"},"geometry":{"type":"Polygon","coordinates":[[)",
            n ? "," : "", n, n);
        text += head;
        for (int i = 0; i <= vertices; ++i) {
            const double angle = 2 * kPi * (i == vertices ? 0 : i) / vertices;
            const double r = 0.004 * (1 + 0.1 * std::sin(5 * angle + static_cast<double>(n)));
            char point[64];
            std::snprintf(point, sizeof point, "%s[%.6f,%.6f]", i ? "," : "", cx + r * std::cos(angle),
                          cy + r * std::sin(angle));
            text += point;
        }
        text += "]]}}";
        if (text.size() > (1u << 20)) {
            if (std::fwrite(text.data(), 1, text.size(), file) != text.size()) return 1;
            written += static_cast<double>(text.size());
            text.clear();
        }
    }
    text += "]}\n";
    if (std::fwrite(text.data(), 1, text.size(), file) != text.size() || std::fclose(file) != 0) {
        std::fprintf(stderr, "cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
