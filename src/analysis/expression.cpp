#include "analysis/expression.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "core/error.hpp"

namespace frontline::analysis {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// 0 × ∞ is 0 here: a bound of zero area times an unbounded factor is still zero, not NaN.
double product(double a, double b) {
    if (a == 0 || b == 0) return 0;
    return a * b;
}

}  // namespace

namespace {

// The three-number (value, low, high) arithmetic; applied once to the worst case and once to the
// likely range. For the likely range this is conservative: two 95 % ranges added give more than 95 %.
ValueInterval add(const ValueInterval& a, const ValueInterval& b) {
    return {a.value + b.value, a.min + b.min, a.max + b.max};
}

ValueInterval subtract(const ValueInterval& a, const ValueInterval& b) {
    return {a.value - b.value, a.min - b.max, a.max - b.min};
}

ValueInterval multiply(const ValueInterval& a, const ValueInterval& b) {
    const std::array<double, 4> corners{product(a.min, b.min), product(a.min, b.max), product(a.max, b.min),
                                        product(a.max, b.max)};
    return {a.value * b.value, *std::min_element(corners.begin(), corners.end()),
            *std::max_element(corners.begin(), corners.end())};
}

ValueInterval divide(const ValueInterval& a, const ValueInterval& b) {
    // A divisor that may be zero makes the quotient unbounded in both directions.
    if (b.min <= 0 && b.max >= 0) return {a.value / b.value, -kInfinity, kInfinity};
    const ValueInterval reciprocal{1 / b.value, 1 / b.max, 1 / b.min};
    ValueInterval result = multiply(a, reciprocal);
    result.value = a.value / b.value;
    return result;
}

template <typename Operation>
ValueInterval both(const ValueInterval& a, const ValueInterval& b, Operation operation) {
    ValueInterval result = operation(a.worst(), b.worst());
    const ValueInterval likely = operation(a.likely(), b.likely());
    result.likelyMin = std::clamp(likely.min, result.min, result.value);
    result.likelyMax = std::clamp(likely.max, result.value, result.max);
    return result;
}

}  // namespace

ValueInterval ValueInterval::worst() const { return {value, min, max}; }

ValueInterval ValueInterval::likely() const { return {value, likelyLow(), likelyHigh()}; }

ValueInterval operator+(const ValueInterval& a, const ValueInterval& b) { return both(a, b, add); }

ValueInterval operator-(const ValueInterval& a, const ValueInterval& b) { return both(a, b, subtract); }

ValueInterval operator-(const ValueInterval& a) {
    return {-a.value, -a.max, -a.min, -a.likelyHigh(), -a.likelyLow()};
}

ValueInterval operator*(const ValueInterval& a, const ValueInterval& b) { return both(a, b, multiply); }

ValueInterval operator/(const ValueInterval& a, const ValueInterval& b) {
    if (b.value == 0) throw DataError("division by zero");
    return both(a, b, divide);
}

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

struct Function {
    std::string_view name;
    NodeKind kind;
    int whenArguments;  // 0: one ref argument
};

constexpr std::array<Function, 9> kFunctions{{
    {"area", NodeKind::Area, 0},
    {"length", NodeKind::Length, 0},
    {"gained", NodeKind::Gained, 2},
    {"lost", NodeKind::Lost, 2},
    {"days", NodeKind::Days, 2},
    {"hours", NodeKind::Hours, 2},
    {"months", NodeKind::Months, 2},
    {"year", NodeKind::Year, 1},
    {"month", NodeKind::Month, 1},
}};

std::string_view functionName(NodeKind kind) {
    for (const auto& function : kFunctions) {
        if (function.kind == kind) return function.name;
    }
    return "?";
}

bool isIdentifierChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

// Recursive descent over the grammar of docs/formats.md. Positions are byte offsets; columns in
// messages are offset + 1.
class Parser {
public:
    Parser(std::string_view text, const std::string& where) : m_text(text), m_where(where) {}

