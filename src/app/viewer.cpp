#include "app/viewer.hpp"

#include <fmt/format.h>

#include <SFML/OpenGL.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Event.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/viewer_frame_times.hpp"
#include "core/error.hpp"
#include "export/png_writer.hpp"
#include "render/sfml_errors.hpp"

namespace frontline::app {

namespace {

// A resize is applied (the scene rebuilt at the new size) once the window has kept its size this long.
constexpr double kResizeSettleSeconds = 0.2;
constexpr float kWheelStep = 1.25f;

}  // namespace

Viewer::Viewer(LoadedScenario& loaded, ViewerOptions options)
    : m_loaded(loaded),
      m_measurer(loaded.measurer()),
      m_options(std::move(options)),
      m_fonts(render::Fonts::loadDejaVu()),
      m_timeline(loaded.scenario),
      m_infoBox(m_options.showInfo) {
    {
        render::SfmlErrorCapture capture;
        sf::ContextSettings settings;
        settings.antialiasingLevel = m_options.antialiasing;
        m_window.create(sf::VideoMode(m_options.windowSize.x, m_options.windowSize.y),
                        "frontline view — " + loaded.scenario.title, sf::Style::Default, settings);
        if (!m_window.isOpen()) throw RenderError("cannot open a window: " + capture.text());
    }
    m_window.setKeyRepeatEnabled(true);
    if (!m_window.setActive(true)) throw RenderError("cannot activate the window's OpenGL context");
    m_shaders = std::make_unique<render::ShaderSet>(m_options.shaderFolder);
    buildScene(m_window.getSize());
    if (m_options.at) m_playback->jumpTo(*m_options.at);
    if (m_options.play) m_playback->setPlaying(true);
    m_infoBox.evaluateClaims(m_loaded.scenario, m_measurer);
}

Viewer::~Viewer() = default;

void Viewer::buildScene(sf::Vector2u windowSize) {
    const float unit =
        std::min(static_cast<float>(windowSize.x) / 1920.0f, static_cast<float>(windowSize.y) / 1080.0f);
    const auto stripHeight = static_cast<unsigned>(std::round(std::max(48.0f, 72.0f * unit)));
    const sf::Vector2u sceneSize(
        std::max(64u, windowSize.x),
        std::max(36u, windowSize.y > stripHeight + 36 ? windowSize.y - stripHeight : 36u));
    // Keep the position in time across a rebuild (the schedule depends only on dates and options).
    std::optional<std::size_t> frame;
    std::optional<Date> still;
    bool playing = m_options.play;
    double speed = 1;
    if (m_playback) {
        frame = m_playback->frame();
        still = m_playback->still();
        playing = m_playback->playing();
        speed = m_playback->speed();
    }
    // The numbers do not depend on the window: measured for the first scene, reused by every rebuild.
    // Before the window opens, every state's area (the chart) and no change: each change is measured
    // when it is shown (draw); of 769 daily maps those changes are most of the measuring. The chart's
    // bars sum every change, so with them every change is measured first.
    const std::size_t states = m_loaded.scenario.timeline.states().size();
    render::StatsFuture stats =
        m_scene ? render::readyStats(m_scene->stats())
                : render::measureInBackground(m_loaded.scenario, m_options.chartBars
                                                                     ? analysis::StatsScope{}
                                                                     : analysis::StatsScope::areas(states));
    m_hover.detach();
    m_renderer.reset();
    m_scene.reset();
    m_scene = std::make_unique<render::Scene>(m_loaded.scenario, m_loaded.context, m_fonts, sceneSize,
                                              m_options.map, std::move(stats));
    m_renderer = std::make_unique<render::Renderer>(*m_scene, m_fonts, *m_shaders);
    m_renderer->setHiddenLayers(m_layers.hidden());
    m_renderer->setPanelCache(m_options.antialiasing == 0);
    m_renderer->setChartBars(m_options.chartBars);
    m_hover.attach(*m_scene, m_measurer);
    m_playback =
        std::make_unique<Playback>(exporting::buildSchedule(m_scene->scenario().timeline, m_options.schedule),
                                   m_options.schedule.fps, m_loaded.scenario);
    if (frame) m_playback->seek(*frame);
    if (still) m_playback->jumpTo(*still);
    while (m_playback->speed() < speed) m_playback->faster();
    while (m_playback->speed() > speed) m_playback->slower();
    if (playing) m_playback->setPlaying(true);
    m_view = {};
}

TimelineStrip::Layout Viewer::layout() const {
    return TimelineStrip::layout(m_window.getSize(), m_scene->size().y);
}

int Viewer::run() {
    sf::Clock clock;
    double last = 0;
    bool dirty = true;
    while (m_window.isOpen() && !m_quit) {
        m_now = clock.getElapsedTime().asSeconds();
        sf::Event event{};
        while (m_window.pollEvent(event)) {
            handle(event);
            dirty = true;
        }
        if (m_nextCommand < m_options.script.size()) {
            const std::size_t before = m_nextCommand;
            runScript(m_now);
            dirty = dirty || before != m_nextCommand;
        }
        if (m_quit) break;
        if (m_pendingResize && m_now - m_resizeAt > kResizeSettleSeconds) {
            buildScene(*m_pendingResize);
            m_pendingResize.reset();
            dirty = true;
        }
        if (m_playback->advance(m_now - last)) {
            dirty = true;
            updateHover();
        }
        if (m_playback->playing()) dirty = true;
        if (m_notice.expire(m_now)) dirty = true;
        last = m_now;
        if (dirty || !m_screenshotRequests.empty()) {
            draw();
            for (const auto& requested : m_screenshotRequests) {
                const std::string saved = screenshot(requested);
                fmt::print("frontline: screenshot {}\n", saved);
                std::fflush(stdout);
            }
            m_screenshotRequests.clear();
            m_window.display();
            dirty = false;
        } else {
            sf::sleep(sf::milliseconds(5));
        }
    }
    if (m_window.isOpen()) m_window.close();
    return 0;
}

int Viewer::benchmark(std::size_t frames) {
    using Clock = std::chrono::steady_clock;
    const sf::FloatRect map = m_scene->mapRect();
    FrameTimes times;
    // The camera: zooms in towards a point right of the centre and out again while drifting; the
    // timeline plays the schedule at one frame per frame; the pointer moves over the map (hover).
    for (std::size_t i = 0; i < frames; ++i) {
        sf::Event event{};
        while (m_window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) return 0;
        }
        const double t = static_cast<double>(i) / 120.0;
        m_view = {};
        const float zoom = static_cast<float>(1.0 + 1.5 * (0.5 - 0.5 * std::cos(2 * 3.14159265 * t)));
        m_view = m_view.zoomedAbout(map, {map.left + map.width * 0.55f, map.top + map.height * 0.5f}, zoom);
        m_view = m_view.panned({static_cast<float>(40 * std::sin(2 * 3.14159265 * t * 0.5)), 0});
        m_playback->seek(i % m_playback->frameCount());
        m_pointer.at = {map.left + map.width * static_cast<float>(0.3 + 0.4 * (0.5 + 0.5 * std::sin(t * 5))),
                        map.top + map.height * 0.5f};
        const auto started = Clock::now();
        updateHover();
        draw();
        m_window.display();
        if (m_window.setActive(true)) glFinish();
        times.add(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    if (times.empty()) return 0;
    const sf::Vector2u size = m_window.getSize();
    fmt::print("frontline view --benchmark: {} frames at {}x{}, {} samples antialiasing, renderer: {}\n",
               frames, size.x, size.y, m_options.antialiasing,
               reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
    times.print();
    return 0;
}

// --- input --------------------------------------------------------------------------------------

void Viewer::handle(const sf::Event& event) {
    switch (event.type) {
        case sf::Event::Closed:
            m_quit = true;
            break;
        case sf::Event::Resized:
            m_pendingResize = sf::Vector2u(event.size.width, event.size.height);
            m_resizeAt = m_now;
            break;
        case sf::Event::KeyPressed:
            handleKey(event.key);
            break;
        case sf::Event::TextEntered:
            handleText(event.text.unicode);
            break;
        case sf::Event::MouseMoved:
            mouseMoved({static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left) {
                mousePressed(
                    {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
            }
            break;
        case sf::Event::MouseButtonReleased:
            if (event.mouseButton.button == sf::Mouse::Left) {
                mouseReleased(
                    {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
            }
            break;
        case sf::Event::MouseWheelScrolled: {
            const sf::Vector2f at(static_cast<float>(event.mouseWheelScroll.x),
                                  static_cast<float>(event.mouseWheelScroll.y));
            if (m_scene->mapRect().contains(at))
                zoomAt(at, std::pow(kWheelStep, event.mouseWheelScroll.delta));
            break;
        }
        case sf::Event::MouseLeft:
            m_pointer.at = {-1, -1};
            updateHover();
            break;
        default:
            break;
    }
}

void Viewer::handleKey(const sf::Event::KeyEvent& key) {
    if (m_prompt.open()) {
        const DatePrompt::Outcome typed = m_prompt.key(key.code);
        if (typed.date) {
            m_playback->jumpTo(*typed.date);
            updateHover();
        } else if (!typed.error.empty()) {
            m_notice.show(typed.error, m_now + 3);
        }
        return;
    }
    const sf::FloatRect map = m_scene->mapRect();
    const sf::Vector2f centre(map.left + map.width / 2, map.top + map.height / 2);
    switch (key.code) {
        case sf::Keyboard::Escape:
            if (m_help.shown())
                m_help.hide();
            else
                m_quit = true;
            break;
        case sf::Keyboard::Q:
            m_quit = true;
            break;
        case sf::Keyboard::Space:
            m_playback->togglePlay();
            break;
        case sf::Keyboard::Add:
        case sf::Keyboard::Equal:
            if (key.control)
                zoomAt(centre, kWheelStep);
            else
                m_playback->faster();
            break;
        case sf::Keyboard::Subtract:
        case sf::Keyboard::Hyphen:
            if (key.control)
                zoomAt(centre, 1 / kWheelStep);
            else
                m_playback->slower();
            break;
        case sf::Keyboard::Left:
            m_playback->previousState();
            updateHover();
            break;
        case sf::Keyboard::Right:
            m_playback->nextState();
            updateHover();
            break;
        case sf::Keyboard::G:
        case sf::Keyboard::Return:
            m_prompt.start();
            m_playback->setPlaying(false);
            break;
        case sf::Keyboard::Num0:
        case sf::Keyboard::Numpad0:
            m_view = {};
            m_renderer->setMapView(m_view);
            updateHover();
            break;
        case sf::Keyboard::H:
            m_help.toggle();
            break;
        case sf::Keyboard::I:
            m_infoBox.toggle();
            break;
        case sf::Keyboard::S:
            m_screenshotRequests.emplace_back();
            break;
        default:
            if (key.code >= sf::Keyboard::Num1 && key.code <= sf::Keyboard::Num9) {
                toggleLayer(static_cast<std::size_t>(key.code - sf::Keyboard::Num1));
            } else if (key.code >= sf::Keyboard::Numpad1 && key.code <= sf::Keyboard::Numpad9) {
                toggleLayer(static_cast<std::size_t>(key.code - sf::Keyboard::Numpad1));
            }
            break;
    }
}

void Viewer::handleText(sf::Uint32 unicode) {
    if (m_prompt.open()) {
        m_prompt.type(unicode);
        return;
    }
    if (unicode == '?') m_help.toggle();
}

void Viewer::mousePressed(sf::Vector2f at) {
    m_pointer.at = at;
    m_pointer.pressedAt = at;
    m_pointer.moved = false;
    switch (m_timeline.press(layout(), at, *m_playback)) {
        case TimelineStrip::Press::Played:
            return;
        case TimelineStrip::Press::Seeked:
            updateHover();
            return;
        case TimelineStrip::Press::Missed:
            break;
    }
    if (m_scene->mapRect().contains(at)) m_pointer.panning = true;
}

void Viewer::mouseMoved(sf::Vector2f at) {
    const sf::Vector2f delta = at - m_pointer.at;
    m_pointer.at = at;
    if (std::abs(at.x - m_pointer.pressedAt.x) + std::abs(at.y - m_pointer.pressedAt.y) > 3)
        m_pointer.moved = true;
    if (m_pointer.panning) {
        m_view = m_view.panned(delta);
        m_renderer->setMapView(m_view);
    } else {
        m_timeline.slide(layout(), at.x, *m_playback);
    }
    updateHover();
}

void Viewer::mouseReleased(sf::Vector2f at) {
    m_pointer.at = at;
    if (!m_pointer.moved && !m_pointer.panning && !m_timeline.sliding()) {
        for (const auto& row : m_renderer->legendRows()) {
            if (!row.box.contains(at)) continue;
            const auto list = LayerToggles::list(*m_scene);
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (list[i].first == row.layerId) toggleLayer(i);
            }
            break;
        }
    }
    m_pointer.panning = false;
    m_timeline.release();
}

void Viewer::zoomAt(sf::Vector2f at, float factor) {
    m_view = m_view.zoomedAbout(m_scene->mapRect(), at, factor);
    m_renderer->setMapView(m_view);
    updateHover();
}

void Viewer::toggleLayer(std::size_t index) {
    const std::optional<std::string> notice = m_layers.toggle(*m_scene, index);
    if (!notice) return;
    m_renderer->setHiddenLayers(m_layers.hidden());
    m_notice.show(*notice, m_now + 2);
    updateHover();
}

void Viewer::updateHover() {
    m_timeline.clearEvents();
    std::optional<HoverTarget> target;
    const sf::FloatRect map = m_scene->mapRect();
    if (map.contains(m_pointer.at) && !m_pointer.panning) {
        const render::FrameSpec spec = m_playback->current(*m_scene);
        const int state = spec.transition ? -1 : spec.state;
        const float radius = std::max(4.0f, 7 * m_scene->unit()) / m_view.zoom;
        target =
            hitTest(*m_scene, spec.date, state, m_view.toScene(map, m_pointer.at), radius, m_layers.hidden());
    } else if (const TimelineStrip::Layout box = layout(); box.strip.contains(m_pointer.at)) {
        m_timeline.hoverEvents(box, m_pointer.at, *m_playback);
    }
    m_hover.point(target);
}

void Viewer::runScript(double seconds) {
    while (m_nextCommand < m_options.script.size() && m_options.script[m_nextCommand].atSeconds <= seconds) {
        const ScriptCommand& command = m_options.script[m_nextCommand++];
        inject(command);
        // A screenshot shows the state at its line: later lines wait for the frame that takes it (a
        // slow frame would otherwise let them all fall due together).
        if (m_quit || command.name == "screenshot") return;
    }
}

void Viewer::inject(const ScriptCommand& command) {
    for (const sf::Event& event : syntheticEvents(command)) handle(event);
    if (command.name == "resize") {
        m_window.setSize({static_cast<unsigned>(scriptNumber(command, 0)),
                          static_cast<unsigned>(scriptNumber(command, 1))});
    } else if (command.name == "screenshot") {
        m_screenshotRequests.push_back(command.arguments[0]);
    } else if (command.name == "state") {
        fmt::print("{}\n", stateLine());
        std::fflush(stdout);
    } else if (command.name == "quit") {
        m_quit = true;
    }
}

// --- drawing ------------------------------------------------------------------------------------

void Viewer::draw() {
    const render::FrameSpec frame = m_playback->current(*m_scene);
    // The changes this frame shows (the panel's and the info box's numbers, a transition's pieces).
    m_scene->measureChange(frame.state);
    if (frame.transition) m_scene->measureChange(frame.transition->to);
    m_scene->measureChange(m_scene->stateIndexAt(m_playback->date()));
    m_renderer->setMapView(m_view);
    m_renderer->draw(m_window, frame);
    const TimelineStrip::Layout box = layout();
    m_hover.drawHighlight(m_window, m_view, m_scene->mapRect());
    m_window.setView(
        sf::View(sf::FloatRect(0, 0, static_cast<float>(box.window.x), static_cast<float>(box.window.y))));
    m_infoBox.draw(m_painter, *m_scene, m_view, m_playback->date());
    m_timeline.draw(m_painter, box, *m_playback, *m_scene);
    m_prompt.draw(m_painter, box);
    m_hover.drawTooltip(m_painter, *m_scene, m_pointer.at, m_timeline.hoveredEvents());
    m_notice.draw(m_painter, *m_scene);
    m_help.draw(m_painter, *m_scene, m_layers);
}

// --- output -------------------------------------------------------------------------------------

std::string Viewer::screenshot(const std::filesystem::path& requested) {
    std::filesystem::path path = requested;
    if (path.empty()) {
        for (int n = 1;; ++n) {
            path = fmt::format("frontline-view-{}-{:03}.png", m_playback->date().iso(), n);
            if (!std::filesystem::exists(path)) break;
        }
    }
    const sf::Vector2u size = m_window.getSize();
    std::vector<std::uint8_t> rows(static_cast<std::size_t>(size.x) * size.y * 4), pixels(rows.size());
    // The back buffer, before display(): what this frame drew. OpenGL's rows run bottom up.
    if (!m_window.setActive(true)) throw RenderError("cannot activate the window's OpenGL context");
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y), GL_RGBA, GL_UNSIGNED_BYTE,
                 rows.data());
    const std::size_t rowBytes = static_cast<std::size_t>(size.x) * 4;
    for (unsigned y = 0; y < size.y; ++y) {
        std::copy_n(rows.data() + static_cast<std::size_t>(size.y - 1 - y) * rowBytes, rowBytes,
                    pixels.data() + static_cast<std::size_t>(y) * rowBytes);
    }
    // The window has no alpha to speak of; a PNG with holes would be misleading.
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    exporting::writePng(path, pixels.data(), size.x, size.y);
    // A notice for the S key; a script's screenshots must not show the previous one's.
    if (requested.empty()) {
        m_notice.show("saved " + path.string(), m_now + 2.5);
    }
    return path.string();
}

std::string Viewer::stateLine() const {
    const auto& lines = m_hover.lines();
    const auto& events = m_timeline.hoveredEvents();
    std::string hover = lines.empty() ? "" : lines.front();
    if (lines.empty() && !events.empty()) hover = "event " + events.front()->id;
    const sf::Vector2u scene = m_scene->size();
    return fmt::format(
        "state frame={} frames={} date={} still={} playing={} speed={:g} zoom={:.4f} scale=\"{}\" "
        "scene={}x{} hidden={} hover=\"{}\"",
        m_playback->frame(), m_playback->frameCount(), m_playback->date().iso(), m_playback->still() ? 1 : 0,
        m_playback->playing() ? 1 : 0, m_playback->speed(), m_view.zoom, m_renderer->scaleBarText(), scene.x,
        scene.y, m_layers.hidden().size(), hover);
}

}  // namespace frontline::app
