#include "analysis/evidence.hpp"

#include <algorithm>
#include <iterator>

#include "analysis/control.hpp"

namespace frontline::analysis {

namespace {

// The stretches of a control layer's outline that follow no reference: its own line of contact.
OwnLine ownLine(const Layer& control) { return {control.id, control.title, control.uncertaintyM}; }

}  // namespace

TimelineEvidence::TimelineEvidence(const Measurer& measurer, const Scenario& scenario,
                                   std::optional<double> minAreaKm2)
    : m_measurer(measurer), m_scenario(scenario), m_minAreaKm2(minAreaKm2) {}

const std::vector<ReferenceLine>& TimelineEvidence::references(const Layer& control) {
    auto found = m_references.find(control.id);
    if (found != m_references.end()) return found->second;
    std::vector<ReferenceLine> lines;
    for (const auto& id : control.references) {
        const Layer& reference = m_scenario.layer(id);
        const auto key = std::make_pair(id, matchToleranceM(reference, control));
        auto line = m_lines.find(key);
        if (line == m_lines.end()) {
            // Only the linework near the outlines that follow this reference is buffered.
            auto extent = m_extents.find(id);
            if (extent == m_extents.end()) {
                std::vector<const Layer*> following;
                for (const Layer& layer : m_scenario.layers) {
                    if (std::find(layer.references.begin(), layer.references.end(), id) !=
                        layer.references.end())
                        following.push_back(&layer);
                }
                extent = m_extents.emplace(id, outlineExtent(following)).first;
            }
            line = m_lines.emplace(key, referenceLine(m_measurer, reference, control, &extent->second)).first;
        }
        lines.push_back(line->second);  // shares the zone
    }
    return m_references.emplace(control.id, std::move(lines)).first->second;
}

const StateEvidence& TimelineEvidence::state(const ControlState& state) {
    const std::string key = state.date.iso();
    auto found = m_states.find(key);
    if (found != m_states.end()) return found->second;
    Geometry held = controlGeometry(m_measurer.geos, m_scenario, state);
    StateEvidence evidence;
    if (state.empty) {
        evidence.area = Interval::exact(0);
    } else {
        const Layer& layer = m_scenario.layer(state.layerId);
        evidence = stateEvidence(m_measurer, std::move(held), references(layer), ownLine(layer),
                                 m_scenario.uncertainty);
    }
    return m_states.emplace(key, std::move(evidence)).first->second;
}

StateOutline TimelineEvidence::outline(const ControlState& state) {
    auto found = m_states.find(state.date.iso());
    if (found != m_states.end()) return {found->second.held, found->second.provenance};
    StateOutline outline{controlGeometry(m_measurer.geos, m_scenario, state), {}};
    if (!state.empty) {
        const Layer& layer = m_scenario.layer(state.layerId);
        outline.provenance = classifyOutline(m_measurer, outline.held, references(layer), ownLine(layer));
    }
    return outline;
}

void TimelineEvidence::release(const ControlState& state) {
    const std::string key = state.date.iso();
    m_states.erase(key);
    for (auto it = m_changes.begin(); it != m_changes.end();) {
        it = (it->first.first == key || it->first.second == key) ? m_changes.erase(it) : std::next(it);
    }
}

const Change& TimelineEvidence::change(const ControlState& from, const ControlState& to) {
    const auto key = std::make_pair(from.date.iso(), to.date.iso());
    auto found = m_changes.find(key);
    if (found != m_changes.end()) return found->second;
    const StateEvidence& fromEvidence = state(from);
    const StateEvidence& toEvidence = state(to);
    return m_changes
        .emplace(key,
                 computeChange(m_measurer, fromEvidence, toEvidence, m_scenario.uncertainty, m_minAreaKm2))
        .first->second;
}

}  // namespace frontline::analysis
