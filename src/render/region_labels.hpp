#pragma once
// Names of countries, regions and waters written on the map, so that a reader knows where the map is:
// "ARMENIA", "IRAN", "Lake Sevan", "Aras". A layer asks for them with `style.label` (the feature
// property to print) and `style.label_style` (region: spaced capitals in grey; water: italic blue).
//
// Where a name goes, in frame pixels:
//   - A polygon's name goes where it fits wholly inside the part of the polygon that is on the map and
//     off the data: the map rectangle less every state's held area (so a country's name never sits on
//     the area the map is about). The first place tried is the centre of the largest circle that fits
//     there (GEOS MaximumInscribedCircle), then points around it; each part of a multipolygon big
//     enough gets its own label, at most kMaxLabelsPerFeature.
//   - A line's name goes beside the line, along it (rotated, never upside down), at its middle first,
//     then at other points along the visible stretch, off the data.
//   - No name overlaps the overlays (north arrow, scale bar, date and credits without a panel), the
//     place dots and labels (placed before, as they carry more information) or another region name. A
//     name that finds no room is left out: a label in the wrong place misleads more than none.

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/System/Vector2.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/geometry.hpp"
#include "geo/geos.hpp"
#include "render/fonts.hpp"
#include "render/frame_layout.hpp"

namespace frontline::render {

enum class RegionLabelStyle { Region, Water };

// "region" or "water" (DataError otherwise, naming `where`).
RegionLabelStyle parseRegionLabelStyle(const std::string& text, const std::string& where);

// The character size of a region name at `unit` (region names are larger than place names, waters
// are as large).
float regionLabelSize(RegionLabelStyle style, float unit);

// A feature to name: its geometry in frame pixels (polygons, or lines), its name and when it is shown.
struct RegionCandidate {
    Geometry pixels;
    std::string name;
    RegionLabelStyle style = RegionLabelStyle::Region;
    std::size_t layer = 0;  // index in Scene::layers()
    std::optional<Date> validFrom, validTo;
};

// A placed name: the text as drawn (region names in capitals), the centre of its box, its rotation.
struct RegionLabel {
    std::string text;
    sf::Vector2f centre;
    float rotationDegrees = 0;
    float characterSize = 12;
    RegionLabelStyle style = RegionLabelStyle::Region;
    std::size_t layer = 0;
    std::optional<Date> validFrom, validTo;
    sf::FloatRect box;  // the axis-aligned box of its ink and halo, frame pixels

    bool visibleAt(const Date& date) const;
};

inline constexpr int kMaxLabelsPerFeature = 2;

// The names of `candidates` that find room, in the order tried (polygons by the size of their visible
// part, largest first, then lines). `avoidPixels`: polygons no name may touch (the held areas);
// `taken`: boxes already used (overlays, places). Deterministic for the same input.
std::vector<RegionLabel> layOutRegionLabels(geo::GeosContext& geos, std::vector<RegionCandidate> candidates,
                                            const Geometry& avoidPixels,
                                            const std::vector<sf::FloatRect>& taken,
                                            const FrameLayout& layout, const Fonts& fonts);

// The name as drawn: centred on label.centre at whole pixels, turned, with its halo.
sf::Text regionText(const RegionLabel& label, const Fonts& fonts);

// The text a region name is drawn with: capitals for a region (ASCII letters only, a name with other
// letters keeps its case, as upper-casing them needs the language), as given for a water.
std::string regionLabelText(const std::string& name, RegionLabelStyle style);

}  // namespace frontline::render
