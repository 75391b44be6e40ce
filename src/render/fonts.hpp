#pragma once
// The DejaVu fonts of the system, found through fontconfig (no font file is shipped with frontline).

#include <SFML/Graphics/Font.hpp>
#include <string>

namespace frontline::render {

// The file fontconfig picks for `pattern` (e.g. "DejaVu Sans:style=Bold"). Throws RenderError when
// nothing of the pattern's family is installed (Debian: fonts-dejavu-core).
std::string findFontFile(const std::string& pattern);

// The regular and bold faces every frame uses. Loaded once; sf::Font keeps its file open.
struct Fonts {
    sf::Font regular;
    sf::Font bold;

    // Throws RenderError naming the file SFML could not load.
    static Fonts loadDejaVu();
};

}  // namespace frontline::render
