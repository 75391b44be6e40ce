#include "app/viewer_playback.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace frontline::app {

namespace {

constexpr double kMinSpeed = 0.125, kMaxSpeed = 16;

}  // namespace

Playback::Playback(std::vector<render::FrameSpec> schedule, double fps, const Scenario& scenario)
    : m_schedule(std::move(schedule)), m_fps(fps) {
    if (m_schedule.empty()) throw UsageError("nothing to show: the frame schedule is empty");
    const auto& states = scenario.timeline.states();
    for (std::size_t i = 0; i < m_schedule.size(); ++i) {
        const auto& spec = m_schedule[i];
        if (spec.transition || spec.state < 0) continue;
        const ControlState* state = &states[static_cast<std::size_t>(spec.state)];
        // A state's tick is where it is first drawn whole, on or after its own date.
        if (spec.date < state->date) continue;
        if (m_stateFrames.empty() || m_stateFrames.back().second != state)
            m_stateFrames.emplace_back(i, state);
    }
}

render::FrameSpec Playback::current(const render::Scene& scene) const {
    if (m_still) return render::stillFrame(scene, *m_still);
    return m_schedule[m_frame];
}

Date Playback::date() const { return m_still ? *m_still : m_schedule[m_frame].date; }

bool Playback::advance(double seconds) {
    if (!m_playing) return false;
    if (m_still) {
        m_still.reset();
        m_fraction = 0;
    }
    m_fraction += seconds * m_fps * m_speed;
    const auto steps = static_cast<std::size_t>(std::floor(m_fraction));
    if (steps == 0) return false;
    m_fraction -= static_cast<double>(steps);
    const std::size_t before = m_frame;
    m_frame = std::min(m_frame + steps, m_schedule.size() - 1);
    if (m_frame == m_schedule.size() - 1) m_playing = false;
    return m_frame != before;
}

void Playback::togglePlay() { setPlaying(!m_playing); }

void Playback::setPlaying(bool playing) {
    // Play at the end starts again from the beginning.
    if (playing && !m_playing && m_frame + 1 >= m_schedule.size() && !m_still) m_frame = 0;
    m_playing = playing;
    m_fraction = 0;
}

void Playback::faster() { m_speed = std::min(kMaxSpeed, m_speed * 2); }
void Playback::slower() { m_speed = std::max(kMinSpeed, m_speed / 2); }

void Playback::seek(std::size_t frame) {
    m_still.reset();
    m_frame = std::min(frame, m_schedule.size() - 1);
    m_fraction = 0;
}

void Playback::nextState() {
    for (const auto& [frame, state] : m_stateFrames) {
        if (frame > m_frame || (m_still && m_schedule[frame].date > *m_still)) {
            seek(frame);
            return;
        }
    }
    seek(m_schedule.size() - 1);
}

void Playback::previousState() {
    for (auto it = m_stateFrames.rbegin(); it != m_stateFrames.rend(); ++it) {
        if (it->first < m_frame || (m_still && m_schedule[it->first].date < *m_still)) {
            seek(it->first);
            return;
        }
    }
    seek(0);
}

void Playback::jumpTo(const Date& date) {
    std::size_t frame = 0;
    for (std::size_t i = 0; i < m_schedule.size(); ++i) {
        if (m_schedule[i].date <= date) frame = i;
    }
    m_frame = frame;
    m_fraction = 0;
    m_playing = false;
    m_still = date;
}

std::size_t Playback::frameOfDate(const Date& date) const {
    for (std::size_t i = 0; i < m_schedule.size(); ++i) {
        if (!(m_schedule[i].date < date)) return i;
    }
    return m_schedule.size() - 1;
}

}  // namespace frontline::app
