#include "geo/geos.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <limits>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace frontline::geo {

namespace {

static_assert(sizeof(Coord) == 2 * sizeof(double), "Coord must be two packed doubles for GEOS buffers");

void handleMessage(const char* message, void* userData) {
    static_cast<GeosContext*>(userData)->recordError(message);
}

void ignoreNotice(const char*, void*) {}

// Owning geometry handle; the deleter carries the context it was made with.
using detail::GeomDeleter;
using GeosGeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GeosGeomPtr own(GeosContext& context, GEOSGeometry* raw, const char* operation) {
    if (!raw) context.fail(operation);
    return GeosGeomPtr(raw, GeomDeleter{context.handle()});
}

GEOSGeometry* makeRing(GeosContext& context, const Path& ring) {
    auto* handle = context.handle();
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
        handle, reinterpret_cast<const double*>(ring.data()), static_cast<unsigned>(ring.size()), 0, 0);
    if (!sequence) context.fail("building a ring");
    GEOSGeometry* geometry = GEOSGeom_createLinearRing_r(handle, sequence);  // takes the sequence
    if (!geometry) context.fail("building a ring of " + std::to_string(ring.size()) + " points");
    return geometry;
}

GeosGeomPtr makePolygon(GeosContext& context, const Polygon& polygon) {
    auto* handle = context.handle();
    if (polygon.rings.empty()) return own(context, GEOSGeom_createEmptyPolygon_r(handle), "empty polygon");
    auto shell = own(context, makeRing(context, polygon.rings.front()), "building a shell");
    std::vector<GeosGeomPtr> holes;
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
        holes.push_back(own(context, makeRing(context, polygon.rings[i]), "building a hole"));
    }
    std::vector<GEOSGeometry*> rawHoles;
    for (auto& hole : holes) rawHoles.push_back(hole.get());
    GEOSGeometry* raw = GEOSGeom_createPolygon_r(handle, shell.get(), rawHoles.data(),
                                                 static_cast<unsigned>(rawHoles.size()));
    if (!raw) context.fail("building a polygon");
    // The polygon now owns the rings: release() hands them over, its pointer is not needed.
    static_cast<void>(shell.release());
    for (auto& hole : holes) static_cast<void>(hole.release());
    return GeosGeomPtr(raw, GeomDeleter{handle});
}

// A multi-geometry of `type` that takes ownership of the parts.
GeosGeomPtr collectionOf(GeosContext& context, int type, std::vector<GeosGeomPtr> parts,
                         const char* operation) {
    std::vector<GEOSGeometry*> raw;
    for (auto& part : parts) raw.push_back(part.get());
    GEOSGeometry* collection =
        GEOSGeom_createCollection_r(context.handle(), type, raw.data(), static_cast<unsigned>(raw.size()));
    if (!collection) context.fail(operation);
    for (auto& part : parts) static_cast<void>(part.release());  // owned by the collection now
    return GeosGeomPtr(collection, GeomDeleter{context.handle()});
}

GeosGeomPtr toGeosPolygons(GeosContext& context, const Geometry& geometry) {
    std::vector<GeosGeomPtr> parts;
    for (const auto& polygon : geometry.polygons) parts.push_back(makePolygon(context, polygon));
    return collectionOf(context, GEOS_MULTIPOLYGON, std::move(parts), "building a multipolygon");
}

Path readPath(GeosContext& context, const GEOSGeometry* line) {
    auto* handle = context.handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, line);  // borrowed from line
    if (!sequence) context.fail("reading coordinates");
    unsigned size = 0;
    if (!GEOSCoordSeq_getSize_r(handle, sequence, &size)) context.fail("reading coordinates");
    Path path(size);
    if (size > 0 &&
        !GEOSCoordSeq_copyToBuffer_r(handle, sequence, reinterpret_cast<double*>(path.data()), 0, 0)) {
        context.fail("reading coordinates");
    }
    return path;
}

void collect(GeosContext& context, const GEOSGeometry* geometry, Geometry& out) {
    auto* handle = context.handle();
    const int type = GEOSGeomTypeId_r(handle, geometry);
    switch (type) {
        case GEOS_POLYGON: {
            if (GEOSisEmpty_r(handle, geometry) == 1) return;
            Polygon polygon;
            polygon.rings.push_back(readPath(context, GEOSGetExteriorRing_r(handle, geometry)));
            const int holes = GEOSGetNumInteriorRings_r(handle, geometry);
            for (int i = 0; i < holes; ++i) {
                polygon.rings.push_back(readPath(context, GEOSGetInteriorRingN_r(handle, geometry, i)));
            }
            out.polygons.push_back(std::move(polygon));
            return;
        }
        case GEOS_LINESTRING:
        case GEOS_LINEARRING:
            if (GEOSisEmpty_r(handle, geometry) != 1) out.lines.push_back(readPath(context, geometry));
            return;
        case GEOS_POINT:
            if (GEOSisEmpty_r(handle, geometry) != 1) {
                Path point = readPath(context, geometry);
                out.points.push_back(point.front());
            }
            return;
        case GEOS_MULTIPOINT:
        case GEOS_MULTILINESTRING:
        case GEOS_MULTIPOLYGON:
        case GEOS_GEOMETRYCOLLECTION: {
            const int count = GEOSGetNumGeometries_r(handle, geometry);
            for (int i = 0; i < count; ++i) collect(context, GEOSGetGeometryN_r(handle, geometry, i), out);
            return;
        }
        default:
            context.fail("reading a geometry of unknown type " + std::to_string(type));
    }
}

