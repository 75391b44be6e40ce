#pragma once
// Draws one frame of a Scene into any sf::RenderTarget: the map (layers by z, the control state or a
// transition between two, front lines, places, scale bar, north arrow), then its Panel (title, date
// counter, area and the chart of `frontline stats` numbers, event captions, legend, attribution).

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/periods.hpp"
#include "render/culled_triangles.hpp"
#include "render/drawn_texts.hpp"
#include "render/fonts.hpp"
#include "render/frame_spec.hpp"
#include "render/legend.hpp"
#include "render/locator.hpp"
#include "render/map_view.hpp"
#include "render/panel.hpp"
#include "render/recent_cache.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

// A still frame at `date`: the state in force, events since the state before it.
FrameSpec stillFrame(const Scene& scene, const Date& date);

// Where a Renderer keeps the backdrop of a frame (its ground and the layers under the control states,
// which change only with the date's visible features) to put it back on later frames with the same one
// instead of drawing it again. The offscreen target implements it by copying its multisampled buffer
// sample for sample, so a frame is the same, byte for byte, as drawn whole.
class BackdropStore {
public:
    virtual ~BackdropStore() = default;
    // Keeps what `target` holds now; false when it cannot (the backdrop is then always drawn).
    virtual bool save(sf::RenderTarget& target) = 0;
    // Puts back into `target` what the last successful save() kept.
    virtual void restore(sf::RenderTarget& target) = 0;
};

class Renderer {
public:
    // The scene, fonts and shaders are borrowed and must outlive the renderer. Needs a GL context.
    Renderer(Scene& scene, const Fonts& fonts, ShaderSet& shaders);

