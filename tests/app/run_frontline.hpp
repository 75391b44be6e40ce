#pragma once

#include <string>
#include <vector>

namespace frontline::test {

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs `program` (a path, or a name looked up on PATH) with these arguments (each shell-quoted) and
// captures its output.
RunResult runProgram(const std::string& program, const std::vector<std::string>& arguments);

// Runs the built frontline binary with these arguments and captures its output.
RunResult runFrontline(const std::vector<std::string>& arguments);

// A CSV table: header and rows of fields (no quoting needed for the files tests compare).
struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    int column(const std::string& name) const;
};
Csv parseCsv(const std::string& text);
std::string readFile(const std::string& path);

// Areas are printed to 3 decimals; the densified cells of tests/data differ from true parallels by
// < 1e-3 km².
constexpr double kToleranceKm2 = 0.002;

// Every column of the CSV file `expectedPath` must be in `actualText` with the same rows; numbers
// within kToleranceKm2, other fields equal.
void expectCsvMatches(const std::string& actualText, const std::string& expectedPath);

}  // namespace frontline::test
