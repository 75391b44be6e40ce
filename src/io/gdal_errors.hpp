#pragma once
// Scopes that take GDAL's error handler for the calling thread (GDAL keeps one handler stack per
// thread): GDAL's messages stay off stderr and become our exceptions or diagnostics. Internal to io/.

#include <cpl_error.h>

#include <string>
#include <vector>

namespace frontline::io {

// GDAL's text as one line: drivers (PostgreSQL, KML) may report several.
std::string oneLine(const char* message);

// While reading: GDAL's problems are kept off stderr and the first failure is turned into our exception
// by the caller. Not copyable or movable: its address is the handler's user data; destroy scopes in the
// reverse order of their making, on the thread that made them.
class QuietGdalErrors {
public:
    QuietGdalErrors();
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;

    void reset();

    static std::string lastMessage();

    // The first failure since reset() (each layer's reading resets): later ones are its consequences.
    std::string firstFailure() const;

private:
    static void CPL_STDCALL record(CPLErr level, CPLErrorNum, const char* message);

    std::string m_firstFailure;
};

// Every message GDAL reports while writing, kept off stderr: the warnings to pass on and the first
// failure to throw (a failure can come late, from closing the dataset, with no return code to say so).
// Not copyable or movable, as QuietGdalErrors.
class CollectedGdalMessages {
public:
    CollectedGdalMessages();
    ~CollectedGdalMessages();
    CollectedGdalMessages(const CollectedGdalMessages&) = delete;
    CollectedGdalMessages& operator=(const CollectedGdalMessages&) = delete;

    const std::vector<std::string>& warnings() const { return m_warnings; }
    // GDAL's first failure, or empty.
    const std::string& failure() const { return m_failure; }

private:
    static void CPL_STDCALL collect(CPLErr level, CPLErrorNum number, const char* message);

    std::vector<std::string> m_warnings;
    std::string m_failure;
};

}  // namespace frontline::io