// Only the polygons: overlays of polygons can leave lines and points where shapes touch.
Geometry polygonsOf(GeosContext& context, const GEOSGeometry* geometry) {
    Geometry all;
    collect(context, geometry, all);
    Geometry result;
    result.polygons = std::move(all.polygons);
    return result;
}

// The geometry prepared for repeated predicates; takes it.
detail::PreparedHandle prepare(GeosContext& context, GeosGeomPtr geometry, const char* operation) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(context.handle(), geometry.get());
    if (!prepared) context.fail(operation);
    return {std::move(geometry), {prepared, detail::PreparedDeleter{context.handle()}}};
}

GeosGeomPtr makePoint(GeosContext& context, const Coord& point) {
    return own(context, GEOSGeom_createPointFromXY_r(context.handle(), point.x, point.y), "building a point");
}

}  // namespace

namespace detail {

void GeomDeleter::operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }

void PreparedDeleter::operator()(const GEOSPreparedGeometry* prepared) const {
    GEOSPreparedGeom_destroy_r(context, prepared);
}

}  // namespace detail

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    if (!m_handle) throw GeometryError("cannot initialise GEOS");
    GEOSContext_setErrorMessageHandler_r(m_handle, handleMessage, this);
    GEOSContext_setNoticeMessageHandler_r(m_handle, ignoreNotice, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

void GeosContext::fail(const std::string& operation) {
    std::string message = operation + ": " + (m_lastError.empty() ? "GEOS reported an error" : m_lastError);
    m_lastError.clear();
    throw GeometryError(message);
}

Validity checkPolygonValidity(GeosContext& context, const Geometry& geometry) {
    auto geos = toGeosPolygons(context, geometry);
    const char result = GEOSisValid_r(context.handle(), geos.get());
    if (result == 2) context.fail("checking validity");
    if (result == 1) return {};
    char* reason = GEOSisValidReason_r(context.handle(), geos.get());
    if (!reason) context.fail("explaining invalidity");
    Validity validity{false, reason};
    GEOSFree_r(context.handle(), reason);
    return validity;
}

Geometry makeValidPolygons(GeosContext& context, const Geometry& geometry) {
    auto geos = toGeosPolygons(context, geometry);
    auto repaired = own(context, GEOSMakeValid_r(context.handle(), geos.get()), "repairing with MakeValid");
    return polygonsOf(context, repaired.get());
}

Geometry dissolve(GeosContext& context, const Geometry& geometry) {
    auto geos = toGeosPolygons(context, geometry);
    auto result = own(context, GEOSUnaryUnion_r(context.handle(), geos.get()), "dissolving polygons");
    return polygonsOf(context, result.get());
}

std::optional<Geometry> coverageUnion(GeosContext& context, const Geometry& geometry) {
    auto geos = toGeosPolygons(context, geometry);
    GEOSGeometry* merged = GEOSCoverageUnion_r(context.handle(), geos.get());
    if (!merged) return std::nullopt;  // GEOS found the input not noded as a coverage
    GeosGeomPtr result(merged, GeomDeleter{context.handle()});
    const char valid = GEOSisValid_r(context.handle(), result.get());
    if (valid == 2) context.fail("checking a coverage union");
    if (valid == 0) return std::nullopt;
    return polygonsOf(context, result.get());
}

namespace {

using BinaryOperation = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*);

Geometry overlay(GeosContext& context, const Geometry& a, const Geometry& b, BinaryOperation operation,
                 const char* name) {
    auto ga = toGeosPolygons(context, a);
    auto gb = toGeosPolygons(context, b);
    auto result = own(context, operation(context.handle(), ga.get(), gb.get()), name);
    return polygonsOf(context, result.get());
}

}  // namespace

Geometry unite(GeosContext& context, const Geometry& a, const Geometry& b) {
    return overlay(context, a, b, GEOSUnion_r, "union");
}

Geometry subtract(GeosContext& context, const Geometry& a, const Geometry& b) {
    return overlay(context, a, b, GEOSDifference_r, "difference");
}

