#pragma once
// The subcommands. Each registers its options on the CLI11 app (setup, no I/O) and returns the action
// that runs it once arguments are parsed (osmium-tool's setup/run split).

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "io/table.hpp"

namespace CLI {
class App;
}

namespace frontline::app {

// A failed check (closure, a claim): exit code 1.
class CheckFailed : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Standard output is a pipe whose reader has gone (`| head`); SIGPIPE is ignored (main), so a write
// fails with EPIPE instead of killing the process. run() ends quietly with 128 + SIGPIPE.
class ReaderGone : public std::exception {
public:
    const char* what() const noexcept override { return "the reader of standard output has gone"; }
};

// Options every subcommand shares.
struct CommonOptions {
    std::string format = "table";
    bool strict = false;
    bool quiet = false;
    std::string edges;  // --edges: geodesic or lonlat; empty: a scenario's own `edges`, else geodesic
};

// --edges as given, if given.
std::optional<Edges> edgesOption(const CommonOptions& common);

using Action = std::function<int(Diagnostics&)>;

Action addInfoCommand(CLI::App& app, const CommonOptions& common);
Action addStatsCommand(CLI::App& app, const CommonOptions& common);
Action addDiffCommand(CLI::App& app, const CommonOptions& common);
Action addSeriesCommand(CLI::App& app, const CommonOptions& common);
Action addCheckCommand(CLI::App& app, const CommonOptions& common);
Action addExportCommand(CLI::App& app, const CommonOptions& common);
Action addViewCommand(CLI::App& app, const CommonOptions& common);
Action addChartCommand(CLI::App& app, const CommonOptions& common);

// Helpers shared by the commands.
io::OutputFormat outputFormat(const CommonOptions& common);
void print(const std::string& text);

}  // namespace frontline::app
