#pragma once

namespace frontline::app {

// The process's exit codes: the contract scripts and CI rely on (ARCHITECTURE.md, `frontline --help`).
// Plain ints rather than an enum class because a subcommand's Action and the viewer return them as int.
namespace exit_code {

inline constexpr int Ok = 0;
inline constexpr int CheckFailed = 1;  // a claim, the closure or the calibration did not hold
inline constexpr int BadInput = 2;     // bad input or usage; also an internal error

// A run stopped by a signal ends as a shell reports a process that signal killed: 128 + the number,
// so 130 for SIGINT and 143 for SIGTERM.
constexpr int interruptedBy(int signal) { return 128 + signal; }

}  // namespace exit_code

}  // namespace frontline::app
