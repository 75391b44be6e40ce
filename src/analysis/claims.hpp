#pragma once
// Claim evaluation: each claim of a scenario's ledger is measured (analysis/expression.hpp), compared
// with the range its qualifier and tolerance accept, and given a verdict. Pure: takes a Scenario and a
// MeasureSource, returns values; printing is app/'s business.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/change.hpp"
#include "analysis/evidence.hpp"
#include "analysis/expression.hpp"
#include "core/scenario.hpp"

namespace frontline::analysis {

// The values a claim accepts (docs/formats.md, qualifier table). Bounds may be infinite; open bounds
// exclude themselves ("over 0" does not accept 0).
struct AcceptedRange {
    double low = 0;
    double high = 0;
    bool lowOpen = false;
    bool highOpen = false;

    bool contains(double x) const;
    // Whether some value of [min, max] is accepted.
    bool overlaps(double min, double max) const;
    // "[3610, 3990]", "(0, ∞)", "(−∞, 24)", "[6.65, 7.35]" (up to four decimals).
    std::string text() const;
};

AcceptedRange acceptedRange(const Claim& claim);
// Whether two ranges accept a value in common.
bool overlap(const AcceptedRange& a, const AcceptedRange& b);

// Decimals that suit a unit in reports: km2 1, km 2, days 0, hours 2, months 2, year 0, …
int displayDecimals(std::string_view unit);
// The shortest plain decimal text of a value: 3800, 0.5, 40000000000.
std::string plainNumber(double value);
// What the claim says: "about 3800 km2 (±5%)", "over 0.5 count", "exactly 44 days".
std::string claimedText(const Claim& claim);

// Which range decided: the value itself, the likely range, or only the worst case.
enum class Verdict {
    Consistent,
    ConsistentWithinLikelyRange,
    ConsistentOnlyAtWorstCase,
    Inconsistent,
    NotCheckable,
    SourcesDisagree
};

// "consistent", "consistent within the likely range", "consistent only at the worst case",
// "inconsistent", "not checkable", "sources disagree".
std::string_view toString(Verdict verdict);

struct ClaimResult {
    Claim claim;
    Verdict verdict = Verdict::NotCheckable;
    AcceptedRange range;
    std::optional<Interval> computed;  // absent for claims that are not checkable
    std::vector<std::string> used;     // what the measure resolved to, input by input
    std::string note;                  // e.g. which claims of the group disagree

    // The claim's own baseline text, then what the tool measured: "… (used: control@1994-05-12 → …)".
    std::string baseline() const;
};

// Verdict of one computed value against a range: in range → Consistent; outside, but the likely range
// reaches into it → ConsistentWithinLikelyRange; only the worst case reaches it →
// ConsistentOnlyAtWorstCase; otherwise Inconsistent.
Verdict judge(const AcceptedRange& range, const Interval& computed);

// Evaluates every claim in order. A claim that is not checkable is "not checkable", or "sources
// disagree" when another claim of its group (same unit) accepts no value in common with it; its note
// then names those claims and their values. Throws DataError "claim '<id>': measure column N: …" for a
// malformed measure, an unknown event, layer, feature or a date before the first control state.
std::vector<ClaimResult> evaluateClaims(const std::vector<Claim>& claims, MeasureSource& source);

// Measures a Scenario: held areas and changes from the states' evidence (TimelineEvidence: each
// stretch of outline with its own source's uncertainty, worst case and likely range), layer areas by
// the Measurer with the layer's one uncertainty, lengths exact (geodesic, no interval). Holds
// references to its arguments. One per thread.
class ScenarioMeasureSource final : public MeasureSource {
public:
    explicit ScenarioMeasureSource(TimelineEvidence& evidence);
    // With evidence of its own.
    ScenarioMeasureSource(const Measurer& measurer, const Scenario& scenario);

    Measured controlArea(const Date& date) override;
    Measured layerArea(const std::string& layerId, const std::string& featureId) override;
    Measured controlAreaClipped(const Date& date, bool inside, const std::string& layerId,
                                const std::string& featureId) override;
    Measured controlLength(const Date& date) override;
    Measured frontLength(const Date& date) override;
    Measured layerLength(const std::string& layerId, const std::string& featureId) override;
    Measured gained(const Date& from, const Date& to) override;
    Measured lost(const Date& from, const Date& to) override;
    std::optional<Instant> event(const std::string& eventId) override;

private:
    const ControlState& stateAt(const Date& date) const;
    const Geometry& polygons(const Layer& layer, const std::string& featureId);
    std::string describe(const ControlState& state);
    static std::string describe(const Layer& layer, const std::string& featureId);

    std::unique_ptr<TimelineEvidence> m_ownEvidence;
    TimelineEvidence& m_evidence;
    const Measurer& m_measurer;
    const Scenario& m_scenario;
    std::map<std::string, Geometry> m_geometries;
};

}  // namespace frontline::analysis
