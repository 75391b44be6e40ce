#include "io/gdal_errors.hpp"

namespace frontline::io {

std::string oneLine(const char* message) {
    if (!message || !*message) return "GDAL gave no reason";
    std::string text;
    for (const char* c = message; *c; ++c) {
        if (*c == '\n' || *c == '\t' || *c == '\r') {
            if (!text.empty() && text.back() != ' ' && c[1]) text += text.back() == ';' ? " " : "; ";
        } else if (*c != ' ' || (!text.empty() && text.back() != ' ')) {
            text += *c;
        }
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == ';')) text.pop_back();
    return text;
}

QuietGdalErrors::QuietGdalErrors() {
    CPLPushErrorHandlerEx(&QuietGdalErrors::record, this);
    reset();
}

QuietGdalErrors::~QuietGdalErrors() { CPLPopErrorHandler(); }

void QuietGdalErrors::reset() {
    CPLErrorReset();
    m_firstFailure.clear();
}

std::string QuietGdalErrors::lastMessage() { return oneLine(CPLGetLastErrorMsg()); }

// A PostgreSQL table named in `tables=` that does not exist fails first with 'relation "x" does not
// exist', then with 'cursor "ogrpglayerreader…" does not exist' when GDAL reads from the cursor it could
// not declare, which says nothing to the user. libpq ends a server's message with the query excerpt
// ("LINE 1: SELECT …" and a caret line): GDAL's own SQL, not the user's, so it is left out, and so is the
// "ERROR:" severity our own line already says.
std::string QuietGdalErrors::firstFailure() const {
    if (m_firstFailure.empty()) return lastMessage();
    std::string message = m_firstFailure.substr(0, m_firstFailure.find("\nLINE "));
    if (message.rfind("ERROR:", 0) == 0) message.erase(0, 6);
    return oneLine(message.c_str());
}

void CPL_STDCALL QuietGdalErrors::record(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<QuietGdalErrors*>(CPLGetErrorHandlerUserData());
    if (level >= CE_Failure && self->m_firstFailure.empty() && message) self->m_firstFailure = message;
}

CollectedGdalMessages::CollectedGdalMessages() {
    CPLPushErrorHandlerEx(collect, this);
    CPLErrorReset();
}

CollectedGdalMessages::~CollectedGdalMessages() { CPLPopErrorHandler(); }

void CPL_STDCALL CollectedGdalMessages::collect(CPLErr level, CPLErrorNum /*number*/, const char* message) {
    auto* self = static_cast<CollectedGdalMessages*>(CPLGetErrorHandlerUserData());
    if (level == CE_Warning) {
        self->m_warnings.push_back(oneLine(message));
    } else if (level >= CE_Failure && self->m_failure.empty()) {
        self->m_failure = oneLine(message);
    }
}

}  // namespace frontline::io
