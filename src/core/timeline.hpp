#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace frontline {

// Who held what from `date` on: the polygons of `layerId` (all features, or only `featureId`), or
// nothing at all when `empty`.
struct ControlState {
    Date date;
    std::string layerId;
    std::string featureId;
    std::string label;
    bool empty = false;
};

// The dated control states of a scenario, kept sorted by date with no two on one date.
class Timeline {
public:
    Timeline() = default;
    // Throws DataError when two states share a date.
    explicit Timeline(std::vector<ControlState> states);

    const std::vector<ControlState>& states() const { return m_states; }
    bool empty() const { return m_states.empty(); }

    // The latest state dated on or before `date`; nullptr before the first state.
    const ControlState* stateAt(const Date& date) const;
    // The index of stateAt(date) in states(); −1 before the first state.
    int indexAt(const Date& date) const;
    // The state that precedes `state` in time; nullptr for the first.
    const ControlState* previous(const ControlState& state) const;

private:
    std::vector<ControlState> m_states;
};

}  // namespace frontline
