// Which part of a held area is schematic: the polygons of schematic features in force at the state's
// date, of any non-control layer and of the state's own layer; the whole of it for a schematic layer.

#include "render/schematic.hpp"

#include <gtest/gtest.h>

#include "geo/geos.hpp"

namespace frontline::test {
namespace {

Geometry square(double x0, double y0, double x1, double y1) {
    Geometry g;
    g.polygons.push_back({{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
    return g;
}

Feature feature(const std::string& id, Geometry geometry, std::map<std::string, std::string> properties) {
    return {id, std::move(geometry), std::move(properties)};
}

struct Fixture {
    Fixture() {
        Layer held;
        held.id = "held";
        held.role = LayerRole::Control;
        held.features.push_back(feature("held", square(0, 0, 4, 4), {}));
        Layer marks;
        marks.id = "marks";
        marks.role = LayerRole::Context;
        marks.features.push_back(
            feature("pocket", square(3, 3, 5, 5), {{"schematic", "true"}, {"valid_to", "2020-12-12"}}));
        marks.features.push_back(feature("measured", square(-1, -1, 1, 1), {}));
        scenario.layers = {held, marks};
        state.date = Date(2020, 11, 10);
        state.layerId = "held";
    }
    double area(const Geometry& g) { return geo::planarArea(geos, g); }

    geo::GeosContext geos;
    Scenario scenario;
    ControlState state;
    const Geometry heldLonLat = square(0, 0, 4, 4);
};

TEST(SchematicPart, IsTheHeldAreaInsideSchematicFeatures) {
    Fixture f;
    const Geometry part = render::schematicPart(f.geos, f.scenario, f.state, f.heldLonLat);
    // The pocket's square clipped to the held area (1 × 1); the unmarked feature adds nothing.
    EXPECT_NEAR(f.area(part), 1.0, 1e-9);
}

TEST(SchematicPart, FeatureOutOfForceAtTheStateMarksNothing) {
    Fixture f;
    f.state.date = Date(2020, 12, 12);
    EXPECT_TRUE(render::schematicPart(f.geos, f.scenario, f.state, f.heldLonLat).polygons.empty());
}

TEST(SchematicPart, SchematicLayerMarksEverything) {
    Fixture f;
    f.scenario.layers[1].features[0].properties.erase("schematic");
    EXPECT_TRUE(render::schematicPart(f.geos, f.scenario, f.state, f.heldLonLat).polygons.empty());
    f.scenario.layers[1].schematic = true;  // now the unmarked feature is schematic too: 1 + 1
    EXPECT_NEAR(f.area(render::schematicPart(f.geos, f.scenario, f.state, f.heldLonLat)), 2.0, 1e-9);
    f.scenario.layers[0].schematic = true;  // the state's own layer: all of it
    EXPECT_NEAR(f.area(render::schematicPart(f.geos, f.scenario, f.state, f.heldLonLat)), 16.0, 1e-9);
}

TEST(SchematicPart, EmptyStateHasNone) {
    Fixture f;
    f.state.empty = true;
    EXPECT_TRUE(render::schematicPart(f.geos, f.scenario, f.state, {}).polygons.empty());
}

}  // namespace
}  // namespace frontline::test
