#include "render/offscreen.hpp"

// glBlitFramebuffer and the framebuffer objects are OpenGL 3.0 (ARB_framebuffer_object), beyond the
// 1.1 of <GL/gl.h>'s default declarations; libGL exports them.
#define GL_GLEXT_PROTOTYPES 1
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <cmath>
#include <utility>

#include "core/error.hpp"
#include "render/sfml_errors.hpp"
#include "render/style.hpp"

namespace frontline::render {

namespace {

// The pixels of `target` (RGBA, rows top to bottom) into `pixels`; `readBack` is scratch space.
void readPixels(sf::RenderTexture& target, sf::Vector2u size, std::vector<std::uint8_t>& readBack,
                std::vector<std::uint8_t>& pixels) {
    target.display();
    const sf::Texture& texture = target.getTexture();
    const std::size_t rowBytes = static_cast<std::size_t>(size.x) * 4;
    pixels.resize(rowBytes * size.y);
    // sf::Texture::copyToImage goes through an extra framebuffer and costs ~80 ms a 1080p frame on
    // llvmpipe; reading the texture directly takes ~2 ms. The render texture's rows are stored bottom
    // up (OpenGL's origin), so they are flipped on the way. The texture must not be padded to a power
    // of two (it is not where NPOT textures are supported, as on every Mesa driver).
    sf::Texture::bind(&texture);
    GLint width = 0, height = 0;
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_WIDTH, &width);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_HEIGHT, &height);
    if (static_cast<unsigned>(width) != size.x || static_cast<unsigned>(height) != size.y) {
        sf::Texture::bind(nullptr);
        const sf::Image image = texture.copyToImage();
        std::copy(image.getPixelsPtr(), image.getPixelsPtr() + pixels.size(), pixels.begin());
        return;
    }
    readBack.resize(pixels.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, readBack.data());
    sf::Texture::bind(nullptr);
    for (unsigned y = 0; y < size.y; ++y) {
        std::copy_n(readBack.data() + static_cast<std::size_t>(size.y - 1 - y) * rowBytes, rowBytes,
                    pixels.data() + static_cast<std::size_t>(y) * rowBytes);
    }
}

std::unique_ptr<sf::RenderTexture> makeTarget(sf::Vector2u size, unsigned antialiasing) {
    auto target = std::make_unique<sf::RenderTexture>();
    SfmlErrorCapture capture;
    sf::ContextSettings settings;
    settings.antialiasingLevel = antialiasing;
    if (!target->create(size.x, size.y, settings)) {
        throw RenderError("cannot create a " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                          " offscreen OpenGL target: " + capture.text());
    }
    if (!target->setActive(true)) throw RenderError("cannot activate the offscreen OpenGL context");
    return target;
}

}  // namespace

// Measuring starts before anything else: it runs beside loading fonts, making the GL context (llvmpipe
// compiles its shaders then) and building the scene's meshes.
OffscreenRenderer::OffscreenRenderer(const Scenario& scenario, geo::ThreadContext& context, sf::Vector2u size,
                                     const std::filesystem::path& shaderFolder, unsigned antialiasing,
                                     MapOptions options)
    : OffscreenRenderer(scenario, context, size, shaderFolder, antialiasing, std::move(options),
                        measureInBackground(scenario)) {}

OffscreenRenderer::OffscreenRenderer(const Scenario& scenario, geo::ThreadContext& context, sf::Vector2u size,
                                     const std::filesystem::path& shaderFolder, unsigned antialiasing,
                                     MapOptions options, StatsFuture stats)
    : m_fonts(Fonts::loadDejaVu()), m_target(makeTarget(size, antialiasing)), m_size(size) {
    m_shaders = std::make_unique<ShaderSet>(shaderFolder);
    m_scene = std::make_unique<Scene>(scenario, context, m_fonts, size, std::move(options), std::move(stats));
    m_renderer = std::make_unique<Renderer>(*m_scene, m_fonts, *m_shaders);
    m_backdrop = std::make_unique<SampleStore>(*m_target);
    m_renderer->setBackdropStore(m_backdrop.get());
    if (antialiasing > 0 && m_scene->panelPlacement() != PanelPlacement::None) {
        m_panelTarget = makeTarget(size, antialiasing);
        m_mapResolve = std::make_unique<RectResolve>(*m_target);
        m_panelResolve = std::make_unique<RectResolve>(*m_panelTarget);
        m_renderer->setPanelTarget(m_panelTarget.get());
        m_renderer->setDirtyRects(true);
    }
}

