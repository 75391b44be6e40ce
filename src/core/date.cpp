#include "core/date.hpp"

#include <charconv>
#include <optional>
#include <stdexcept>

namespace frontline {

namespace {

std::invalid_argument notADate(std::string_view text) {
    return std::invalid_argument("'" + std::string(text) + "' is not a date (YYYY-MM-DD or YYYYMMDD)");
}

// The number the field's digits spell; nothing when a character is not 0-9.
std::optional<int> digitsOf(std::string_view field) {
    int value = 0;
    for (char c : field) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// The rule a year-month-day breaks, or nothing when it is a date. One check for the constructor, which
// throws the rule alone, and for parse(), which also quotes the text it was given.
std::optional<std::string> brokenRule(int year, unsigned month, unsigned day) {
    if (year < 1 || year > 9999) return "year " + std::to_string(year) + " is not in 1..9999";
    if (month < 1 || month > 12) return "month " + std::to_string(month) + " is not in 1..12";
    const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month),
                                          std::chrono::day(day)};
    if (!ymd.ok()) {
        return "day " + std::to_string(day) + " does not exist in " + std::to_string(year) + "-" +
               (month < 10 ? "0" : "") + std::to_string(month);
    }
    return std::nullopt;
}

}  // namespace

Date::Date(int year, unsigned month, unsigned day)
    : m_ymd(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)) {
    if (auto rule = brokenRule(year, month, day)) throw std::invalid_argument(*rule);
}

Date Date::parse(std::string_view text) {
    std::string_view y, m, d;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    } else if (text.size() == 8) {
        y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
    } else {
        throw notADate(text);
    }
    const auto year = digitsOf(y), month = digitsOf(m), day = digitsOf(d);
    if (!year || !month || !day) throw notADate(text);
    const auto monthNumber = static_cast<unsigned>(*month), dayNumber = static_cast<unsigned>(*day);
    if (auto rule = brokenRule(*year, monthNumber, dayNumber)) {
        throw std::invalid_argument("'" + std::string(text) + "' is not a valid date: " + *rule);
    }
    return Date(*year, monthNumber, dayNumber);
}

std::optional<Date> Date::tryParse(std::string_view text) {
    try {
        return parse(text);
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
    return buffer;
}

long Date::daysSinceEpoch() const { return std::chrono::sys_days(m_ymd).time_since_epoch().count(); }

Date Date::fromDaysSinceEpoch(long days) {
    return Date(std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(days))));
}

}  // namespace frontline
