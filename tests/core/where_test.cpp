#include "core/where.hpp"

#include <gtest/gtest.h>

#include "core/diagnostics.hpp"
#include "core/error.hpp"

namespace frontline {
namespace {

TEST(Where, NamesAsMuchAsIsKnown) {
    EXPECT_EQ(Where("a.geojson").text(), "'a.geojson'");
    EXPECT_EQ(Where("a.geojson", "held").text(), "'a.geojson': layer 'held'");
    EXPECT_EQ(Where("a.geojson", "held", "f1").text(), "'a.geojson': layer 'held' feature 'f1'");
    EXPECT_EQ(Where("a.geojson", "held", "f1").withField("valid_to").text(),
              "'a.geojson': layer 'held' feature 'f1': property 'valid_to'");
}

TEST(Where, AnEmptyIdIsStillNamed) {
    EXPECT_EQ(Where("a.geojson", "", "").text(), "'a.geojson': layer '' feature ''");
}

TEST(Where, IsInTheLayerOfItsFileOnly) {
    const Where where("a.geojson", "held", "f1");
    EXPECT_TRUE(where.inLayer("a.geojson", "held"));
    EXPECT_FALSE(where.inLayer("a.geojson", "hel"));
    EXPECT_FALSE(where.inLayer("b.geojson", "held"));
    EXPECT_FALSE(Where("a.geojson").inLayer("a.geojson", ""));
}

TEST(DataError, MadeWithAWhereKeepsItsPartsAndSaysThemFirst) {
    const DataError error(Where("a.geojson", "held", "f1"), "has no geometry");
    EXPECT_STREQ(error.what(), "'a.geojson': layer 'held' feature 'f1': has no geometry");
    ASSERT_TRUE(error.where().has_value());
    EXPECT_EQ(error.where()->feature, "f1");
    EXPECT_FALSE(DataError("plain").where().has_value());
}

TEST(Diagnostics, AWarningWithAWhereKeepsItsParts) {
    Diagnostics diagnostics;
    diagnostics.warn(Where("a.geojson", "held"), "has no features");
    diagnostics.warn("--by regions", "has no polygons");
    ASSERT_EQ(diagnostics.warnings().size(), 2u);
    EXPECT_EQ(diagnostics.warnings()[0].where, "'a.geojson': layer 'held'");
    ASSERT_TRUE(diagnostics.warnings()[0].source.has_value());
    EXPECT_EQ(diagnostics.warnings()[0].source->layer, "held");
    EXPECT_EQ(diagnostics.warnings()[1].where, "--by regions");
    EXPECT_FALSE(diagnostics.warnings()[1].source.has_value());
}

}  // namespace
}  // namespace frontline
