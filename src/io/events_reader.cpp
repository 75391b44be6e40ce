#include "io/events_reader.hpp"

#include <algorithm>
#include <set>

namespace frontline::io {

namespace {

// "HH:MM" → minutes of the day; -1 when malformed.
int parseClock(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return -1;
    for (std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') return -1;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) return -1;
    return hours * 60 + minutes;
}

Event parseEvent(const ManifestTable& entry) {
    entry.rejectUnknownKeys({"id", "date", "time", "utc_offset", "title", "place", "description", "source"});
    Event event{entry.requireString("id"),
                entry.requireDate("date"),
                std::nullopt,
                0,
                entry.requireString("title"),
                entry.string("place"),
                entry.string("description"),
                entry.string("source")};
    if (entry.has("time")) {
        const int minutes = parseClock(entry.string("time"));
        if (minutes < 0) entry.fail("time", "must be HH:MM (24-hour)");
        event.minutesOfDay = minutes;
    }
    if (entry.has("utc_offset")) {
        if (!event.minutesOfDay) entry.fail("utc_offset", "only makes sense with 'time'");
        std::string offset = entry.string("utc_offset");
        const int sign = offset.empty() ? 0 : (offset[0] == '+' ? 1 : (offset[0] == '-' ? -1 : 0));
        const int minutes = sign == 0 ? -1 : parseClock(offset.substr(1));
        if (minutes < 0 || minutes > 14 * 60) entry.fail("utc_offset", "must be +HH:MM or -HH:MM");
        event.utcOffsetMinutes = sign * minutes;
    }
    return event;
}

}  // namespace

std::vector<Event> parseEvents(const ManifestTable& manifest) {
    std::vector<Event> events;
    std::set<std::string> ids;
    for (const auto& entry : manifest.arrayOfTables("event")) {
        Event event = parseEvent(entry);
        if (!ids.insert(event.id).second) entry.fail("id", "duplicate event id '" + event.id + "'");
        events.push_back(std::move(event));
    }
    sortEvents(events);
    return events;
}

void sortEvents(std::vector<Event>& events) {
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        if (a.date != b.date) return a.date < b.date;
        return a.minutesOfDay.value_or(0) - a.utcOffsetMinutes <
               b.minutesOfDay.value_or(0) - b.utcOffsetMinutes;
    });
}

std::vector<Event> readEvents(const std::filesystem::path& path) {
    const toml::table table = parseTomlFile(path);
    ManifestTable manifest(table, path.string(), "events");
    manifest.rejectUnknownKeys({"event"});
    return parseEvents(manifest);
}

}  // namespace frontline::io
