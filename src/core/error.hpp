#pragma once
// The one exception tree of frontline. Rooms below app/ throw these with the full context (file, layer,
// feature, what and why); only app/ catches them and chooses the exit code.

#include <optional>
#include <stdexcept>
#include <string>

#include "core/where.hpp"

namespace frontline {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Wrong command-line use: exit code 2.
class UsageError : public Error {
public:
    using Error::Error;
};

// Unreadable or malformed input data or manifest: exit code 2. Made with a Where, the message is
// "<where.text()>: <what>" and where() keeps the parts.
class DataError : public Error {
public:
    using Error::Error;
    DataError(const Where& where, const std::string& what)
        : Error(where.text() + ": " + what), m_where(where) {}

    const std::optional<Where>& where() const { return m_where; }

private:
    std::optional<Where> m_where;
};

// A geometry operation failed (GEOS/PROJ reported an error): exit code 2.
class GeometryError : public Error {
public:
    using Error::Error;
};

// Drawing or encoding failed.
class RenderError : public Error {
public:
    using Error::Error;
};

// Work stopped by SIGINT or SIGTERM after cleaning up; the message says how far it got. Exit code
// 128 + signal, as a shell reports a process killed by it.
class Interrupted : public Error {
public:
    Interrupted(const std::string& what, int signal) : Error(what), m_signal(signal) {}
    int signal() const { return m_signal; }

private:
    int m_signal;
};

}  // namespace frontline
