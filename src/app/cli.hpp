#pragma once

namespace frontline::app {

// Parses argv, runs the subcommand, prints errors as one line and returns the exit code:
// 0 ok, 1 a check failed, 2 bad input or usage (app/exit_code.hpp). The only place that catches
// frontline errors.
int run(int argc, char** argv);

}  // namespace frontline::app
