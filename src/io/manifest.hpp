#pragma once
// Strict reading of TOML manifests (toml++): every error names file:line:column, the entry and the key;
// unknown keys are errors so that a typo never silently drops a layer or a claim.

#include <toml++/toml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace frontline::io {

// Parses a TOML file; throws DataError "file:line:col: <what toml++ says>".
toml::table parseTomlFile(const std::filesystem::path& path);

// A view of one TOML table (the whole file, or one [[layer]] entry) that knows where it came from.
class ManifestTable {
public:
    ManifestTable(const toml::table& table, std::string file, std::string entry);

    const std::string& entry() const { return m_entry; }
    bool has(std::string_view key) const { return m_table.contains(key); }

    std::string requireString(std::string_view key) const;
    std::string string(std::string_view key, std::string fallback = {}) const;
    double number(std::string_view key, double fallback) const;
    std::optional<double> optionalNumber(std::string_view key) const;  // finite numbers only
    std::vector<std::string> stringArray(std::string_view key) const;  // absent: empty
    std::vector<double> numberArray(std::string_view key) const;       // absent: empty; finite only
    int integer(std::string_view key, int fallback, int min, int max) const;
    bool boolean(std::string_view key, bool fallback) const;
    // Dates may be TOML dates (1994-05-12) or strings ("1994-05-12").
    Date requireDate(std::string_view key) const;
    std::optional<Date> optionalDate(std::string_view key) const;

    std::optional<ManifestTable> subtable(std::string_view key) const;
    // [[key]] entries, each named "<key> #n" (or "<key> 'id'" when it has an id).
    std::vector<ManifestTable> arrayOfTables(std::string_view key) const;

    void rejectUnknownKeys(std::initializer_list<std::string_view> allowed) const;
    [[noreturn]] void fail(std::string_view key, const std::string& message) const;
    // "file:line:column" of `key` (of the table when it is absent).
    std::string location(std::string_view key) const;

private:
    const toml::table& m_table;
    std::string m_file;
    std::string m_entry;
};

}  // namespace frontline::io
