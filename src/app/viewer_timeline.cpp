#include "app/viewer_timeline.hpp"

#include <fmt/format.h>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "render/panel_text.hpp"
#include "render/time_ticks.hpp"

namespace frontline::app {

TimelineStrip::Layout TimelineStrip::layout(sf::Vector2u window, unsigned sceneHeight) {
    Layout box;
    box.window = window;
    const auto w = static_cast<float>(box.window.x), h = static_cast<float>(box.window.y);
    box.unit = std::min(w / 1920.0f, h / 1080.0f);
    const auto top = static_cast<float>(sceneHeight);
    box.strip = {0, top, w, std::max(1.0f, h - top)};
    const float u = std::max(0.6f, box.unit);
    const float button = std::round(36 * u);
    box.play = {std::round(16 * u), top + (box.strip.height - button) / 2, button, button};
    box.trackLeft = box.play.left + button + std::round(250 * u);
    box.trackRight = w - std::round(150 * u);
    box.trackY = top + std::round(box.strip.height * 0.5f);
    return box;
}

TimelineStrip::Press TimelineStrip::press(const Layout& box, sf::Vector2f at, Playback& playback) {
    if (box.play.contains(at)) {
        playback.togglePlay();
        return Press::Played;
    }
    if (box.strip.contains(at) && at.x >= box.trackLeft - 10 && at.x <= box.trackRight + 10) {
        m_sliding = true;
        playback.seek(frameAtX(box, at.x, playback));
        return Press::Seeked;
    }
    return Press::Missed;
}

void TimelineStrip::slide(const Layout& box, float x, Playback& playback) const {
    if (m_sliding) playback.seek(frameAtX(box, x, playback));
}

float TimelineStrip::xOfFrame(const Layout& box, std::size_t frame, const Playback& playback) const {
    const std::size_t last = std::max<std::size_t>(1, playback.frameCount() - 1);
    return box.trackLeft +
           (box.trackRight - box.trackLeft) * static_cast<float>(frame) / static_cast<float>(last);
}

std::size_t TimelineStrip::frameAtX(const Layout& box, float x, const Playback& playback) const {
    const float t =
        std::clamp((x - box.trackLeft) / std::max(1.0f, box.trackRight - box.trackLeft), 0.0f, 1.0f);
    return static_cast<std::size_t>(std::lround(t * static_cast<float>(playback.frameCount() - 1)));
}

void TimelineStrip::hoverEvents(const Layout& box, sf::Vector2f at, const Playback& playback) {
    m_hoverEvents.clear();
    const float u = std::max(0.6f, box.unit);
    if (at.y < box.trackY + 4 * u || at.y > box.trackY + 24 * u) return;
    for (const auto& event : m_scenario.events) {
        if (std::abs(xOfFrame(box, playback.frameOfDate(event.date), playback) - at.x) <= 6 * u)
            m_hoverEvents.push_back(&event);
    }
}

void TimelineStrip::draw(const ViewerPainter& painter, const Layout& box, const Playback& playback,
                         const render::Scene& scene) const {
    sf::RenderTarget& target = painter.target();
    const float u = std::max(0.6f, box.unit);
    painter.fillRect(box.strip, kStrip);
    painter.fillRect({0, box.strip.top, box.strip.width, 1}, kFaint);

    // Play / pause button.
    painter.fillRect(box.play, sf::Color::White, kFaint);
    const sf::Vector2f c(box.play.left + box.play.width / 2, box.play.top + box.play.height / 2);
    const float s = box.play.width * 0.28f;
    if (playback.playing()) {
        painter.fillRect({c.x - s * 0.8f, c.y - s, s * 0.55f, 2 * s}, kInk);
        painter.fillRect({c.x + s * 0.25f, c.y - s, s * 0.55f, 2 * s}, kInk);
    } else {
        sf::ConvexShape triangle(3);
        triangle.setPoint(0, {c.x - s * 0.7f, c.y - s});
        triangle.setPoint(1, {c.x + s, c.y});
        triangle.setPoint(2, {c.x - s * 0.7f, c.y + s});
        triangle.setFillColor(kInk);
        target.draw(triangle);
    }
    // The date and the speed. The date line is the panel's: between two maps it names both dates
    // (render/panel_text.hpp), smaller so that it keeps clear of the track.
    const std::string dateLine =
        render::panelText(scene.scenario(), scene.stats(), playback.current(scene)).date;
    const float dateLeft = box.play.left + box.play.width + 16 * u;
    float dateSize = std::round(24 * u);
    const float dateWidth = painter.textWidth(dateLine, true, dateSize),
                dateRoom = box.trackLeft - 12 * u - dateLeft;
    if (dateWidth > dateRoom) dateSize = std::max(8.0f, std::floor(dateSize * dateRoom / dateWidth));
    painter.text(dateLine, true, dateSize, kInk, {dateLeft, box.trackY - dateSize * 0.75f});
    const std::string speed = fmt::format("{:g}×", playback.speed());
    painter.text(speed + "   H: help", false, std::round(16 * u), kMuted,
                 {box.trackRight + 22 * u, box.trackY - 11 * u});

    // Track, state ticks or dates at round places, event markers, the cursor.
    painter.fillRect({box.trackLeft, box.trackY - 2 * u, box.trackRight - box.trackLeft, 4 * u}, kFaint);
    drawTicks(painter, box, playback);
    for (const auto& event : m_scenario.events) {
        const float x = xOfFrame(box, playback.frameOfDate(event.date), playback);
        sf::CircleShape diamond(5 * u, 4);
        diamond.setOrigin(5 * u, 5 * u);
        diamond.setPosition(x, box.trackY + 15 * u);
        const bool hot = std::find(m_hoverEvents.begin(), m_hoverEvents.end(), &event) != m_hoverEvents.end();
        diamond.setFillColor(hot ? kAccent : sf::Color(70, 90, 140));
        target.draw(diamond);
    }
    sf::CircleShape knob(8 * u, 20);
    knob.setOrigin(8 * u, 8 * u);
    knob.setPosition(xOfFrame(box, playback.frame(), playback), box.trackY);
    knob.setFillColor(kAccent);
    knob.setOutlineColor(sf::Color::White);
    knob.setOutlineThickness(2 * u);
    target.draw(knob);
}

void TimelineStrip::drawTicks(const ViewerPainter& painter, const Layout& box,
                              const Playback& playback) const {
    const float u = std::max(0.6f, box.unit);
    const float trackWidth = box.trackRight - box.trackLeft;
    const float labelSize = std::round(13 * u), gap = 6 * u;
    const auto& states = playback.stateFrames();
    if (static_cast<float>(states.size()) * (painter.textWidth("0000-00-00", false, labelSize) + gap) <=
        trackWidth) {
        // Few states: a tick for each with its date, where the date has room.
        float lastLabelRight = -1e9f;
        for (const auto& [frame, state] : states) {
            const float x = xOfFrame(box, frame, playback);
            painter.fillRect({x - 1 * u, box.trackY - 10 * u, 2 * u, 20 * u}, kInk);
            const std::string label = state->date.iso();
            const float w = painter.textWidth(label, false, labelSize);
            if (x - w / 2 > lastLabelRight + gap) {
                painter.text(label, false, labelSize, kMuted,
                             {x - w / 2, box.trackY - 12 * u - labelSize * 1.45f});
                lastLabelRight = x + w / 2;
            }
        }
        return;
    }
    // Hundreds of states would merge into a bar: dates at round places (months, years…), as many as
    // their labels leave room for, placed by frame (the track runs at the schedule's pace).
    const auto& schedule = playback.schedule();
    const auto xOfDate = [&](const Date& date) {
        return xOfFrame(box, playback.frameOfDate(date), playback);
    };
    // Centred on the tick, not over the date on the left or the speed on the right.
    const render::LabelExtent extent =
        [&](const render::TimeTick& tick) -> std::optional<std::pair<float, float>> {
        const float w = painter.textWidth(tick.label, false, labelSize), x = xOfDate(tick.date);
        if (x - w / 2 < box.trackLeft - 10 * u || x + w / 2 > box.trackRight + 10 * u) return std::nullopt;
        return std::make_pair(x - w / 2, x + w / 2);
    };
    const auto most = static_cast<std::size_t>(
        std::max(1.0f, trackWidth / (painter.textWidth("2000", false, labelSize) + gap)));
    const render::TimeTicks ticks =
        render::fitTimeTicks(schedule.front().date, schedule.back().date, most, extent, 1.5f * gap);
    for (const auto& tick : ticks.ticks) {
        painter.fillRect({std::round(xOfDate(tick.date)) - 0.75f * u, box.trackY - 7 * u, 1.5f * u, 14 * u},
                         kMuted);
        painter.text(tick.label, false, labelSize, kMuted,
                     {extent(tick)->first, box.trackY - 12 * u - labelSize * 1.45f});
    }
}

}  // namespace frontline::app
