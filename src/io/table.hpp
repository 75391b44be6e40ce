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
    Cell() : m_isNull(true) {}                           // empty (null in JSON)
    Cell(std::string text) : m_text(std::move(text)) {}  // NOLINT: implicit on purpose, rows read as lists
    Cell(const char* text) : m_text(text) {}             // NOLINT
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

// One table of a report made of several.
struct Section {
    std::string key;    // its name in JSON, e.g. "places"
    std::string title;  // its heading in the text and Markdown forms; none for the first
    Table table;
};

// Several tables as one report, each as render() writes it: the text and Markdown forms one after the
// other, each but the first after a blank line and its title; CSV with a blank line between tables;
// JSON one object with each table under its key (one section alone: its array, as render() gives).
std::string render(const std::vector<Section>& sections, OutputFormat format);

}  // namespace frontline::io
