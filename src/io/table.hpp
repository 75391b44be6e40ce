#pragma once
// A report as a table of typed cells, written as an aligned text table, CSV (RFC 4180), JSON (an
// array of objects with numbers as numbers) or Markdown. Every command's output goes through it, so
// the four formats always carry the same numbers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::io {

enum class OutputFormat { Table, Csv, Json, Markdown };

std::optional<OutputFormat> parseOutputFormat(std::string_view text);

class Cell {
public:
    Cell() : m_isNull(true) {}                            // empty (null in JSON)
    Cell(std::string text) : m_text(std::move(text)) {}   // NOLINT: implicit on purpose, rows read as lists
    Cell(const char* text) : m_text(text) {}              // NOLINT
    static Cell number(double value, int decimals);
    static Cell integer(long value);

    const std::string& text() const { return m_text; }
    bool isNumber() const { return m_isNumber; }
    bool isNull() const { return m_isNull; }

private:
    std::string m_text;
    bool m_isNumber = false;
    bool m_isNull = false;
};

struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;
};

std::string render(const Table& table, OutputFormat format);

}  // namespace frontline::io
