#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "app/command.hpp"
#include "core/error.hpp"
#include "io/gdal.hpp"

namespace frontline::app {

namespace {

constexpr std::size_t kWarningsShown = 20;

void printWarnings(const Diagnostics& diagnostics, bool quiet) {
    if (quiet || diagnostics.empty()) return;
    std::size_t shown = 0;
    for (const auto& warning : diagnostics.warnings()) {
        if (shown++ == kWarningsShown) break;
        fmt::print(stderr, "frontline: warning: {}: {}\n", warning.where, warning.message);
    }
    if (diagnostics.warnings().size() > kWarningsShown) {
        fmt::print(stderr, "frontline: … and {} more warnings\n", diagnostics.warnings().size() - kWarningsShown);
    }
}

}  // namespace

io::OutputFormat outputFormat(const CommonOptions& common) {
    if (auto format = io::parseOutputFormat(common.format)) return *format;
    throw UsageError("unknown --format '" + common.format + "' (table, csv, json, md)");
}

void print(const std::string& text) {
    // A report cut short (stdout on a full disk, a closed pipe) must not end with exit code 0.
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        throw DataError(std::string("cannot write to standard output: ") + std::strerror(errno));
    }
}

int run(int argc, char** argv) {
    CLI::App app{"frontline: who controlled which territory, when; measured on the WGS84 ellipsoid.", "frontline"};
    app.set_version_flag("--version", std::string("frontline " FRONTLINE_VERSION " (GDAL ") + io::gdalVersion() + ")");
    app.require_subcommand(1);
    app.fallthrough();  // shared options (--format, --strict, -q) work after the subcommand too
    app.footer("Exit codes: 0 ok, 1 a check failed, 2 bad input or usage, 130/143 interrupted (SIGINT/SIGTERM).\nRun `frontline COMMAND --help` for each command.");

    CommonOptions common;
    app.add_option("--format", common.format, "Output format: table, csv, json, md")->capture_default_str();
    app.add_flag("--strict", common.strict, "Invalid geometry is an error instead of a repaired warning");
    app.add_flag("-q,--quiet", common.quiet, "Do not print warnings");

    std::vector<std::pair<CLI::App*, Action>> commands;
    auto add = [&](Action (*adder)(CLI::App&, const CommonOptions&)) {
        const std::size_t before = app.get_subcommands({}).size();
        Action action = adder(app, common);
        commands.emplace_back(app.get_subcommands({}).at(before), std::move(action));
    };
    add(addInfoCommand);
    add(addStatsCommand);
    add(addDiffCommand);
    add(addSeriesCommand);
    add(addCheckCommand);
    add(addExportCommand);
    add(addViewCommand);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    Diagnostics diagnostics;
    try {
        for (auto& [command, action] : commands) {
            if (command->parsed()) {
                const int code = action(diagnostics);
                printWarnings(diagnostics, common.quiet);
                return code;
            }
        }
        return 2;
    } catch (const CheckFailed& e) {
        printWarnings(diagnostics, common.quiet);
        fmt::print(stderr, "frontline: check failed: {}\n", e.what());
        return 1;
    } catch (const Interrupted& e) {
        fmt::print(stderr, "frontline: interrupted: {}\n", e.what());
        return 128 + e.signal();
    } catch (const UsageError& e) {
        fmt::print(stderr, "frontline: usage error: {}\n", e.what());
        return 2;
    } catch (const Error& e) {
        printWarnings(diagnostics, common.quiet);
        fmt::print(stderr, "frontline: error: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "frontline: internal error: {}\n", e.what());
        return 2;
    }
}

}  // namespace frontline::app
