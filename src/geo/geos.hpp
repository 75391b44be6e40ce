#pragma once
// The only door to the GEOS C API (reentrant `_r` functions). Other rooms see core::Geometry values
// and these functions; geos_c.h stays inside geos.cpp.
//
// Overlay is planar in whatever coordinates it is given: lon/lat degrees for topology (which parts
// are gained or lost), projected metres for buffering. Areas are then measured geodesically.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

struct GEOSContextHandle_HS;
struct GEOSGeom_t;
struct GEOSPrepGeom_t;

namespace frontline::geo {

// Owns one GEOS context and captures its error and notice messages. One per thread; it must outlive
// every geometry made with it. Not copyable or movable: its address is the message handlers' user data.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_HS* handle() const { return m_handle; }

    // Called by GEOS through the message handlers.
    void recordError(const char* message) { m_lastError = message ? message : ""; }
    // Throws GeometryError "<operation>: <what GEOS said>".
    [[noreturn]] void fail(const std::string& operation);

private:
    GEOSContextHandle_HS* m_handle = nullptr;
    std::string m_lastError;
};

struct Validity {
    bool valid = true;
    std::string reason;  // GEOS's reason, e.g. "Self-intersection[46.1 39.8]"
};

// Validity of the polygonal part (rings as given; lines and points are not judged).
Validity checkPolygonValidity(GeosContext& context, const Geometry& geometry);
// The polygonal part repaired by GEOSMakeValid (lower-dimensional collapses dropped).
Geometry makeValidPolygons(GeosContext& context, const Geometry& geometry);

// Set operations on the polygonal parts; results are valid polygonal geometries.
Geometry dissolve(GeosContext& context, const Geometry& geometry);
// The same union for polygons that form a coverage (districts sharing their borders vertex for vertex,
// no overlaps), by GEOSCoverageUnion_r, which only drops the edges two polygons share: much faster.
// GEOS does not check its input, and answers one that is not a coverage (overlaps, borders not noded
// alike) with overlapping or unmerged polygons; that result is invalid, and nothing is returned then.
std::optional<Geometry> coverageUnion(GeosContext& context, const Geometry& geometry);
Geometry unite(GeosContext& context, const Geometry& a, const Geometry& b);
Geometry subtract(GeosContext& context, const Geometry& a, const Geometry& b);
// What lies in exactly one of a and b.
Geometry symmetricDifference(GeosContext& context, const Geometry& a, const Geometry& b);
Geometry intersect(GeosContext& context, const Geometry& a, const Geometry& b);
// (a ∩ box) △ (b ∩ box) for each box, one result per box: a change looked at only where it can be. Each
// shape is handed to GEOS once; the intersection with a rectangle clips the shape's rings to it before
// noding, so the cost is that of the pieces near the box.
std::vector<Geometry> symmetricDifferencesWithin(GeosContext& context, const Geometry& a, const Geometry& b,
                                                 const std::vector<BoundingBox>& boxes);

namespace detail {

// Owning handles for the prepared shapes below; each deleter carries the context it was made with.
struct GeomDeleter {
    GEOSContextHandle_HS* context = nullptr;
    void operator()(GEOSGeom_t* geometry) const;
};
struct PreparedDeleter {
    GEOSContextHandle_HS* context = nullptr;
    void operator()(const GEOSPrepGeom_t* prepared) const;
};

// A GEOS geometry with its prepared form (which borrows it, so it is destroyed first).
struct PreparedHandle {
    std::unique_ptr<GEOSGeom_t, GeomDeleter> geometry;
    std::unique_ptr<const GEOSPrepGeom_t, PreparedDeleter> prepared;
};

}  // namespace detail

// A shape prepared for repeated point-in-polygon tests (GEOS prepared geometry). Borrows the context.
class PreparedPolygons {
public:
    PreparedPolygons(GeosContext& context, const Geometry& shape);

    // Whether a point inside `polygon` (GEOS PointOnSurface) lies inside the shape.
    bool containsInteriorPointOf(const Polygon& polygon) const;
    // Whether the point lies inside the shape or on its outline.
    bool covers(const Coord& point) const;
    // Whether the polygons of `other` lie wholly inside the shape (GEOS contains: no point of `other` on
    // or outside the shape's outline).
    bool contains(const Geometry& other) const;

private:
    GeosContext& m_context;
    detail::PreparedHandle m_shape;
};

// Lines prepared for repeated distance queries (GEOS prepared geometry), in the lines' own units.
// Borrows the context.
class PreparedLines {
public:
    // The lines of `lines` (polygons and points ignored); none: every distance is infinite.
    PreparedLines(GeosContext& context, const Geometry& lines);

    // The shortest distance from the point to any of the lines.
    double distanceTo(const Coord& point) const;

private:
    GeosContext& m_context;
    detail::PreparedHandle m_lines;
};

// The polygons with every vertex on a grid of `gridSize` (GEOS snap-rounding), still valid: rounding
// coordinates one by one can make a ring touch or cross itself where pieces are thinner than the grid.
Geometry snapToGrid(GeosContext& context, const Geometry& geometry, double gridSize);

// Buffer of the polygonal part by `distance` in the geometry's own units (negative shrinks).
Geometry buffer(GeosContext& context, const Geometry& geometry, double distance);
// Linework (the lines of `lines`; polygons and points ignored) buffered by `distance` in the geometry's
// own units, with round caps and joins: the set of points within `distance` of a line. Polygons.
Geometry bufferLines(GeosContext& context, const Geometry& lines, double distance);
// The lines of `lines` inside (keepInside) or outside the polygons of `zone`, merged into the longest
// line strings GEOS's line merge can make. Lines only.
Geometry clipLines(GeosContext& context, const Geometry& lines, const Geometry& zone, bool keepInside);
// The rings of the polygons as line strings (exterior and holes), in order; no GEOS call.
Geometry outlineOf(const Geometry& polygons);

// The polygons with vertices removed where the outline moves less than `tolerance` (the geometry's own
// units), rings kept apart and simple (GEOS topology-preserving Douglas–Peucker).
Geometry simplify(GeosContext& context, const Geometry& polygons, double tolerance);

// Each line of `lines` with vertices removed where it strays less than `tolerance` (its own units) from
// the line kept (GEOS Douglas–Peucker, one line at a time, crossings not prevented: for drawing
// strokes, not for measuring). One line out per line in, in order; a closed line stays closed, and a
// line that would shrink to a point (a ring within `tolerance` of its first vertex), or has a coordinate
// that is not finite, is kept as it is.
Geometry simplifyLines(GeosContext& context, const Geometry& lines, double tolerance);

// The largest circle inside a polygon (its holes excluded): the point farthest from the outline, found
// to within `tolerance` (GEOS MaximumInscribedCircle), and its distance from the outline.
struct InscribedCircle {
    Coord centre;
    double radius = 0;
};
InscribedCircle largestInscribedCircle(GeosContext& context, const Polygon& polygon, double tolerance);

// Planar area of the polygonal part, in squared coordinate units.
double planarArea(GeosContext& context, const Geometry& geometry);

}  // namespace frontline::geo
