#include "render/mesh.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace frontline::render {

namespace {

sf::Vector2f normalized(sf::Vector2f v) {
    const float length = std::hypot(v.x, v.y);
    return length > 0 ? v / length : sf::Vector2f(0, 0);
}

sf::Vector2f leftNormal(sf::Vector2f direction) { return {-direction.y, direction.x}; }

// Squared-distance transform of one row or column (Felzenszwalb & Huttenlocher 2012). `f` holds 0 at
// the targets and a large value elsewhere.
void transform1d(const std::vector<double>& f, std::vector<double>& d, std::vector<int>& v,
                 std::vector<double>& z, int n) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    int k = 0;
    v[0] = 0;
    z[0] = -kInf;
    z[1] = kInf;
    for (int q = 1; q < n; ++q) {
        double s = 0;
        while (true) {
            const int p = v[static_cast<std::size_t>(k)];
            s = ((f[static_cast<std::size_t>(q)] + static_cast<double>(q * q)) -
                 (f[static_cast<std::size_t>(p)] + static_cast<double>(p * p))) /
                static_cast<double>(2 * q - 2 * p);
            if (s <= z[static_cast<std::size_t>(k)] && k > 0)
                --k;
            else
                break;
        }
        if (s <= z[static_cast<std::size_t>(k)]) {  // k == 0 and the new parabola dominates
            v[0] = q;
            z[0] = -kInf;
            z[1] = kInf;
            continue;
        }
        ++k;
        v[static_cast<std::size_t>(k)] = q;
        z[static_cast<std::size_t>(k)] = s;
        z[static_cast<std::size_t>(k) + 1] = kInf;
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[static_cast<std::size_t>(k) + 1] < static_cast<double>(q)) ++k;
        const int p = v[static_cast<std::size_t>(k)];
        d[static_cast<std::size_t>(q)] =
            static_cast<double>((q - p) * (q - p)) + f[static_cast<std::size_t>(p)];
    }
}

}  // namespace

void appendTriangles(std::vector<sf::Vertex>& out, const std::vector<sf::Vector2f>& corners,
                     sf::Color color) {
    for (const auto& corner : corners) out.emplace_back(corner, color, corner);
}

void appendRect(std::vector<sf::Vertex>& out, sf::FloatRect box, sf::Color color) {
    const float right = box.left + box.width, bottom = box.top + box.height;
    appendTriangles(out,
                    {{box.left, box.top},
                     {right, box.top},
                     {box.left, bottom},
                     {right, box.top},
                     {right, bottom},
                     {box.left, bottom}},
                    color);
}

Polyline thin(const Polyline& line, float minStep, bool closed) {
    Polyline result;
    for (const auto& point : line) {
        if (result.empty() || std::hypot(point.x - result.back().x, point.y - result.back().y) >= minStep) {
            result.push_back(point);
        }
    }
    if (closed) {
        while (result.size() > 1 &&
               std::hypot(result.front().x - result.back().x, result.front().y - result.back().y) < minStep) {
            result.pop_back();
        }
    }
    return result;
}

