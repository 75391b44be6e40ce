#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/where.hpp"

namespace frontline {

// Recoverable data issues (a ring repaired, an empty feature skipped) collected while working, so the
// app can print them once. Passed down explicitly; not a global. Not thread-safe: one per thread, then
// merged.
class Diagnostics {
public:
    struct Entry {
        std::string where;  // file, layer and feature, as far as known, as printed
        std::string message;
        std::optional<Where> source;  // the same in parts, when the warning is about input data
    };

    // `where` in words, for a place that is no file: "--by regions", "layer 'roads'".
    void warn(std::string where, std::string message);
    void warn(const Where& where, std::string message);
    void merge(const Diagnostics& other);

    const std::vector<Entry>& warnings() const { return m_warnings; }
    bool empty() const { return m_warnings.empty(); }

private:
    std::vector<Entry> m_warnings;
};

}  // namespace frontline
