#include "io/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/utf8.hpp"

namespace frontline::io {

std::optional<OutputFormat> parseOutputFormat(std::string_view text) {
    if (text == "table") return OutputFormat::Table;
    if (text == "csv") return OutputFormat::Csv;
    if (text == "json") return OutputFormat::Json;
    if (text == "md" || text == "markdown") return OutputFormat::Markdown;
    return std::nullopt;
}

Cell Cell::number(double value, int decimals) {
    Cell cell;
    if (!std::isfinite(value)) {
        cell.m_isNull = true;
        return cell;
    }
    // Avoid printing "-0.000".
    if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0;
    cell.m_text = fmt::format("{:.{}f}", value, decimals);
    cell.m_isNumber = true;
    cell.m_isNull = false;
    return cell;
}

Cell Cell::integer(long value) {
    Cell cell;
    cell.m_text = std::to_string(value);
    cell.m_isNumber = true;
    cell.m_isNull = false;
    return cell;
}

namespace {

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

// Display width of UTF-8 text: count code points, not bytes.
std::size_t displayWidth(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Text cells come from input (layer and feature names, labels): shown escaped, so that a name holding
// a newline or an escape code cannot break a row or repaint the terminal. JSON escapes on its own.
Table escaped(const Table& table) {
    Table out{{}, {}};
    for (const auto& column : table.columns) out.columns.push_back(escapedControls(column));
    for (const auto& row : table.rows) {
        std::vector<Cell> cells;
        for (const auto& cell : row)
            cells.push_back(cell.isNull() || cell.isNumber() ? cell : Cell(escapedControls(cell.text())));
        out.rows.push_back(std::move(cells));
    }
    return out;
}

std::string renderAligned(const Table& table, bool markdown) {
    std::vector<std::size_t> widths(table.columns.size());
    std::vector<bool> numeric(table.columns.size(), true);
    for (std::size_t c = 0; c < table.columns.size(); ++c) widths[c] = displayWidth(table.columns[c]);
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
            widths[c] = std::max(widths[c], displayWidth(row[c].text()));
            if (!row[c].isNumber() && !row[c].isNull()) numeric[c] = false;
        }
    }
    auto pad = [](const std::string& text, std::size_t width, bool right) {
        const std::string fill(width - std::min(width, displayWidth(text)), ' ');
        return right ? fill + text : text + fill;
    };
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text = markdown ? "| " : "";
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c > 0) text += markdown ? " | " : "  ";
            text += pad(cells[c], widths[c], numeric[c]);
        }
        if (markdown) text += " |";
        while (!markdown && !text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
    };
    line(table.columns);
    std::vector<std::string> rule;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        std::string dashes(std::max<std::size_t>(widths[c], 3), '-');
        if (markdown && numeric[c]) dashes.back() = ':';
        rule.push_back(dashes);
    }
    line(rule);
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(cell.text());
        cells.resize(table.columns.size());
        line(cells);
    }
    return out;
}

std::string renderCsv(const Table& table) {
    std::string out;
    for (std::size_t c = 0; c < table.columns.size(); ++c) out += (c ? "," : "") + csvField(table.columns[c]);
    out += "\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csvField(row[c].text());
        out += "\n";
    }
    return out;
}

nlohmann::ordered_json jsonRows(const Table& table) {
    auto rows = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
        nlohmann::ordered_json object;
        for (std::size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
            const Cell& cell = row[c];
            if (cell.isNull()) {
                object[table.columns[c]] = nullptr;
            } else if (cell.isNumber()) {
                // The number as printed, so JSON and CSV agree to the last digit.
                object[table.columns[c]] = nlohmann::ordered_json::parse(cell.text());
            } else {
                object[table.columns[c]] = cell.text();
            }
        }
        rows.push_back(std::move(object));
    }
    return rows;
}

std::string dumpJson(const nlohmann::ordered_json& json) {
    // Input text is UTF-8 once read (io/layer_reader); anything else is shown as U+FFFD, not an exception.
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string renderJson(const Table& table) { return dumpJson(jsonRows(table)); }

}  // namespace

std::string render(const Table& table, OutputFormat format) {
    switch (format) {
        case OutputFormat::Csv:
            return renderCsv(escaped(table));
        case OutputFormat::Json:
            return renderJson(table);
        case OutputFormat::Markdown:
            return renderAligned(escaped(table), true);
        case OutputFormat::Table:
            break;
    }
    return renderAligned(escaped(table), false);
}

std::string render(const std::vector<Section>& sections, OutputFormat format) {
    if (sections.size() == 1) return render(sections.front().table, format);
    if (format == OutputFormat::Json) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (const auto& section : sections) object[section.key] = jsonRows(section.table);
        return dumpJson(object);
    }
    std::string out;
    for (const auto& section : sections) {
        if (!out.empty()) {
            out += "\n";
            if (format != OutputFormat::Csv && !section.title.empty()) out += section.title + "\n\n";
        }
        out += render(section.table, format);
    }
    return out;
}

}  // namespace frontline::io
