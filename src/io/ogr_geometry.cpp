#include "io/ogr_geometry.hpp"

#include <ogr_geometry.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace frontline::io {

namespace {

static_assert(sizeof(OGRRawPoint) == sizeof(Coord), "OGRRawPoint and Coord are both two doubles");

Path readCurve(const OGRSimpleCurve& curve, const Where& where) {
    Path path(static_cast<std::size_t>(curve.getNumPoints()));
    // One bulk copy instead of two virtual calls per vertex: reading is the hot path of `series`.
    if (!path.empty()) curve.getPoints(reinterpret_cast<OGRRawPoint*>(path.data()));
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (!std::isfinite(path[i].x) || !std::isfinite(path[i].y)) {
            throw DataError(where, "coordinate " + std::to_string(i) + " is not a finite number");
        }
    }
    return path;
}

template <class Curve>
std::unique_ptr<Curve> ogrCurve(const Path& path) {
    auto curve = std::make_unique<Curve>();
    curve->setPoints(static_cast<int>(path.size()), reinterpret_cast<const OGRRawPoint*>(path.data()));
    return curve;
}

}  // namespace

void appendGeometry(const OGRGeometry& geometry, Geometry& out, const Where& where) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPoint: {
            const auto& point = *geometry.toPoint();
            if (point.IsEmpty()) return;
            if (!std::isfinite(point.getX()) || !std::isfinite(point.getY())) {
                throw DataError(where, "point coordinate is not a finite number");
            }
            out.points.push_back({point.getX(), point.getY()});
            return;
        }
        case wkbLineString:
            if (!geometry.IsEmpty()) out.lines.push_back(readCurve(*geometry.toLineString(), where));
            return;
        case wkbPolygon: {
            const auto& polygon = *geometry.toPolygon();
            if (polygon.IsEmpty()) return;
            Polygon result;
            result.rings.push_back(readCurve(*polygon.getExteriorRing(), where));
            for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
                result.rings.push_back(readCurve(*polygon.getInteriorRing(i), where));
            }
            out.polygons.push_back(std::move(result));
            return;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection: {
            for (const OGRGeometry* part : *geometry.toGeometryCollection())
                appendGeometry(*part, out, where);
            return;
        }
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbCurvePolygon:
        case wkbMultiCurve:
        case wkbMultiSurface: {
            // Arcs become line segments at GDAL's default step (4 degrees of arc).
            std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
            if (!linear) throw DataError(where, "cannot linearise a curved geometry");
            appendGeometry(*linear, out, where);
            return;
        }
        default:
            throw DataError(where, std::string("unsupported geometry type ") +
                                       OGRGeometryTypeToName(geometry.getGeometryType()));
    }
}

std::unique_ptr<OGRGeometry> ogrGeometry(const Geometry& geometry) {
    std::vector<std::unique_ptr<OGRGeometry>> parts;
    if (!geometry.polygons.empty()) {
        auto multi = std::make_unique<OGRMultiPolygon>();
        for (const auto& polygon : geometry.polygons) {
            auto part = std::make_unique<OGRPolygon>();
            for (const auto& ring : polygon.rings) {
                part->addRingDirectly(ogrCurve<OGRLinearRing>(ring).release());
            }
            multi->addGeometryDirectly(part.release());
        }
        parts.push_back(std::move(multi));
    }
    if (!geometry.lines.empty()) {
        auto multi = std::make_unique<OGRMultiLineString>();
        for (const auto& line : geometry.lines) {
            multi->addGeometryDirectly(ogrCurve<OGRLineString>(line).release());
        }
        parts.push_back(std::move(multi));
    }
    if (!geometry.points.empty()) {
        auto multi = std::make_unique<OGRMultiPoint>();
        for (const auto& point : geometry.points) multi->addGeometryDirectly(new OGRPoint(point.x, point.y));
        parts.push_back(std::move(multi));
    }
    if (parts.empty()) return nullptr;
    if (parts.size() == 1) return std::move(parts.front());
    auto collection = std::make_unique<OGRGeometryCollection>();
    for (auto& part : parts) collection->addGeometryDirectly(part.release());
    return collection;
}

OGRwkbGeometryType ogrType(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Polygons:
            return wkbMultiPolygon;
        case GeometryKind::Lines:
            return wkbMultiLineString;
        case GeometryKind::Points:
            return wkbMultiPoint;
        case GeometryKind::Any:
            return wkbUnknown;
    }
    return wkbUnknown;
}

bool fits(const Geometry& geometry, GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Polygons:
            return geometry.lines.empty() && geometry.points.empty();
        case GeometryKind::Lines:
            return geometry.polygons.empty() && geometry.points.empty();
        case GeometryKind::Points:
            return geometry.polygons.empty() && geometry.lines.empty();
        case GeometryKind::Any:
            return true;
    }
    return true;
}

}  // namespace frontline::io
