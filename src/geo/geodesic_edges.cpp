#include "geo/geodesic_edges.hpp"

#include <geodesic.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

#include "geo/geodesic.hpp"

namespace frontline::geo {

namespace {

bool lexicographicLess(const Coord& a, const Coord& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

// The ring without its repeated closing vertex.
std::size_t openCount(const Path& ring) {
    std::size_t count = ring.size();
    if (count >= 2 && ring.front() == ring.back()) --count;
    return count;
}

// geod_polygonarea adds half the ellipsoid for rings that wind around a pole and unwraps longitudes
// across the antimeridian. A ring whose longitudes span less than 180° does neither, and its area is
// the plain sum of its edges' S12; the others are left to the library.
bool isPlainRing(const Path& ring, std::size_t count) {
    double minLon = ring[0].x, maxLon = ring[0].x;
    for (std::size_t i = 1; i < count; ++i) {
        minLon = std::min(minLon, ring[i].x);
        maxLon = std::max(maxLon, ring[i].x);
    }
    return maxLon - minLon < 180 && minLon >= -180 && maxLon <= 180;
}

double solveS12(const Coord& a, const Coord& b) {
    double s12 = 0, areaS12 = 0;
    geod_geninverse(&wgs84Ellipsoid(), a.y, a.x, b.y, b.x, &s12, nullptr, nullptr, nullptr, nullptr, nullptr,
                    &areaS12);
    return areaS12;
}

// Neumaier's compensated sum: thousands of S12 terms of both signs, as geod_polygonarea's
// double-double accumulator guards against.
struct CompensatedSum {
    double sum = 0, compensation = 0;
    void add(double value) {
        const double t = sum + value;
        compensation += std::fabs(sum) >= std::fabs(value) ? (sum - t) + value : (value - t) + sum;
        sum = t;
    }
    double value() const { return sum + compensation; }
};

// The signed area of a plain ring (km², counter-clockwise positive) from its summed S12, reduced as
// geod_polygonarea reduces it. The sum of S12 is positive for a clockwise ring, hence the minus.
double signedRingKm2(const CompensatedSum& sum) {
    const double ellipsoidM2 = 4 * std::numbers::pi * wgs84Ellipsoid().c2;
    return -std::remainder(sum.value(), ellipsoidM2) / 1e6;
}

// The signed area of a plain ring of `count` open vertices: edgeS12(a, b) summed over its edges,
// repeated points skipped.
template <typename EdgeS12>
double signedPlainRingKm2(const Path& ring, std::size_t count, const EdgeS12& edgeS12) {
    CompensatedSum sum;
    for (std::size_t i = 0; i < count; ++i) {
        const Coord& a = ring[i];
        const Coord& b = ring[(i + 1) % count];
        if (a != b) sum.add(edgeS12(a, b));
    }
    return signedRingKm2(sum);
}

// A polygon's interior lies left of its shell traversed counter-clockwise and of a hole traversed
// clockwise.
bool interiorIsLeft(bool shell, double signedKm2) { return shell == (signedKm2 > 0); }

std::uint64_t mix(std::uint64_t h, double value) {
    // splitmix64's finaliser over each coordinate's bits.
    h ^= std::bit_cast<std::uint64_t>(value) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

}  // namespace

GeodesicEdgeTable::GeodesicEdgeTable(const Geometry& lonLat, const GeodesicEdgeTable* previous) {
    m_entries.reserve(lonLat.vertexCount());
    for (const auto& polygon : lonLat.polygons) {
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            const Path& ring = polygon.rings[r];
            const std::size_t count = openCount(ring);
            if (count < 3) {
                m_complete = false;
                continue;
            }
            if (!isPlainRing(ring, count)) {  // measured by the library; its edges are not kept
                m_areaKm2 += (r == 0 ? 1 : -1) * geodesicRingAreaKm2(ring);
                m_complete = false;
                continue;
            }
            const std::size_t first = m_entries.size();
            const double signedKm2 = signedPlainRingKm2(ring, count, [&](const Coord& a, const Coord& b) {
                const bool forward = lexicographicLess(a, b);
                const Coord& low = forward ? a : b;
                const Coord& high = forward ? b : a;
                // geod_geninverse(b, a) need not be the exact negation of geod_geninverse(a, b): only an
                // edge solved in this direction is reused, so the sum is bit for bit that of solving all.
                const Entry* known = previous ? previous->entryOf(low, high) : nullptr;
                double s12 = 0;
                if (known && known->solvedForward == forward) {
                    s12 = forward ? known->s12 : -known->s12;
                    ++m_reused;
                } else {
                    s12 = solveS12(a, b);
                }
                // interiorLeft holds `forward` until the ring's orientation is known.
                m_entries.push_back({low, high, forward ? s12 : -s12, forward, true, forward});
                return s12;
            });
            const bool left = interiorIsLeft(r == 0, signedKm2);
            for (std::size_t k = first; k < m_entries.size(); ++k)
                m_entries[k].interiorLeft = m_entries[k].interiorLeft == left;
            m_areaKm2 += (r == 0 ? 1 : -1) * std::fabs(signedKm2);
        }
    }
    index();
}

std::size_t GeodesicEdgeTable::slotOf(const Coord& a, const Coord& b) const {
    const std::uint64_t h = mix(mix(mix(mix(0, a.x), a.y), b.x), b.y);
    return static_cast<std::size_t>(h) & (m_slots.size() - 1);
}

void GeodesicEdgeTable::index() {
    m_slots.assign(std::bit_ceil(std::max<std::size_t>(16, 2 * m_entries.size())), 0);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        Entry& entry = m_entries[i];
        std::size_t slot = slotOf(entry.a, entry.b);
        bool duplicate = false;
        for (; m_slots[slot] != 0; slot = (slot + 1) & mask) {
            Entry& other = m_entries[m_slots[slot] - 1];
            if (other.a == entry.a && other.b == entry.b) {
                other.sideKnown = false;  // the shape has this edge twice: no side to tell
                entry.sideKnown = false;
                duplicate = true;
                break;
            }
        }
        if (!duplicate) m_slots[slot] = static_cast<std::uint32_t>(i + 1);
    }
}

const GeodesicEdgeTable::Entry* GeodesicEdgeTable::entryOf(const Coord& first, const Coord& second) const {
    if (m_slots.empty()) return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = slotOf(first, second); m_slots[slot] != 0; slot = (slot + 1) & mask) {
        const Entry& entry = m_entries[m_slots[slot] - 1];
        if (entry.a == first && entry.b == second) return &entry;
    }
    return nullptr;
}