    Node parseWhole() {
        skipSpace();
        if (atEnd()) fail(m_pos, "empty expression");
        Node node = expr();
        skipSpace();
        if (!atEnd())
            fail(m_pos, "unexpected '" + std::string(1, m_text[m_pos]) + "' after a complete expression");
        return node;
    }

private:
    [[noreturn]] void fail(std::size_t pos, const std::string& what) const {
        throw DataError(m_where + " column " + std::to_string(pos + 1) + ": " + what);
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipSpace() {
        while (!atEnd() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n')) ++m_pos;
    }

    void expect(char c) {
        skipSpace();
        if (peek() != c) fail(m_pos, std::string("expected '") + c + "'");
        ++m_pos;
    }

    bool startsWith(std::string_view prefix) const {
        return m_text.substr(m_pos).substr(0, prefix.size()) == prefix;
    }

    Node expr() {
        Node left = term();
        for (;;) {
            skipSpace();
            const char c = peek();
            if (c != '+' && c != '-') return left;
            const std::size_t column = m_pos + 1;
            ++m_pos;
            Node right = term();
            left = binary(c == '+' ? NodeKind::Add : NodeKind::Subtract, column, std::move(left),
                          std::move(right));
        }
    }

    Node term() {
        Node left = factor();
        for (;;) {
            skipSpace();
            const char c = peek();
            if (c != '*' && c != '/') return left;
            const std::size_t column = m_pos + 1;
            ++m_pos;
            Node right = factor();
            left = binary(c == '*' ? NodeKind::Multiply : NodeKind::Divide, column, std::move(left),
                          std::move(right));
        }
    }

    static Node binary(NodeKind kind, std::size_t column, Node left, Node right) {
        Node node;
        node.kind = kind;
        node.column = column;
        node.operands.push_back(std::move(left));
        node.operands.push_back(std::move(right));
        return node;
    }

    // Nesting depth is bounded so that "((((…" or "----…1" cannot exhaust the stack (recursive descent).
    static constexpr int kMaxDepth = 100;

    struct DepthGuard {
        int& depth;
        explicit DepthGuard(int& d) : depth(d) { ++depth; }
        ~DepthGuard() { --depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };

    Node factor() {
        skipSpace();
        const std::size_t start = m_pos;
        const DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth)
            fail(start, "nested more than " + std::to_string(kMaxDepth) + " levels deep");
        const char c = peek();
        if (c == '-') {
            ++m_pos;
            Node node;
            node.kind = NodeKind::Negate;
            node.column = start + 1;
            node.operands.push_back(factor());
            return node;
        }
        if (c == '(') {
            ++m_pos;
            Node inner = expr();
            expect(')');
            return inner;
        }
        if ((c >= '0' && c <= '9') || c == '.') return number();
        if (c >= 'a' && c <= 'z') return call();
        if (atEnd()) fail(m_pos, "unexpected end; expected a number, '(', '-' or a function");
        fail(m_pos, "unexpected '" + std::string(1, c) + "'; expected a number, '(', '-' or a function");
    }

    Node number() {
        const std::size_t start = m_pos;
        double value = 0;
        const char* begin = m_text.data() + m_pos;
        const char* end = m_text.data() + m_text.size();
        const auto [next, error] = std::from_chars(begin, end, value);
        if (error != std::errc() || next == begin) fail(start, "malformed number");
        m_pos += static_cast<std::size_t>(next - begin);
        Node node;
        node.kind = NodeKind::Number;
        node.column = start + 1;
        node.number = value;
        return node;
    }

    std::string word() {
        const std::size_t start = m_pos;
        while (!atEnd() && m_text[m_pos] >= 'a' && m_text[m_pos] <= 'z') ++m_pos;
        return std::string(m_text.substr(start, m_pos - start));
    }

    Node call() {
        const std::size_t start = m_pos;
        const std::string name = word();
        const Function* function = nullptr;
        for (const auto& candidate : kFunctions) {
            if (candidate.name == name) function = &candidate;
        }
        if (!function) {
            fail(start, "unknown function '" + name +
                            "' (area, length, gained, lost, days, hours, months, year, month)");
        }
        Node node;
        node.kind = function->kind;
        node.column = start + 1;
        expect('(');
        if (function->whenArguments == 0) {
            node.ref = ref();
        } else {
            for (int i = 0; i < function->whenArguments; ++i) {
                if (i > 0) expect(',');
                node.whens.push_back(when());
            }
        }
        expect(')');
        return node;
    }

    std::string identifier(std::size_t start, const char* what) {
        const std::size_t begin = m_pos;
        while (!atEnd() && isIdentifierChar(m_text[m_pos])) ++m_pos;
        if (m_pos == begin) fail(start, std::string("expected ") + what);
        return std::string(m_text.substr(begin, m_pos - begin));
    }

    Ref ref() {
        skipSpace();
        Ref result;
        result.column = m_pos + 1;
        if (startsWith("control@")) {
            m_pos += 8;
            result.kind = Ref::Kind::Control;
            result.when = when();
            skipSpace();
            for (const auto& [word, clip] : {std::pair{std::string_view("in "), Ref::Clip::Inside},
                                             std::pair{std::string_view("outside "), Ref::Clip::Outside}}) {
                if (!startsWith(word)) continue;
                m_pos += word.size();
                skipSpace();
                const std::size_t start = m_pos;
                if (!startsWith("layer:"))
                    fail(start, "expected 'layer:ID[#FEATURE]' after '" +
                                    std::string(word.substr(0, word.size() - 1)) + "'");
                m_pos += 6;
                result.clip = clip;
                result.clipLayerId = identifier(m_pos, "a layer id after 'layer:'");
                if (peek() == '#') {
                    ++m_pos;
                    result.clipFeatureId = identifier(m_pos, "a feature id after '#'");
                }
                break;
            }
            return result;
        }
        if (startsWith("front@")) {
            m_pos += 6;
            result.kind = Ref::Kind::Front;
            result.when = when();
            return result;
        }
        if (startsWith("layer:")) {
            m_pos += 6;
            result.kind = Ref::Kind::Layer;
            const std::size_t idStart = m_pos;
            result.layerId = identifier(idStart, "a layer id after 'layer:'");
            if (peek() == '#') {
                ++m_pos;
                result.featureId = identifier(m_pos, "a feature id after '#'");
            }
            return result;
        }
        fail(m_pos, "expected 'control@DATE', 'control@event:ID', 'front@DATE' or 'layer:ID[#FEATURE]'");
    }

    When when() {
        skipSpace();
        When result;
        result.column = m_pos + 1;
        if (startsWith("event:")) {
            m_pos += 6;
            result.eventId = identifier(m_pos, "an event id after 'event:'");
            return result;
        }
        const std::size_t start = m_pos;
        while (!atEnd() && ((m_text[m_pos] >= '0' && m_text[m_pos] <= '9') || m_text[m_pos] == '-')) ++m_pos;
        const std::string_view text = m_text.substr(start, m_pos - start);
        if (text.empty()) fail(start, "expected a date (YYYY-MM-DD) or 'event:ID'");
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
            fail(start, "'" + std::string(text) + "' is not a date (YYYY-MM-DD)");
        }
        try {
            result.date = Date::parse(text);
        } catch (const std::invalid_argument& e) {
            fail(start, e.what());
        }
        return result;
    }

    std::string_view m_text;
    const std::string& m_where;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

std::string formatNumber(double value) {
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

}  // namespace

Expression parseExpression(std::string_view text, const std::string& where) {
    Parser parser(text, where);
    return Expression{std::string(text), parser.parseWhole()};
}

std::string describe(const Node& node) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
    std::string text;
    switch (node.kind) {
        case NodeKind::Number:
            return formatNumber(node.number);
        case NodeKind::Negate:
            text.append("(-").append(describe(node.operands[0])).append(")");
            return text;
        case NodeKind::Add:
        case NodeKind::Subtract:
        case NodeKind::Multiply:
        case NodeKind::Divide: {
            const char* op = node.kind == NodeKind::Add        ? " + "
                             : node.kind == NodeKind::Subtract ? " - "
                             : node.kind == NodeKind::Multiply ? " * "
                                                               : " / ";
            text.append("(")
                .append(describe(node.operands[0]))
                .append(op)
                .append(describe(node.operands[1]))
                .append(")");
            return text;
        }
        default:
            break;
    }
    text.append(functionName(node.kind)).append("(");
    if (node.ref) {
        text += node.ref->text();
    } else {
        for (std::size_t i = 0; i < node.whens.size(); ++i)
            text.append(i ? ", " : "").append(node.whens[i].text());
    }
    return text + ")";
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

    ValueInterval eval(const Node& node) {
        switch (node.kind) {
            case NodeKind::Number:
                return ValueInterval::exact(node.number);
            case NodeKind::Negate:
                return -eval(node.operands[0]);
            case NodeKind::Add:
            case NodeKind::Subtract:
            case NodeKind::Multiply:
            case NodeKind::Divide: {
                // Left before right, so that `used` lists the inputs in reading order.
                const ValueInterval a = eval(node.operands[0]);
                const ValueInterval b = eval(node.operands[1]);
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
                return ValueInterval::exact(static_cast<double>(days(node)));
            case NodeKind::Months:
                return ValueInterval::exact(static_cast<double>(days(node)) / kDaysPerMonth);
            case NodeKind::Hours:
                return ValueInterval::exact(hours(node));
            case NodeKind::Year:
                return ValueInterval::exact(resolve(node.whens[0]).localDate.year());
            case NodeKind::Month:
                return ValueInterval::exact(resolve(node.whens[0]).localDate.month());
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

    ValueInterval record(const std::string& what, const Measured& measured) {
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

    ValueInterval reference(const Node& node) {
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
