#include "analysis/claims.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "analysis/control.hpp"
#include "core/error.hpp"
#include "geo/geodesic.hpp"

namespace frontline::analysis {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Closed bounds forgive floating-point noise of about 1e-9 relative: `exactly 72 months` must accept
// the 72.000000000001 that days / 30.436875 may give. Open bounds stay strict.
double slack(double bound) { return 1e-9 * std::max(1.0, std::fabs(bound)); }

// Up to four decimals, trailing zeros dropped: 3610, 6.65, 0.5 (a range must show 6.65–7.35 days,
// not round it to [7, 7]).
std::string boundText(double value) {
    if (value == kInfinity) return "∞";
    if (value == -kInfinity) return "−∞";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    std::string text = buffer;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

}  // namespace

bool AcceptedRange::contains(double x) const {
    const bool aboveLow = lowOpen ? x > low : x >= low - slack(low);
    const bool belowHigh = highOpen ? x < high : x <= high + slack(high);
    return aboveLow && belowHigh;
}

bool overlap(const AcceptedRange& a, const AcceptedRange& b) {
    double low = a.low;
    bool lowOpen = a.lowOpen;
    if (b.low > a.low) {
        low = b.low;
        lowOpen = b.lowOpen;
    } else if (b.low == a.low) {
        lowOpen = a.lowOpen || b.lowOpen;
    }
    double high = a.high;
    bool highOpen = a.highOpen;
    if (b.high < a.high) {
        high = b.high;
        highOpen = b.highOpen;
    } else if (b.high == a.high) {
        highOpen = a.highOpen || b.highOpen;
    }
    if (low < high) return true;
    if (low == high) return !lowOpen && !highOpen;
    // Closed bounds that miss each other by rounding noise still meet.
    return !lowOpen && !highOpen && low - high <= slack(low);
}

bool AcceptedRange::overlaps(double min, double max) const {
    return overlap(*this, AcceptedRange{min, max, false, false});
}

std::string AcceptedRange::text() const {
    return std::string(lowOpen ? "(" : "[") + boundText(low) + ", " + boundText(high) +
           (highOpen ? ")" : "]");
}

AcceptedRange acceptedRange(const Claim& claim) {
    const double v = claim.value;
    const double t = claim.tolerance;
    switch (claim.qualifier) {
        case Qualifier::About:
            return {v * (1 - t), v * (1 + t), false, false};
        case Qualifier::Nearly:
            return {v * (1 - t), v, false, false};
        case Qualifier::Over:
            return {v, kInfinity, true, true};
        case Qualifier::Under:
            return {-kInfinity, v, true, true};
        case Qualifier::AtLeast:
            return {v, kInfinity, false, true};
        case Qualifier::AtMost:
            return {-kInfinity, v, true, false};
        case Qualifier::Exactly:
            return {v, v, false, false};
    }
    return {v, v, false, false};
}

int displayDecimals(std::string_view unit) {
    if (unit == "km2") return 1;
    if (unit == "km" || unit == "hours" || unit == "months") return 2;
    if (unit == "days" || unit == "year" || unit == "yyyymm" || unit == "people" || unit == "usd") return 0;
    return 3;
}

std::string plainNumber(double value) {
    std::array<char, 128> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
    return std::string(buffer.data(), result.ptr);
}

std::string claimedText(const Claim& claim) {
    std::string text =
        std::string(toString(claim.qualifier)) + " " + plainNumber(claim.value) + " " + claim.unit;
    const std::string percent = plainNumber(std::round(claim.tolerance * 1000) / 10) + "%";
    if (claim.qualifier == Qualifier::About) text += " (±" + percent + ")";
    if (claim.qualifier == Qualifier::Nearly) text += " (−" + percent + ")";
    return text;
}

std::string_view toString(Verdict verdict) {
    switch (verdict) {
        case Verdict::Consistent:
            return "consistent";
        case Verdict::ConsistentWithinLikelyRange:
            return "consistent within the likely range";
        case Verdict::ConsistentOnlyAtWorstCase:
            return "consistent only at the worst case";
        case Verdict::Inconsistent:
            return "inconsistent";
        case Verdict::NotCheckable:
            return "not checkable";
        case Verdict::SourcesDisagree:
            return "sources disagree";
    }
    return "not checkable";
}

std::string ClaimResult::baseline() const {
    std::string measured;
    for (const auto& entry : used) measured += (measured.empty() ? "" : "; ") + entry;
    if (measured.empty()) return claim.baseline;
    if (claim.baseline.empty()) return "used: " + measured;
    return claim.baseline + " (used: " + measured + ")";
}

Verdict judge(const AcceptedRange& range, const Interval& computed) {
    if (range.contains(computed.value)) return Verdict::Consistent;
    if (range.overlaps(computed.likelyLow(), computed.likelyHigh()))
        return Verdict::ConsistentWithinLikelyRange;
    if (range.overlaps(computed.min, computed.max)) return Verdict::ConsistentOnlyAtWorstCase;
    return Verdict::Inconsistent;
}

namespace {

// The unit a measure's value is in, where the expression says it: "km2" for area/gained/lost, "km"
// for length, "days", "hours", "months", "year"; "" for a bare number; a quotient of one unit by
// itself is a "ratio"; nullopt where units mix (year·100 + month) and nothing can be said.
std::optional<std::string> measureUnit(const Node& node) {
    switch (node.kind) {
        case NodeKind::Number:
            return std::string();
        case NodeKind::Area:
        case NodeKind::Gained:
        case NodeKind::Lost:
            return std::string("km2");
        case NodeKind::Length:
            return std::string("km");
        case NodeKind::Days:
            return std::string("days");
        case NodeKind::Hours:
            return std::string("hours");
        case NodeKind::Months:
            return std::string("months");
        case NodeKind::Year:
            return std::string("year");
        case NodeKind::Month:
            return std::nullopt;
        case NodeKind::Negate:
            return measureUnit(node.operands[0]);
        default:
            break;
    }
    auto a = measureUnit(node.operands[0]);
    auto b = measureUnit(node.operands[1]);
    if (!a || !b) return std::nullopt;
    switch (node.kind) {
        case NodeKind::Add:
        case NodeKind::Subtract:
            if (*a == *b || b->empty()) return a;
            if (a->empty()) return b;
            return std::nullopt;
        case NodeKind::Multiply:
            if (b->empty()) return a;
            if (a->empty()) return b;
            return std::nullopt;
        case NodeKind::Divide:
            if (*a == *b) return a->empty() ? std::string() : std::string("ratio");
            if (b->empty()) return a;
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

// Whether a claim in `claimed` can be checked by a measure in `measured` units.
bool unitsAgree(const std::string& claimed, const std::string& measured) {
    if (claimed == measured) return true;
    if (measured == "ratio" || measured.empty())
        return claimed == "ratio" || claimed == "percent" || claimed == "count";
    return false;
}

}  // namespace

std::vector<ClaimResult> evaluateClaims(const std::vector<Claim>& claims, MeasureSource& source) {
    std::vector<ClaimResult> results;
    results.reserve(claims.size());
    for (const auto& claim : claims) {
        ClaimResult result;
        result.claim = claim;
        result.range = acceptedRange(claim);
        if (claim.checkable) {
            try {
                const Expression expression = parseExpression(claim.measure);
                Evaluation evaluation = evaluate(expression, source);
                // After evaluating: a measure that cannot be evaluated says why first.
                if (const auto unit = measureUnit(expression.root); unit && !unitsAgree(claim.unit, *unit)) {
                    throw DataError("the claim is in '" + claim.unit + "' but its measure gives " +
                                    (unit->empty() ? std::string("a bare number") : "'" + *unit + "'"));
                }
                result.computed = evaluation.result;
                result.used = std::move(evaluation.used);
            } catch (const DataError& e) {
                const std::string origin = claim.measureOrigin.empty() ? "" : claim.measureOrigin + ": ";
                throw DataError(origin + "claim '" + claim.id + "': " + e.what());
            }
            result.verdict = judge(result.range, *result.computed);
        }
        results.push_back(std::move(result));
    }

    // A figure nothing can measure is still worth flagging when another source for the same quantity
    // accepts no value in common with it.
    for (auto& result : results) {
        if (result.claim.checkable || result.claim.group.empty()) continue;
        std::string others;
        for (const auto& other : results) {
            if (&other == &result || other.claim.group != result.claim.group ||
                other.claim.unit != result.claim.unit)
                continue;
            if (overlap(result.range, other.range)) continue;
            others += (others.empty() ? "" : ", ") + other.claim.id + " (" + claimedText(other.claim) + ")";
        }
        if (!others.empty()) {
            result.verdict = Verdict::SourcesDisagree;
            result.note = "group " + result.claim.group + ": disagrees with " + others;
        }
    }
    return results;
}

ScenarioMeasureSource::ScenarioMeasureSource(TimelineEvidence& evidence)
    : m_evidence(evidence), m_measurer(evidence.measurer()), m_scenario(evidence.scenario()) {}

ScenarioMeasureSource::ScenarioMeasureSource(const Measurer& measurer, const Scenario& scenario)
    : m_ownEvidence(std::make_unique<TimelineEvidence>(measurer, scenario)),
      m_evidence(*m_ownEvidence),
      m_measurer(measurer),
      m_scenario(scenario) {}

const ControlState& ScenarioMeasureSource::stateAt(const Date& date) const {
    const ControlState* state = m_scenario.timeline.stateAt(date);
    if (!state) {
        throw DataError("no control state on or before " + date.iso() +
                        (m_scenario.timeline.empty()
                             ? " (the scenario has none)"
                             : " (the first is " + m_scenario.timeline.states().front().date.iso() + ")"));
    }
    return *state;
}

const Geometry& ScenarioMeasureSource::polygons(const Layer& layer, const std::string& featureId) {
    const std::string key = layer.id + "#" + featureId;
    auto found = m_geometries.find(key);
    if (found == m_geometries.end()) {
        found = m_geometries.emplace(key, layerPolygons(m_measurer.geos, layer, featureId)).first;
    }
    return found->second;
}

// "control_2020-11-10 (Ceasefire of 10 Nov 2020, from 2020-11-10; outline: 35 % National borders
// ±1000 m, 23 % own line ±4000 m, …)": which sources the interval came from.
std::string ScenarioMeasureSource::describe(const ControlState& state) {
    if (state.empty)
        return "nothing held from " + state.date.iso() +
               (state.label.empty() ? "" : " (" + state.label + ")");
    std::string text = state.layerId + (state.featureId.empty() ? "" : "#" + state.featureId) + " (";
    if (!state.label.empty()) text += state.label + ", ";
    text += "from " + state.date.iso();
    const OutlineProvenance& provenance = m_evidence.state(state).provenance;
    const double totalKm = provenance.lengthKm();
    if (totalKm > 0) {
        text += "; outline:";
        const char* separator = " ";
        for (const auto& stretch : provenance.stretches) {
            const long percent = std::lround(100 * stretch.lengthKm / totalKm);
            if (percent == 0) continue;
            text +=
                separator + std::to_string(percent) + " % " + (stretch.own ? "own line" : stretch.sourceId);
            if (stretch.uncertaintyM > 0) text += " ±" + plainNumber(stretch.uncertaintyM) + " m";
            separator = ", ";
        }
    }
    return text + ")";
}

// "Armenia (National borders, ±1000 m)" for a feature (its name), "NKAO (1923–1991), ±1000 m" for a layer.
std::string ScenarioMeasureSource::describe(const Layer& layer, const std::string& featureId) {
    const std::string uncertainty =
        layer.uncertaintyM > 0 ? ", ±" + plainNumber(layer.uncertaintyM) + " m" : "";
    if (featureId.empty()) return layer.title + uncertainty;
    const Feature* feature = layer.findFeature(featureId);
    return (feature ? feature->property("name", featureId) : featureId) + " (" + layer.title + uncertainty +
           ")";
}

Measured ScenarioMeasureSource::controlArea(const Date& date) {
    const ControlState& state = stateAt(date);
    return {m_evidence.state(state).area, describe(state)};
}

// The part of the held area inside (or outside) a layer's polygons. Its outline is made of the held
// outline's stretches (each with its own source) and of the layer's boundary where it cuts the held
// area (with the layer's uncertainty); the interval is the band on that outline, as for a change piece.
Measured ScenarioMeasureSource::controlAreaClipped(const Date& date, bool inside, const std::string& layerId,
                                                   const std::string& featureId) {
    const ControlState& state = stateAt(date);
    const Layer& layer = m_scenario.layer(layerId);
    const Geometry& zone = polygons(layer, featureId);
    if (zone.polygons.empty()) {
        throw DataError("layer:" + layerId + (featureId.empty() ? "" : "#" + featureId) +
                        " has no polygons to clip with");
    }
    const StateEvidence& held = m_evidence.state(state);
    const Geometry piece = held.held.polygons.empty() ? Geometry{}
                           : inside                   ? geo::intersect(m_measurer.geos, held.held, zone)
                                                      : geo::subtract(m_measurer.geos, held.held, zone);
    const double value = m_measurer.areaKm2(piece);
    OutlineProvenance edges;
    if (!piece.polygons.empty()) {
        const Geometry nearPieceXy = geo::buffer(m_measurer.geos, m_measurer.frame.project(piece), 1.0);
        edges = held.provenance.within(m_measurer, nearPieceXy) +
                layerOutline(m_measurer, layer, zone).within(m_measurer, nearPieceXy);
    }
    const Interval area = boundedInterval(m_measurer, piece, value, edges, m_scenario.uncertainty);
    return {area, describe(state) + (inside ? " inside " : " outside ") + describe(layer, featureId)};
}

Measured ScenarioMeasureSource::layerArea(const std::string& layerId, const std::string& featureId) {
    const Layer& layer = m_scenario.layer(layerId);
    const Geometry& geometry = polygons(layer, featureId);
    if (geometry.polygons.empty()) {
        throw DataError("layer:" + layerId + (featureId.empty() ? "" : "#" + featureId) +
                        " has no polygons to measure");
    }
    return {m_measurer.areaInterval(geometry, layer.uncertaintyM), describe(layer, featureId)};
}

// Lengths get no interval: moving vertices by the positional uncertainty can lengthen a line without
// bound (wiggles), so no honest worst case exists; the value is reported as exact and said so.
Measured ScenarioMeasureSource::controlLength(const Date& date) {
    const ControlState& state = stateAt(date);
    const double km = m_evidence.state(state).provenance.lengthKm();
    return {Interval::exact(km), describe(state) + ", whole outline, no interval"};
}

Measured ScenarioMeasureSource::frontLength(const Date& date) {
    const ControlState& state = stateAt(date);
    const double km = m_evidence.state(state).provenance.frontKm();
    return {Interval::exact(km),
            describe(state) + ", line of contact (outline minus non-front reference lines), no interval"};
}

Measured ScenarioMeasureSource::layerLength(const std::string& layerId, const std::string& featureId) {
    const Layer& layer = m_scenario.layer(layerId);
    double km = 0;
    if (!featureId.empty()) {
        const Feature* feature = layer.findFeature(featureId);
        if (!feature)
            throw DataError("layer '" + layer.id + "' (" + layer.path + ") has no feature '" + featureId +
                            "'");
        km = geo::geodesicLengthKm(feature->geometry);
    } else {
        for (const auto& feature : layer.features) km += geo::geodesicLengthKm(feature.geometry);
    }
    if (layer.lengthResolution) {
        // A resolution range, not a statistical one: the likely range is the value itself.
        const auto [low, high] = *layer.lengthResolution;
        return {{km, km * low, km * high, km, km},
                describe(layer, featureId) + ", length; interval from the layer's length resolution ×" +
                    plainNumber(low) + " … ×" + plainNumber(high)};
    }
    return {Interval::exact(km), describe(layer, featureId) + ", length, no interval"};
}

namespace {

Measured changePart(const Interval& part, const std::string& from, const std::string& to) {
    return {part, from + " → " + to + "; overlay, band on the outline of the pieces only"};
}

}  // namespace

Measured ScenarioMeasureSource::gained(const Date& from, const Date& to) {
    const ControlState& a = stateAt(from);
    const ControlState& b = stateAt(to);
    return changePart(m_evidence.change(a, b).gained, describe(a), describe(b));
}

Measured ScenarioMeasureSource::lost(const Date& from, const Date& to) {
    const ControlState& a = stateAt(from);
    const ControlState& b = stateAt(to);
    return changePart(m_evidence.change(a, b).lost, describe(a), describe(b));
}

std::optional<Instant> ScenarioMeasureSource::event(const std::string& eventId) {
    const Event* found = m_scenario.findEvent(eventId);
    if (!found) return std::nullopt;
    return Instant{found->date, found->minutesOfDay, found->utcOffsetMinutes};
}

}  // namespace frontline::analysis