std::optional<GeodesicEdgeTable::Found> GeodesicEdgeTable::find(const Coord& a, const Coord& b) const {
    const bool forward = lexicographicLess(a, b);
    const Entry* entry = forward ? entryOf(a, b) : entryOf(b, a);
    if (!entry) return std::nullopt;
    return Found{forward ? entry->s12 : -entry->s12, forward == entry->interiorLeft, entry->sideKnown};
}

std::vector<GeodesicEdgeTable::Segment> GeodesicEdgeTable::edgesNotSharedWith(
    const GeodesicEdgeTable& other) const {
    std::vector<Segment> result;
    for (const Entry& entry : m_entries) {
        const Entry* same = other.entryOf(entry.a, entry.b);
        const bool shared =
            same && same->sideKnown && entry.sideKnown && same->interiorLeft == entry.interiorLeft;
        if (!shared) result.push_back({entry.a, entry.b});
    }
    return result;
}

double geodesicAreaKm2(const Geometry& lonLat, std::initializer_list<const GeodesicEdgeTable*> tables,
                       EdgeLookupCount* count) {
    EdgeLookupCount local;
    double area = 0;
    for (const auto& polygon : lonLat.polygons) {
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            const Path& ring = polygon.rings[r];
            const std::size_t n = openCount(ring);
            double ringKm2 = 0;
            if (n < 3) {
                ringKm2 = 0;
            } else if (!isPlainRing(ring, n)) {
                ringKm2 = geodesicRingAreaKm2(ring);
            } else {
                ringKm2 = std::fabs(signedPlainRingKm2(ring, n, [&](const Coord& a, const Coord& b) {
                    std::optional<GeodesicEdgeTable::Found> found;
                    for (const GeodesicEdgeTable* table : tables) {
                        if (table && (found = table->find(a, b))) break;
                    }
                    ++(found ? local.found : local.solved);
                    return found ? found->s12 : solveS12(a, b);
                }));
            }
            area += r == 0 ? ringKm2 : -ringKm2;
        }
    }
    if (count) *count = local;
    return area;
}

std::optional<GainedLost> splitSymmetricDifference(const Geometry& pieces, const GeodesicEdgeTable& from,
                                                   const GeodesicEdgeTable& to) {
    GainedLost result;
    // Per shared edge: whether the piece lies on the same side of it as the shape it came from.
    struct Shared {
        bool fromTo;  // the edge is one of `to`'s (else `from`'s)
        bool shapeLeft;
    };
    std::vector<Shared> shared;
    result.sides.reserve(pieces.polygons.size());
    result.piecesKm2.reserve(pieces.polygons.size());
    for (const auto& polygon : pieces.polygons) {
        double pieceKm2 = 0;
        std::size_t gainedVotes = 0, lostVotes = 0;
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            const Path& ring = polygon.rings[r];
            const std::size_t n = openCount(ring);
            if (n < 3) continue;
            if (!isPlainRing(ring, n)) return std::nullopt;
            shared.clear();
            const double signedKm2 = signedPlainRingKm2(ring, n, [&](const Coord& a, const Coord& b) {
                const auto inFrom = from.find(a, b);
                const auto inTo = to.find(a, b);
                if (inFrom && inFrom->sideKnown) shared.push_back({false, inFrom->interiorLeft});
                if (inTo && inTo->sideKnown) shared.push_back({true, inTo->interiorLeft});
                return inFrom ? inFrom->s12 : inTo ? inTo->s12 : solveS12(a, b);
            });
            const bool pieceLeft = interiorIsLeft(r == 0, signedKm2);
            for (const Shared& edge : shared) {
                // On the shape's side of one of its edges, the piece lies inside that shape.
                const bool insideShape = edge.shapeLeft == pieceLeft;
                ++((insideShape == edge.fromTo) ? gainedVotes : lostVotes);
            }
            pieceKm2 += (r == 0 ? 1 : -1) * std::fabs(signedKm2);
        }
        if (gainedVotes > 0 && lostVotes > 0) return std::nullopt;
        result.piecesKm2.push_back(pieceKm2);
        if (gainedVotes > 0) {
            result.gainedKm2 += pieceKm2;
            result.sides.push_back(GainedLost::Side::Gained);
        } else if (lostVotes > 0) {
            result.lostKm2 += pieceKm2;
            result.sides.push_back(GainedLost::Side::Lost);
        } else {
            result.sides.push_back(GainedLost::Side::Unknown);
        }
    }
    return result;
}

}  // namespace frontline::geo
