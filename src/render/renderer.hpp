#pragma once
// Draws one frame of a Scene into any sf::RenderTarget: the map (layers by z, the control state or a
// transition between two, front lines, places) and the overlays (title, date counter, area and the
// chart of `frontline stats` numbers, event captions, legend, scale bar, north arrow, attribution).

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/periods.hpp"
#include "render/fonts.hpp"
#include "render/map_view.hpp"
#include "render/recent_cache.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

// A change between two control states in progress; the schedule never asks for progress 0 or 1 (those
// frames are the plain states).
struct Transition {
    int from = -1;  // state index, −1 = nothing held yet
    int to = -1;
    double progress = 0;  // (0, 1)
};

// What one frame shows.
struct FrameSpec {
    Date date;       // the date counter
    int state = -1;  // the state drawn when there is no transition
    std::optional<Transition> transition;
    std::optional<Date> eventsSince;  // captions for events after this date, up to `date`
    double seconds = 0;               // the animation clock (moves the front line's dash)
};

// A still frame at `date`: the state in force, events since the state before it.
FrameSpec stillFrame(const Scene& scene, const Date& date);

class Renderer {
public:
    // The scene, fonts and shaders are borrowed and must outlive the renderer. Needs a GL context.
    Renderer(Scene& scene, const Fonts& fonts, ShaderSet& shaders);

    // Draws the frame with the scene at the target's top-left corner, one scene pixel per target pixel
    // (the rest of a larger target is cleared to the background).
    void draw(sf::RenderTarget& target, const FrameSpec& frame);
    // The pan and zoom of the map (the viewer's camera); the identity by default, as exported.
    void setMapView(const MapView& view) { m_mapView = view; }
    const MapView& mapView() const { return m_mapView; }
    // Layers left out of the map (the viewer's toggles): layer ids, kControlLayers for the control
    // states and their front lines. The legend still lists them, greyed. None by default, as exported.
    static constexpr const char* kControlLayers = "@control";
    void setHiddenLayers(std::set<std::string> ids) { m_hidden = std::move(ids); }
    const std::set<std::string>& hiddenLayers() const { return m_hidden; }
    // The legend's rows of the last frame drawn, frame pixels, with the id they toggle.
    struct LegendRow {
        sf::FloatRect box;
        std::string layerId;
        std::string label;
    };
    const std::vector<LegendRow>& legendRows() const { return m_legendRows; }
    // Keeps the panel in a texture and reuses it while what it shows is unchanged (the viewer: while
    // the camera moves or a transition runs, only the map changes). Same pixels as drawing it directly
    // on a target without multisampling. Off by default.
    void setPanelCache(bool enabled) {
        m_cachePanel = enabled;
        m_panelKey.reset();
    }
    // The chart's bars of km² gained and lost per period (ChartOptions::bars); none by default.
    void setChartBars(std::optional<analysis::Period> period) {
        m_chartBars = period;
        m_panelKey.reset();
    }
    // The scale bar's label of the last frame drawn ("20 km").
    const std::string& scaleBarText() const { return m_scaleBarText; }
    // Every text of the last frame drawn, in drawing order (what tests compare with reports).
    const std::vector<std::string>& drawnTexts() const { return m_texts; }
    // Where the texts of the last frame were drawn, frame pixels: each text the renderer wrote (its lines'
    // height by its widest line), each place label (its ink), and the chart as one box ("chart"), whose
    // own labels it lays out apart. `size` is the character size in pixels (0 for the chart).
    struct DrawnText {
        std::string text;
        sf::FloatRect box;
        float size = 0;
    };
    const std::vector<DrawnText>& drawnTextBoxes() const { return m_boxes; }

private:
    void drawMap(sf::RenderTarget& target, const FrameSpec& frame);
    void drawControl(sf::RenderTarget& target, const FrameSpec& frame);
    void drawFrontLine(sf::RenderTarget& target, int state, float opacity, double seconds);
    void drawLayer(sf::RenderTarget& target, const LayerMesh& layer, const Date& date);
    void drawPlaces(sf::RenderTarget& target);
    bool hidden(const std::string& id) const { return !m_hidden.empty() && m_hidden.count(id) > 0; }
    void drawScaleBar(sf::RenderTarget& target);
    void drawNorthArrow(sf::RenderTarget& target);
    void drawPanel(sf::RenderTarget& target, const FrameSpec& frame);
    // Title, date and numbers in `column` from its top, less important lines left out where they do
    // not fit; returns the bottom of what was drawn.
    float drawHead(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column);
    // Captions of the events since frame.eventsSince, newest first, from `top` while they fit above
    // `bottom`.
    void drawEvents(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column);
    // Credits at the bottom of `box`, wrapped to its width: with the sources at a readable size where
    // they take at most `maxShare` of its height, else without them, and smaller only when even that
    // does not fit (a thumbnail). Returns their top.
    float drawCredits(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect box, float maxShare,
                      bool alignRight = false);
    // --no-panel: the map's own date label and credits.
    void drawMapLabels(sf::RenderTarget& target, const FrameSpec& frame);
    void drawCachedPanel(sf::RenderTarget& target, const FrameSpec& frame);
    float drawChart(sf::RenderTarget& target, sf::FloatRect box, const Date& date);
    float drawLegend(sf::RenderTarget& target, sf::FloatRect column, float bottom, const FrameSpec& frame,
                     bool measureOnly);
    // One row of the legend: what the frame draws, each symbol variant once.
    struct LegendEntry {
        std::string label;
        std::function<void(sf::RenderTarget&, sf::FloatRect)> swatch;
        std::string layerId;
        sf::Color labelColour = sf::Color(30, 30, 30);
    };
    std::vector<LegendEntry> legendEntries(const FrameSpec& frame);
    // The variants of a layer drawn at `date` (on the map): its features grouped by validity period,
    // labelled with the period when the layer has several.
    struct LayerVariant {
        std::string label;
        bool polygons = false, lines = false;
    };
    std::vector<LayerVariant> layerVariants(const LayerMesh& layer, const Date& date) const;
    void drawPlaceDot(sf::RenderTarget& target, sf::Vector2f centre, int rank, sf::Color colour);
    // The credits of what the frame draws, each once: the data's attributions and the sources the
    // authored layers were drawn from.
    struct Credits {
        std::vector<std::string> data, sources;
    };
    Credits credits(const FrameSpec& frame) const;
    // "Data: …. Drawn for frontline from: …. Areas: …"; without the sources for a frame with no room.
    std::string creditText(const FrameSpec& frame, bool withSources) const;
    // Draws `utf8` wrapped to `maxWidth` (0 = no wrapping) with its top-left at `position`; returns
    // the height used.
    float text(sf::RenderTarget& target, const std::string& utf8, const sf::Font& font, float size,
               sf::Color colour, sf::Vector2f position, float maxWidth = 0, bool measureOnly = false);
    const sf::Texture& fieldTexture(int from, int to);

