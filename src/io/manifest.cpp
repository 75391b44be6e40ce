#include "io/manifest.hpp"

#include <cmath>
#include <cstdint>
#include <sstream>

#include "core/error.hpp"
#include "io/gdal.hpp"

namespace frontline::io {

namespace {

std::string position(const std::string& file, const toml::source_region& region) {
    std::ostringstream out;
    out << file;
    if (region.begin.line > 0) out << ":" << region.begin.line << ":" << region.begin.column;
    return out.str();
}

}  // namespace

toml::table parseTomlFile(const std::filesystem::path& path) {
    // A folder, a FIFO or /dev/zero named as a manifest would fail obscurely or never end.
    if (const std::string problem = localFileProblem(path.string()); !problem.empty()) {
        throw DataError("'" + path.string() + "': " + problem);
    }
    try {
        return toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        throw DataError(position(path.string(), e.source()) +
                        ": malformed TOML: " + std::string(e.description()));
    }
}

ManifestTable::ManifestTable(const toml::table& table, std::string file, std::string entry)
    : m_table(table), m_file(std::move(file)), m_entry(std::move(entry)) {}

std::string ManifestTable::location(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    return position(m_file, node ? node->source() : m_table.source());
}

void ManifestTable::fail(std::string_view key, const std::string& message) const {
    std::string where = location(key) + ": " + m_entry;
    if (!key.empty()) where += ": '" + std::string(key) + "'";
    throw DataError(where + ": " + message);
}

std::string ManifestTable::requireString(std::string_view key) const {
    if (!has(key)) fail("", "missing key '" + std::string(key) + "'");
    return string(key);
}

std::string ManifestTable::string(std::string_view key, std::string fallback) const {
    const toml::node* node = m_table.get(key);
    if (!node) return fallback;
    if (auto value = node->value<std::string>(); value && node->is_string()) return *value;
    fail(key, "must be a string");
}

std::vector<std::string> ManifestTable::stringArray(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (!node) return {};
    const toml::array* array = node->as_array();
    if (!array) fail(key, "must be an array of strings");
    std::vector<std::string> values;
    for (const auto& element : *array) {
        if (!element.is_string()) fail(key, "must be an array of strings");
        values.push_back(*element.value<std::string>());
    }
    return values;
}

std::vector<double> ManifestTable::numberArray(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (!node) return {};
    const toml::array* array = node->as_array();
    if (!array) fail(key, "must be an array of numbers");
    std::vector<double> values;
    for (const auto& element : *array) {
        if (!element.is_number()) fail(key, "must be an array of numbers");
        const double value = *element.value<double>();
        if (!std::isfinite(value)) fail(key, "must hold finite numbers");
        values.push_back(value);
    }
    return values;
}

std::optional<double> ManifestTable::optionalNumber(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_number()) fail(key, "must be a number");
    // TOML allows nan and inf; no quantity in a manifest means either.
    const double value = *node->value<double>();
    if (!std::isfinite(value)) fail(key, "must be a finite number");
    return value;
}

int ManifestTable::integer(std::string_view key, int fallback, int min, int max) const {
    const toml::node* node = m_table.get(key);
    if (!node) return fallback;
    if (!node->is_integer()) fail(key, "must be a whole number");
    const std::int64_t value = *node->value<std::int64_t>();
    if (value < min || value > max)
        fail(key, "must be in " + std::to_string(min) + ".." + std::to_string(max));
    return static_cast<int>(value);
}

double ManifestTable::number(std::string_view key, double fallback) const {
    return optionalNumber(key).value_or(fallback);
}

bool ManifestTable::boolean(std::string_view key, bool fallback) const {
    const toml::node* node = m_table.get(key);
    if (!node) return fallback;
    if (!node->is_boolean()) fail(key, "must be true or false");
    return *node->value<bool>();
}

std::optional<Date> ManifestTable::optionalDate(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (!node) return std::nullopt;
    try {
        if (node->is_date()) {
            const toml::date d = *node->value<toml::date>();
            return Date(d.year, d.month, d.day);
        }
        if (node->is_string()) return Date::parse(*node->value<std::string>());
    } catch (const std::invalid_argument& e) {
        fail(key, e.what());
    }
    fail(key, "must be a date, YYYY-MM-DD");
}

Date ManifestTable::requireDate(std::string_view key) const {
    if (auto date = optionalDate(key)) return *date;
    fail("", "missing key '" + std::string(key) + "'");
}

std::optional<ManifestTable> ManifestTable::subtable(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_table()) fail(key, "must be a table");
    // "[scenario]" in a file's root, "[[layer]] 'x'.style" in an entry.
    const bool root = m_entry.empty() || m_entry.front() != '[';
    // Appended, not "[" + std::string(key): GCC 12 warns falsely (-Wrestrict) on literal + std::string&&.
    std::string name = root ? "[" : m_entry + ".";
    name.append(key);
    if (root) name.append("]");
    return ManifestTable(*node->as_table(), m_file, std::move(name));
}

std::vector<ManifestTable> ManifestTable::arrayOfTables(std::string_view key) const {
    std::vector<ManifestTable> entries;
    const toml::node* node = m_table.get(key);
    if (!node) return entries;
    const toml::array* array = node->as_array();
    if (!array) fail(key, "must be an array of tables ([[" + std::string(key) + "]])");
    std::size_t index = 0;
    for (const toml::node& element : *array) {
        ++index;
        const toml::table* table = element.as_table();
        if (!table) fail(key, "entry " + std::to_string(index) + " is not a table");
        std::string name = "[[" + std::string(key) + "]] #" + std::to_string(index);
        if (auto id = (*table)["id"].value<std::string>())
            name = "[[" + std::string(key) + "]] '" + *id + "'";
        entries.emplace_back(*table, m_file, name);
    }
    return entries;
}

void ManifestTable::rejectUnknownKeys(std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, node] : m_table) {
        bool known = false;
        for (std::string_view name : allowed) known = known || key.str() == name;
        if (known) continue;
        std::string list;
        for (std::string_view name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
        fail(key.str(), "unknown key (known: " + list + ")");
    }
}

}  // namespace frontline::io
