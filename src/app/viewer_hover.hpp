#pragma once
// What is under the pointer on the viewer's map: a feature of a drawn layer, the held area of the state
// in force, or a place; with the text the viewer shows for it (name, layer, validity, area with its
// interval). Hit tests run on the scene's triangles in scene pixels, top layer first.

#include <SFML/Graphics/Vertex.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "render/scene.hpp"

namespace frontline::app {

struct HoverTarget {
    enum class Kind { Feature, Control, Place };
    Kind kind = Kind::Feature;
    const render::LayerMesh* layer = nullptr;  // Feature, Place
    std::size_t feature = 0;                   // index in layer->features (Feature)
    int state = -1;                            // Control
    std::size_t place = 0;                     // index in scene.places() (Place)

    friend bool operator==(const HoverTarget&, const HoverTarget&) = default;
};

// Finds the hover target at `scenePixel` among what is drawn at `date` (hidden layers skipped);
// `placeRadius` is the pick radius of place dots in scene pixels.
std::optional<HoverTarget> hitTest(const render::Scene& scene, const Date& date, int state,
                                   sf::Vector2f scenePixel, float placeRadius,
                                   const std::set<std::string>& hidden);

// The lines of text describing a target, the first one its name. Areas are measured on first use and
// kept (geodesic, with the layer's positional uncertainty as `frontline stats` does it).
// Whether `p` is inside any of the triangles (vertices in threes).
bool pointInTriangles(const std::vector<sf::Vertex>& vertices, sf::Vector2f p);

// An event's `source` as a reader can follow it: web addresses and titles kept; what only makes sense
// next to the scenario's working files left out: corpus file names ("001_d5079c.txt (CEPA, Sept 2022)"
// becomes its title, "CEPA, Sept 2022", and a bare one goes), remarks about DATA.md, and the "[25]"
// numbers of its list. Items are separated by "; " as in events.toml.
std::string readerSource(const std::string& source);

class HoverDescriber {
public:
    HoverDescriber(const render::Scene& scene, const analysis::Measurer& measurer)
        : m_scene(scene), m_measurer(measurer) {}
    std::vector<std::string> describe(const HoverTarget& target);
    // The triangles to highlight (scene pixels), empty for a place.
    const std::vector<sf::Vertex>& triangles(const HoverTarget& target) const;

private:
    const render::Scene& m_scene;
    const analysis::Measurer& m_measurer;
    std::map<std::pair<const Layer*, std::size_t>, analysis::Interval> m_areas;
};

}  // namespace frontline::app
