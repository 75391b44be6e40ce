#pragma once
// SFML 2.5 reports failures as a bool plus text on sf::err(); this captures that text for the
// RenderError thrown in its place.

#include <SFML/System/Err.hpp>
#include <sstream>
#include <string>

namespace frontline::render {

// While alive, sf::err() writes into a buffer instead of stderr. Not thread-safe (sf::err() is global).
class SfmlErrorCapture {
public:
    SfmlErrorCapture() : m_previous(sf::err().rdbuf(m_buffer.rdbuf())) {}
    ~SfmlErrorCapture() { sf::err().rdbuf(m_previous); }
    SfmlErrorCapture(const SfmlErrorCapture&) = delete;
    SfmlErrorCapture& operator=(const SfmlErrorCapture&) = delete;

    // What SFML said, on one line.
    std::string text() const {
        std::string said = m_buffer.str();
        for (char& c : said)
            if (c == '\n') c = ' ';
        while (!said.empty() && said.back() == ' ') said.pop_back();
        return said.empty() ? "no reason given" : said;
    }

private:
    std::ostringstream m_buffer;
    std::streambuf* m_previous;
};

}  // namespace frontline::render