Geometry symmetricDifference(GeosContext& context, const Geometry& a, const Geometry& b) {
    return overlay(context, a, b, GEOSSymDifference_r, "symmetric difference");
}

Geometry intersect(GeosContext& context, const Geometry& a, const Geometry& b) {
    return overlay(context, a, b, GEOSIntersection_r, "intersection");
}

std::vector<Geometry> symmetricDifferencesWithin(GeosContext& context, const Geometry& a, const Geometry& b,
                                                 const std::vector<BoundingBox>& boxes) {
    auto* handle = context.handle();
    auto ga = toGeosPolygons(context, a);
    auto gb = toGeosPolygons(context, b);
    std::vector<Geometry> result;
    result.reserve(boxes.size());
    for (const BoundingBox& box : boxes) {
        // A polygon rather than GEOSGeom_createRectangle_r, which needs GEOS 3.11 (3.10 is supported).
        const Polygon boxPolygon{{{{box.minX, box.minY},
                                   {box.maxX, box.minY},
                                   {box.maxX, box.maxY},
                                   {box.minX, box.maxY},
                                   {box.minX, box.minY}}}};
        auto rectangle = makePolygon(context, boxPolygon);
        auto aInside = own(context, GEOSIntersection_r(handle, ga.get(), rectangle.get()), "intersection");
        auto bInside = own(context, GEOSIntersection_r(handle, gb.get(), rectangle.get()), "intersection");
        auto pieces =
            own(context, GEOSSymDifference_r(handle, aInside.get(), bInside.get()), "symmetric difference");
        result.push_back(polygonsOf(context, pieces.get()));
    }
    return result;
}

PreparedPolygons::PreparedPolygons(GeosContext& context, const Geometry& shape)
    : m_context(context), m_shape(prepare(context, toGeosPolygons(context, shape), "preparing a shape")) {}

bool PreparedPolygons::containsInteriorPointOf(const Polygon& polygon) const {
    auto piece = makePolygon(m_context, polygon);
    auto point = own(m_context, GEOSPointOnSurface_r(m_context.handle(), piece.get()),
                     "finding a point inside a piece");
    const char inside = GEOSPreparedContains_r(m_context.handle(), m_shape.prepared.get(), point.get());
    if (inside == 2) m_context.fail("testing a point against a shape");
    return inside == 1;
}

bool PreparedPolygons::covers(const Coord& point) const {
    const auto geometry = makePoint(m_context, point);
    const char inside = GEOSPreparedCovers_r(m_context.handle(), m_shape.prepared.get(), geometry.get());
    if (inside == 2) m_context.fail("testing whether a shape covers a point");
    return inside == 1;
}

bool PreparedPolygons::contains(const Geometry& other) const {
    const auto geometry = toGeosPolygons(m_context, other);
    const char inside = GEOSPreparedContains_r(m_context.handle(), m_shape.prepared.get(), geometry.get());
    if (inside == 2) m_context.fail("testing whether a shape contains another");
    return inside == 1;
}

Geometry snapToGrid(GeosContext& context, const Geometry& geometry, double gridSize) {
    if (geometry.polygons.empty()) return geometry;
    auto geos = toGeosPolygons(context, geometry);
    // Flags 0: the result is made valid; pieces that collapse below the grid are dropped.
    auto snapped = own(context, GEOSGeom_setPrecision_r(context.handle(), geos.get(), gridSize, 0),
                       "snapping to a grid");
    return polygonsOf(context, snapped.get());
}

Geometry buffer(GeosContext& context, const Geometry& geometry, double distance) {
    auto geos = toGeosPolygons(context, geometry);
    // 16 segments per quarter circle: the arc error at a 5 km buffer is under 10 m.
    auto result = own(context, GEOSBuffer_r(context.handle(), geos.get(), distance, 16), "buffer");
    return polygonsOf(context, result.get());
}

namespace {

GeosGeomPtr toGeosLines(GeosContext& context, const Geometry& geometry) {
    auto* handle = context.handle();
    std::vector<GeosGeomPtr> parts;
    for (const auto& line : geometry.lines) {
        if (line.size() < 2) continue;
        GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
            handle, reinterpret_cast<const double*>(line.data()), static_cast<unsigned>(line.size()), 0, 0);
        if (!sequence) context.fail("building a line");
        parts.push_back(
            own(context, GEOSGeom_createLineString_r(handle, sequence), "building a line"));  // takes it
    }
    return collectionOf(context, GEOS_MULTILINESTRING, std::move(parts), "building a multilinestring");
}

Geometry linesOf(GeosContext& context, const GEOSGeometry* geometry) {
    Geometry all;
    collect(context, geometry, all);
    Geometry result;
    result.lines = std::move(all.lines);
    return result;
}

}  // namespace

