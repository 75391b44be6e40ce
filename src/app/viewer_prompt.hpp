#pragma once
// The viewer's "go to date" prompt above the timeline: opened by G or Enter, takes digits and '-' (up
// to YYYY-MM-DD), Backspace, Enter to go, Esc to close. While open it has all the keys.

#include <SFML/Window/Keyboard.hpp>
#include <optional>
#include <string>

#include "app/viewer_painter.hpp"
#include "app/viewer_timeline.hpp"
#include "core/date.hpp"

namespace frontline::app {

class DatePrompt {
public:
    bool open() const { return m_typed.has_value(); }
    void start() { m_typed = std::string(); }

    // A key while open. Enter with a valid date closes the prompt and returns the date; with anything
    // else it stays open and `error` says why.
    struct Outcome {
        std::optional<Date> date;
        std::string error;
    };
    Outcome key(sf::Keyboard::Key code);
    void type(sf::Uint32 unicode);

    void draw(const ViewerPainter& painter, const TimelineStrip::Layout& box) const;

private:
    std::optional<std::string> m_typed;
};

}  // namespace frontline::app
