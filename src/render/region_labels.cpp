#include "render/region_labels.hpp"

#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <tuple>

#include "core/error.hpp"

namespace frontline::render {

namespace {

constexpr float kDegreesPerRadian = 180.0f / std::numbers::pi_v<float>;

// How far a name keeps from the map's edge, the data and its own line, in units.
constexpr float kGapUnits = 6;

Geometry rectangle(const sf::FloatRect& r) {
    const Path ring{{r.left, r.top},
                    {r.left + r.width, r.top},
                    {r.left + r.width, r.top + r.height},
                    {r.left, r.top + r.height},
                    {r.left, r.top}};
    return Geometry{{Polygon{{ring}}}, {}, {}};
}

// The box of a text of `size` (width × height) centred on `centre`, turned by `radians`, as a polygon
// and as its axis-aligned bounds.
using Quad = std::array<sf::Vector2f, 4>;
struct Footprint {
    Geometry polygon;
    sf::FloatRect bounds;
    Quad corners;
};

Quad cornersOf(const sf::FloatRect& r) {
    return {sf::Vector2f{r.left, r.top},
            {r.left + r.width, r.top},
            {r.left + r.width, r.top + r.height},
            {r.left, r.top + r.height}};
}

// Whether two convex quadrilaterals overlap (separating axes: the edge normals of both).
bool overlaps(const Quad& a, const Quad& b) {
    for (const Quad* q : {&a, &b}) {
        for (std::size_t i = 0; i < 4; ++i) {
            const sf::Vector2f edge = (*q)[(i + 1) % 4] - (*q)[i];
            const sf::Vector2f axis(-edge.y, edge.x);
            auto project = [&](const Quad& shape) {
                float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
                for (const auto& p : shape) {
                    const float v = p.x * axis.x + p.y * axis.y;
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
                return std::pair{lo, hi};
            };
            const auto [loA, hiA] = project(a);
            const auto [loB, hiB] = project(b);
            if (hiA <= loB || hiB <= loA) return false;
        }
    }
    return true;
}
Footprint footprint(sf::Vector2f centre, sf::Vector2f size, float radians) {
    const float c = std::cos(radians), s = std::sin(radians);
    const float hx = size.x / 2, hy = size.y / 2;
    Quad corners;
    std::size_t n = 0;
    Path ring;
    float minX = centre.x, maxX = centre.x, minY = centre.y, maxY = centre.y;
    for (const auto& [x, y] :
         std::array<std::pair<float, float>, 4>{{{-hx, -hy}, {hx, -hy}, {hx, hy}, {-hx, hy}}}) {
        const float px = centre.x + x * c - y * s, py = centre.y + x * s + y * c;
        ring.push_back({px, py});
        corners[n++] = {px, py};
        minX = std::min(minX, px);
        maxX = std::max(maxX, px);
        minY = std::min(minY, py);
        maxY = std::max(maxY, py);
    }
    ring.push_back(ring.front());
    return {Geometry{{Polygon{{ring}}}, {}, {}}, sf::FloatRect(minX, minY, maxX - minX, maxY - minY),
            corners};
}

bool collides(const std::vector<Quad>& taken, const Quad& box) {
    return std::any_of(taken.begin(), taken.end(), [&](const Quad& q) { return overlaps(q, box); });
}

// The ink-and-halo size of a name as drawn (regionText), pixels.
sf::Vector2f textSize(const RegionLabel& label, const Fonts& fonts) {
    const sf::FloatRect bounds = regionText(label, fonts).getLocalBounds();
    return {bounds.width, bounds.height};
}

struct Piece {
    std::size_t candidate = 0;
    std::size_t part = 0;  // which polygon of the candidate it is cut from
    Polygon polygon;
    geo::InscribedCircle circle;
};

// Points to try for a name in a piece, nearest to the centre of its largest circle first.
std::vector<sf::Vector2f> tries(const geo::InscribedCircle& circle, float step) {
    std::vector<sf::Vector2f> points{
        {static_cast<float>(circle.centre.x), static_cast<float>(circle.centre.y)}};
    for (int ring = 1; ring <= 4; ++ring) {
        for (int k = 0; k < 8; ++k) {
            const float angle = static_cast<float>(k) * std::numbers::pi_v<float> / 4;
            points.push_back({points.front().x + static_cast<float>(ring) * step * std::cos(angle),
                              points.front().y + static_cast<float>(ring) * step * std::sin(angle)});
        }
    }
    return points;
}

// The point `distance` along `line` and the direction of the stretch `window` long around it (unit
// vector), or nothing when the line is shorter than the window. Distances in pixels, along the line.
struct Along {
    sf::Vector2f point, direction;
    float chord = 0;  // the straight distance across the window (the window itself on a straight line)
};
std::optional<Along> along(const Path& line, double distance, double window) {
    std::vector<double> at{0};
    for (std::size_t i = 1; i < line.size(); ++i)
        at.push_back(at.back() + std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y));
    if (at.back() < window) return std::nullopt;
    auto pointAt = [&](double s) {
        s = std::clamp(s, 0.0, at.back());
        const auto i = static_cast<std::size_t>(std::upper_bound(at.begin(), at.end(), s) - at.begin());
        const std::size_t b = std::min(i, line.size() - 1), a = b == 0 ? 0 : b - 1;
        const double t = at[b] > at[a] ? (s - at[a]) / (at[b] - at[a]) : 0;
        return sf::Vector2f(static_cast<float>(line[a].x + t * (line[b].x - line[a].x)),
                            static_cast<float>(line[a].y + t * (line[b].y - line[a].y)));
    };
    distance = std::clamp(distance, window / 2, at.back() - window / 2);
    const sf::Vector2f from = pointAt(distance - window / 2), to = pointAt(distance + window / 2);
    const sf::Vector2f d = to - from;
    const float length = std::hypot(d.x, d.y);
    if (length <= 0) return std::nullopt;
    return Along{pointAt(distance), d / length, length};
}

}  // namespace

RegionLabelStyle parseRegionLabelStyle(const std::string& text, const std::string& where) {
    if (text == "region") return RegionLabelStyle::Region;
    if (text == "water") return RegionLabelStyle::Water;
    throw DataError(where + ": unknown label style '" + text + "' (region, water)");
}

float regionLabelSize(RegionLabelStyle style, float unit) {
    return style == RegionLabelStyle::Region ? std::max(9.0f, std::round(24 * unit))
                                             : std::max(8.0f, std::round(18 * unit));
}

bool RegionLabel::visibleAt(const Date& date) const {
    return (!validFrom || *validFrom <= date) && (!validTo || date < *validTo);
}

std::string regionLabelText(const std::string& name, RegionLabelStyle style) {
    if (style == RegionLabelStyle::Water) return name;
    const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return (c & 0x80) == 0; });
    if (!ascii) return name;
    std::string text = name;
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

