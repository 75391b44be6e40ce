#pragma once
// The drawable form of a scenario at one frame size: every layer projected (the scenario's equal-area
// display projection, LAEA centred on it unless scenario.toml names one), mapped to frame pixels,
// tessellated once into vertex arrays, plus the measured timeline the overlays show.
//
// Pixel coordinates: origin top-left, y down, frame `size`. The map fills `mapRect`, overlays the panel.
// Built once per (scenario, size); drawing never touches GEOS or PROJ again. Not thread-safe.

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/stats.hpp"
#include "core/diagnostics.hpp"
#include "core/scenario.hpp"
#include "geo/thread_context.hpp"
#include "render/drawn_layers.hpp"
#include "render/fonts.hpp"
#include "render/frame_layout.hpp"
#include "render/frame_spec.hpp"
#include "render/map_texts.hpp"
#include "render/pixel_mapping.hpp"
#include "render/recent_cache.hpp"
#include "render/region_labels.hpp"
#include "render/transition_field.hpp"

namespace frontline::render {

// One feature of a context, boundary or corridor layer, in pixels.
struct FeatureMesh {
    std::optional<Date> validFrom;   // shown from this date (inclusive)…
    std::optional<Date> validTo;     // …until this one (exclusive)
    std::vector<sf::Vertex> fill;    // triangles
    std::vector<sf::Vertex> stroke;  // triangles
    bool polygons = false;           // what it is made of (the legend draws the same symbols)
    bool lines = false;
    bool onMap = false;      // some of it lies inside the map rectangle
    bool schematic = false;  // Layer::isSchematic: lighter fill, stroke drawn dotted (render/schematic)

    bool visibleAt(const Date& date) const;
};

struct LayerMesh {
    const Layer* layer = nullptr;  // borrowed from the scenario
    sf::Color fill = sf::Color::Transparent;
    sf::Color stroke = sf::Color::Transparent;
    bool hatch = false;
    bool schematic = false;  // some feature is
    bool reference = false;  // MapOptions::references: outline only, at every date
    std::vector<FeatureMesh> features;

