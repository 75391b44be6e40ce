#pragma once
// The legend of one frame: a row for each thing its map draws, with the symbol the map draws it with.
// The held area, its schematic part (render/schematic) and its line of contact (of the state, or of the
// nearer end of a transition), then each layer from the top of the map down, once per variant the
// frame draws (features of one validity period: the 2020 and the 2022 corridor are two), schematic
// features when the frame draws them, then the places by symbol (cities, towns, villages), each place
// layer on its own.
//
// Made per frame (what it lists depends on the date and the states drawn); the scene and shaders are
// borrowed and must outlive it. Sizes scale with the scene's unit. Needs a GL context to draw.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "render/drawn_texts.hpp"
#include "render/fonts.hpp"
#include "render/frame_spec.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"

namespace frontline::render {

// A row of the legend as drawn, frame pixels, with the layer id it toggles (Renderer::kControlLayers for
// the control states) and its label.
struct LegendRow {
    sf::FloatRect box;
    std::string layerId;
    std::string label;
};

class Legend {
public:
    Legend(const Scene& scene, ShaderSet& shaders, const FrameSpec& frame);

    // The height its rows take in one column of their natural width.
    float height() const;
    // The height in `columns` side by side across `width`, each label wrapped to its column, the rows
    // filled top to bottom, then left to right, with the columns' heights balanced (needs the fonts'
    // glyphs).
    float height(const Fonts& fonts, float width, int columns) const;
    // Draws the rows across `column` in `columns` (as height() lays them out), the last row ending at
    // `bottom`; rows of the layer ids in `hidden` are greyed and say so. Returns the rows as drawn.
    std::vector<LegendRow> draw(sf::RenderTarget& target, sf::FloatRect column, float bottom,
                                const std::set<std::string>& hidden, const Fonts& fonts, DrawnTexts& texts,
                                int columns = 1) const;

private:
    struct Entry {
        std::string label;
        std::function<void(sf::RenderTarget&, sf::FloatRect)> swatch;
        std::string layerId;
        sf::Color labelColour = sf::Color(30, 30, 30);
    };
    void addControl(const FrameSpec& frame);
    void addLayers(const Date& date);
    void addSchematicHeld(const FrameSpec& frame);
    void addSchematicFeatures(const Date& date);
    void addPlaces();
    float textSize() const;
    float rowHeight() const;
    // Each row's box relative to the legend's top left, in `columns` across `width`; the label wraps
    // to its column's width less the swatch (one column: not wrapped).
    std::vector<sf::FloatRect> slots(const Fonts& fonts, float width, int columns) const;
    float labelLeft() const;

    const Scene& m_scene;
    ShaderSet& m_shaders;
    std::vector<Entry> m_entries;
};

}  // namespace frontline::render
