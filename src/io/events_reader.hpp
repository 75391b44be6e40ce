#pragma once

#include <filesystem>
#include <vector>

#include "core/event.hpp"
#include "io/manifest.hpp"

namespace frontline::io {

// Reads events.toml ([[event]] entries, docs/formats.md), sorted by date and time.
std::vector<Event> readEvents(const std::filesystem::path& path);
// The [[event]] entries of an already parsed manifest.
std::vector<Event> parseEvents(const ManifestTable& manifest);
// Chronological order (UTC when times are given); stable for events of one day without time.
void sortEvents(std::vector<Event>& events);

}  // namespace frontline::io
