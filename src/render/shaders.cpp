#include "render/shaders.hpp"

#include "core/error.hpp"
#include "render/sfml_errors.hpp"

namespace frontline::render {

namespace {

void load(sf::Shader& shader, const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) throw RenderError("shader '" + file.string() + "' not found");
    SfmlErrorCapture capture;
    if (!shader.loadFromFile(file.string(), sf::Shader::Fragment)) {
        throw RenderError("cannot compile shader '" + file.string() + "': " + capture.text());
    }
}

}  // namespace

ShaderSet::ShaderSet(const std::filesystem::path& folder) {
    if (!sf::Shader::isAvailable()) throw RenderError("this OpenGL context has no GLSL shaders");
    load(hatch, folder / "hatch.frag");
    load(dash, folder / "dash.frag");
    load(transition, folder / "transition.frag");
    load(dissolve, folder / "dissolve.frag");
}

}  // namespace frontline::render
