#include "app/run_frontline.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace frontline::test {

namespace {
std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}
}  // namespace

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

RunResult runProgram(const std::string& program, const std::vector<std::string>& arguments) {
    const auto folder = std::filesystem::temp_directory_path();
    const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(std::rand());
    const std::string outPath = (folder / ("frontline-out-" + tag)).string();
    const std::string errPath = (folder / ("frontline-err-" + tag)).string();
    std::string command = quote(program);
    for (const auto& argument : arguments) command += " " + quote(argument);
    command += " > " + quote(outPath) + " 2> " + quote(errPath) + " < /dev/null";
    const int status = std::system(command.c_str());
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readFile(outPath);
    result.err = readFile(errPath);
    std::filesystem::remove(outPath);
    std::filesystem::remove(errPath);
    return result;
}

RunResult runFrontline(const std::vector<std::string>& arguments) {
    return runProgram(FRONTLINE_BINARY, arguments);
}

int Csv::column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
}

Csv parseCsv(const std::string& text) {
    Csv csv;
    std::istringstream lines(text);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::string field;
        std::istringstream parts(line);
        while (std::getline(parts, field, ',')) fields.push_back(field);
        if (!line.empty() && line.back() == ',') fields.emplace_back();
        if (first) {
            csv.header = fields;
            first = false;
        } else {
            csv.rows.push_back(fields);
        }
    }
    return csv;
}

void expectCsvMatches(const std::string& actualText, const std::string& expectedPath) {
    const Csv actual = parseCsv(actualText);
    const Csv expected = parseCsv(readFile(expectedPath));
    ASSERT_EQ(actual.rows.size(), expected.rows.size()) << actualText;
    for (std::size_t c = 0; c < expected.header.size(); ++c) {
        const int column = actual.column(expected.header[c]);
        ASSERT_GE(column, 0) << "missing column " << expected.header[c];
        for (std::size_t r = 0; r < expected.rows.size(); ++r) {
            const std::string& want = expected.rows[r][c];
            const std::string& got = actual.rows[r][static_cast<std::size_t>(column)];
            char* end = nullptr;
            const double number = std::strtod(want.c_str(), &end);
            if (!want.empty() && end && *end == '\0') {
                EXPECT_NEAR(std::strtod(got.c_str(), nullptr), number, kToleranceKm2)
                    << expected.header[c] << " row " << r;
            } else {
                EXPECT_EQ(got, want) << expected.header[c] << " row " << r;
            }
        }
    }
}

}  // namespace frontline::test
