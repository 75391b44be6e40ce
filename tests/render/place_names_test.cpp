// Place labels in the convention asked for (--names): the name, the other name from name_alt, or both.

#include <gtest/gtest.h>

#include <string>

#include "render/place_layout.hpp"

namespace frontline::test {
namespace {

Feature place(const std::string& name, const std::string& alternatives) {
    Feature feature;
    feature.id = "p";
    if (!name.empty()) feature.properties["name"] = name;
    if (!alternatives.empty()) feature.properties["name_alt"] = alternatives;
    return feature;
}

TEST(PlaceName, PrimaryIsTheName) {
    EXPECT_EQ(render::placeName(place("Khankendi", "Stepanakert; Xankəndi"), render::PlaceNames::Primary),
              "Khankendi");
}

TEST(PlaceName, AltIsTheFirstOtherName) {
    EXPECT_EQ(render::placeName(place("Khankendi", "Stepanakert; Xankəndi"), render::PlaceNames::Alt),
              "Stepanakert");
    // name_alt may repeat the name first (Hadrut; Հադրութ).
    EXPECT_EQ(render::placeName(place("Hadrut", "Hadrut; Հադրութ"), render::PlaceNames::Alt), "Հադրութ");
}

TEST(PlaceName, BothPutsTheOtherNameInBrackets) {
    EXPECT_EQ(render::placeName(place("Khankendi", "Stepanakert; Xankəndi"), render::PlaceNames::Both),
              "Khankendi (Stepanakert)");
}

TEST(PlaceName, WithoutAnOtherNameEveryConventionGivesTheName) {
    for (const auto names :
         {render::PlaceNames::Primary, render::PlaceNames::Alt, render::PlaceNames::Both}) {
        EXPECT_EQ(render::placeName(place("Horadiz", "Horadiz"), names), "Horadiz");
        EXPECT_EQ(render::placeName(place("Goris", ""), names), "Goris");
        EXPECT_EQ(render::placeName(place("", ""), names), "p");
    }
}

}  // namespace
}  // namespace frontline::test
