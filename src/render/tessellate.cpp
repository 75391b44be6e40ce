#include "render/tessellate.hpp"

#include <GL/glu.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "core/error.hpp"

namespace frontline::render {

namespace {

struct TessDeleter {
    void operator()(GLUtesselator* tess) const noexcept { gluDeleteTess(tess); }
};
using TessPtr = std::unique_ptr<GLUtesselator, TessDeleter>;

// What the callbacks of one polygon share (GLU's polygon_data). GLU's vertex data are indices into
// `points` (plus one, so that none is a null pointer): the polygon's own vertices, then the crossings
// and merged duplicates GLU asks for through onCombine.
struct Output {
    std::vector<Coord> points;
    std::vector<std::uint32_t> triangles;  // indices into points, three per triangle
    GLenum error = 0;
    // Nothing may unwind through libGLU's C frames; a throw inside a callback is kept for afterwards.
    std::exception_ptr exception;
};

// GLU hands a vertex back as the void* it was given: the vertex's index + 1 travels in it, no pointer.
// NOLINTNEXTLINE(performance-no-int-to-ptr): that integer-in-a-pointer is what GLU's API offers.
void* tag(std::size_t index) { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(index) + 1); }
std::uint32_t untag(void* data) {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(data) - 1);
}

Output& outputOf(void* polygonData) { return *static_cast<Output*>(polygonData); }

void onBegin(GLenum type, void* polygonData) {
    // With an edge-flag callback GLU emits independent triangles only, never fans or strips.
    assert(type == GL_TRIANGLES);
    (void)type;
    (void)polygonData;
}

void onEdgeFlag(GLboolean, void*) {}

void onVertex(void* vertexData, void* polygonData) {
    Output& out = outputOf(polygonData);
    if (out.exception) return;
    try {
        out.triangles.push_back(untag(vertexData));
    } catch (...) {
        out.exception = std::current_exception();
    }
}

void onEnd(void*) {}

// Two edges cross, or two vertices coincide: GLU asks for the vertex at `coords`. Its position is all
// we keep (the weights would only blend colours or texture coordinates).
void onCombine(GLdouble coords[3], void* vertexData[4], GLfloat[4], void** outData, void* polygonData) {
    Output& out = outputOf(polygonData);
    *outData = vertexData[0];  // a usable answer even when storing the new point fails
    if (out.exception) return;
    try {
        out.points.push_back({coords[0], coords[1]});
        *outData = tag(out.points.size() - 1);
    } catch (...) {
        out.exception = std::current_exception();
    }
}

void onError(GLenum error, void* polygonData) {
    Output& out = outputOf(polygonData);
    if (out.error == 0) out.error = error;
}

template <typename Function>
_GLUfuncptr callback(Function* function) {
    // GLU's registration takes every callback as void(*)(void) and calls it with the signature `which`
    // names; the casts back are GLU's side of the contract.
    return reinterpret_cast<_GLUfuncptr>(function);
}

