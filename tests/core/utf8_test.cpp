#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace frontline {
namespace {

// Encodes a code point by RFC 3629 §3, independently of the decoder under test.
std::string encode(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
    return out;
}

TEST(Utf8, EveryScalarValueIsOneSequenceOfItsEncodedLength) {
    for (char32_t c = 0; c <= 0x10ffff; ++c) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const std::string text = encode(c);
        ASSERT_EQ(utf8SequenceLength(text, 0), text.size()) << std::hex << static_cast<unsigned>(c);
    }
}

TEST(Utf8, SurrogatesAndOverlongFormsAreNotUtf8) {
    for (char32_t c = 0xd800; c <= 0xdfff; ++c) EXPECT_FALSE(isValidUtf8(encode(c)));
    EXPECT_FALSE(isValidUtf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xe0\x80\xaf"));      // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xf0\x80\x80\xaf"));  // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xf4\x90\x80\x80"));  // U+110000
    EXPECT_FALSE(isValidUtf8("\xe2\x82"));          // cut short
    EXPECT_FALSE(isValidUtf8("\xff"));
}

// Counting every string of three bytes: 128³ all ASCII, 2 × 128 × 1,920 an ASCII byte and a two-byte
// sequence (C2..DF × 80..BF), and 61,440 three-byte sequences (U+0800..U+FFFF less 2,048 surrogates).
TEST(Utf8, CountsOfValidThreeByteStringsMatchTheClosedForm) {
    std::size_t valid = 0;
    std::string text(3, '\0');
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b) {
            for (int c = 0; c < 256; ++c) {
                text[0] = static_cast<char>(a), text[1] = static_cast<char>(b),
                text[2] = static_cast<char>(c);
                valid += isValidUtf8(text);
            }
        }
    }
    EXPECT_EQ(valid, 128u * 128 * 128 + 2u * 128 * 1920 + 61440);
}

TEST(Utf8, EachBadByteBecomesOneReplacementCharacter) {
    EXPECT_EQ(withInvalidUtf8Replaced("r\xff"
                                      "1"),
              "r\xef\xbf\xbd"
              "1");
    EXPECT_EQ(withInvalidUtf8Replaced("\xe2\x82"), "\xef\xbf\xbd\xef\xbf\xbd");
    EXPECT_EQ(withInvalidUtf8Replaced("Ağdam, Şuşa, Խանքենդի"), "Ağdam, Şuşa, Խանքենդի");
    EXPECT_TRUE(isValidUtf8(withInvalidUtf8Replaced("\xc0\xaf\xed\xa0\x80 ok")));
}

TEST(Utf8, ControlsAndBadBytesAreShownEscaped) {
    EXPECT_EQ(escapedControls("a\nfrontline: error: x"), "a\\nfrontline: error: x");
    EXPECT_EQ(escapedControls("\x1b[2K\t\r\x7f"), "\\x1b[2K\\t\\r\\x7f");
    EXPECT_EQ(escapedControls("\xc2\x9b"
                              "0m"),
              "\\u009b0m");  // U+009B, the 8-bit CSI
    EXPECT_EQ(escapedControls("r\xff"
                              "1"),
              "r\\xff1");
    EXPECT_EQ(escapedControls("Ağdam Խանքենդի"), "Ağdam Խանքենդի");
}

// Only A–Z change: every UTF-8 byte (0x80 and above) is kept, so "É" stays whole; and the result is
// the C locale's std::tolower, byte for byte, over all 256 bytes.
TEST(AsciiLower, LowersAsciiLettersAndKeepsEveryOtherByte) {
    EXPECT_EQ(asciiLower("\xC3\x89TANG Lake.GeoJSON"), "\xC3\x89tang lake.geojson");
    std::string all;
    for (int byte = 0; byte < 256; ++byte) all.push_back(static_cast<char>(byte));
    const std::string lowered = asciiLower(all);
    ASSERT_EQ(lowered.size(), 256U);
    for (int byte = 0; byte < 256; ++byte) {
        const int expected = byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte;
        EXPECT_EQ(static_cast<unsigned char>(lowered[static_cast<std::size_t>(byte)]), expected) << byte;
    }
}

}  // namespace
}  // namespace frontline