    bool visibleAt(const Date& date) const;
};

// One dated control state: what it is and how it is styled. Its triangles are made when it is drawn
// (Scene::shapes), so that a series of hundreds of states keeps only the few on screen in memory.
struct StateMesh {
    const ControlState* state = nullptr;  // borrowed from the scenario's timeline
    const Layer* layer = nullptr;         // nullptr for an empty state
    sf::Color fill = sf::Color::Transparent;
    sf::Color stroke = sf::Color::Transparent;
};

// The triangles of one state's held area and of its line of contact.
struct StateShapes {
    std::vector<sf::Vertex> area;       // triangles
    std::vector<sf::Vertex> frontLine;  // the line of contact's stroke, texCoords.x = arc length
    // The schematic part of the held area (render/schematic): the wash laid over it and its outline,
    // drawn dotted (texCoords.x = arc length); the line of contact leaves it out.
    std::vector<sf::Vertex> schematic, schematicEdge;
};

// What changes between two states: the kept, lost and gained parts as triangles.
struct TransitionMesh {
    std::vector<sf::Vertex> kept, lost, gained;
};

struct PlaceLabel {
    sf::Vector2f dot;
    sf::Vector2f textPosition;  // top-left of the text
    std::string name;           // empty: a dot whose label found no room
    int rank = 2;               // 0 city, 1 town, 2 village (or no `kind`)
    bool kindGiven = false;     // the feature has a `kind` property
    std::size_t layer = 0;      // index in Scene::placeLayers()
};

// How place labels are written: the feature's `name`; its other name (the first of `name_alt`, a
// `; `-separated list, that differs from `name`); or both, "Khankendi (Stepanakert)".
enum class PlaceNames { Primary, Alt, Both };

// The label of a place feature in that convention; the name alone when there is no other name, the
// feature id when there is no name. (render/place_name.cpp)
std::string placeName(const Feature& feature, PlaceNames names);

// How the map changes between two states. The data are two dated maps and nothing in between, so
// `Dissolve` (the default) fades the lost region out and the gained region in, everywhere at once: it
// claims no order. `Wipe` moves a front from the old line to the new one (shaders/transition.frag):
// easier to follow, but its direction and pace are drawn, not measured.
enum class TransitionStyle { Dissolve, Wipe };
// "dissolve", "wipe" (what --transition-style takes).
const char* toString(TransitionStyle style);

// Choices of the drawing that are the user's, the same for export and view.
struct MapOptions {
    PlaceNames names = PlaceNames::Primary;
    TransitionStyle transition = TransitionStyle::Dissolve;
    bool panel = true;     // false: --no-panel, the map alone with a date label and the credits
    bool locator = false;  // --locator: an inset of where the map is (render/locator.hpp)
    ShownSpan span;        // --from/--to as given: the panel's title and chart follow them
    // --reference: layers drawn on every frame whatever their dates, as outlines (no fill), and listed
    // in the legend as references. Ids of layers the map draws (checked by the command).
    std::vector<std::string> references;
};

// The timeline's numbers, as `frontline stats` measures them (geodesic), computed on a thread of its own
// with its own GEOS and PROJ contexts, so that meshes, GL context and shaders are made meanwhile: for 30
// states of 5,000 vertices measuring takes as long as all the rest of the scene (~0.75 s). `scenario`
// is borrowed and must not change until the result is taken. Errors are rethrown by get().
// `scope` leaves out what the caller will not draw (a still's, analysis::StatsScope::still).
using StatsFuture = std::future<std::vector<analysis::StateStats>>;
StatsFuture measureInBackground(const Scenario& scenario, analysis::StatsScope scope = {});
// Numbers measured before (a scene rebuilt at another size measures nothing again).
StatsFuture readyStats(std::vector<analysis::StateStats> stats);

class Scene {
public:
    // `stats`: the timeline's numbers from measureInBackground(scenario), started earlier by the caller;
    // without it the constructor starts measuring itself. Throws GeometryError / DataError / RenderError
    // with the layer or state at fault.
    Scene(const Scenario& scenario, geo::ThreadContext& context, const Fonts& fonts, sf::Vector2u size,
          MapOptions options = {}, StatsFuture stats = {});

    const Scenario& scenario() const { return m_scenario; }
    const MapOptions& options() const { return m_options; }
    sf::Vector2u size() const { return m_size; }
    // Pixel sizes of text and lines scale with the frame: 1 at 1920×1080.
    float unit() const { return m_layout.unit; }
    sf::FloatRect mapRect() const { return m_layout.map; }
    sf::FloatRect panelRect() const { return m_layout.panel; }
    PanelPlacement panelPlacement() const { return m_layout.placement; }
    // The locator inset's box; empty without MapOptions::locator.
    sf::FloatRect locatorRect() const { return m_layout.locator; }
    // Without a panel: where the date and the credits go on the map, and what names keep clear of.
    const MapTextsLayout& mapTexts() const { return m_mapTexts; }
    const FrameLayout& layout() const { return m_layout; }
    const geo::EqualAreaFrame& frame() const { return *m_frame; }
    geo::ThreadContext& context() const { return m_context; }

    // The non-control, non-place layers the map draws (whyNotDrawn), in drawing order (z, then
    // manifest order).
    const std::vector<LayerMesh>& layers() const { return m_layers; }
    // One per timeline state, in timeline order.
    const std::vector<StateMesh>& states() const { return m_states; }
    // The triangles of state `state` (an index), tessellated on first use; the most recent few are
    // kept (see RecentCache for how long a reference stays valid).
    const StateShapes& shapes(int state) const;
    // The schematic part of state `state`'s held area (lon/lat; render/schematic), empty when none.
    const Geometry& schematicPartOf(int state) const {
        return m_schematicLonLat.at(static_cast<std::size_t>(state));
    }
    // The change from state `from` to state `to` (indices; −1 = before the first state), made on first
    // use; the most recent few are kept.
    const TransitionMesh& transition(int from, int to);
    // The wipe's reveal field of that change, made on each call (the renderer keeps the texture); a
    // dissolve never asks for it.
    TransitionField transitionField(int from, int to) const;
    // The timeline as `frontline stats` measures it (geodesic), one row per state.
    const std::vector<analysis::StateStats>& stats() const { return m_stats; }
    // Measures the change into state `state` (an index) from the one before, when the numbers came
    // without it (analysis::StatsScope::areas: a viewer measures a change when it shows it); the same
    // numbers and pieces as measured with the rest. Nothing to do for a change measured already, the
    // first state, a row not measured, or an index out of range. (render/scene_stats.cpp)
    void measureChange(int state);
    // The places inside the map, of every place layer that has points, labelled where there is room.
    const std::vector<PlaceLabel>& places() const { return m_places; }
    const std::vector<LayerMesh>& placeLayers() const { return m_placeLayers; }
    // The names of the layers with style.label (countries, waters) that found room; RegionLabel::layer
    // indexes layers().
    const std::vector<RegionLabel>& regionLabels() const { return m_regionLabels; }