TessPtr makeTessellator() {
    TessPtr tess(gluNewTess());
    if (!tess) throw GeometryError("triangulate: cannot create a GLU tessellator (out of memory)");
    GLUtesselator* t = tess.get();
    gluTessCallback(t, GLU_TESS_BEGIN_DATA, callback(&onBegin));
    gluTessCallback(t, GLU_TESS_EDGE_FLAG_DATA, callback(&onEdgeFlag));
    gluTessCallback(t, GLU_TESS_VERTEX_DATA, callback(&onVertex));
    gluTessCallback(t, GLU_TESS_END_DATA, callback(&onEnd));
    gluTessCallback(t, GLU_TESS_COMBINE_DATA, callback(&onCombine));
    gluTessCallback(t, GLU_TESS_ERROR_DATA, callback(&onError));
    // Odd winding: holes are holes whatever the rings' orientation, and a ring that crosses itself
    // fills what a GIS would call its inside for the simple cases.
    gluTessProperty(t, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    // A given normal spares GLU its own estimate and projects exactly: s = x, t = y.
    gluTessNormal(t, 0, 0, 1);
    return tess;
}

std::string errorText(GLenum error) {
    const GLubyte* text = gluErrorString(error);
    if (!text) return "GLU error " + std::to_string(error);
    return reinterpret_cast<const char*>(text);
}

// Twice the signed area of (a, b, c): positive when they turn counter-clockwise.
double orient(const Coord& a, const Coord& b, const Coord& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

constexpr std::int64_t kNoTwin = -1;

// Half-edge h of triangle h / 3 runs from corner h to the next corner of the same triangle.
std::size_t nextEdge(std::size_t h) { return h - h % 3 + (h % 3 + 1) % 3; }
std::size_t previousEdge(std::size_t h) { return h - h % 3 + (h % 3 + 2) % 3; }

// For each half-edge, the opposite half-edge of the neighbouring triangle, or kNoTwin on the polygon's
// boundary. An edge used other than once in each direction (GLU never makes one, but a zero-area
// triangle could) is treated as boundary: it is then never flipped.
std::vector<std::int64_t> twins(const std::vector<std::uint32_t>& corners) {
    struct Entry {
        std::uint32_t low, high;
        std::size_t edge;
    };
    std::vector<Entry> entries;
    entries.reserve(corners.size());
    for (std::size_t h = 0; h < corners.size(); ++h) {
        const std::uint32_t from = corners[h], to = corners[nextEdge(h)];
        entries.push_back({std::min(from, to), std::max(from, to), h});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.low, a.high) < std::tie(b.low, b.high);
    });
    std::vector<std::int64_t> twin(corners.size(), kNoTwin);
    for (std::size_t i = 0; i < entries.size();) {
        std::size_t j = i + 1;
        while (j < entries.size() && entries[j].low == entries[i].low && entries[j].high == entries[i].high)
            ++j;
        if (j - i == 2) {
            const std::size_t a = entries[i].edge, b = entries[i + 1].edge;
            if (corners[a] == corners[nextEdge(b)]) {  // opposite directions
                twin[a] = static_cast<std::int64_t>(b);
                twin[b] = static_cast<std::int64_t>(a);
            }
        }
        i = j;
    }
    return twin;
}

// Lawson's flips towards the constrained Delaunay triangulation: an interior edge whose two opposite
// angles add up to more than π is replaced by the other diagonal of its quadrilateral, until none is
// left. The boundary (the rings, as GLU split them) is never flipped, so the covered area is unchanged.
//
// Why: GLU's sweep cuts a polygon into slivers that run across it (12× the total edge length of the
// Delaunay triangles on a 5,000-vertex blob), and llvmpipe pays for every 4×4 block an edge crosses,
// several times over with multisampling: rendering such a state took ~30 ms more per 1080p frame.
void makeDelaunay(const std::vector<Coord>& points, std::vector<std::uint32_t>& corners) {
    // GLU emits counter-clockwise triangles with normal +z; the flips below rely on it, so make sure.
    for (std::size_t h = 0; h + 2 < corners.size(); h += 3) {
        if (orient(points[corners[h]], points[corners[h + 1]], points[corners[h + 2]]) < 0)
            std::swap(corners[h + 1], corners[h + 2]);
    }
    std::vector<std::int64_t> twin = twins(corners);
    std::vector<std::size_t> stack;
    for (std::size_t h = 0; h < corners.size(); ++h) {
        if (twin[h] > static_cast<std::int64_t>(h)) stack.push_back(h);
    }
    auto link = [&](std::size_t a, std::int64_t b) {
        twin[a] = b;
        if (b != kNoTwin) twin[static_cast<std::size_t>(b)] = static_cast<std::int64_t>(a);
    };
    // Lawson's flips end in exact arithmetic; in doubles, the relative margin below keeps four nearly
    // cocircular points from flipping back and forth, and the cap ends the loop whatever happens (the
    // triangles are valid after every flip, only less well shaped).
    constexpr double kMargin = 1e-12;
    std::size_t flipsLeft = 64 * corners.size() + 1024;
    while (!stack.empty() && flipsLeft > 0) {
        const std::size_t h = stack.back();
        stack.pop_back();
        if (twin[h] == kNoTwin) continue;
        const auto t = static_cast<std::size_t>(twin[h]);
        // Triangle (a, b, c) holds h = a→b; its neighbour (b, a, d) holds t = b→a.
        const std::size_t hn = nextEdge(h), hp = previousEdge(h), tn = nextEdge(t), tp = previousEdge(t);
        const Coord& a = points[corners[h]];
        const Coord& b = points[corners[hn]];
        const Coord& c = points[corners[hp]];
        const Coord& d = points[corners[tp]];
        // The new triangles (a, d, c) and (d, b, c) must both turn counter-clockwise (a convex
        // quadrilateral).
        if (orient(a, d, c) <= 0 || orient(d, b, c) <= 0) continue;
        // sin(α + β) for the angles α at c and β at d, times the positive product of the four side
        // lengths: negative when α + β > π, i.e. d lies inside the circle through a, b, c.
        const double sine = orient(a, b, c) * ((a.x - d.x) * (b.x - d.x) + (a.y - d.y) * (b.y - d.y)) +
                            ((a.x - c.x) * (b.x - c.x) + (a.y - c.y) * (b.y - c.y)) * orient(b, a, d);
        const auto squared = [](const Coord& p, const Coord& q) {
            return (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y);
        };
        const double scale = std::sqrt(squared(a, c) * squared(b, c) * squared(a, d) * squared(b, d));
        if (sine >= -kMargin * scale) continue;

        const std::uint32_t dIndex = corners[tp], cIndex = corners[hp];
        const std::int64_t outerBc = twin[hn], outerAd = twin[tn];
        corners[hn] = dIndex;  // (a, b, c) → (a, d, c): h = a→d, hn = d→c, hp = c→a
        corners[tn] = cIndex;  // (b, a, d) → (b, c, d): t = b→c, tn = c→d, tp = d→b
        link(h, outerAd);
        link(t, outerBc);
        link(hn, static_cast<std::int64_t>(tn));
        stack.insert(stack.end(), {h, hp, t, tp});
        --flipsLeft;
    }
}

