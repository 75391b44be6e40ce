#pragma once
// Where the viewer is in time: a position in the export's frame schedule (so that frame k of the viewer
// is frame k of `frontline export` with the same options), or a still at a typed date. Pure logic, no
// window: advanced by the clock, moved by the timeline's keys and slider.

#include <cstddef>
#include <optional>
#include <vector>

#include "core/date.hpp"
#include "core/scenario.hpp"
#include "render/renderer.hpp"

namespace frontline::app {

class Playback {
public:
    // `schedule` as buildSchedule makes it, `fps` its rate. Throws UsageError for an empty schedule.
    Playback(std::vector<render::FrameSpec> schedule, double fps, const Scenario& scenario);

    // The frame to draw: schedule frame `frame()`, or the still at the typed date.
    render::FrameSpec current(const render::Scene& scene) const;
    std::size_t frame() const { return m_frame; }
    std::size_t frameCount() const { return m_schedule.size(); }
    const std::vector<render::FrameSpec>& schedule() const { return m_schedule; }
    double fps() const { return m_fps; }
    // The date on the counter.
    Date date() const;
    bool playing() const { return m_playing; }
    double speed() const { return m_speed; }
    const std::optional<Date>& still() const { return m_still; }

    // Moves on by `seconds` of wall time when playing (at fps × speed); stops at the last frame.
    // Returns whether the frame changed.
    bool advance(double seconds);
    void togglePlay();
    void setPlaying(bool playing);
    // Speed steps 1/8 … 16, doubled or halved.
    void faster();
    void slower();
    void seek(std::size_t frame);
    // To the first frame of the next / previous state held still (the end of its transition).
    void nextState();
    void previousState();
    // A still at `date` (the state in force then, events since the state before); the slider shows the
    // last schedule frame not after it.
    void jumpTo(const Date& date);

    // Frames at which each control state is first shown whole (timeline ticks), in timeline order; a
    // state outside the schedule has none.
    const std::vector<std::pair<std::size_t, const ControlState*>>& stateFrames() const {
        return m_stateFrames;
    }
    // The first frame whose date reaches the event's (clamped to the ends).
    std::size_t frameOfDate(const Date& date) const;

private:
    std::vector<render::FrameSpec> m_schedule;
    double m_fps;
    std::size_t m_frame = 0;
    double m_fraction = 0;  // of a frame, accumulated by advance()
    bool m_playing = false;
    double m_speed = 1;
    std::optional<Date> m_still;
    std::vector<std::pair<std::size_t, const ControlState*>> m_stateFrames;
};

}  // namespace frontline::app
