#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace frontline {

// Length of the well-formed UTF-8 sequence starting at text[at] (1–4), or 0 when the byte there does
// not start one: a stray continuation byte, an overlong form, a surrogate, a code point above
// U+10FFFF or a sequence cut short (RFC 3629 §4, the table of well-formed byte sequences).
std::size_t utf8SequenceLength(std::string_view text, std::size_t at);

bool isValidUtf8(std::string_view text);

// The text with each byte that does not belong to a well-formed sequence replaced by U+FFFD, the
// replacement character (one per byte, as WHATWG's decoder does for lone bytes).
std::string withInvalidUtf8Replaced(std::string_view text);

// The text safe to print on a terminal: control characters (C0, DEL, and the UTF-8-encoded C1 range,
// where U+009B is a CSI) shown escaped ("\n", "\t", "\r", "\x1b", "\u009b"), and so is each byte
// that is not UTF-8 ("\xff"). Text read from input could otherwise forge a "frontline: error:" line
// or repaint the terminal.
std::string escapedControls(std::string_view text);

// The text with ASCII letters lower-cased and every other byte, UTF-8 sequences included, unchanged:
// file extensions, property keys and words matched without regard to case (as std::tolower in the
// "C" locale, whatever the locale).
std::string asciiLower(std::string text);

}  // namespace frontline