    // Index of the state in force at `date`, −1 before the first.
    int stateIndexAt(const Date& date) const;
    // The longitude and latitude under a frame pixel of the map (the unzoomed view).
    Coord toLonLat(sf::Vector2f pixel) const;
    // Metres on the ground per pixel at the map's centre.
    double metresPerPixel() const { return m_metresPerPixel; }
    // The direction of north at the map's centre, radians clockwise from screen up.
    float northRadians() const { return m_northRadians; }

private:
    // The steps of the constructor, in order.
    void build(const Fonts& fonts);
    // Each state's held area (m_heldLonLat), and projected.
    std::vector<Geometry> projectHeld();
    // Per scenario layer, its features projected (none for control layers).
    std::vector<std::vector<Geometry>> projectLayers() const;
    // The pixel mapping that fits `extent` (projected metres), padded, in the map rectangle.
    void fitMap(BoundingBox extent);
    float northRadiansAt(const Coord& projectedXy) const;
    void meshLayers(const std::vector<std::vector<Geometry>>& layerXy);
    FeatureMesh meshFeature(const LayerMesh& mesh, const Feature& source, const Geometry& projectedXy) const;
    void styleStates();
    void placeLabels(const Fonts& fonts, const std::vector<Geometry>& heldXy,
                     const std::vector<std::vector<Geometry>>& layerXy);
    // Pixels² of `box` (frame pixels) the data cover: the held area of the state that holds most of it,
    // and the filled polygons of the layers drawn (chooseNorthArrowCorner).
    double dataCovered(sf::FloatRect box, const std::vector<Geometry>& heldXy,
                       const std::vector<std::vector<Geometry>>& layerXy) const;
    void labelRegions(const Fonts& fonts, const std::vector<Geometry>& heldXy,
                      const std::vector<std::vector<Geometry>>& layerXy);
    sf::Vector2f toPixel(const Coord& projectedXy) const { return m_pixels.toPixel(projectedXy); }
    std::vector<sf::Vertex> fillTriangles(const Geometry& projectedXy, sf::Color color) const;
    std::vector<sf::Vertex> outline(const Geometry& projectedXy, float width, sf::Color color) const;
    StateShapes makeShapes(int state) const;
    TransitionMesh makeTransition(int from, int to);

    const Scenario& m_scenario;
    geo::ThreadContext& m_context;
    MapOptions m_options;
    sf::Vector2u m_size;
    FrameLayout m_layout;
    MapTextsLayout m_mapTexts;
    PixelMapping m_pixels;  // projected metres → frame pixels
    double m_metresPerPixel = 1;
    float m_northRadians = 0;

    std::vector<LayerMesh> m_layers;
    std::vector<StateMesh> m_states;
    std::vector<Geometry> m_heldLonLat;
    std::vector<Geometry> m_schematicLonLat;  // per state, the schematic part of m_heldLonLat
    std::vector<analysis::StateStats> m_stats;
    std::vector<PlaceLabel> m_places;
    std::vector<LayerMesh> m_placeLayers;
    std::vector<RegionLabel> m_regionLabels;
    mutable RecentCache<int, StateShapes> m_shapes{8};
    RecentCache<std::pair<int, int>, TransitionMesh> m_transitions{4};
    std::optional<geo::EqualAreaFrame> m_frame;
};

}  // namespace frontline::render