void appendStroke(std::vector<sf::Vertex>& out, const Polyline& line, bool closed, float width,
                  sf::Color color) {
    const std::size_t n = line.size();
    if (n < 2) return;
    const float half = width / 2;
    // A join longer than this many half widths is bevelled (cut), as SVG's miter limit 4 does.
    constexpr float kMiterLimit = 4.0f;
    std::vector<sf::Vector2f> left(n + (closed ? 1 : 0)), right(left.size());
    std::vector<float> arc(left.size(), 0);
    auto direction = [&](std::size_t from, std::size_t to) {
        return normalized(line[to % n] - line[from % n]);
    };
    for (std::size_t i = 0; i < n; ++i) {
        sf::Vector2f offset;
        const bool hasIn = closed || i > 0;
        const bool hasOut = closed || i + 1 < n;
        const sf::Vector2f in = hasIn ? direction(i + n - 1, i) : sf::Vector2f();
        const sf::Vector2f out2 = hasOut ? direction(i, i + 1) : sf::Vector2f();
        if (hasIn && hasOut) {
            const sf::Vector2f normalIn = leftNormal(in), normalOut = leftNormal(out2);
            sf::Vector2f miter = normalized(normalIn + normalOut);
            const float cosine = miter.x * normalOut.x + miter.y * normalOut.y;
            float length = cosine > 1e-3f ? half / cosine : half * kMiterLimit;
            length = std::min(length, half * kMiterLimit);
            if (miter == sf::Vector2f(0, 0)) miter = normalOut;
            offset = miter * length;
        } else {
            offset = leftNormal(hasIn ? in : out2) * half;
        }
        left[i] = line[i] + offset;
        right[i] = line[i] - offset;
        if (i > 0) arc[i] = arc[i - 1] + std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    }
    if (closed) {
        left[n] = left[0];
        right[n] = right[0];
        arc[n] = arc[n - 1] + std::hypot(line[0].x - line[n - 1].x, line[0].y - line[n - 1].y);
    }
    for (std::size_t i = 0; i + 1 < left.size(); ++i) {
        const sf::Vertex l0(left[i], color, {arc[i], 0}), r0(right[i], color, {arc[i], 1});
        const sf::Vertex l1(left[i + 1], color, {arc[i + 1], 0}), r1(right[i + 1], color, {arc[i + 1], 1});
        out.insert(out.end(), {l0, r0, l1, r0, r1, l1});
    }
}

std::vector<std::uint8_t> rasterize(const std::vector<sf::Vertex>& triangles, int width, int height,
                                    float cellSize) {
    std::vector<std::uint8_t> mask(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
        const sf::Vector2f a = triangles[t].position / cellSize, b = triangles[t + 1].position / cellSize,
                           c = triangles[t + 2].position / cellSize;
        const float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if (area == 0) continue;
        const int x0 = std::max(0, static_cast<int>(std::floor(std::min({a.x, b.x, c.x}))));
        const int x1 = std::min(width - 1, static_cast<int>(std::ceil(std::max({a.x, b.x, c.x}))));
        const int y0 = std::max(0, static_cast<int>(std::floor(std::min({a.y, b.y, c.y}))));
        const int y1 = std::min(height - 1, static_cast<int>(std::ceil(std::max({a.y, b.y, c.y}))));
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const sf::Vector2f p(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
                // Edge functions, signed by the triangle's orientation; a centre on an edge counts in.
                const float w0 = ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / area;
                const float w1 = ((c.x - b.x) * (p.y - b.y) - (c.y - b.y) * (p.x - b.x)) / area;
                const float w2 = ((a.x - c.x) * (p.y - c.y) - (a.y - c.y) * (p.x - c.x)) / area;
                if (w0 >= 0 && w1 >= 0 && w2 >= 0) {
                    mask[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                         static_cast<std::size_t>(x)] = 1;
                }
            }
        }
    }
    return mask;
}

std::vector<float> distanceTo(const std::vector<std::uint8_t>& mask, int width, int height,
                              std::uint8_t target) {
    // A finite stand-in for infinity keeps the parabola arithmetic free of inf − inf.
    const double kFar = 1e12;
    const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
    std::vector<double> grid(w * h);
    bool any = false;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        grid[i] = mask[i] == target ? 0.0 : kFar;
        any = any || mask[i] == target;
    }
    if (!any) return std::vector<float>(grid.size(), std::numeric_limits<float>::infinity());
    const std::size_t longest = std::max(w, h);
    std::vector<double> f(longest), d(longest), z(longest + 1);
    std::vector<int> v(longest);
    for (std::size_t x = 0; x < w; ++x) {
        for (std::size_t y = 0; y < h; ++y) f[y] = grid[y * w + x];
        transform1d(f, d, v, z, height);
        for (std::size_t y = 0; y < h; ++y) grid[y * w + x] = d[y];
    }
    std::vector<float> result(w * h);
    for (std::size_t y = 0; y < h; ++y) {
        for (std::size_t x = 0; x < w; ++x) f[x] = grid[y * w + x];
        transform1d(f, d, v, z, width);
        for (std::size_t x = 0; x < w; ++x) result[y * w + x] = static_cast<float>(std::sqrt(d[x]));
    }
    return result;
}

}  // namespace frontline::render
