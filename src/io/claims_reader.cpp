#include "io/claims_reader.hpp"

#include <set>

#include "io/manifest.hpp"

namespace frontline::io {

std::vector<Claim> readClaims(const std::filesystem::path& path) {
    const toml::table table = parseTomlFile(path);
    ManifestTable manifest(table, path.string(), "claims");
    manifest.rejectUnknownKeys({"claim"});
    std::vector<Claim> claims;
    std::set<std::string> ids;
    for (const auto& entry : manifest.arrayOfTables("claim")) {
        entry.rejectUnknownKeys({"id", "statement", "value", "unit", "qualifier", "tolerance", "measure",
                                 "baseline", "publication", "author", "published", "file", "group",
                                 "checkable"});
        Claim claim;
        claim.id = entry.requireString("id");
        if (!ids.insert(claim.id).second) entry.fail("id", "duplicate claim id '" + claim.id + "'");
        claim.statement = entry.requireString("statement");
        if (!entry.has("value")) entry.fail("", "missing key 'value'");
        claim.value = entry.number("value", 0);
        claim.unit = entry.requireString("unit");
        if (!isKnownUnit(claim.unit)) {
            entry.fail("unit", "unknown unit '" + claim.unit + "' (" + std::string(knownUnitsText()) + ")");
        }
        const std::string qualifier = entry.string("qualifier", "about");
        if (auto parsed = parseQualifier(qualifier)) {
            claim.qualifier = *parsed;
        } else {
            entry.fail("qualifier", "unknown qualifier '" + qualifier +
                                        "' (about, nearly, over, under, at_least, at_most, exactly)");
        }
        claim.tolerance = entry.number("tolerance", 0.05);
        if (claim.tolerance < 0 || claim.tolerance >= 1) entry.fail("tolerance", "must be in [0, 1)");
        claim.checkable = entry.boolean("checkable", true);
        claim.measure = entry.string("measure");
        claim.measureOrigin = entry.location("measure");
        if (claim.checkable && claim.measure.empty()) {
            entry.fail("", "a checkable claim needs a 'measure' (or set checkable = false)");
        }
        claim.baseline = entry.string("baseline");
        claim.publication = entry.requireString("publication");
        // Where the claim was found, for whoever reads the manifest; no output shows them, but a
        // `published` that is no date is still an error, as a mistyped key is.
        entry.string("author");
        entry.optionalDate("published");
        entry.string("file");
        claim.group = entry.string("group");
        claims.push_back(std::move(claim));
    }
    return claims;
}

}  // namespace frontline::io
