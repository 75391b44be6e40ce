#include "geo/tessellate.hpp"

#include <geos_c.h>

#include <algorithm>
#include <memory>
#include <string>

#include "core/error.hpp"

namespace frontline::geo {

namespace {

static_assert(sizeof(Coord) == 2 * sizeof(double), "Coord must be two packed doubles for GEOS buffers");

struct GeomDeleter {
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using GeosGeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GeosGeomPtr own(GeosContext& context, GEOSGeometry* raw, const std::string& operation) {
    if (!raw) context.fail(operation);
    return GeosGeomPtr(raw, GeomDeleter{context.handle()});
}

GeosGeomPtr makeRing(GeosContext& context, const Path& ring) {
    auto* handle = context.handle();
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
        handle, reinterpret_cast<const double*>(ring.data()), static_cast<unsigned>(ring.size()), 0, 0);
    if (!sequence) context.fail("triangulate: building a ring");
    // The ring takes the sequence, also when it fails.
    return own(context, GEOSGeom_createLinearRing_r(handle, sequence),
               "triangulate: building a ring of " + std::to_string(ring.size()) + " points");
}

GeosGeomPtr makePolygon(GeosContext& context, const Polygon& polygon) {
    auto* handle = context.handle();
    GeosGeomPtr shell = makeRing(context, polygon.rings.front());
    std::vector<GeosGeomPtr> holes;
    std::vector<GEOSGeometry*> rawHoles;
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
        holes.push_back(makeRing(context, polygon.rings[i]));
        rawHoles.push_back(holes.back().get());
    }
    GEOSGeometry* raw =
        GEOSGeom_createPolygon_r(handle, shell.get(), rawHoles.data(), static_cast<unsigned>(rawHoles.size()));
    if (!raw) context.fail("triangulate: building a polygon");
    shell.release();  // owned by the polygon now
    for (auto& hole : holes) hole.release();
    return GeosGeomPtr(raw, GeomDeleter{handle});
}

}  // namespace

namespace {

void appendTriangles(GeosContext& context, const GEOSGeometry* triangles, std::vector<Coord>& corners) {
    auto* handle = context.handle();
    const int count = GEOSGetNumGeometries_r(handle, triangles);
    if (count < 0) context.fail("triangulate: counting triangles");
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* triangle = GEOSGetGeometryN_r(handle, triangles, i);  // borrowed from triangles
        const GEOSGeometry* ring = GEOSGetExteriorRing_r(handle, triangle);        // borrowed from triangle
        if (!ring) context.fail("triangulate: reading a triangle");
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(handle, ring);  // borrowed from ring
        unsigned size = 0;
        if (!sequence || !GEOSCoordSeq_getSize_r(handle, sequence, &size)) context.fail("triangulate: reading a triangle");
        if (size < 3) continue;
        for (unsigned k = 0; k < 3; ++k) {
            Coord c;
            if (!GEOSCoordSeq_getXY_r(handle, sequence, k, &c.x, &c.y)) context.fail("triangulate: reading a corner");
            corners.push_back(c);
        }
    }
}

GeosGeomPtr triangulateOnce(GeosContext& context, const GEOSGeometry* polygon) {
    return own(context, GEOSConstrainedDelaunayTriangulation_r(context.handle(), polygon), "constrained Delaunay triangulation");
}

}  // namespace

std::vector<Coord> triangulate(GeosContext& context, const Geometry& geometry) {
    auto* handle = context.handle();
    std::vector<Coord> corners;
    // One polygon at a time: the triangulation of a multipolygon would also fill the gaps between parts
    // when they share a hull, and single polygons keep GEOS's work per call small.
    for (const Polygon& polygon : geometry.polygons) {
        if (polygon.rings.empty() || polygon.rings.front().size() < 4) continue;
        GeosGeomPtr input = makePolygon(context, polygon);
        try {
            appendTriangles(context, triangulateOnce(context, input.get()).get(), corners);
            continue;
        } catch (const GeometryError&) {
            // GEOS's ear clipping gives up on some overlay results ("Unable to find a convex corner"):
            // slivers, repeated or collinear points. Retry on the polygon cleaned and simplified by a
            // tolerance far below a pixel (a millionth of its size), then a thousandth.
        }
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        GEOSGeom_getXMin_r(handle, input.get(), &minX);
        GEOSGeom_getXMax_r(handle, input.get(), &maxX);
        GEOSGeom_getYMin_r(handle, input.get(), &minY);
        GEOSGeom_getYMax_r(handle, input.get(), &maxY);
        const double size = std::max(maxX - minX, maxY - minY);
        bool done = false;
        for (double share : {1e-6, 1e-4, 1e-3}) {
            GeosGeomPtr simplified = own(context, GEOSTopologyPreserveSimplify_r(handle, input.get(), size * share), "triangulate: simplifying");
            GeosGeomPtr cleaned = own(context, GEOSMakeValid_r(handle, simplified.get()), "triangulate: repairing");
            const int parts = GEOSGetNumGeometries_r(handle, cleaned.get());
            std::vector<Coord> attempt;
            try {
                for (int i = 0; i < parts; ++i) {
                    const GEOSGeometry* part = GEOSGetGeometryN_r(handle, cleaned.get(), i);  // borrowed from cleaned
                    if (GEOSGeomTypeId_r(handle, part) != GEOS_POLYGON || GEOSisEmpty_r(handle, part) == 1) continue;
                    appendTriangles(context, triangulateOnce(context, part).get(), attempt);
                }
            } catch (const GeometryError&) {
                continue;
            }
            corners.insert(corners.end(), attempt.begin(), attempt.end());
            done = true;
            break;
        }
        if (!done) triangulateOnce(context, input.get());  // throws GEOS's reason
    }
    return corners;
}

}  // namespace frontline::geo
