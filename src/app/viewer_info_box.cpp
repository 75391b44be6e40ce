#include "app/viewer_info_box.hpp"

#include <fmt/format.h>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

#include "analysis/expression.hpp"
#include "analysis/stats.hpp"
#include "app/viewer_hover.hpp"
#include "core/error.hpp"
#include "render/area_labels.hpp"
#include "render/north_arrow.hpp"

namespace frontline::app {

namespace {

constexpr std::size_t kClaimsShown = 5;

sf::Color verdictColour(analysis::Verdict verdict) {
    switch (verdict) {
        case analysis::Verdict::Consistent:
            return {39, 129, 66};
        case analysis::Verdict::ConsistentWithinLikelyRange:
            return {201, 140, 20};
        case analysis::Verdict::ConsistentOnlyAtWorstCase:
            return {214, 110, 30};
        case analysis::Verdict::Inconsistent:
            return {192, 57, 43};
        case analysis::Verdict::SourcesDisagree:
            return {120, 70, 160};
        case analysis::Verdict::NotCheckable:
            break;
    }
    return {140, 140, 140};
}

void collectDates(const analysis::Node& node, const Scenario& scenario, std::vector<Date>& out) {
    auto add = [&](const analysis::When& when) {
        if (when.date)
            out.push_back(*when.date);
        else if (const Event* event = scenario.findEvent(when.eventId))
            out.push_back(event->date);
    };
    if (node.ref && node.ref->kind == analysis::Ref::Kind::Control) add(node.ref->when);
    for (const auto& when : node.whens) add(when);
    for (const auto& operand : node.operands) collectDates(operand, scenario, out);
}

}  // namespace

void InfoBox::evaluateClaims(const Scenario& scenario, const analysis::Measurer& measurer) {
    m_lines.reset();
    if (scenario.claims.empty()) return;
    try {
        analysis::ScenarioMeasureSource source(measurer, scenario);
        m_claims = analysis::evaluateClaims(scenario.claims, source);
    } catch (const Error& e) {
        // The map is still worth showing; the info box says why there are no verdicts.
        m_claimsError = e.what();
        return;
    }
    for (const auto& result : m_claims) {
        std::vector<Date> dates;
        try {
            collectDates(analysis::parseExpression(result.claim.measure).root, scenario, dates);
        } catch (const Error&) {
            // Uncheckable claims may have no measure.
        }
        m_claimDates.push_back(std::move(dates));
    }
}

std::vector<InfoBox::Line> InfoBox::layOut(const ViewerPainter& painter, const render::Scene& scene,
                                           int shown, float width) const {
    const float u = std::max(0.6f, scene.unit());
    const float pad = std::round(12 * u);
    const float size = std::round(15 * u), small = std::round(13.5f * u);
    const auto& stats = scene.stats();
    std::vector<Line> lines;
    if (shown >= 0) {
        const auto& row = stats[static_cast<std::size_t>(shown)];
        if (row.sincePrevious) {
            const auto& change = *row.sincePrevious;
            const Date previous = stats[static_cast<std::size_t>(shown) - 1].state.date;
            lines.push_back(
                {"Since " + previous.iso() + " (km²; likely range; worst case)", true, size, kInk, {}});
            // One step for both, so that the net printed is the gained printed minus the lost printed.
            const render::ChangeLabels labels = render::changeLabels(change);
            auto ranges = [&](const std::string& value, const analysis::Interval& part) {
                const double step = labels.stepKm2;
                return value + "; " + render::formatArea(part.likelyMin, step) + "–" +
                       render::formatArea(part.likelyMax, step) + "; " + render::formatArea(part.min, step) +
                       "–" + render::formatArea(part.max, step);
            };
            lines.push_back({"gained " + ranges(labels.gained, change.gained), false, size, kInk, {}});
            lines.push_back(
                {"lost " + ranges(labels.lost, change.lost) + "   net " + labels.net, false, size, kInk, {}});
        } else {
            lines.push_back(
                {"First state: " + row.state.date.iso() + " (no change to show)", true, size, kInk, {}});
        }
        // Claims whose measure refers to a date in (previous state, this state].
        const std::optional<Date> from =
            shown > 0 ? std::optional<Date>(stats[static_cast<std::size_t>(shown) - 1].state.date)
                      : std::nullopt;
        const Date to = row.state.date;
        std::vector<std::size_t> relevant;
        for (std::size_t i = 0; i < m_claims.size(); ++i) {
            const auto& dates = m_claimDates[i];
            if (std::any_of(dates.begin(), dates.end(),
                            [&](const Date& d) { return (!from || *from < d) && d <= to; }))
                relevant.push_back(i);
        }
        lines.push_back({fmt::format("Claims about {} … {}: {}", from ? from->iso() : "the start", to.iso(),
                                     relevant.size()),
                         true,
                         size,
                         kInk,
                         {}});
        if (!m_claimsError.empty())
            lines.push_back({"claims not evaluated: " + m_claimsError, false, small, kAccent, {}});
        for (std::size_t k = 0; k < relevant.size() && k < kClaimsShown; ++k) {
            const auto& result = m_claims[relevant[k]];
            lines.push_back({std::string(analysis::toString(result.verdict)) + ": " + result.claim.id, false,
                             small, kInk, verdictColour(result.verdict)});
            std::string detail = "claimed " + analysis::claimedText(result.claim);
            if (result.computed) {
                const int decimals = analysis::displayDecimals(result.claim.unit);
                detail +=
                    fmt::format(", computed {:.{}f} [{:.{}f}, {:.{}f}]", result.computed->value, decimals,
                                result.computed->min, decimals, result.computed->max, decimals);
            }
            lines.push_back({detail, false, small, kMuted, sf::Color::Transparent});
        }
        if (relevant.size() > kClaimsShown) {
            lines.push_back({fmt::format("… and {} more (frontline check)", relevant.size() - kClaimsShown),
                             false,
                             small,
                             kMuted,
                             {}});
        }
    } else {
        lines.push_back({"No control state yet", true, size, kInk, {}});
    }
    // Long claim lines are cut to the box.
    const float textRoom = width - 2 * pad - 16 * u;
    for (auto& line : lines) {
        if (painter.textWidth(line.text, line.bold, line.size) <= textRoom) continue;
        std::string cut = line.text;
        while (!cut.empty() && painter.textWidth(cut + "…", line.bold, line.size) > textRoom) {
            cut.pop_back();
            while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
            if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0xC0) cut.pop_back();
        }
        line.text = cut + "…";
    }
    return lines;
}

