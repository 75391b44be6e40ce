#include "render/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <memory>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "render/sfml_errors.hpp"

namespace frontline::render {

namespace {

struct FcPatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

struct FcConfigDeleter {
    void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigDeleter>;

}  // namespace

std::string findFontFile(const std::string& pattern) {
    FcConfigPtr config(FcInitLoadConfigAndFonts());
    if (!config) throw RenderError("fontconfig: cannot load its configuration");
    FcPatternPtr query(FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str())));
    if (!query) throw RenderError("fontconfig: cannot parse the pattern '" + pattern + "'");
    FcConfigSubstitute(config.get(), query.get(), FcMatchPattern);
    FcDefaultSubstitute(query.get());
    FcResult result = FcResultNoMatch;
    FcPatternPtr match(FcFontMatch(config.get(), query.get(), &result));
    FcChar8* file = nullptr;    // borrowed from match
    FcChar8* family = nullptr;  // borrowed from match
    if (!match || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetString(match.get(), FC_FAMILY, 0, &family) != FcResultMatch) {
        throw RenderError("fontconfig: no font matches '" + pattern + "'");
    }
    // fontconfig always answers with something; a substitute family means the font is missing.
    const std::string wanted = asciiLower(pattern.substr(0, pattern.find(':')));
    const std::string got = reinterpret_cast<const char*>(family);
    if (asciiLower(got).find(wanted) == std::string::npos) {
        throw RenderError("fontconfig: '" + pattern + "' is not installed (got '" + got +
                          "'); install fonts-dejavu-core");
    }
    return reinterpret_cast<const char*>(file);
}

Fonts Fonts::loadDejaVu() {
    Fonts fonts;
    for (auto [font, pattern] : {std::pair{&fonts.regular, "DejaVu Sans:style=Book"},
                                 std::pair{&fonts.bold, "DejaVu Sans:style=Bold"}}) {
        const std::string file = findFontFile(pattern);
        SfmlErrorCapture capture;
        if (!font->loadFromFile(file))
            throw RenderError("cannot load font '" + file + "': " + capture.text());
    }
    return fonts;
}

}  // namespace frontline::render
