#include "geo/densify.hpp"

#include <algorithm>
#include <cmath>

namespace frontline::geo {

namespace {

void densifyPath(Path& path, double maxStep) {
    bool needed = false;
    for (std::size_t i = 1; i < path.size() && !needed; ++i) {
        needed =
            std::max(std::fabs(path[i].x - path[i - 1].x), std::fabs(path[i].y - path[i - 1].y)) > maxStep;
    }
    if (!needed) return;
    Path dense;
    dense.reserve(path.size() * 2);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const Coord a = path[i];
        const Coord b = path[i + 1];
        const double span = std::max(std::fabs(b.x - a.x), std::fabs(b.y - a.y));
        const int pieces = std::max(1, static_cast<int>(std::ceil(span / maxStep)));
        for (int k = 0; k < pieces; ++k) {
            const double t = static_cast<double>(k) / pieces;
            dense.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
        }
    }
    dense.push_back(path.back());
    path = std::move(dense);
}

}  // namespace

void densify(Geometry& lonLat, double maxStepDegrees) {
    for (auto& polygon : lonLat.polygons) {
        for (auto& ring : polygon.rings) densifyPath(ring, maxStepDegrees);
    }
    for (auto& line : lonLat.lines) densifyPath(line, maxStepDegrees);
}

}  // namespace frontline::geo
