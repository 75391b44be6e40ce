#pragma once
// The GLSL fragment shaders of the map (GLSL 1.20, what SFML 2.5 and Mesa's llvmpipe run), loaded at
// run time from the shaders/ folder installed next to the binary.

#include <SFML/Graphics/Shader.hpp>
#include <filesystem>

namespace frontline::render {

// hatch.frag: diagonal stripes in screen space for pattern = "hatch" (corridors).
// dash.frag: a dash moving along a line whose vertices carry their arc length in texCoords.x.
// transition.frag: the wipe between two control states, driven by a precomputed field.
// dissolve.frag: the vertex colour at one opacity (the dissolve between two control states).
// Needs a current GL context. Throws RenderError naming the file and SFML's compiler message.
struct ShaderSet {
    sf::Shader hatch;
    sf::Shader dash;
    sf::Shader transition;
    sf::Shader dissolve;

    explicit ShaderSet(const std::filesystem::path& folder);
    ShaderSet(const ShaderSet&) = delete;
    ShaderSet& operator=(const ShaderSet&) = delete;
};

}  // namespace frontline::render
