#pragma once
// Measure expressions of claims and calibration entries (docs/formats.md, "Measure expressions"):
// parsed into a small tree, then evaluated with interval arithmetic against a MeasureSource, so that
// the evaluation can be tested without files or geometry.
//
// Every value carries the interval its inputs allow (positional uncertainty of layers); arithmetic
// takes the worst case over the operands' intervals, so the result interval always contains every
// value the inputs could produce. Units follow the functions: km² (area, gained, lost), km (length),
// days, hours, months (days / 30.436875), calendar year and month.

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/interval.hpp"
#include "core/date.hpp"

namespace frontline::analysis {

// `DATE` or `event:ID`. `column` is 1-based, for messages.
struct When {
    std::optional<Date> date;
    std::string eventId;
    std::size_t column = 0;

    std::string text() const;
};

// `control@WHEN` (the held area), `front@WHEN` (its line of contact) or `layer:ID[#FEATURE]`; a
// control ref may be clipped to a layer's polygons: `control@WHEN in layer:ID[#F]` (the part inside)
// or `control@WHEN outside layer:ID[#F]` (the rest).
struct Ref {
    enum class Kind { Control, Front, Layer };
    enum class Clip { None, Inside, Outside };
    Kind kind = Kind::Control;
    When when;
    std::string layerId;
    std::string featureId;
    Clip clip = Clip::None;
    std::string clipLayerId;
    std::string clipFeatureId;
    std::size_t column = 0;

    std::string text() const;
};

enum class NodeKind {
    Number,
    Negate,
    Add,
    Subtract,
    Multiply,
    Divide,
    Area,
    Length,
    Gained,
    Lost,
    Days,
    Hours,
    Months,
    Year,
    Month
};

// One node of a parsed expression: a number, an operator over `operands`, or a call over `ref` (area,
// length) or `whens` (the others).
struct Node {
    NodeKind kind = NodeKind::Number;
    std::size_t column = 0;
    double number = 0;
    std::vector<Node> operands;
    std::optional<Ref> ref;
    std::vector<When> whens;
};

struct Expression {
    std::string text;
    Node root;
};

// Parses `text`. Throws DataError "<where> column N: <what was expected>", e.g.
// "measure column 17: expected ')'" (columns are 1-based).
Expression parseExpression(std::string_view text, const std::string& where = "measure");

// The expression fully parenthesised, e.g. "(1 + (2 * area(layer:nkao)))"; for tests and messages.
std::string describe(const Node& node);

// A dated moment: the local calendar date, and when known the local time of day and its UTC offset.
struct Instant {
    Date localDate;
    std::optional<int> minutesOfDay;
    int utcOffsetMinutes = 0;
};

// A measured quantity and how it was obtained ("control_1994 (1994 ceasefire line, ±2000 m)").
struct Measured {
    Interval value;
    std::string used;
};

// What the evaluator asks of the world. Dates are already resolved (events → their local date).
// Implementations throw DataError (no such layer, feature or state) with a message that names it;
// the evaluator adds the column.
class MeasureSource {
public:
    virtual ~MeasureSource() = default;

    virtual Measured controlArea(const Date& date) = 0;  // km²
    virtual Measured layerArea(const std::string& layerId, const std::string& featureId) = 0;
    // km², the part of the held area inside (or outside) a layer's polygons.
    virtual Measured controlAreaClipped(const Date& date, bool inside, const std::string& layerId,
                                        const std::string& featureId) = 0;
    virtual Measured controlLength(const Date& date) = 0;  // km, the whole outline
    virtual Measured frontLength(const Date& date) = 0;    // km, the line of contact
    virtual Measured layerLength(const std::string& layerId, const std::string& featureId) = 0;
    virtual Measured gained(const Date& from, const Date& to) = 0;  // km²
    virtual Measured lost(const Date& from, const Date& to) = 0;    // km²
    // The event's moment, or nullopt when there is no such event.
    virtual std::optional<Instant> event(const std::string& eventId) = 0;
};

struct Evaluation {
    Interval result;
    std::vector<std::string> used;  // each input, as "<ref> → <what it resolved to>", in order, once
};

// Evaluates against `source`. days() and months() count calendar days between local dates; hours()
// needs both ends to have a time of day and uses the UTC offsets. Throws DataError
// "<where> column N: <why>" (no such event, hours() without a time, division by zero, …).
Evaluation evaluate(const Expression& expression, MeasureSource& source,
                    const std::string& where = "measure");

// Days in a mean Gregorian month: months(a, b) = days(a, b) / kDaysPerMonth.
inline constexpr double kDaysPerMonth = 30.436875;

}  // namespace frontline::analysis
