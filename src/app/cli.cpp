#include "app/cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string_view>

#include "app/command.hpp"
#include "app/exit_code.hpp"
#include "core/error.hpp"
#include "core/secrets.hpp"
#include "core/utf8.hpp"
#include "io/gdal.hpp"

namespace frontline::app {

namespace {

constexpr std::size_t kWarningsShown = 20;

// Messages quote feature ids, properties, file names and argv as given: a newline or an escape code
// in them could forge a "frontline: error:" line or repaint the terminal. Every line printed to stderr
// goes through here, so control characters (C0, DEL and the UTF-8-encoded C1 range, where U+009B is
// a CSI) are shown escaped: "\n", "\t", "\r", "\x1b", "\u009b".
std::string sanitised(std::string_view raw) {
    // Connection strings quoted in a message keep their host and database, never their password.
    return escapedControls(withoutSecrets(raw));
}

void printWarnings(const Diagnostics& diagnostics, bool quiet) {
    if (quiet || diagnostics.empty()) return;
    std::size_t shown = 0;
    for (const auto& warning : diagnostics.warnings()) {
        if (shown++ == kWarningsShown) break;
        fmt::print(stderr, "frontline: warning: {}: {}\n", sanitised(warning.where),
                   sanitised(warning.message));
    }
    if (diagnostics.warnings().size() > kWarningsShown) {
        fmt::print(stderr, "frontline: … and {} more warnings\n",
                   diagnostics.warnings().size() - kWarningsShown);
    }
}

// CLI11's own report is two lines ("…", "Run with --help for more information.") with no prefix; ours
// is one "frontline: error: " line that says which command and where to look.
std::string usageMessage(const CLI::ParseError& e, int argc, char** argv,
                         const std::vector<std::string>& names) {
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    // The command is the first word that is not an option (or the value of the top-level --format).
    std::string given;
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--format") {
            ++i;
        } else if (word.empty() || word.front() != '-') {
            given = word;
            break;
        }
    }
    const bool known = std::find(names.begin(), names.end(), given) != names.end();
    if (!given.empty() && !known) {
        return "unknown command '" + given + "' (" + list + "; see frontline --help)";
    }
    std::string text = e.what();
    if (given.empty() && text == "A subcommand is required") {
        return "no command given (" + list + "; see frontline --help)";
    }
    for (const std::string_view lead :
         {"The following argument was not expected: ", "The following arguments were not expected: "}) {
        if (text.rfind(lead, 0) != 0) continue;
        std::istringstream words(text.substr(lead.size()));
        std::string extras, word;
        bool allOptions = true;
        while (words >> word) {
            extras += (extras.empty() ? "'" : ", '") + word + "'";
            allOptions = allOptions && word.front() == '-';
        }
        const bool several = extras.find(", ") != std::string::npos;
        text = std::string(allOptions ? "unknown option" : "unexpected argument") + (several ? "s " : " ") +
               extras;
    }
    if (!text.empty() && text.front() >= 'A' && text.front() <= 'Z' &&
        !(text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z')) {
        text.front() = static_cast<char>(text.front() - 'A' + 'a');
    }
    for (auto& c : text) {
        if (c == '\n') c = ' ';
    }
    return (known ? given + ": " : std::string()) + text + " (see frontline " +
           (known ? given + " " : std::string()) + "--help)";
}

}  // namespace

io::OutputFormat outputFormat(const CommonOptions& common) {
    if (auto format = io::parseOutputFormat(common.format)) return *format;
    throw UsageError("unknown --format '" + common.format + "' (table, csv, json, md)");
}

std::optional<Edges> edgesOption(const CommonOptions& common) {
    if (common.edges.empty()) return std::nullopt;
    return parseEdges(common.edges);
}

void print(const std::string& report) {
    // Reports name their sources (info prints each layer's path); a PG: source keeps its password out.
    const std::string text = withoutSecrets(report);
    // A report cut short (stdout on a full disk, a closed pipe) must not end with exit code 0.
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        if (errno == EPIPE) throw ReaderGone();
        throw DataError(std::string("cannot write to standard output: ") + std::strerror(errno));
    }
}

int run(int argc, char** argv) {
    // A PG: source on a host that never answers fails after this long instead of hanging; long
    // enough for a slow link, as libpq's documentation advises (at least 2 s).
    io::limitConnectionWait(10);
    CLI::App app{"frontline: who controlled which territory, when; measured on the WGS84 ellipsoid.",
                 "frontline"};
    app.set_version_flag("--version",
                         std::string("frontline " FRONTLINE_VERSION " (GDAL ") + io::gdalVersion() + ")");
    app.require_subcommand(1);
    app.fallthrough();  // shared options (--format, --strict, -q) work after the subcommand too
    app.footer(
        "Exit codes: 0 ok, 1 a check failed, 2 bad input or usage, 141 stdout closed by its reader, 130/143 "
        "interrupted "
        "(SIGINT/SIGTERM).\nRun `frontline COMMAND --help` for each command.");

    CommonOptions common;
    app.add_option("--format", common.format, "Output format: table, csv, json, md")->capture_default_str();
    app.add_flag("--strict", common.strict, "Invalid geometry is an error instead of a repaired warning");
    app.add_flag("-q,--quiet", common.quiet, "Do not print warnings");
    app.add_option("--edges", common.edges,
                   "What the line between two vertices is: geodesic (default: the shortest path on the "
                   "ellipsoid, as GeographicLib, PostGIS geography and QGIS measure) or lonlat (straight in "
                   "lon/lat, RFC 7946). A scenario may say `edges = \"lonlat\"` under [scenario]; --edges "
                   "overrides it");

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
    add(addChartCommand);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            return app.exit(e);  // --help, --version
        }
        std::vector<std::string> names;
        for (const auto& [command, action] : commands) names.push_back(command->get_name());
        fmt::print(stderr, "frontline: error: {}\n", sanitised(usageMessage(e, argc, argv, names)));
        return exit_code::BadInput;
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
        return exit_code::BadInput;
    } catch (const ReaderGone&) {
        // `frontline series … | head`: the reader took what it wanted. No message (it would interleave
        // with the reader's output), and the code a shell gives a process SIGPIPE killed, so that
        // `set -o pipefail` still sees the report was not read to its end.
        return exit_code::interruptedBy(SIGPIPE);
    } catch (const CheckFailed& e) {
        printWarnings(diagnostics, common.quiet);
        fmt::print(stderr, "frontline: check failed: {}\n", sanitised(e.what()));
        return exit_code::CheckFailed;
    } catch (const Interrupted& e) {
        fmt::print(stderr, "frontline: interrupted: {}\n", sanitised(e.what()));
        return exit_code::interruptedBy(e.signal());
    } catch (const UsageError& e) {
        fmt::print(stderr, "frontline: usage error: {}\n", sanitised(e.what()));
        return exit_code::BadInput;
    } catch (const Error& e) {
        printWarnings(diagnostics, common.quiet);
        fmt::print(stderr, "frontline: error: {}\n", sanitised(e.what()));
        return exit_code::BadInput;
    } catch (const std::exception& e) {
        fmt::print(stderr, "frontline: internal error: {}\n", sanitised(e.what()));
        return exit_code::BadInput;
    }
}

}  // namespace frontline::app
