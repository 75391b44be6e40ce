#include "core/timeline.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace frontline {
namespace {

Timeline threeStates() {
    // Given out of order on purpose: the timeline sorts.
    return Timeline({{Date(2020, 11, 10), "b", "", "", false},
                     {Date(1994, 5, 12), "a", "", "", false},
                     {Date(2023, 9, 20), "", "", "", true}});
}

TEST(Timeline, StateAtIsTheLatestOnOrBeforeTheDate) {
    const Timeline timeline = threeStates();
    EXPECT_EQ(timeline.stateAt(Date(1994, 5, 11)), nullptr);
    EXPECT_EQ(timeline.stateAt(Date(1994, 5, 12))->layerId, "a");
    EXPECT_EQ(timeline.stateAt(Date(2020, 11, 9))->layerId, "a");
    EXPECT_EQ(timeline.stateAt(Date(2020, 11, 10))->layerId, "b");
    EXPECT_TRUE(timeline.stateAt(Date(2030, 1, 1))->empty);
}

TEST(Timeline, IndexAtCountsInDateOrderAndIsMinusOneBeforeTheFirst) {
    const Timeline timeline = threeStates();
    EXPECT_EQ(timeline.indexAt(Date(1994, 5, 11)), -1);
    EXPECT_EQ(timeline.indexAt(Date(1994, 5, 12)), 0);
    EXPECT_EQ(timeline.indexAt(Date(2020, 11, 10)), 1);
    EXPECT_EQ(timeline.indexAt(Date(2030, 1, 1)), 2);
}

TEST(Timeline, PreviousStateFollowsDateOrder) {
    const Timeline timeline = threeStates();
    const ControlState* last = timeline.stateAt(Date(2024, 1, 1));
    ASSERT_NE(timeline.previous(*last), nullptr);
    EXPECT_EQ(timeline.previous(*last)->layerId, "b");
    EXPECT_EQ(timeline.previous(timeline.states().front()), nullptr);
}

TEST(Timeline, RejectsTwoStatesOnOneDate) {
    try {
        Timeline({{Date(2020, 1, 1), "a", "", "", false}, {Date(2020, 1, 1), "b", "", "", false}});
        FAIL() << "no exception";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "two control states share the date 2020-01-01");
    }
}

}  // namespace
}  // namespace frontline