void InfoBox::draw(const ViewerPainter& painter, const render::Scene& scene, const render::MapView& view,
                   const Date& date) {
    if (!m_shown) return;
    const float u = std::max(0.6f, scene.unit());
    const sf::FloatRect map = scene.mapRect();
    const float width = std::min(map.width * 0.5f, std::round(560 * u));
    const float pad = std::round(12 * u);
    const auto& stats = scene.stats();
    const int shown = scene.stateIndexAt(date);
    // The lines change with the state shown and the size, not with the camera. Measured and cut on every
    // frame (sf::Text for each try of a long line), they took 30 % of the drawing thread at 480x270.
    const LinesKey key{shown, width, u,
                       shown >= 0 && stats[static_cast<std::size_t>(shown)].sincePrevious.has_value()};
    if (!m_lines || !(m_lines->first == key)) m_lines.emplace(key, layOut(painter, scene, shown, width));
    const std::vector<Line>& lines = m_lines->second;
    float height = 2 * pad;
    for (const auto& line : lines) height += std::round(line.size * 1.35f);
    const auto [left, top] = corner(scene, view, shown, width, height);
    painter.fillRect({left, top, width, height}, kBox, kFaint);
    float y = top + pad;
    for (const auto& line : lines) {
        float x = left + pad;
        if (line.dot && line.dot->a == 0) {
            x += 14 * u;  // continues the line above
        } else if (line.dot) {
            sf::CircleShape dot(4 * u, 12);
            dot.setFillColor(*line.dot);
            dot.setPosition(x, y + line.size * 0.45f);
            painter.target().draw(dot);
            x += 14 * u;
        }
        painter.text(line.text, line.bold, line.size, line.colour, {x, y});
        y += std::round(line.size * 1.35f);
    }
}

