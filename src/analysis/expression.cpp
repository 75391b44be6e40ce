#include "analysis/expression.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/error.hpp"

namespace frontline::analysis {

std::string When::text() const { return date ? date->iso() : "event:" + eventId; }

std::string Ref::text() const {
    if (kind == Kind::Control && clip != Clip::None) {
        return "control@" + when.text() + (clip == Clip::Inside ? " in " : " outside ") +
               "layer:" + clipLayerId + (clipFeatureId.empty() ? "" : "#" + clipFeatureId);
    }
    if (kind == Kind::Control) return "control@" + when.text();
    if (kind == Kind::Front) return "front@" + when.text();
    return "layer:" + layerId + (featureId.empty() ? "" : "#" + featureId);
}
namespace {

std::string formatInstant(const Instant& instant) {
    std::string text = instant.localDate.iso();
    if (instant.minutesOfDay) {
        char buffer[32];
        const int offset = instant.utcOffsetMinutes;
        const int absOffset = offset < 0 ? -offset : offset;
        std::snprintf(buffer, sizeof buffer, " %02d:%02d %c%02d:%02d", *instant.minutesOfDay / 60,
                      *instant.minutesOfDay % 60, offset < 0 ? '-' : '+', absOffset / 60, absOffset % 60);
        text += buffer;
    }
    return text;
}

class Evaluator {
public:
    Evaluator(MeasureSource& source, const std::string& where) : m_source(source), m_where(where) {}

    Interval eval(const Node& node) {
        switch (node.kind) {
            case NodeKind::Number:
                return Interval::exact(node.number);
            case NodeKind::Negate:
                return -eval(node.operands[0]);
            case NodeKind::Add:
            case NodeKind::Subtract:
            case NodeKind::Multiply:
            case NodeKind::Divide: {
                // Left before right, so that `used` lists the inputs in reading order.
                const Interval a = eval(node.operands[0]);
                const Interval b = eval(node.operands[1]);
                if (node.kind == NodeKind::Add) return a + b;
                if (node.kind == NodeKind::Subtract) return a - b;
                if (node.kind == NodeKind::Multiply) return a * b;
                return guarded(node.column, [&] { return a / b; });
            }
            case NodeKind::Area:
            case NodeKind::Length:
                return reference(node);
            case NodeKind::Gained:
            case NodeKind::Lost: {
                const Date from = resolve(node.whens[0]).localDate;
                const Date to = resolve(node.whens[1]).localDate;
                const std::string call = describe(node);
                return record(call, guarded(node.column, [&] {
                                  return node.kind == NodeKind::Gained ? m_source.gained(from, to)
                                                                       : m_source.lost(from, to);
                              }));
            }
            case NodeKind::Days:
                return Interval::exact(static_cast<double>(days(node)));
            case NodeKind::Months:
                return Interval::exact(static_cast<double>(days(node)) / kDaysPerMonth);
            case NodeKind::Hours:
                return Interval::exact(hours(node));
            case NodeKind::Year:
                return Interval::exact(resolve(node.whens[0]).localDate.year());
            case NodeKind::Month:
                return Interval::exact(resolve(node.whens[0]).localDate.month());
        }
        fail(node.column, "unsupported expression node");
    }

    std::vector<std::string> takeUsed() { return std::move(m_used); }

private:
    [[noreturn]] void fail(std::size_t column, const std::string& what) const {
        throw DataError(m_where + " column " + std::to_string(column) + ": " + what);
    }

    // Source errors get the column of the call that caused them.
    template <typename F>
    auto guarded(std::size_t column, F&& f) -> decltype(f()) {
        try {
            return f();
        } catch (const DataError& e) {
            fail(column, e.what());
        }
    }

    void note(const std::string& text) {
        if (std::find(m_used.begin(), m_used.end(), text) == m_used.end()) m_used.push_back(text);
    }

    Interval record(const std::string& what, const Measured& measured) {
        note(what + " → " + measured.used);
        return measured.value;
    }

    Instant resolve(const When& when) {
        if (when.date) return Instant{*when.date, std::nullopt, 0};
        const std::optional<Instant> instant = m_source.event(when.eventId);
        if (!instant) fail(when.column, "no event '" + when.eventId + "' in the scenario");
        note("event:" + when.eventId + " → " + formatInstant(*instant));
        return *instant;
    }

    Interval reference(const Node& node) {
        const Ref& ref = *node.ref;
        const bool area = node.kind == NodeKind::Area;
        if (ref.kind == Ref::Kind::Front) {
            if (area) fail(ref.column, "a front is a line: measure it with length(), not area()");
            const Date date = resolve(ref.when).localDate;
            return record(ref.text(), guarded(ref.column, [&] { return m_source.frontLength(date); }));
        }
        if (ref.kind == Ref::Kind::Control && ref.clip != Ref::Clip::None) {
            if (!area) fail(ref.column, "length() of a clipped area is not supported; use area()");
            const Date date = resolve(ref.when).localDate;
            return record(ref.text(), guarded(ref.column, [&] {
                              return m_source.controlAreaClipped(date, ref.clip == Ref::Clip::Inside,
                                                                 ref.clipLayerId, ref.clipFeatureId);
                          }));
        }
        if (ref.kind == Ref::Kind::Control) {
            const Date date = resolve(ref.when).localDate;
            return record(ref.text(), guarded(ref.column, [&] {
                              return area ? m_source.controlArea(date) : m_source.controlLength(date);
                          }));
        }
        return record(ref.text(), guarded(ref.column, [&] {
                          return area ? m_source.layerArea(ref.layerId, ref.featureId)
                                      : m_source.layerLength(ref.layerId, ref.featureId);
                      }));
    }

    // Calendar days between the local dates: an event at 00:00 Moscow time on 10 Nov counts as 10 Nov
    // even though it is 9 Nov in UTC (docs/formats.md).
    long days(const Node& node) {
        const Instant from = resolve(node.whens[0]);
        const Instant to = resolve(node.whens[1]);
        return daysBetween(from.localDate, to.localDate);
    }

    double hours(const Node& node) {
        const Instant from = resolve(node.whens[0]);
        const Instant to = resolve(node.whens[1]);
        for (const auto* end : {&node.whens[0], &node.whens[1]}) {
            const Instant& instant = end == &node.whens[0] ? from : to;
            if (!instant.minutesOfDay) {
                fail(end->column, "hours() needs a time of day, and " + end->text() + " has none");
            }
        }
        auto utcMinutes = [](const Instant& instant) {
            return static_cast<double>(instant.localDate.daysSinceEpoch()) * 1440.0 + *instant.minutesOfDay -
                   instant.utcOffsetMinutes;
        };
        return (utcMinutes(to) - utcMinutes(from)) / 60.0;
    }

    MeasureSource& m_source;
    const std::string& m_where;
    std::vector<std::string> m_used;
};

}  // namespace

Evaluation evaluate(const Expression& expression, MeasureSource& source, const std::string& where) {
    Evaluator evaluator(source, where);
    Evaluation evaluation;
    evaluation.result = evaluator.eval(expression.root);
    if (!std::isfinite(evaluation.result.value)) {
        throw DataError(where + ": evaluates to " + std::to_string(evaluation.result.value) +
                        ", not a finite number");
    }
    evaluation.used = evaluator.takeUsed();
    return evaluation;
}

}  // namespace frontline::analysis
