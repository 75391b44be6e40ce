#include "render/offscreen.hpp"

#include <SFML/OpenGL.hpp>

#include <algorithm>
#include <utility>

#include "core/error.hpp"
#include "render/sfml_errors.hpp"

namespace frontline::render {

// Measuring starts before anything else: it runs beside loading fonts, making the GL context (llvmpipe
// compiles its shaders then) and building the scene's meshes.
OffscreenRenderer::OffscreenRenderer(const Scenario& scenario, geo::ThreadContext& context, sf::Vector2u size,
                                     const std::filesystem::path& shaderFolder, unsigned antialiasing,
                                     MapOptions options)
    : OffscreenRenderer(scenario, context, size, shaderFolder, antialiasing, options,
                        measureInBackground(scenario)) {}

OffscreenRenderer::OffscreenRenderer(const Scenario& scenario, geo::ThreadContext& context, sf::Vector2u size,
                                     const std::filesystem::path& shaderFolder, unsigned antialiasing,
                                     MapOptions options, StatsFuture stats)
    : m_fonts(Fonts::loadDejaVu()), m_target(std::make_unique<sf::RenderTexture>()), m_size(size) {
    {
        SfmlErrorCapture capture;
        sf::ContextSettings settings;
        settings.antialiasingLevel = antialiasing;
        if (!m_target->create(size.x, size.y, settings)) {
            throw RenderError("cannot create a " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                              " offscreen OpenGL target: " + capture.text());
        }
    }
    if (!m_target->setActive(true)) throw RenderError("cannot activate the offscreen OpenGL context");
    m_shaders = std::make_unique<ShaderSet>(shaderFolder);
    m_scene = std::make_unique<Scene>(scenario, context, m_fonts, size, options, std::move(stats));
    m_renderer = std::make_unique<Renderer>(*m_scene, m_fonts, *m_shaders);
}

const std::vector<std::uint8_t>& OffscreenRenderer::render(const FrameSpec& frame) {
    m_renderer->draw(*m_target, frame);
    m_target->display();
    const sf::Texture& texture = m_target->getTexture();
    const std::size_t rowBytes = static_cast<std::size_t>(m_size.x) * 4;
    m_pixels.resize(rowBytes * m_size.y);
    // sf::Texture::copyToImage goes through an extra framebuffer and costs ~80 ms a 1080p frame on
    // llvmpipe; reading the texture directly takes ~2 ms. The render texture's rows are stored bottom
    // up (OpenGL's origin), so they are flipped on the way. The texture must not be padded to a power
    // of two (it is not where NPOT textures are supported, as on every Mesa driver).
    sf::Texture::bind(&texture);
    GLint width = 0, height = 0;
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &width);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_HEIGHT, &height);
    if (static_cast<unsigned>(width) != m_size.x || static_cast<unsigned>(height) != m_size.y) {
        sf::Texture::bind(nullptr);
        const sf::Image image = texture.copyToImage();
        std::copy(image.getPixelsPtr(), image.getPixelsPtr() + m_pixels.size(), m_pixels.begin());
        return m_pixels;
    }
    m_readBack.resize(m_pixels.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, m_readBack.data());
    sf::Texture::bind(nullptr);
    for (unsigned y = 0; y < m_size.y; ++y) {
        std::copy_n(m_readBack.data() + static_cast<std::size_t>(m_size.y - 1 - y) * rowBytes, rowBytes,
                    m_pixels.data() + static_cast<std::size_t>(y) * rowBytes);
    }
    return m_pixels;
}

}  // namespace frontline::render
