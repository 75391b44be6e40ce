#include "core/secrets.hpp"

#include <algorithm>
#include <cctype>

namespace frontline {

namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Length of a libpq value starting at `pos`: a quoted value ends at the unescaped closing quote, a bare
// one at whitespace or a quote (the end of a quoted connection string in a message).
std::size_t valueLength(std::string_view text, std::size_t pos) {
    if (pos < text.size() && text[pos] == '\'') {
        std::size_t end = pos + 1;
        while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
        return std::min(end + 1, text.size()) - pos;
    }
    std::size_t end = pos;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '\'' &&
           text[end] != '"')
        ++end;
    return end - pos;
}

}  // namespace

std::string withoutSecrets(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        // password = value (libpq keyword form; any case, spaces around '=')
        constexpr std::string_view kKey = "password";
        if (i + kKey.size() <= text.size() &&
            (i == 0 || !isWordChar(text[i - 1]) || (i >= 3 && text.substr(i - 3, 3) == "ssl"))) {
            bool match = true;
            for (std::size_t k = 0; k < kKey.size() && match; ++k) {
                match = std::tolower(static_cast<unsigned char>(text[i + k])) == kKey[k];
            }
            std::size_t j = i + kKey.size();
            while (match && j < text.size() && text[j] == ' ') ++j;
            if (match && j < text.size() && text[j] == '=') {
                ++j;
                while (j < text.size() && text[j] == ' ') ++j;
                out.append(text.substr(i, j - i));
                out += "***";
                i = j + valueLength(text, j);
                continue;
            }
        }
        // scheme://user:secret@host
        if (text.substr(i, 3) == "://") {
            const std::size_t userStart = i + 3;
            const std::size_t at = text.find('@', userStart);
            const std::size_t colon = text.find(':', userStart);
            if (at != std::string_view::npos && colon != std::string_view::npos && colon < at &&
                text.substr(userStart, at - userStart).find_first_of(" /'") == std::string_view::npos) {
                out.append(text.substr(i, colon + 1 - i));
                out += "***";
                i = at;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace frontline
