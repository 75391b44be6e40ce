#pragma once
// The panel beside or below the map (Scene::panelPlacement): title, date and area in force, the chart of
// the timeline, the events since the state before, the legend and the credits. It is laid out bottom up
// by priority: the credits (a still is not publishable without them) across the panel, then title, date
// and numbers, then the legend, the chart and the events, each left out whole where it does not fit
// rather than drawn over another. With --no-panel it puts the date, the notice and the credits on the map
// instead.
//
// Draws in frame pixels with the target's current view. Can keep its pixels in a texture and reuse them
// while what it shows is unchanged. The scene, fonts and shaders are borrowed and must outlive it.
// Needs a GL context.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/periods.hpp"
#include "render/drawn_texts.hpp"
#include "render/fonts.hpp"
#include "render/frame_spec.hpp"
#include "render/ink_tiles.hpp"
#include "render/legend.hpp"
#include "render/map_notice.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

class Panel {
public:
    Panel(const Scene& scene, const Fonts& fonts, ShaderSet& shaders);

    // Reuse the pixels of the last panel drawn while what it shows is unchanged (the viewer: while the
    // camera moves or a transition runs, only the map changes). Same pixels as drawing it directly on a
    // target without multisampling. Off by default.
    void setCache(bool enabled) {
        m_cache = enabled;
        m_key.reset();
    }
    // The chart's bars of km² gained and lost per period (ChartOptions::bars); none by default.
    void setChartBars(std::optional<analysis::Period> period) {
        m_chartBars = period;
        m_key.reset();
    }

    // The panel of `frame` in the scene's panel rectangle; the legend greys the layer ids in `hidden`.
    void draw(sf::RenderTarget& target, const FrameSpec& frame, const std::set<std::string>& hidden);
    // The panel apart from the map (the export, OffscreenRenderer): into `target`, a render texture of
    // the frame's size and multisampling, and only when what it shows changed
    // since the last call; returns whether it drew. The panel's ground is opaque, so a frame made of the
    // map's pixels and these is the frame drawn whole, once drawBorderOnMap has drawn the part of the
    // border line that lies on the map.
    bool drawApart(sf::RenderTexture& target, const FrameSpec& frame, const std::set<std::string>& hidden);
    void drawBorderOnMap(sf::RenderTarget& target) const;
    // --no-panel: the date top right of the map, the notice (stale map, between two maps) under it and
    // the credits bottom right, where Scene::mapTexts() puts them.
    void drawOnMap(sf::RenderTarget& target, const FrameSpec& frame);

    // The texts of the panel last drawn (or reused), and its legend's rows.
    const DrawnTexts& texts() const { return m_texts; }
    const std::vector<LegendRow>& legendRows() const { return m_legendRows; }

private:
    // What the panel shows depends only on these.
    struct Key {
        Date date;
        int state = -1;
        int from = -2, to = -2;
        bool firstHalf = false;
        std::optional<Date> eventsSince;
        std::set<std::string> hidden;
        sf::Vector2u targetSize;
        friend bool operator==(const Key&, const Key&) = default;
    };
    Key keyOf(const FrameSpec& frame, const std::set<std::string>& hidden, sf::Vector2u targetSize) const;
    void drawCached(sf::RenderTarget& target, const FrameSpec& frame, const std::set<std::string>& hidden);
    void layOut(sf::RenderTarget& target, const FrameSpec& frame, const std::set<std::string>& hidden);
    // The panel's ground and its border with the map; returns the rectangle inside its padding.
    sf::FloatRect drawGround(sf::RenderTarget& target);
    // The border line: beside the map it straddles the panel's left edge, below it lies inside.
    void drawBorder(sf::RenderTarget& target) const;
    // Title, date and numbers in `column` from its top, less important lines left out where they do
    // not fit; returns the bottom of what was drawn.
    float drawHead(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column);
    // The legend across `column`, its last row ending at `bottom`, when it fits in `column`; returns its
    // top (`bottom` without it).
    float drawLegend(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column, float bottom,
                     const std::set<std::string>& hidden);
    // The chart at the top of `column`, above `legendTop`, when there is room for one worth reading;
    // returns the bottom of what it took (`column`'s top without it).
    float drawChart(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column, float legendTop);
    float smallestChart() const;
    // Captions of the events since frame.eventsSince, newest first, from the top of `column` while
    // they fit.
    void drawEvents(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column);
    // Credits at the bottom of `box`, wrapped to its width: with the sources at a readable size where
    // they take at most `maxShare` of its height, else without them, and smaller only when even that
    // does not fit (a thumbnail). Returns their top.
    float drawCredits(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect box, float maxShare,
                      bool alignRight = false);
    // --no-panel: the frame's notice on its plate, where `notice` puts it.
    void drawMapNotice(sf::RenderTarget& target, const std::string& text, const MapNoticeLayout& notice);

    const Scene& m_scene;
    const Fonts& m_fonts;
    ShaderSet& m_shaders;
    std::optional<analysis::Period> m_chartBars;
    DrawnTexts m_texts;
    std::vector<LegendRow> m_legendRows;
    bool m_cache = false;
    std::unique_ptr<sf::RenderTexture> m_texture;
    InkTiles m_ink;  // of m_texture's panel; empty when it could not be read (then drawn as a sprite)
    std::optional<Key> m_key;
};

}  // namespace frontline::render
