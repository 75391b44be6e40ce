#pragma once
// Held areas and changes split over the features of another layer ("regions": rayons, oblasts): the
// numbers analysts publish per district. Each region's polygons and area are measured once; each held
// area or change is then intersected with every region it can touch.

#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "analysis/change.hpp"
#include "core/layer.hpp"

namespace frontline::analysis {

// How the held area at a state splits over the regions.
struct BreakdownRow {
    std::string featureId;
    std::string name;
    double featureKm2 = 0;  // the feature's whole area
    double heldKm2 = 0;     // the part of it held
};

// What changed hands inside one region, km².
struct RegionChange {
    std::string featureId;
    std::string name;
    double gainedKm2 = 0;
    double lostKm2 = 0;
};

// A change split over the regions, and the part of it in none (outside every region). When the regions
// do not overlap, the regions and `outside` add up to the change's gained and lost.
struct ChangeBreakdown {
    std::vector<RegionChange> regions;
    RegionChange outside;
};

// The polygonal features of a layer, measured. Borrows the measurer; one per thread.
class Regions {
public:
    // Features without polygons are left out; throws DataError naming the layer when none has any.
    Regions(const Measurer& measurer, const Layer& layer);

    std::vector<BreakdownRow> breakdown(const Geometry& heldLonLat) const;
    ChangeBreakdown change(const Change& change) const;

private:
    struct Region {
        std::string featureId;
        std::string name;
        Geometry polygons;
        BoundingBox box;
        double areaKm2 = 0;
    };
    // The area of `pieces` inside each region (0 without computing where the boxes are apart).
    std::vector<double> areasInside(const Geometry& pieces) const;

    const Measurer& m_measurer;
    std::vector<Region> m_regions;
    Geometry m_union;  // every region dissolved, for what lies outside them all
};

}  // namespace frontline::analysis