sf::Vector2f InfoBox::corner(const render::Scene& scene, const render::MapView& view, int shown, float width,
                             float height) {
    const float u = std::max(0.6f, scene.unit());
    const sf::FloatRect map = scene.mapRect();
    const float margin = std::round(16 * u);
    // The corners clear of the north arrow (top left or bottom right) and the scale bar (bottom left);
    // the top right first, as before, when all are equally empty.
    const bool arrowTopLeft = scene.layout().northArrow == render::NorthArrowCorner::TopLeft;
    const float arrowHeight = render::northArrowBox(scene.layout()).height;
    const float right = map.left + map.width - width - margin, bottom = map.top + map.height - height;
    const std::array<sf::Vector2f, 4> corners{
        sf::Vector2f{right, map.top + margin},
        sf::Vector2f{right, bottom - margin - (arrowTopLeft ? 0 : arrowHeight)},
        sf::Vector2f{map.left + margin, map.top + (arrowTopLeft ? std::round(120 * u) : margin)},
        sf::Vector2f{map.left + margin, bottom - std::round(90 * u)}};
    if (shown < 0) return corners[0];
    const sf::Vector2f box(width, height), mapSize(map.width, map.height);
    if (m_place && m_place->state == shown && m_place->view.zoom == view.zoom &&
        m_place->view.offset == view.offset && m_place->box == box && m_place->map == mapSize)
        return m_place->corner;
    // The held area (window pixels), sampled on a grid over each candidate box: the box goes where it
    // covers least of it.
    const auto& area = scene.shapes(shown).area;
    std::vector<sf::Vertex> held(area);
    for (auto& vertex : held) vertex.position = view.toFrame(map, vertex.position);
    std::size_t best = 0, bestCovered = std::numeric_limits<std::size_t>::max();
    std::vector<sf::Vertex> near;
    for (std::size_t c = 0; c < corners.size(); ++c) {
        // Only the triangles that reach the candidate box can cover a sample in it.
        near.clear();
        const sf::FloatRect candidate(corners[c], box);
        for (std::size_t i = 0; i + 2 < held.size(); i += 3) {
            const sf::Vector2f a = held[i].position, b = held[i + 1].position, d = held[i + 2].position;
            const float minX = std::min({a.x, b.x, d.x}), maxX = std::max({a.x, b.x, d.x});
            const float minY = std::min({a.y, b.y, d.y}), maxY = std::max({a.y, b.y, d.y});
            if (maxX < candidate.left || minX > candidate.left + candidate.width || maxY < candidate.top ||
                minY > candidate.top + candidate.height)
                continue;
            near.insert(near.end(), held.begin() + static_cast<std::ptrdiff_t>(i),
                        held.begin() + static_cast<std::ptrdiff_t>(i + 3));
        }
        std::size_t covered = 0;
        constexpr int kSamples = 12;
        for (int i = 0; i < kSamples && !near.empty(); ++i) {
            for (int j = 0; j < kSamples; ++j) {
                const sf::Vector2f p(corners[c].x + width * (static_cast<float>(i) + 0.5f) / kSamples,
                                     corners[c].y + height * (static_cast<float>(j) + 0.5f) / kSamples);
                covered += pointInTriangles(near, p);
            }
        }
        if (covered < bestCovered) {
            best = c;
            bestCovered = covered;
        }
    }
    m_place = Place{shown, view, box, mapSize, corners[best]};
    return corners[best];
}

}  // namespace frontline::app