    // Draws the frame with the scene at the target's top-left corner, one scene pixel per target pixel
    // (the rest of a larger target is cleared to the background).
    void draw(sf::RenderTarget& target, const FrameSpec& frame);
    // Whether `a` and `b` draw the same pixels (with the same camera and hidden layers): they show the
    // same date, state, transition and captions. Their times in the video (`seconds`) draw nothing, so
    // the frames of a hold are one picture.
    bool drawsSame(const FrameSpec& a, const FrameSpec& b) const;
    // The pan and zoom of the map (the viewer's camera); the identity by default, as exported.
    void setMapView(const MapView& view) { m_mapView = view; }
    const MapView& mapView() const { return m_mapView; }
    // Layers left out of the map (the viewer's toggles): layer ids, kControlLayers for the control
    // states and their front lines. The legend still lists them, greyed. None by default, as exported.
    static constexpr const char* kControlLayers = "@control";
    void setHiddenLayers(std::set<std::string> ids) { m_hidden = std::move(ids); }
    const std::set<std::string>& hiddenLayers() const { return m_hidden; }
    // The legend's rows of the last frame drawn, frame pixels, with the id they toggle.
    using LegendRow = render::LegendRow;
    const std::vector<LegendRow>& legendRows() const { return m_panel.legendRows(); }
    // Keeps the panel in a texture and reuses it while what it shows is unchanged (the viewer: while
    // the camera moves or a transition runs, only the map changes). Same pixels as drawing it directly
    // on a target without multisampling. Off by default.
    void setPanelCache(bool enabled) { m_panel.setCache(enabled); }
    // The panel drawn into `target` (borrowed; nullptr, the default: into the frame) and only when
    // what it shows changed (Panel::drawApart); the frame's target then holds the map and the part of
    // the panel's border on it. panelRedrawn() says whether the last frame drew the panel.
    void setPanelTarget(sf::RenderTexture* target) { m_panelTarget = target; }
    bool panelRedrawn() const { return m_panelRedrawn; }
    // Draw only where the frame can differ from the one drawn before it (the export's OffscreenRenderer):
    // when the backdrop is put back from the store and nothing drawn over the control states changed
    // (which features of the layers over them and which region names are shown, the camera), only the
    // box round the control states of this frame and of the last one drawn changes. The frame is then
    // drawn with the scissor test on that box, and dirtyRect() says which it was; the target keeps
    // elsewhere what it had, which is what this frame draws there. Off by default; only with the panel
    // drawn apart (setPanelTarget) and the camera at rest.
    void setDirtyRects(bool enabled) {
        m_dirtyRects = enabled;
        m_lastDrawn.reset();
    }
    // The frame pixels of the map that the last draw() may have changed: the map's rectangle, or the
    // box of setDirtyRects (possibly empty).
    sf::IntRect dirtyRect() const { return m_dirtyRect; }
    // Backdrops saved in `store` (borrowed; nullptr: none, the default) and reused while unchanged.
    void setBackdropStore(BackdropStore* store) {
        m_backdropStore = store;
        m_backdropKey.reset();
    }
    // Backdrops drawn since the store was set (the others were put back from it).
    std::size_t backdropsDrawn() const { return m_backdropsDrawn; }
    // The chart's bars of km² gained and lost per period (ChartOptions::bars); none by default.
    void setChartBars(std::optional<analysis::Period> period) { m_panel.setChartBars(period); }
    // The scale bar's label of the last frame drawn ("20 km").
    const std::string& scaleBarText() const { return m_scaleBarText; }
    // Every text of the last frame drawn, in drawing order (what tests compare with reports).
    const std::vector<std::string>& drawnTexts() const { return m_texts.texts(); }
    // Where the texts of the last frame were drawn, frame pixels: each text the renderer wrote (its lines'
    // height by its widest line), each place label (its ink), and the chart as one box ("chart"), whose
    // own labels it lays out apart. `size` is the character size in pixels (0 for the chart).
    using DrawnText = render::DrawnText;
    const std::vector<DrawnText>& drawnTextBoxes() const { return m_texts.boxes(); }

private:
    // How many of the scene's layers (in drawing order) lie under the control states of `frame`.
    std::size_t layersUnderControl(const FrameSpec& frame) const;
    // The ground and the first `under` layers: what the control states are drawn over.
    void drawBackdrop(sf::RenderTarget& target, const FrameSpec& frame, std::size_t under);
    // What a backdrop depends on besides the scene: which features of the layers under the control
    // states are drawn, the camera and the target's size.
    struct BackdropKey {
        std::vector<bool> drawn;
        float zoom = 1;
        sf::Vector2f offset;
        sf::Vector2u size;
        bool operator==(const BackdropKey& other) const {
            return drawn == other.drawn && zoom == other.zoom && offset == other.offset && size == other.size;
        }
    };
    BackdropKey backdropKey(const sf::RenderTarget& target, const FrameSpec& frame, std::size_t under) const;
    // What is drawn over the backdrop, as setDirtyRects compares it from frame to frame: which features
    // of the layers from `under` on and which region names are shown, and the box (frame pixels) of the
    // control states, their transition and their lines.
    struct Drawn {
        std::vector<bool> shown;
        std::size_t under = 0;
        sf::FloatRect control;  // empty (width 0) when no control state is drawn
    };
    Drawn drawnOver(const FrameSpec& frame, std::size_t under);
    // With setDirtyRects and the backdrop kept: where this frame can differ from the last one drawn
    // (the union of both frames' control boxes, a little wider, inside the map), or nothing when it may
    // differ anywhere. Remembers this frame's Drawn.
    std::optional<sf::IntRect> changedRect(const FrameSpec& frame, std::size_t under, bool backdropKept);
    // The control states, the layers from `under` on, places, scale bar and north arrow.
    void drawMap(sf::RenderTarget& target, const FrameSpec& frame, std::size_t under);
    void drawControl(sf::RenderTarget& target, const FrameSpec& frame);
    void drawFrontLine(sf::RenderTarget& target, int state, float opacity);
    // The wash and dotted outline of the schematic part of `state`'s held area, at `opacity`.
    void drawSchematic(sf::RenderTarget& target, int state, float opacity);
    void drawLayer(sf::RenderTarget& target, const LayerMesh& layer, const Date& date);
    void drawPlaces(sf::RenderTarget& target);
    void drawRegionLabels(sf::RenderTarget& target, const Date& date);
    bool hidden(const std::string& id) const { return !m_hidden.empty() && m_hidden.count(id) > 0; }
    void drawScaleBar(sf::RenderTarget& target);
    void drawNorthArrow(sf::RenderTarget& target);
    const sf::Texture& fieldTexture(int from, int to);

    Scene& m_scene;
    const Fonts& m_fonts;
    ShaderSet& m_shaders;
    RecentCache<std::pair<int, int>, std::unique_ptr<sf::Texture>> m_fields{4};
    DrawnTexts m_texts;
    std::vector<sf::Vertex> m_kept;  // the kept part of a transition, recoloured each frame
    MapView m_mapView;
    // Per layer (index in scene.layers()), the fills and strokes of the features visible at a date in
    // one array, in the order drawLayer would draw them one by one: one draw call instead of two per
    // feature, same pixels. Rebuilt when the visible set changes.
    struct MergedLayer {
        std::vector<bool> visible;
        CulledTriangles vertices;
    };
    std::vector<MergedLayer> m_merged;
    std::set<std::string> m_hidden;
    sf::RenderTexture* m_panelTarget = nullptr;
    bool m_dirtyRects = false;
    std::optional<Drawn> m_lastDrawn;
    sf::IntRect m_dirtyRect;
    bool m_panelRedrawn = false;
    BackdropStore* m_backdropStore = nullptr;
    std::optional<BackdropKey> m_backdropKey;  // of the backdrop in the store
    std::size_t m_backdropsDrawn = 0;
    std::string m_scaleBarText;
    std::optional<Locator> m_locator;  // made on the first frame that shows it
    bool m_locatorMade = false;
    Panel m_panel;
};

}  // namespace frontline::render