PreparedLines::PreparedLines(GeosContext& context, const Geometry& lines)
    : m_context(context), m_lines(prepare(context, toGeosLines(context, lines), "preparing lines")) {}

double PreparedLines::distanceTo(const Coord& point) const {
    // GEOS gives 0 for an empty geometry; no line is infinitely far.
    if (GEOSisEmpty_r(m_context.handle(), m_lines.geometry.get()) == 1)
        return std::numeric_limits<double>::infinity();
    const auto geometry = makePoint(m_context, point);
    double distance = 0;
    if (!GEOSPreparedDistance_r(m_context.handle(), m_lines.prepared.get(), geometry.get(), &distance)) {
        m_context.fail("distance from a point to lines");
    }
    return distance;
}

Geometry bufferLines(GeosContext& context, const Geometry& lines, double distance) {
    if (lines.lines.empty() || distance <= 0) return {};
    auto geos = toGeosLines(context, lines);
    // 8 segments per quarter circle: the caps' area is then 1.3 % short of the disc's (0.5 % of a
    // band whose length is ten times its width); the long sides of a band are exact.
    auto result = own(context, GEOSBuffer_r(context.handle(), geos.get(), distance, 8), "buffering lines");
    return polygonsOf(context, result.get());
}

Geometry clipLines(GeosContext& context, const Geometry& lines, const Geometry& zone, bool keepInside) {
    if (lines.lines.empty()) return {};
    if (zone.polygons.empty()) return keepInside ? Geometry{} : Geometry{{}, lines.lines, {}};
    auto geosLines = toGeosLines(context, lines);
    auto geosZone = toGeosPolygons(context, zone);
    auto clipped = own(context,
                       keepInside ? GEOSIntersection_r(context.handle(), geosLines.get(), geosZone.get())
                                  : GEOSDifference_r(context.handle(), geosLines.get(), geosZone.get()),
                       keepInside ? "lines inside a zone" : "lines outside a zone");
    auto merged = own(context, GEOSLineMerge_r(context.handle(), clipped.get()), "merging lines");
    return linesOf(context, merged.get());
}

Geometry outlineOf(const Geometry& polygons) {
    Geometry outline;
    for (const auto& polygon : polygons.polygons) {
        for (const auto& ring : polygon.rings) outline.lines.push_back(ring);
    }
    return outline;
}

Geometry simplify(GeosContext& context, const Geometry& polygons, double tolerance) {
    if (polygons.polygons.empty()) return {};
    auto geos = toGeosPolygons(context, polygons);
    auto result = own(context, GEOSTopologyPreserveSimplify_r(context.handle(), geos.get(), tolerance),
                      "simplifying polygons");
    return polygonsOf(context, result.get());
}

Geometry simplifyLines(GeosContext& context, const Geometry& lines, double tolerance) {
    Geometry result;
    result.lines.reserve(lines.lines.size());
    Geometry one;
    one.lines.resize(1);
    for (const auto& line : lines.lines) {
        const bool closed =
            line.size() > 3 && line.front().x == line.back().x && line.front().y == line.back().y;
        const bool finite = std::all_of(line.begin(), line.end(), [](const Coord& c) {
            return std::isfinite(c.x) && std::isfinite(c.y);
        });
        if (line.size() < 3 || !finite) {
            result.lines.push_back(line);
            continue;
        }
        one.lines.front() = line;
        auto geos = toGeosLines(context, one);
        auto simplified =
            own(context, GEOSSimplify_r(context.handle(), geos.get(), tolerance), "simplifying a line");
        Geometry kept = linesOf(context, simplified.get());
        if (kept.lines.size() != 1 || kept.lines.front().size() < (closed ? 4u : 2u)) {
            result.lines.push_back(line);
            continue;
        }
        result.lines.push_back(std::move(kept.lines.front()));
    }
    return result;
}

InscribedCircle largestInscribedCircle(GeosContext& context, const Polygon& polygon, double tolerance) {
    auto geos = makePolygon(context, polygon);
    // A two-point line: the centre, then the nearest point of the outline.
    auto radius = own(context, GEOSMaximumInscribedCircle_r(context.handle(), geos.get(), tolerance),
                      "finding the largest inscribed circle");
    const Geometry line = linesOf(context, radius.get());
    if (line.lines.empty() || line.lines.front().size() < 2) return {};
    const Coord a = line.lines.front().front(), b = line.lines.front().back();
    return {a, std::hypot(b.x - a.x, b.y - a.y)};
}

double planarArea(GeosContext& context, const Geometry& geometry) {
    auto geos = toGeosPolygons(context, geometry);
    double area = 0;
    if (!GEOSArea_r(context.handle(), geos.get(), &area)) context.fail("planar area");
    return area;
}

}  // namespace frontline::geo
