#include "core/date.hpp"

#include <charconv>
#include <stdexcept>

namespace frontline {

namespace {

int parseDigits(std::string_view text, std::string_view whole) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            throw std::invalid_argument("'" + std::string(whole) +
                                        "' is not a date (YYYY-MM-DD or YYYYMMDD)");
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

Date::Date(int year, unsigned month, unsigned day)
    : m_ymd(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)) {
    if (year < 1 || year > 9999)
        throw std::invalid_argument("year " + std::to_string(year) + " is not in 1..9999");
    if (month < 1 || month > 12)
        throw std::invalid_argument("month " + std::to_string(month) + " is not in 1..12");
    if (!m_ymd.ok()) {
        throw std::invalid_argument("day " + std::to_string(day) + " does not exist in " +
                                    std::to_string(year) + "-" + (month < 10 ? "0" : "") +
                                    std::to_string(month));
    }
}

Date Date::parse(std::string_view text) {
    std::string_view y, m, d;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    } else if (text.size() == 8) {
        y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
    } else {
        throw std::invalid_argument("'" + std::string(text) + "' is not a date (YYYY-MM-DD or YYYYMMDD)");
    }
    try {
        return Date(parseDigits(y, text), static_cast<unsigned>(parseDigits(m, text)),
                    static_cast<unsigned>(parseDigits(d, text)));
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        if (what.rfind('\'', 0) == 0) throw;
        throw std::invalid_argument("'" + std::string(text) + "' is not a valid date: " + what);
    }
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
