#include "analysis/provenance.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/change.hpp"
#include "geo/geodesic.hpp"

namespace frontline::analysis {
namespace {

Path straight(Coord a, Coord b, int steps = 200) {
    Path path;
    for (int i = 0; i <= steps; ++i)
        path.push_back({a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps});
    return path;
}

// A 0.5° square at 40 N, its ring densified.
Geometry square() {
    Path ring;
    const Coord corners[] = {{46.0, 39.75}, {46.5, 39.75}, {46.5, 40.25}, {46.0, 40.25}, {46.0, 39.75}};
    for (int i = 0; i < 4; ++i) {
        Path side = straight(corners[i], corners[i + 1]);
        ring.insert(ring.end(), side.begin(), side.end() - 1);
    }
    ring.push_back(ring.front());
    Geometry geometry;
    geometry.polygons.push_back({{ring}});
    return geometry;
}

Layer lineLayer(std::string id, LayerRole role, double uncertaintyM, Path line) {
    Layer layer;
    layer.id = std::move(id);
    layer.role = role;
    layer.uncertaintyM = uncertaintyM;
    Feature feature;
    feature.id = "line";
    feature.geometry.lines.push_back(std::move(line));
    layer.features.push_back(std::move(feature));
    return layer;
}

class ProvenanceTest : public ::testing::Test {
protected:
    geo::GeosContext m_geos;
    geo::ProjContext m_proj;
    geo::EqualAreaFrame m_frame{m_proj, Coord{46.25, 40.0}};
    Measurer m_measurer{m_geos, m_frame};
    Layer m_control = [] {
        Layer layer;
        layer.id = "held";
        layer.role = LayerRole::Control;
        layer.uncertaintyM = 2000;
        layer.matchM = 100;
        return layer;
    }();
    // The square's west side, 30 m off, drawn by another source with other vertices (and longer).
    Layer m_border =
        lineLayer("border", LayerRole::Context, 500, straight({45.99965, 39.7}, {45.99965, 40.3}, 37));