sf::Text regionText(const RegionLabel& label, const Fonts& fonts) {
    sf::Text text(sf::String::fromUtf8(label.text.begin(), label.text.end()), fonts.regular,
                  static_cast<unsigned>(label.characterSize));
    if (label.style == RegionLabelStyle::Region) {
        text.setLetterSpacing(2.0f);
        text.setFillColor(sf::Color(112, 112, 112));
    } else {
        text.setStyle(sf::Text::Italic);
        text.setFillColor(sf::Color(58, 110, 160));
    }
    text.setOutlineColor(sf::Color(255, 255, 255, 190));
    text.setOutlineThickness(std::max(1.0f, label.characterSize / 10));
    const sf::FloatRect bounds = text.getLocalBounds();
    text.setOrigin(std::round(bounds.left + bounds.width / 2), std::round(bounds.top + bounds.height / 2));
    text.setPosition(std::round(label.centre.x), std::round(label.centre.y));
    text.setRotation(label.rotationDegrees);
    return text;
}

std::vector<RegionLabel> layOutRegionLabels(geo::GeosContext& geos, std::vector<RegionCandidate> candidates,
                                            const Geometry& avoidPixels,
                                            const std::vector<sf::FloatRect>& taken,
                                            const FrameLayout& layout, const Fonts& fonts) {
    const float u = layout.unit;
    const float gap = std::max(2.0f, kGapUnits * u);
    const sf::FloatRect inset(layout.map.left + gap, layout.map.top + gap, layout.map.width - 2 * gap,
                              layout.map.height - 2 * gap);
    if (inset.width <= 0 || inset.height <= 0) return {};
    const Geometry avoid = geo::buffer(geos, avoidPixels, gap);
    const Geometry free = geo::subtract(geos, rectangle(inset), avoid);
    std::vector<RegionLabel> labels;
    std::vector<Quad> used;
    for (const auto& box : taken) used.push_back(cornersOf(box));

    auto labelOf = [&](const RegionCandidate& c) {
        RegionLabel label;
        label.text = regionLabelText(c.name, c.style);
        label.characterSize = regionLabelSize(c.style, u);
        label.style = c.style;
        label.layer = c.layer;
        label.validFrom = c.validFrom;
        label.validTo = c.validTo;
        return label;
    };
    auto place = [&](RegionLabel label, const geo::PreparedPolygons& room, sf::Vector2f centre, float radians,
                     sf::Vector2f size) {
        const Footprint box = footprint(centre, size, radians);
        if (collides(used, box.corners) || !room.contains(box.polygon)) return false;
        label.centre = centre;
        label.rotationDegrees = radians * kDegreesPerRadian;
        label.box = box.bounds;
        used.push_back(box.corners);
        labels.push_back(std::move(label));
        return true;
    };

    // Polygons: the pieces of each on the map and off the data, with their largest circles.
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Geometry& pixels = candidates[i].pixels;
        for (std::size_t part = 0; part < pixels.polygons.size(); ++part) {
            const Geometry room = geo::intersect(geos, Geometry{{pixels.polygons[part]}, {}, {}}, free);
            for (const auto& polygon : room.polygons) {
                const geo::InscribedCircle circle = geo::largestInscribedCircle(geos, polygon, 1.0);
                if (circle.radius >= regionLabelSize(candidates[i].style, u) / 2)
                    pieces.push_back({i, part, polygon, circle});
            }
        }
    }
    std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
        return std::tie(b.circle.radius, a.candidate, a.part) <
               std::tie(a.circle.radius, b.candidate, b.part);
    });
    std::vector<int> perFeature(candidates.size(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> partsLabelled;
    for (const auto& piece : pieces) {
        const RegionCandidate& c = candidates[piece.candidate];
        const auto part = std::make_pair(piece.candidate, piece.part);
        if (perFeature[piece.candidate] >= kMaxLabelsPerFeature ||
            std::find(partsLabelled.begin(), partsLabelled.end(), part) != partsLabelled.end())
            continue;
        RegionLabel label = labelOf(c);
        const sf::Vector2f size = textSize(label, fonts);
        if (2 * piece.circle.radius < size.y) continue;
        const geo::PreparedPolygons room(geos, Geometry{{piece.polygon}, {}, {}});
        for (const auto& centre : tries(piece.circle, size.y)) {
            if (place(label, room, centre, 0, size)) {
                ++perFeature[piece.candidate];
                partsLabelled.push_back(part);
                break;
            }
        }
    }

    // Lines: beside the longest visible stretch, along it.
    const Geometry mapLines = rectangle(inset);
    for (const auto& c : candidates) {
        if (c.pixels.lines.empty()) continue;
        Geometry visible = geo::clipLines(geos, Geometry{{}, c.pixels.lines, {}}, mapLines, true);
        std::stable_sort(visible.lines.begin(), visible.lines.end(),
                         [](const Path& a, const Path& b) { return a.size() > b.size(); });
        RegionLabel label = labelOf(c);
        const sf::Vector2f size = textSize(label, fonts);
        const geo::PreparedPolygons room(
            geos, geo::subtract(geos, free, geo::bufferLines(geos, visible, std::max(1.0f, 1.5f * u))));
        bool placed = false;
        for (const auto& line : visible.lines) {
            double length = 0;
            for (std::size_t i = 1; i < line.size(); ++i)
                length += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
            const double window = 1.2 * size.x;
            // The straightest stretches first (a name bent round a meander reads badly), the middle
            // first among equals.
            std::vector<std::tuple<double, double, Along>> spots;
            for (int k = 1; k < 20; ++k) {
                const double at = length * k / 20;
                const auto spot = along(line, at, window);
                if (!spot) break;
                const double straightness = std::round(spot->chord / window * 20) / 20;
                spots.emplace_back(-straightness, std::abs(k - 10), *spot);
            }
            std::stable_sort(spots.begin(), spots.end(), [](const auto& a, const auto& b) {
                return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
            });
            for (const auto& [straightness, fromMiddle, spot] : spots) {
                sf::Vector2f d = spot.direction;
                if (d.x < 0) d = -d;  // never upside down
                const float radians = std::atan2(d.y, d.x);
                const sf::Vector2f normal(-d.y, d.x);
                const float offset = size.y / 2 + gap / 2;
                placed = place(label, room, spot.point - normal * offset, radians, size) ||
                         place(label, room, spot.point + normal * offset, radians, size);
                if (placed) break;
            }
            if (placed) break;
        }
    }
    return labels;
}

}  // namespace frontline::render
