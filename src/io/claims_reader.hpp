#pragma once

#include <filesystem>
#include <vector>

#include "core/claim.hpp"

namespace frontline::io {

// Reads claims.toml ([[claim]] entries, docs/formats.md). The measure expressions are checked for
// syntax when evaluated, by analysis/.
std::vector<Claim> readClaims(const std::filesystem::path& path);

}  // namespace frontline::io