void OffscreenRenderer::drawPanelInFrame() {
    m_renderer->setDirtyRects(false);
    m_renderer->setPanelTarget(nullptr);
    m_panelResolve.reset();
    m_mapResolve.reset();
    m_panelTarget.reset();
}

OffscreenRenderer::RectResolve::~RectResolve() {
    if (m_framebuffer == 0 && m_renderbuffer == 0) return;
    if (!m_target.setActive(true)) return;
    glDeleteFramebuffers(1, &m_framebuffer);
    glDeleteRenderbuffers(1, &m_renderbuffer);
}

bool OffscreenRenderer::RectResolve::read(sf::IntRect rect, std::vector<std::uint8_t>& scratch,
                                          std::vector<std::uint8_t>& pixels) {
    if (m_failed || !m_target.setActive(true)) return false;
    while (glGetError() != GL_NO_ERROR) {
    }
    const auto size = m_target.getSize();
    GLint source = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &source);
    if (m_framebuffer == 0) {
        glGenRenderbuffers(1, &m_renderbuffer);
        glBindRenderbuffer(GL_RENDERBUFFER, m_renderbuffer);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, static_cast<GLsizei>(size.x),
                              static_cast<GLsizei>(size.y));
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glGenFramebuffers(1, &m_framebuffer);
        glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_renderbuffer);
        const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(source));
        if (!complete || glGetError() != GL_NO_ERROR) {
            m_failed = true;
            return false;
        }
    }
    // OpenGL's rows count from the bottom.
    const GLint x0 = rect.left, x1 = rect.left + rect.width;
    const GLint y0 = static_cast<GLint>(size.y) - rect.top - rect.height, y1 = y0 + rect.height;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(source));
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_framebuffer);
    glBlitFramebuffer(x0, y0, x1, y1, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
    const std::size_t rowBytes = static_cast<std::size_t>(rect.width) * 4;
    scratch.resize(rowBytes * static_cast<std::size_t>(rect.height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x0, y0, rect.width, rect.height, GL_RGBA, GL_UNSIGNED_BYTE, scratch.data());
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(source));
    if (glGetError() != GL_NO_ERROR) {
        m_failed = true;
        return false;
    }
    const std::size_t frameRow = static_cast<std::size_t>(size.x) * 4;
    pixels.resize(frameRow * size.y);
    for (int y = 0; y < rect.height; ++y) {
        std::copy_n(scratch.data() + static_cast<std::size_t>(rect.height - 1 - y) * rowBytes, rowBytes,
                    pixels.data() + static_cast<std::size_t>(rect.top + y) * frameRow +
                        static_cast<std::size_t>(rect.left) * 4);
    }
    return true;
}

OffscreenRenderer::SampleStore::~SampleStore() {
    if (m_framebuffer == 0 && m_renderbuffer == 0) return;
    if (!m_target.setActive(true)) return;
    glDeleteFramebuffers(1, &m_framebuffer);
    glDeleteRenderbuffers(1, &m_renderbuffer);
}

