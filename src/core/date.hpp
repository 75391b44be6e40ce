#pragma once
// A calendar date (proleptic Gregorian), valid by construction. Parsed from ISO "YYYY-MM-DD" or the
// compact "YYYYMMDD" that snapshot file names use.

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace frontline {

class Date {
public:
    // 1970-01-01, so that rows holding a date can be sized before they are filled.
    Date() : Date(1970, 1, 1) {}
    // Throws std::invalid_argument naming the rule broken, e.g. "month 13 is not in 1..12".
    Date(int year, unsigned month, unsigned day);

    // Accepts YYYY-MM-DD and YYYYMMDD; throws std::invalid_argument quoting the text.
    static Date parse(std::string_view text);
    static std::optional<Date> tryParse(std::string_view text);

    int year() const { return static_cast<int>(m_ymd.year()); }
    unsigned month() const { return static_cast<unsigned>(m_ymd.month()); }
    unsigned day() const { return static_cast<unsigned>(m_ymd.day()); }

    std::string iso() const;      // YYYY-MM-DD
    long daysSinceEpoch() const;  // days since 1970-01-01
    static Date fromDaysSinceEpoch(long days);
    Date plusDays(long days) const { return fromDaysSinceEpoch(daysSinceEpoch() + days); }

    friend long daysBetween(const Date& from, const Date& to) {
        return to.daysSinceEpoch() - from.daysSinceEpoch();
    }
    friend bool operator==(const Date&, const Date&) = default;
    friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
        return a.daysSinceEpoch() <=> b.daysSinceEpoch();
    }

private:
    explicit Date(std::chrono::year_month_day ymd) : m_ymd(ymd) {}
    std::chrono::year_month_day m_ymd;
};

}  // namespace frontline
