#include "app/viewer_script.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"

namespace frontline::app {

namespace {

// Argument counts: exact, or at least (negative: −minimum).
const std::map<std::string, int>& arities() {
    static const std::map<std::string, int> counts{
        {"key", -1},  {"text", 1},   {"move", 2},       {"click", 2}, {"drag", 4},
        {"wheel", 3}, {"resize", 2}, {"screenshot", 1}, {"state", 0}, {"quit", 0}};
    return counts;
}

}  // namespace

std::vector<ScriptCommand> parseScript(const std::string& text, const std::string& where) {
    std::vector<ScriptCommand> commands;
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    double last = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream words(line);
        std::string first;
        if (!(words >> first)) continue;
        const std::string at = where + ":" + std::to_string(number) + ": ";
        ScriptCommand command;
        command.line = number;
        try {
            std::size_t used = 0;
            command.atSeconds = std::stod(first, &used);
            if (used != first.size() || command.atSeconds < 0) throw std::invalid_argument(first);
        } catch (const std::exception&) {
            throw UsageError(at + "expected a time in seconds, not '" + first + "'");
        }
        if (command.atSeconds < last) throw UsageError(at + "time " + first + " is before the line above's");
        last = command.atSeconds;
        if (!(words >> command.name)) throw UsageError(at + "expected a command after the time");
        const auto arity = arities().find(command.name);
        if (arity == arities().end()) throw UsageError(at + "unknown command '" + command.name + "'");
        std::string word;
        while (words >> word) command.arguments.push_back(word);
        const int wanted = arity->second;
        const auto given = static_cast<int>(command.arguments.size());
        if ((wanted >= 0 && given != wanted) || (wanted < 0 && given < -wanted)) {
            throw UsageError(at + "'" + command.name + "' takes " + (wanted < 0 ? "at least " : "") +
                             std::to_string(wanted < 0 ? -wanted : wanted) + " argument(s), not " +
                             std::to_string(given));
        }
        commands.push_back(std::move(command));
    }
    return commands;
}

std::vector<ScriptCommand> readScript(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw UsageError("cannot read the script '" + path.string() + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return parseScript(text.str(), path.string());
}

}  // namespace frontline::app
