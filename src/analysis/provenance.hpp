#pragma once
// Edge provenance: which line each stretch of a control outline comes from — a reference layer (a
// national border, a coast, an earlier ceasefire line, an admin boundary, a corridor) or the control
// layer's own line of contact — and what follows from it: each stretch is as uncertain as its own
// source, the line of contact (front) is the stretches that are fronts, and a change between two
// states is only as uncertain as the stretches that bound its pieces (docs/uncertainty.md).
//
// Stretches are held twice: in the scenario's equal-area frame (metres; for matching and buffering)
// and in lon/lat (for geodesic lengths and drawing). Values; no handles kept.

#include <memory>
#include <string>
#include <vector>

#include "analysis/area.hpp"
#include "core/geometry.hpp"
#include "core/scenario.hpp"

namespace frontline::analysis {

// A line a control outline may follow: the linework of a reference layer (polygon rings and lines of
// every feature) in the equal-area frame, and the zone within `matchM` of it.
struct ReferenceLine {
    std::string layerId;
    std::string title;
    double uncertaintyM = 0;
    double matchM = 0;
    bool front = false;
    // Polygons: the linework buffered by matchM. Shared, immutable: one zone serves every control layer
    // that follows the same line with the same tolerance (hundreds of daily layers on one border).
    std::shared_ptr<const Geometry> zoneXy;
};

// Where the stretches that follow no reference came from: the control layer itself.
struct OwnLine {
    std::string layerId;
    std::string title;
    double uncertaintyM = 0;
};

// The part of an outline that comes from one source (possibly many disjoint line strings).
struct OutlineStretch {
    std::string sourceId;  // the reference layer's id, or the control layer's own id
    std::string sourceTitle;
    double uncertaintyM = 0;
    bool front = false;    // a line of contact: the own line, or a reference that is a front
    bool own = false;      // the control layer's own line
    Geometry projectedXy;  // lines, equal-area frame
    Geometry lonLat;       // the same lines in lon/lat
    double lengthKm = 0;   // geodesic, along the lon/lat lines
};

// An outline split by source: every edge of the outline is in exactly one stretch.
struct OutlineProvenance {
    std::vector<OutlineStretch> stretches;

    double lengthKm() const;
    // The line of contact: the stretches that are fronts.
    double frontKm() const;
    Geometry frontLonLat() const;
    // The stretches (each kept with its source) inside a zone of the equal-area frame; empty ones dropped.
    OutlineProvenance within(const Measurer& measurer, const Geometry& zoneXy) const;
    // Both sets of stretches; same sources are kept apart (they are different stretches).
    OutlineProvenance operator+(const OutlineProvenance& other) const;
};

// The outline of a layer's polygons as one stretch with the layer's own source and uncertainty (not
// front): the boundary a clipped area gets where the layer cuts it.
OutlineProvenance layerOutline(const Measurer& measurer, const Layer& layer, const Geometry& polygonsLonLat);

// How far an edge of `control`'s outline may lie from `reference`'s line and still follow it:
// control.matchM, or, when unset, the coarser of the two layers' uncertainties.
double matchToleranceM(const Layer& reference, const Layer& control);

// Where the outlines matched against a reference lie: the box of their vertices (lon/lat) and how far,
// in metres, their edges may bow out of it (an edge is the geodesic between its vertices, not the
// straight lon/lat line the box bounds).
struct OutlineExtent {
    BoundingBox box;
    double bowM = 0;
};
// The extent of the polygons of `layers`.
OutlineExtent outlineExtent(const std::vector<const Layer*>& layers);

// The lines of `lineworkLonLat` cut to the runs of segments that may come within `distanceM` of the
// outlines in `near`: every segment whose box meets `near`'s box grown by twice the distance, the bows of
// both sides and a kilometre, and every segment longer than a quarter degree (its bow is not bounded
// here). The zone within `distanceM` of the result is that of the whole linework over `near`: a segment
// left out is farther than twice the distance from every outline, and so are the round ends of the runs
// where it was cut.
Geometry nearLinework(const Geometry& lineworkLonLat, const OutlineExtent& near, double distanceM);

// The reference line of `reference` for an outline of `control`, matched within matchToleranceM. With
// `near`, the zone is that of nearLinework: the same wherever those outlines lie, at a fraction of the
// cost where the reference reaches far beyond them (a country's whole borders around one region).
ReferenceLine referenceLine(const Measurer& measurer, const Layer& reference, const Layer& control,
                            const OutlineExtent* near = nullptr);

// Splits the outline of `heldLonLat` (dissolved polygons) by source: each edge goes to the first
// reference whose zone holds it, the rest is `own`.
OutlineProvenance classifyOutline(const Measurer& measurer, const Geometry& heldLonLat,
                                  const std::vector<ReferenceLine>& references, const OwnLine& own);

// Every stretch buffered by its own uncertainty, united, in lon/lat: where the true outline may lie.
Geometry uncertaintyBand(const Measurer& measurer, const OutlineProvenance& provenance);

// The standard deviation (km²) of an area bounded by these stretches under `model`: a source's
// stretches, of total length ℓ and σ = sigmaFraction·u, add σ²·ℓ·min(ℓ, correlationKm); sources add
// independently.
double areaSigmaKm2(const OutlineProvenance& provenance, const UncertaintyModel& model);

// The interval of `pieceLonLat` (of area `valueKm2`) bounded by `edges`: worst case [area(piece − band),
// area(piece ∪ band)], likely value ± z·σ inside it (and never below 0).
Interval boundedInterval(const Measurer& measurer, const Geometry& pieceLonLat, double valueKm2,
                         const OutlineProvenance& edges, const UncertaintyModel& model);

}  // namespace frontline::analysis