void OffscreenRenderer::SampleStore::copy(unsigned from, unsigned to) const {
    const auto w = static_cast<GLint>(m_target.getSize().x), h = static_cast<GLint>(m_target.getSize().y);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
    // Between two multisampled buffers of the same size, format and sample count a blit copies each
    // sample as it is (no resolve), so the frame finished over the copy is the frame drawn whole.
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

bool OffscreenRenderer::SampleStore::save(sf::RenderTarget&) {
    if (m_failed || !m_target.setActive(true)) return false;
    while (glGetError() != GL_NO_ERROR) {
    }
    // SFML binds the render texture's own framebuffer (its multisampled one with antialiasing) when
    // the texture is active.
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    if (m_framebuffer == 0) {
        GLint samples = 0, format = GL_RGBA8, type = GL_NONE, name = 0;
        glGetIntegerv(GL_SAMPLES, &samples);
        glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
        glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &name);
        glGenRenderbuffers(1, &m_renderbuffer);
        if (type == GL_RENDERBUFFER) {
            // A multisampled copy must have the very format of its source.
            glBindRenderbuffer(GL_RENDERBUFFER, static_cast<GLuint>(name));
            glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_INTERNAL_FORMAT, &format);
        }
        glBindRenderbuffer(GL_RENDERBUFFER, m_renderbuffer);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, static_cast<GLenum>(format),
                                         static_cast<GLsizei>(m_target.getSize().x),
                                         static_cast<GLsizei>(m_target.getSize().y));
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glGenFramebuffers(1, &m_framebuffer);
        glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_renderbuffer);
        const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
        if (!complete || glGetError() != GL_NO_ERROR) {
            m_failed = true;
            return false;
        }
    }
    copy(static_cast<unsigned>(target), m_framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    // A driver that refuses the copy (formats that do not match after all) leaves the backdrop to be
    // drawn on every frame, as without a store.
    if (glGetError() != GL_NO_ERROR) m_failed = true;
    return !m_failed;
}

void OffscreenRenderer::SampleStore::restore(sf::RenderTarget&) {
    if (!m_target.setActive(true)) throw RenderError("cannot activate the offscreen OpenGL context");
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    copy(m_framebuffer, static_cast<unsigned>(target));
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
}

const std::vector<std::uint8_t>& OffscreenRenderer::render(const FrameSpec& frame) {
    m_renderer->draw(*m_target, frame);
    if (!m_panelTarget) {
        readPixels(*m_target, m_size, m_readBack, m_pixels);
        return m_pixels;
    }
    const auto pixelsOf = [](sf::FloatRect r) {
        return sf::IntRect(static_cast<int>(r.left), static_cast<int>(r.top), static_cast<int>(r.width),
                           static_cast<int>(r.height));
    };
    // The map's rectangle, or the part of it this frame changed (Renderer::setDirtyRects); the rest
    // of m_pixels holds it from the frames before.
    const sf::IntRect changed = m_renderer->dirtyRect();
    const bool mapRead =
        changed.width <= 0 || changed.height <= 0 || m_mapResolve->read(changed, m_readBack, m_pixels);
    if (!mapRead || (m_renderer->panelRedrawn() &&
                     !m_panelResolve->read(pixelsOf(m_scene->panelRect()), m_readBack, m_pixels))) {
        // A driver that cannot resolve a part: the panel is drawn into the frame from now on.
        drawPanelInFrame();
        return render(frame);
    }
    return m_pixels;
}

OffscreenChart::OffscreenChart(sf::Vector2u size, unsigned antialiasing)
    : m_fonts(Fonts::loadDejaVu()), m_target(makeTarget(size, antialiasing)), m_size(size) {}

OffscreenChart::~OffscreenChart() = default;

const Chart& OffscreenChart::draw(const std::vector<analysis::StateStats>& stats,
                                  const ChartOptions& options) {
    const auto w = static_cast<float>(m_size.x), h = static_cast<float>(m_size.y);
    // Text of 14 px at 1000×420 and in proportion (the panel's chart is 14 px at 1080p).
    const float unit = std::max(0.5f, std::min(w / 1000.0f, h / 420.0f));
    const float pad = std::round(16 * unit);
    m_target->setView(sf::View(sf::FloatRect(0, 0, w, h)));
    m_target->clear(kPanel);
    m_chart = std::make_unique<Chart>(stats, options, sf::FloatRect(pad, pad, w - 2 * pad, h - 2 * pad), unit,
                                      m_fonts);
    m_chart->draw(*m_target);
    readPixels(*m_target, m_size, m_readBack, m_pixels);
    return *m_chart;
}

}  // namespace frontline::render
