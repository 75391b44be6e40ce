#pragma once

#include <string>
#include <vector>

namespace frontline::test {

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs the built frontline binary with these arguments (each shell-quoted) and captures its output.
RunResult runFrontline(const std::vector<std::string>& arguments);

// A CSV table: header and rows of fields (no quoting needed for the files tests compare).
struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    int column(const std::string& name) const;
};
Csv parseCsv(const std::string& text);
std::string readFile(const std::string& path);

}  // namespace frontline::test
