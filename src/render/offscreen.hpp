#pragma once
// Drawing without a window: an sf::RenderTexture (framebuffer object) with the fonts, shaders, scene
// and renderer of one scenario at one size (or the fonts and a chart), read back as RGBA pixels.

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "render/chart.hpp"
#include "render/fonts.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

// Needs an X display for its GL context (see exporting::ensureDisplay). The scenario and context are
// borrowed and must outlive it. Not thread-safe; keep it on one thread.
class OffscreenRenderer {
public:
    // `antialiasing`: MSAA samples (0 = none). Throws RenderError (no GL, shader or font trouble) and the
    // scene's errors.
    OffscreenRenderer(const Scenario& scenario, geo::ThreadContext& context, sf::Vector2u size,
                      const std::filesystem::path& shaderFolder, unsigned antialiasing = 4,
                      MapOptions options = {});
    // With the timeline's numbers measured by the caller (measureInBackground, started before this).
    OffscreenRenderer(const Scenario& scenario, geo::ThreadContext& context, sf::Vector2u size,
                      const std::filesystem::path& shaderFolder, unsigned antialiasing, MapOptions options,
                      StatsFuture stats);

    // Draws the frame and returns its pixels (RGBA, rows top to bottom, size.x·size.y·4 bytes), valid
    // until the next call.
    const std::vector<std::uint8_t>& render(const FrameSpec& frame);
    sf::Vector2u size() const { return m_size; }

    // From now on the panel is drawn into the frame and the frame resolved whole, as without the
    // panel apart (see m_panelTarget): what tests compare the parts with. Same pixels, slower.
    void drawPanelInFrame();

    Scene& scene() { return *m_scene; }
    Renderer& renderer() { return *m_renderer; }

    // A copy of the target's (multisampled) colour buffer in a framebuffer of its own: what the
    // renderer's backdrops are kept in. Owns its GL objects, made and deleted in the target's context.
    class SampleStore : public BackdropStore {
    public:
        explicit SampleStore(sf::RenderTexture& target) : m_target(target) {}
        ~SampleStore() override;
        SampleStore(const SampleStore&) = delete;
        SampleStore& operator=(const SampleStore&) = delete;

        bool save(sf::RenderTarget& target) override;
        void restore(sf::RenderTarget& target) override;

    private:
        // Copies the colour samples of the framebuffer `from` into `to`, all of the target's size.
        void copy(unsigned from, unsigned to) const;

        sf::RenderTexture& m_target;
        unsigned m_framebuffer = 0, m_renderbuffer = 0;
        bool m_failed = false;
    };

private:
    // The pixels of `rect` (frame pixels, y down) of the target's multisampled buffer, resolved into a
    // plain framebuffer of its own and read into those rows and columns of `pixels` (the frame's RGBA,
    // rows top to bottom), the rest of `pixels` untouched. Owns its GL objects, made on first use and
    // deleted in the target's context. False when the driver refuses them (nothing was read).
    class RectResolve {
    public:
        explicit RectResolve(sf::RenderTexture& target) : m_target(target) {}
        ~RectResolve();
        RectResolve(const RectResolve&) = delete;
        RectResolve& operator=(const RectResolve&) = delete;

        bool read(sf::IntRect rect, std::vector<std::uint8_t>& scratch, std::vector<std::uint8_t>& pixels);

    private:
        sf::RenderTexture& m_target;
        unsigned m_framebuffer = 0, m_renderbuffer = 0;
        bool m_failed = false;
    };

    Fonts m_fonts;
    std::unique_ptr<sf::RenderTexture> m_target;
    // With multisampling and a panel, the panel is drawn apart (Renderer::setPanelTarget) into a
    // multisampled texture of the frame's size (same transform, same samples) and its rectangle resolved
    // only when it changes, and of the frame's target only the map's rectangle is resolved, or the part
    // of it the frame changed (Renderer::setDirtyRects): resolving is the costliest step of a frame on
    // llvmpipe (21 ms for a whole 1920×1080 frame, 14 ms for its map; bench/RESULTS.md), and the panel
    // changes in 15 of the 250 frames of the bundled animation.
    std::unique_ptr<sf::RenderTexture> m_panelTarget;
    std::unique_ptr<RectResolve> m_mapResolve, m_panelResolve;
    std::unique_ptr<ShaderSet> m_shaders;
    std::unique_ptr<Scene> m_scene;
    std::unique_ptr<Renderer> m_renderer;
    std::unique_ptr<SampleStore> m_backdrop;
    sf::Vector2u m_size;
    std::vector<std::uint8_t> m_readBack;
    std::vector<std::uint8_t> m_pixels;
};

// The chart alone (render/chart.hpp) on the panel's background, with text and lines scaled to the
// size, drawn offscreen: `frontline chart`. Needs an X display as OffscreenRenderer does.
class OffscreenChart {
public:
    // Throws RenderError (no GL, no fonts).
    OffscreenChart(sf::Vector2u size, unsigned antialiasing = 4);
    ~OffscreenChart();
    OffscreenChart(const OffscreenChart&) = delete;
    OffscreenChart& operator=(const OffscreenChart&) = delete;

    // Lays the chart out, draws it and returns it as drawn (valid until the next call); its pixels
    // are pixels().
    const Chart& draw(const std::vector<analysis::StateStats>& stats, const ChartOptions& options);
    // RGBA, rows top to bottom, size.x·size.y·4 bytes.
    const std::vector<std::uint8_t>& pixels() const { return m_pixels; }
    sf::Vector2u size() const { return m_size; }

private:
    Fonts m_fonts;
    std::unique_ptr<sf::RenderTexture> m_target;
    std::unique_ptr<Chart> m_chart;
    sf::Vector2u m_size;
    std::vector<std::uint8_t> m_readBack;
    std::vector<std::uint8_t> m_pixels;
};

}  // namespace frontline::render
