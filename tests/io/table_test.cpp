#include "io/table.hpp"

#include <gtest/gtest.h>

namespace frontline::io {
namespace {

Table sample() {
    return {{"date", "name", "area_km2"},
            {{"2020-11-10", "Şuşa, \"city\"", Cell::number(4.4, 3)}, {"2020-12-01", "plain", Cell()}}};
}

TEST(Table, CsvQuotesPerRfc4180) {
    EXPECT_EQ(render(sample(), OutputFormat::Csv),
              "date,name,area_km2\n2020-11-10,\"Şuşa, \"\"city\"\"\",4.400\n2020-12-01,plain,\n");
}

TEST(Table, JsonKeepsNumbersAsNumbersAndEmptyAsNull) {
    EXPECT_EQ(
        render(sample(), OutputFormat::Json),
        "[\n  {\n    \"date\": \"2020-11-10\",\n    \"name\": \"Şuşa, \\\"city\\\"\",\n    \"area_km2\": "
        "4.4\n  },\n"
        "  {\n    \"date\": \"2020-12-01\",\n    \"name\": \"plain\",\n    \"area_km2\": null\n  }\n]\n");
}

TEST(Table, AlignedTableRightAlignsNumbersAndCountsCharactersNotBytes) {
    EXPECT_EQ(render(sample(), OutputFormat::Table),
              "date        name          area_km2\n"
              "----------  ------------  --------\n"
              "2020-11-10  Şuşa, \"city\"     4.400\n"
              "2020-12-01  plain\n");
}

TEST(Table, SectionsAreOneJsonObjectAndBlankLineSeparatedOtherwise) {
    const Table second{{"place"}, {{"Shusha"}}};
    const std::vector<Section> sections{{"areas", "", sample()}, {"places", "Places", second}};
    EXPECT_EQ(render(sections, OutputFormat::Csv), render(sample(), OutputFormat::Csv) + "\nplace\nShusha\n");
    EXPECT_EQ(render(sections, OutputFormat::Table),
              render(sample(), OutputFormat::Table) + "\nPlaces\n\nplace\n------\nShusha\n");
    EXPECT_EQ(
        render(sections, OutputFormat::Json),
        "{\n  \"areas\": [\n    {\n      \"date\": \"2020-11-10\",\n      \"name\": \"Şuşa, \\\"city\\\"\",\n"
        "      \"area_km2\": 4.4\n    },\n    {\n      \"date\": \"2020-12-01\",\n      \"name\": "
        "\"plain\",\n"
        "      \"area_km2\": null\n    }\n  ],\n  \"places\": [\n    {\n      \"place\": \"Shusha\"\n    }\n "
        " ]\n}\n");
    // One section alone is what render() gives for its table.
    EXPECT_EQ(render(std::vector<Section>{{"areas", "", sample()}}, OutputFormat::Json),
              render(sample(), OutputFormat::Json));
}

TEST(Table, NeverPrintsNegativeZero) { EXPECT_EQ(Cell::number(-0.0001, 3).text(), "0.000"); }

}  // namespace
}  // namespace frontline::io
