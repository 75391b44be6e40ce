// The parser of measure expressions: recursive descent over the grammar of docs/formats.md, and
// describe(), its inverse for tests and messages.
#include <array>
#include <charconv>
#include <string>
#include <string_view>

#include "analysis/expression.hpp"
#include "core/error.hpp"

namespace frontline::analysis {

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

}  // namespace frontline::analysis
