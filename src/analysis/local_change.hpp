#pragma once
// A series step overlaid only where the two states differ.
//
// Consecutive daily maps share almost all of their edges (vertex for vertex), and a shared edge with
// the held area on the same side in both bounds no piece of the change. Every piece of from △ to is
// then bounded by edges of one state that the other lacks (or holds with the area on its other side):
// its outline lies on them, so the piece lies inside the bounding box of the connected group of those
// edges it touches. Grouping the unshared edges into boxes that stay apart (each grown by a margin)
// and overlaying the two states clipped to each box gives exactly the pieces of the full overlay, at
// the cost of the changed stretches instead of the whole map.

#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/change.hpp"
#include "core/geometry.hpp"
#include "geo/geodesic_edges.hpp"
#include "geo/geos.hpp"

namespace frontline::analysis {

// How far a box reaches beyond the edges it holds (about 100 m; any margin keeps the pieces off the
// box's sides, and a larger one only merges more boxes), and how many boxes are worth clipping to.
inline constexpr double kChangedBoxMarginDegrees = 1e-3;
inline constexpr std::size_t kMaxChangedBoxes = 64;

// Boxes (lon/lat degrees) holding every edge that `from` and `to` do not share with the same side,
// each grown by `marginDegrees`, merged until no two touch; in the order of the tables' rings.
// Nothing when a table does not hold its whole outline (a ring left to the library's pole or
// antimeridian handling), or when more than `maxBoxes` boxes stay apart (many scattered changes, where
// one overlay of the whole is cheaper). No box when the states are the same.
std::optional<std::vector<BoundingBox>> changedBoxes(const geo::GeodesicEdgeTable& from,
                                                     const geo::GeodesicEdgeTable& to,
                                                     double marginDegrees = kChangedBoxMarginDegrees,
                                                     std::size_t maxBoxes = kMaxChangedBoxes);

// geodesicChangePieces computed from the overlay of `from` and `to` inside changedBoxes only: the same
// pieces, areas summed from the same edge tables. Nothing where that cannot be shown: a table without
// its whole outline, more than a quarter of either state's edges unshared or too many boxes (a full
// overlay is then cheaper), or pieces whose sides the shared edges do not settle; the caller then
// overlays the whole (geodesicChangePieces). Pieces come box by box.
std::optional<GainedLostPieces> localChangePieces(geo::GeosContext& geos, const Geometry& from,
                                                  const Geometry& to, const geo::GeodesicEdgeTable& fromEdges,
                                                  const geo::GeodesicEdgeTable& toEdges);

}  // namespace frontline::analysis
