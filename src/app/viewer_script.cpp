#include "app/viewer_script.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "core/error.hpp"

namespace frontline::app {

namespace {

std::optional<sf::Keyboard::Key> keyNamed(const std::string& name) {
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z')
        return static_cast<sf::Keyboard::Key>(sf::Keyboard::A + (name[0] - 'a'));
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9')
        return static_cast<sf::Keyboard::Key>(sf::Keyboard::Num0 + (name[0] - '0'));
    static const std::map<std::string, sf::Keyboard::Key> named{
        {"space", sf::Keyboard::Space},         {"left", sf::Keyboard::Left},
        {"right", sf::Keyboard::Right},         {"up", sf::Keyboard::Up},
        {"down", sf::Keyboard::Down},           {"plus", sf::Keyboard::Add},
        {"minus", sf::Keyboard::Subtract},      {"escape", sf::Keyboard::Escape},
        {"return", sf::Keyboard::Return},       {"enter", sf::Keyboard::Return},
        {"backspace", sf::Keyboard::BackSpace}, {"question", sf::Keyboard::Slash}};
    if (auto found = named.find(name); found != named.end()) return found->second;
    return std::nullopt;
}

// The character a key types, for the synthetic TextEntered that follows a scripted key press.
sf::Uint32 typedBy(const std::string& name, bool shift) {
    if (name.size() == 1) return static_cast<sf::Uint32>(shift ? std::toupper(name[0]) : name[0]);
    if (name == "space") return ' ';
    if (name == "plus") return '+';
    if (name == "minus") return '-';
    if (name == "question") return '?';
    return 0;
}

sf::Event mouseEvent(sf::Event::EventType type, float x, float y) {
    sf::Event event{};
    event.type = type;
    if (type == sf::Event::MouseMoved) {
        event.mouseMove = {static_cast<int>(x), static_cast<int>(y)};
    } else {
        event.mouseButton = {sf::Mouse::Left, static_cast<int>(x), static_cast<int>(y)};
    }
    return event;
}

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

float scriptNumber(const ScriptCommand& command, std::size_t index) {
    try {
        return std::stof(command.arguments.at(index));
    } catch (const std::exception&) {
        throw UsageError(
            fmt::format("script line {}: '{}' is not a number", command.line, command.arguments.at(index)));
    }
}

std::vector<sf::Event> syntheticEvents(const ScriptCommand& command) {
    const auto& args = command.arguments;
    auto number = [&](std::size_t i) { return scriptNumber(command, i); };
    std::vector<sf::Event> events;
    if (command.name == "key") {
        const auto code = keyNamed(args[0]);
        if (!code) throw UsageError(fmt::format("script line {}: unknown key '{}'", command.line, args[0]));
        const bool ctrl = std::find(args.begin() + 1, args.end(), "ctrl") != args.end();
        const bool shift = std::find(args.begin() + 1, args.end(), "shift") != args.end();
        sf::Event event{};
        event.type = sf::Event::KeyPressed;
        event.key = {*code, false, ctrl, shift, false};
        events.push_back(event);
        if (const sf::Uint32 typed = typedBy(args[0], shift); typed && !ctrl) {
            sf::Event text{};
            text.type = sf::Event::TextEntered;
            text.text.unicode = typed;
            events.push_back(text);
        }
        event.type = sf::Event::KeyReleased;
        events.push_back(event);
    } else if (command.name == "text") {
        for (char c : args[0]) {
            sf::Event event{};
            event.type = sf::Event::TextEntered;
            event.text.unicode = static_cast<unsigned char>(c);
            events.push_back(event);
        }
    } else if (command.name == "move") {
        events.push_back(mouseEvent(sf::Event::MouseMoved, number(0), number(1)));
    } else if (command.name == "click") {
        const float x = number(0), y = number(1);
        for (const auto type :
             {sf::Event::MouseMoved, sf::Event::MouseButtonPressed, sf::Event::MouseButtonReleased})
            events.push_back(mouseEvent(type, x, y));
    } else if (command.name == "drag") {
        const float x1 = number(0), y1 = number(1), x2 = number(2), y2 = number(3);
        events.push_back(mouseEvent(sf::Event::MouseMoved, x1, y1));
        events.push_back(mouseEvent(sf::Event::MouseButtonPressed, x1, y1));
        constexpr int kSteps = 10;
        for (int i = 1; i <= kSteps; ++i) {
            const float t = static_cast<float>(i) / kSteps;
            events.push_back(mouseEvent(sf::Event::MouseMoved, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t));
        }
        events.push_back(mouseEvent(sf::Event::MouseButtonReleased, x2, y2));
    } else if (command.name == "wheel") {
        events.push_back(mouseEvent(sf::Event::MouseMoved, number(0), number(1)));
        sf::Event event{};
        event.type = sf::Event::MouseWheelScrolled;
        event.mouseWheelScroll = {sf::Mouse::VerticalWheel, number(2), static_cast<int>(number(0)),
                                  static_cast<int>(number(1))};
        events.push_back(event);
    }
    return events;
}

}  // namespace frontline::app