    double westKm() const { return geo::geodesicLengthKm(straight({46.0, 39.75}, {46.0, 40.25})); }
};

TEST_F(ProvenanceTest, EdgesOnABorderAreNotFront) {
    const OutlineProvenance provenance =
        classifyOutline(m_measurer, square(), {referenceLine(m_measurer, m_border, m_control)},
                        {"held", "held", m_control.uncertaintyM});
    ASSERT_EQ(provenance.stretches.size(), 2u);
    EXPECT_EQ(provenance.stretches[0].sourceId, "border");
    EXPECT_FALSE(provenance.stretches[0].front);
    EXPECT_TRUE(provenance.stretches[1].own);
    const double perimeterKm = geo::geodesicLengthKm(square());
    EXPECT_NEAR(provenance.lengthKm(), perimeterKm, 1e-6 * perimeterKm);
    // The match zone (100 m around a line 29.8 m west of the side) also takes the first 70.2 m of the
    // north and south sides.
    const double offsetKm = geo::geodesicDistanceKm({45.99965, 40.0}, {46.0, 40.0});
    EXPECT_NEAR(offsetKm, 0.0298, 0.0005);
    EXPECT_NEAR(provenance.stretches[0].lengthKm, westKm() + 2 * (0.1 - offsetKm), 0.002);
    EXPECT_NEAR(provenance.frontKm(), perimeterKm - westKm() - 2 * (0.1 - offsetKm), 0.002);
}

TEST_F(ProvenanceTest, ACeasefireLineIsFront) {
    Layer earlier = lineLayer("line_1994", LayerRole::Control, 1000, straight({46.0, 39.7}, {46.0, 40.3}));
    const OutlineProvenance provenance =
        classifyOutline(m_measurer, square(), {referenceLine(m_measurer, earlier, m_control)},
                        {"held", "held", m_control.uncertaintyM});
    EXPECT_NEAR(provenance.frontKm(), provenance.lengthKm(), 1e-9);
}

TEST_F(ProvenanceTest, WithoutATolerancePassLinesMatchWithinTheCoarserUncertainty) {
    m_control.matchM.reset();
    const ReferenceLine line = referenceLine(m_measurer, m_border, m_control);
    EXPECT_EQ(line.matchM, 2000);  // the control layer's 2 km is the coarser
}

TEST_F(ProvenanceTest, EachStretchIsBufferedByItsOwnUncertainty) {
    // The west side has no uncertainty of its own (a surveyed border, on the side exactly, matched
    // within 1 m), the other three 2 km: the worst case shrinks the square by three strips less two
    // corner squares, and grows it by three strips plus two quarter discs at the east corners and two
    // half discs where the stretch ends at the west corners (an end may move by u in any direction).
    m_border = lineLayer("border", LayerRole::Context, 0, straight({46.0, 39.7}, {46.0, 40.3}));
    m_control.matchM = 1;
    const OutlineProvenance provenance =
        classifyOutline(m_measurer, square(), {referenceLine(m_measurer, m_border, m_control)},
                        {"held", "held", m_control.uncertaintyM});
    const double value = geo::geodesicAreaKm2(square());
    const Interval area = boundedInterval(m_measurer, square(), value, provenance, {});
    const double threeSidesKm = geo::geodesicLengthKm(square()) - westKm();
    const double u = 2;
    EXPECT_NEAR(value - area.min, u * threeSidesKm - 2 * u * u, 0.005 * u * threeSidesKm);
    EXPECT_NEAR(area.max - value, u * threeSidesKm + 3 * M_PI * u * u / 2, 0.005 * u * threeSidesKm);
}

// A border that runs on for 1,000 km beyond the square (as a country's borders do beyond one region):
// only what comes near the square is buffered, and the square's outline is split exactly as against the
// whole border.
TEST_F(ProvenanceTest, OnlyTheLineworkNearTheOutlinesIsBuffered) {
    Path line = straight({45.99965, 30.0}, {45.99965, 40.3}, 2000);
    const Path east = straight({45.99965, 40.3}, {58.0, 40.3}, 2000);
    line.insert(line.end(), east.begin() + 1, east.end());
    m_border = lineLayer("border", LayerRole::Context, 500, line);
    Layer held = m_control;
    held.features.push_back({"square", square(), {}});
    const OutlineExtent extent = outlineExtent({&held});
    ASSERT_TRUE(extent.box.valid);
    EXPECT_DOUBLE_EQ(extent.box.minX, 46.0);
    EXPECT_DOUBLE_EQ(extent.box.maxY, 40.25);
    EXPECT_LT(extent.bowM, 1.0);  // 0.0025° edges bow by millimetres

    Geometry linework;
    linework.lines.push_back(line);
    const Geometry near = nearLinework(linework, extent, 100);
    std::size_t vertices = 0;
    for (const auto& kept : near.lines) vertices += kept.size();
    EXPECT_LT(vertices, line.size() / 10);
    EXPECT_GT(vertices, 0u);

    const OwnLine own{"held", "held", m_control.uncertaintyM};
    const OutlineProvenance whole =
        classifyOutline(m_measurer, square(), {referenceLine(m_measurer, m_border, m_control)}, own);
    const OutlineProvenance cut =
        classifyOutline(m_measurer, square(), {referenceLine(m_measurer, m_border, m_control, &extent)}, own);
    ASSERT_EQ(whole.stretches.size(), cut.stretches.size());
    for (std::size_t i = 0; i < whole.stretches.size(); ++i) {
        EXPECT_EQ(whole.stretches[i].sourceId, cut.stretches[i].sourceId);
        EXPECT_NEAR(whole.stretches[i].lengthKm, cut.stretches[i].lengthKm, 1e-9 * whole.lengthKm());
    }
    // The border's stretch is the west side and the 100 m of the north side the zone takes in (the
    // border turns east 5.5 km north of the square, so no more of it).
    EXPECT_NEAR(cut.stretches[0].lengthKm, westKm() + 2 * 0.0702, 0.002);
}

// A segment longer than a quarter degree is kept wherever it lies: the geodesic between its ends may
// bow far from the lon/lat line the box test would look at.
TEST(NearLinework, KeepsLongSegmentsAndDropsShortFarOnes) {
    OutlineExtent extent;
    extent.box.expand(Coord{46.0, 40.0});
    extent.box.expand(Coord{46.5, 40.5});
    Geometry linework;
    linework.lines.push_back({{50.0, 45.0}, {50.1, 45.0}});  // short, 500 km away
    linework.lines.push_back({{50.0, 46.0}, {55.0, 46.0}});  // long
    linework.lines.push_back({{46.2, 40.2}, {46.3, 40.2}});  // inside
    const Geometry near = nearLinework(linework, extent, 100);
    ASSERT_EQ(near.lines.size(), 2u);
    EXPECT_EQ(near.lines[0], linework.lines[1]);
    EXPECT_EQ(near.lines[1], linework.lines[2]);
}

TEST(AreaSigma, ClosedForm) {
    // One source: 100 km of line, u = 2 km (σ = 1 km), correlated along 10 km: 10 independent
    // blocks of 10 km² each, σ_area = √10 · 10 km².
    OutlineProvenance provenance;
    OutlineStretch stretch;
    stretch.sourceId = "a";
    stretch.uncertaintyM = 2000;
    stretch.lengthKm = 100;
    provenance.stretches.push_back(stretch);
    EXPECT_NEAR(areaSigmaKm2(provenance, {}), std::sqrt(10.0) * 10, 1e-9);
    // A stretch shorter than the correlation length moves as one: σ·ℓ.
    provenance.stretches[0].lengthKm = 4;
    EXPECT_NEAR(areaSigmaKm2(provenance, {}), 4, 1e-9);
    // Two sources add in quadrature; two stretches of one source add as one longer stretch.
    OutlineStretch other = stretch;
    other.sourceId = "b";
    other.lengthKm = 3;
    provenance.stretches.push_back(other);
    EXPECT_NEAR(areaSigmaKm2(provenance, {}), 5, 1e-9);
    provenance.stretches[1].sourceId = "a";
    EXPECT_NEAR(areaSigmaKm2(provenance, {}), 7, 1e-9);
}

TEST_F(ProvenanceTest, ABorderStretchSharedByTwoStatesBoundsNoPiece) {
    // Two states on one border: the west side is the border in both; the east side moves from 46.5
    // to 46.4. The lost strip is bounded by the old and new east sides and bits of north and south.
    Geometry to = square();
    for (auto& c : to.polygons[0].rings[0]) c.x = c.x > 46.25 ? 46.4 : c.x;
    const std::vector<ReferenceLine> references{referenceLine(m_measurer, m_border, m_control)};
    const StateEvidence a = stateEvidence(m_measurer, square(), references, {"held", "held", 2000}, {});
    const StateEvidence b = stateEvidence(m_measurer, to, references, {"held", "held", 2000}, {});
    const Change change = computeChange(m_measurer, a, b, {});
    const Change same = computeChange(m_measurer, a, a, {});
    EXPECT_EQ(same.lost.max, 0);
    EXPECT_EQ(same.gained.max, 0);
    // Widening comes from the east sides (2 × 2 km × ~55.6 km) and the strip's short sides, never
    // from the 55 km border stretch.
    const double eastKm = geo::geodesicLengthKm(straight({46.5, 39.75}, {46.5, 40.25}));
    EXPECT_GT(change.lost.max - change.lost.value, 2 * 2 * eastKm);
    EXPECT_LT(change.lost.max - change.lost.value, 2 * 2 * eastKm + 2 * 2 * 8.6 + 4 * M_PI * 4);
}

}  // namespace
}  // namespace frontline::analysis
