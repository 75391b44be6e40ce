#pragma once
// Geodesic areas of overlay pieces without solving every edge again.
//
// Karney's polygon area is a sum over edges of S12, the area between the edge and the equator
// (geod_geninverse). GEOS's overlay keeps its inputs' vertices bit for bit, so nearly every edge of
// A − B or B − A is an edge of A or of B; only edges split at an intersection are new. An edge table
// remembers S12 for each edge of a shape, and a piece's area is then a sum of look-ups. The table also
// remembers on which side of each edge the shape lies, which tells a piece of the symmetric difference
// A △ B that lies in A from one that lies in B: one overlay per step instead of two.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

#include "core/geometry.hpp"

namespace frontline::geo {

// The S12 of every polygon edge of one shape (lon/lat degrees) and the side its interior is on.
// Read-only once built, so one table may serve several threads.
class GeodesicEdgeTable {
public:
    GeodesicEdgeTable() = default;
    // Solves every edge of `lonLat`'s polygons once; areaKm2() is then its area. An edge that
    // `previous` (another day's table) solved in the same direction takes its S12 from there instead:
    // the same bits as solving it, so the table does not depend on which tables were at hand.
    explicit GeodesicEdgeTable(const Geometry& lonLat, const GeodesicEdgeTable* previous = nullptr);

    // The area of the shape the table was built from, km² (equal to geodesicAreaKm2 of it).
    double areaKm2() const { return m_areaKm2; }
    std::size_t edgeCount() const { return m_entries.size(); }
    // Whether every ring is held edge by edge (none left to the library's pole or antimeridian handling,
    // none degenerate), so that the edges are the whole outline.
    bool complete() const { return m_complete; }
    // How many edges were taken from `previous` rather than solved; for tests and benchmarks.
    std::size_t reusedCount() const { return m_reused; }

    // The edge from a to b, if the table holds it in either direction: its S12 (m²) in that direction
    // and whether the shape's interior lies to its left.
    struct Found {
        double s12 = 0;
        bool interiorLeft = false;
        bool sideKnown = false;  // false for an edge the shape holds twice (a degenerate ring)
    };
    std::optional<Found> find(const Coord& a, const Coord& b) const;

    // The edges of this table that `other` does not hold with its interior on the same side (or holds
    // twice, or whose side this table cannot tell), in the order of this table's rings.
    struct Segment {
        Coord a, b;
    };
    std::vector<Segment> edgesNotSharedWith(const GeodesicEdgeTable& other) const;

private:
    struct Entry {
        Coord a, b;  // a < b lexicographically
        double s12 = 0;
        bool interiorLeft = false;
        bool sideKnown = true;
        bool solvedForward = true;  // S12 was solved from a to b (else from b to a, and negated)
    };
    std::size_t slotOf(const Coord& a, const Coord& b) const;
    const Entry* entryOf(const Coord& first, const Coord& second) const;  // first < second
    void index();

    std::vector<Entry> m_entries;
    std::vector<std::uint32_t> m_slots;  // open addressing, linear probing: entry index + 1, 0 when free
    double m_areaKm2 = 0;
    bool m_complete = true;
    std::size_t m_reused = 0;
};

// How many of a measurement's edges came from the tables; for tests and benchmarks.
struct EdgeLookupCount {
    std::size_t found = 0;
    std::size_t solved = 0;
};

// Area of `lonLat` in km², equal to geodesicAreaKm2(lonLat): edges held by one of `tables` are looked
// up, the others solved. Rings that may wrap around a pole or cross the antimeridian are measured by
// geod_polygonarea itself.
double geodesicAreaKm2(const Geometry& lonLat, std::initializer_list<const GeodesicEdgeTable*> tables,
                       EdgeLookupCount* count = nullptr);

// The symmetric difference `from` △ `to` (as GEOS gives it) split into what `to` gained and `from` lost,
// km². Each piece is assigned by the sides of the edges it shares with `from` or `to`. A piece that
// shares no whole edge (a sliver between two crossings on the same pair of edges) is left Unknown for
// the caller to place with a point-in-polygon test. Nothing is returned when the edges of a piece
// disagree (pieces of both that touch along an edge merge into one polygon) or a ring needs the
// library's pole or antimeridian handling; the caller then falls back to two differences.
struct GainedLost {
    enum class Side : std::uint8_t { Gained, Lost, Unknown };
    double gainedKm2 = 0;           // the pieces assigned Gained
    double lostKm2 = 0;             // the pieces assigned Lost
    std::vector<Side> sides;        // one per polygon of the pieces
    std::vector<double> piecesKm2;  // the area of each
};
std::optional<GainedLost> splitSymmetricDifference(const Geometry& pieces, const GeodesicEdgeTable& from,
                                                   const GeodesicEdgeTable& to);

}  // namespace frontline::geo
