#include "analysis/local_change.hpp"

#include <algorithm>
#include <utility>

namespace frontline::analysis {

namespace {

bool overlap(const BoundingBox& a, const BoundingBox& b) {
    return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

BoundingBox grown(BoundingBox box, double margin) {
    box.minX -= margin;
    box.minY -= margin;
    box.maxX += margin;
    box.maxY += margin;
    return box;
}

// Adds the boxes of `edges` (grown by `margin`) to `boxes`, runs of consecutive edges that touch in one
// box: the unshared edges of a changed stretch come one after another along its ring.
void addEdgeBoxes(const std::vector<geo::GeodesicEdgeTable::Segment>& edges, double margin,
                  std::vector<BoundingBox>& boxes) {
    bool open = false;
    for (const auto& edge : edges) {
        BoundingBox box;
        box.expand(edge.a);
        box.expand(edge.b);
        box = grown(box, margin);
        if (open && overlap(boxes.back(), box)) {
            boxes.back().expand(box);
        } else {
            boxes.push_back(box);
            open = true;
        }
    }
}

// Merges touching boxes until none touch; the survivors keep the order of their first members.
void mergeTouching(std::vector<BoundingBox>& boxes) {
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            for (std::size_t j = i + 1; j < boxes.size();) {
                if (overlap(boxes[i], boxes[j])) {
                    boxes[i].expand(boxes[j]);
                    boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
                    merged = true;
                } else {
                    ++j;
                }
            }
        }
    }
}

using Segments = std::vector<geo::GeodesicEdgeTable::Segment>;

std::optional<std::vector<BoundingBox>> boxesOf(const Segments& unsharedFrom, const Segments& unsharedTo,
                                                double marginDegrees, std::size_t maxBoxes) {
    std::vector<BoundingBox> boxes;
    addEdgeBoxes(unsharedFrom, marginDegrees, boxes);
    addEdgeBoxes(unsharedTo, marginDegrees, boxes);
    // The merging is quadratic in the boxes: many scattered changes go to one overlay of the whole.
    if (boxes.size() > 16 * maxBoxes) return std::nullopt;
    mergeTouching(boxes);
    if (boxes.size() > maxBoxes) return std::nullopt;
    return boxes;
}

}  // namespace

std::optional<std::vector<BoundingBox>> changedBoxes(const geo::GeodesicEdgeTable& from,
                                                     const geo::GeodesicEdgeTable& to, double marginDegrees,
                                                     std::size_t maxBoxes) {
    if (!from.complete() || !to.complete()) return std::nullopt;
    return boxesOf(from.edgesNotSharedWith(to), to.edgesNotSharedWith(from), marginDegrees, maxBoxes);
}

std::optional<GainedLostPieces> localChangePieces(geo::GeosContext& geos, const Geometry& from,
                                                  const Geometry& to, const geo::GeodesicEdgeTable& fromEdges,
                                                  const geo::GeodesicEdgeTable& toEdges) {
    if (!fromEdges.complete() || !toEdges.complete()) return std::nullopt;
    // Where most of the outline changed, the clipping saves little and one overlay of the whole is
    // simpler.
    const Segments unsharedFrom = fromEdges.edgesNotSharedWith(toEdges);
    const Segments unsharedTo = toEdges.edgesNotSharedWith(fromEdges);
    if (4 * unsharedFrom.size() > fromEdges.edgeCount() || 4 * unsharedTo.size() > toEdges.edgeCount())
        return std::nullopt;
    const auto boxes = boxesOf(unsharedFrom, unsharedTo, kChangedBoxMarginDegrees, kMaxChangedBoxes);
    if (!boxes) return std::nullopt;
    if (boxes->empty()) return GainedLostPieces{};
    // The boxes hold every piece and stay apart, so the pieces of the clipped overlays are those of the
    // whole, each found once; the clipped states' own edges along a box's sides cancel out, since both
    // states agree there.
    Geometry pieces;
    for (Geometry& inBox : geo::symmetricDifferencesWithin(geos, from, to, *boxes)) {
        for (Polygon& piece : inBox.polygons) pieces.polygons.push_back(std::move(piece));
    }
    const auto split = geo::splitSymmetricDifference(pieces, fromEdges, toEdges);
    if (!split) return std::nullopt;
    return piecesBySide(geos, std::move(pieces), *split, to);
}

}  // namespace frontline::analysis