std::size_t vertexCount(const Polygon& polygon) {
    std::size_t count = 0;
    for (const Path& ring : polygon.rings) count += ring.size();
    return count;
}

std::string describe(std::size_t index, std::size_t polygons, const Polygon& polygon) {
    const std::size_t rings = polygon.rings.size();
    return "triangulate: polygon " + std::to_string(index + 1) + " of " + std::to_string(polygons) + " (" +
           std::to_string(rings) + (rings == 1 ? " ring, " : " rings, ") +
           std::to_string(vertexCount(polygon)) + " vertices)";
}

}  // namespace

std::vector<Coord> triangulate(const Geometry& geometry) {
    std::vector<Coord> corners;
    if (geometry.polygons.empty()) return corners;
    const TessPtr tess = makeTessellator();
    for (std::size_t p = 0; p < geometry.polygons.size(); ++p) {
        const Polygon& polygon = geometry.polygons[p];
        Output out;
        out.points.reserve(vertexCount(polygon));
        // Rings as GLU wants them: the closing repeat of the first point and repeated points dropped
        // (they add nothing but merges for GLU to do).
        std::vector<std::pair<std::size_t, std::size_t>> contours;  // [first, last) in out.points
        for (const Path& ring : polygon.rings) {
            const std::size_t first = out.points.size();
            for (const Coord& c : ring) {
                // A NaN would send GLU's sweep astray rather than into its error callback.
                if (!std::isfinite(c.x) || !std::isfinite(c.y)) {
                    throw GeometryError(describe(p, geometry.polygons.size(), polygon) +
                                        ": a coordinate is not finite");
                }
                if (out.points.size() == first || !(c == out.points.back())) out.points.push_back(c);
            }
            while (out.points.size() > first + 1 && out.points.back() == out.points[first])
                out.points.pop_back();
            if (out.points.size() - first < 3)
                out.points.resize(first);
            else
                contours.emplace_back(first, out.points.size());
        }
        if (contours.empty()) continue;
        // n − 2 triangles for a simple ring, two more per hole.
        out.triangles.reserve(3 * out.points.size());
        gluTessBeginPolygon(tess.get(), &out);
        for (const auto& [first, last] : contours) {
            gluTessBeginContour(tess.get());
            for (std::size_t i = first; i < last; ++i) {
                GLdouble xyz[3] = {out.points[i].x, out.points[i].y, 0};  // copied by GLU
                gluTessVertex(tess.get(), xyz, tag(i));
            }
            gluTessEndContour(tess.get());
        }
        gluTessEndPolygon(tess.get());
        if (out.exception) std::rethrow_exception(out.exception);
        if (out.error != 0)
            throw GeometryError(describe(p, geometry.polygons.size(), polygon) + ": " + errorText(out.error));

        makeDelaunay(out.points, out.triangles);
        corners.reserve(corners.size() + out.triangles.size());
        for (std::uint32_t index : out.triangles) corners.push_back(out.points[index]);
    }
    return corners;
}

}  // namespace frontline::render
