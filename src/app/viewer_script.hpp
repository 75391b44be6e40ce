#pragma once
// Input scripts for the viewer (`frontline view --script FILE`): timed synthetic input, so tests and
// demos drive the window without xdotool. One command a line, `#` starts a comment:
//
//   SECONDS COMMAND [ARGUMENTS…]      seconds since the window opened, non-decreasing
//
//   key NAME [ctrl] [shift]   press and release a key: space, left, right, plus, minus, 0-9, h, s, q,
//                             escape, return, backspace, g, i, a-z
//   text CHARACTERS           type characters (into the date prompt)
//   move X Y                  move the pointer to window pixel (X, Y)
//   click X Y                 press and release the left button there
//   drag X1 Y1 X2 Y2          press at (X1, Y1), move to (X2, Y2), release
//   wheel X Y DELTA           turn the wheel at (X, Y); DELTA > 0 zooms in
//   resize W H                resize the window
//   screenshot FILE           save the window as PNG
//   state                     print one line of the viewer's state to stdout (see Viewer::stateLine)
//   quit                      close the window

#include <SFML/Window/Event.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace frontline::app {

struct ScriptCommand {
    double atSeconds = 0;
    std::string name;
    std::vector<std::string> arguments;
    int line = 0;
};

// Throws UsageError "FILE:LINE: …" for an unknown command, a wrong argument count or a time that goes
// backwards.
std::vector<ScriptCommand> readScript(const std::filesystem::path& path);
std::vector<ScriptCommand> parseScript(const std::string& text, const std::string& where);

// Argument `index` of `command` as a number. Throws UsageError "script line N: 'x' is not a number".
float scriptNumber(const ScriptCommand& command, std::size_t index);

// The window events that a key, text, move, click, drag or wheel command stands for, in order (a key
// is pressed, types its character unless with ctrl, and is released); none for the other commands,
// which the viewer carries out itself. Throws UsageError "script line N: …" for an unknown key or an
// argument that is not a number (scriptNumber).
std::vector<sf::Event> syntheticEvents(const ScriptCommand& command);

}  // namespace frontline::app
