#include "core/timeline.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace frontline {

Timeline::Timeline(std::vector<ControlState> states) : m_states(std::move(states)) {
    std::stable_sort(m_states.begin(), m_states.end(),
                     [](const ControlState& a, const ControlState& b) { return a.date < b.date; });
    for (std::size_t i = 1; i < m_states.size(); ++i) {
        if (m_states[i].date == m_states[i - 1].date) {
            throw DataError("two control states share the date " + m_states[i].date.iso());
        }
    }
}

const ControlState* Timeline::stateAt(const Date& date) const {
    auto after = std::upper_bound(m_states.begin(), m_states.end(), date,
                                  [](const Date& d, const ControlState& s) { return d < s.date; });
    if (after == m_states.begin()) return nullptr;
    return &*std::prev(after);
}

int Timeline::indexAt(const Date& date) const {
    const ControlState* state = stateAt(date);
    return state ? static_cast<int>(state - m_states.data()) : -1;
}

const ControlState* Timeline::previous(const ControlState& state) const {
    for (std::size_t i = 1; i < m_states.size(); ++i) {
        if (&m_states[i] == &state) return &m_states[i - 1];
    }
    return nullptr;
}

}  // namespace frontline