    Scene& m_scene;
    const Fonts& m_fonts;
    ShaderSet& m_shaders;
    RecentCache<std::pair<int, int>, std::unique_ptr<sf::Texture>> m_fields{4};
    std::vector<std::string> m_texts;
    std::vector<DrawnText> m_boxes;
    sf::FloatRect m_scaleBarBox;     // of the last frame drawn
    std::vector<sf::Vertex> m_kept;  // the kept part of a transition, recoloured each frame
    MapView m_mapView;
    // Per layer (index in scene.layers()), the fills and strokes of the features visible at a date in
    // one array, in the order drawLayer would draw them one by one: one draw call instead of two per
    // feature, same pixels. Rebuilt when the visible set changes.
    struct MergedLayer {
        std::vector<bool> visible;
        std::vector<sf::Vertex> vertices;
    };
    std::vector<MergedLayer> m_merged;
    // What the panel shows depends only on these (see drawPanel).
    struct PanelKey {
        Date date;
        int state = -1;
        int from = -2, to = -2;
        bool firstHalf = false;
        std::optional<Date> eventsSince;
        std::set<std::string> hidden;
        sf::Vector2u targetSize;
        friend bool operator==(const PanelKey&, const PanelKey&) = default;
    };
    bool m_cachePanel = false;
    std::unique_ptr<sf::RenderTexture> m_panelTexture;
    std::optional<PanelKey> m_panelKey;
    std::vector<std::string> m_panelTexts;
    std::vector<DrawnText> m_panelBoxes;
    std::set<std::string> m_hidden;
    std::vector<LegendRow> m_legendRows;
    std::string m_scaleBarText;
    std::optional<analysis::Period> m_chartBars;
};

}  // namespace frontline::render
