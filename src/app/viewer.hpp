#pragma once
// `frontline view`: the interactive window. It draws the scene with render::Renderer exactly as
// `frontline export` does (frame k of the viewer is exported frame k; with the identity camera the
// pixels match), and adds around it: a timeline strip (play, speed, state ticks, event markers, a date
// prompt), pan and zoom of the map, layer toggles, hover details, an info box (change since the
// previous state, the claims about that period) and a help overlay.
//
// Runs on the thread that made it (the GL context and the scenario's GEOS/PROJ contexts are this
// thread's). Input can be scripted (viewer_script.hpp) for tests and demos.

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/claims.hpp"
#include "app/loaded_scenario.hpp"
#include "app/viewer_help.hpp"
#include "app/viewer_hover_overlay.hpp"
#include "app/viewer_info_box.hpp"
#include "app/viewer_layer_toggles.hpp"
#include "app/viewer_notice.hpp"
#include "app/viewer_painter.hpp"
#include "app/viewer_playback.hpp"
#include "app/viewer_prompt.hpp"
#include "app/viewer_script.hpp"
#include "app/viewer_timeline.hpp"
#include "export/schedule.hpp"
#include "render/fonts.hpp"
#include "render/renderer.hpp"
#include "render/scene.hpp"
#include "render/shaders.hpp"

namespace frontline::app {

struct ViewerOptions {
    sf::Vector2u windowSize{1600, 900};
    unsigned antialiasing = 0;            // MSAA samples of the window
    exporting::ScheduleOptions schedule;  // the export's defaults: frame k is exported frame k
    std::filesystem::path shaderFolder;
    render::MapOptions map;  // place names, layout: as exported
    std::vector<ScriptCommand> script;
    std::size_t benchmarkFrames = 0;  // > 0: render that many frames with a scripted camera, print timings
    std::optional<Date> at;           // start at this date (a still)
    bool play = false;                // start playing
    bool showInfo = true;
    std::optional<analysis::Period> chartBars;  // the panel chart's bars (--chart-bars)
};

class Viewer {
public:
    // Opens the window and builds the scene. Throws RenderError (no display, GL, shaders, fonts).
    Viewer(LoadedScenario& loaded, ViewerOptions options);
    ~Viewer();
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;

    // The window loop until the window is closed (Esc, Q, or the script's quit). Returns the exit code.
    int run();
    // --benchmark: renders `frames` frames, prints frame-time percentiles. Returns the exit code.
    int benchmark(std::size_t frames);

private:
    void buildScene(sf::Vector2u windowSize);
    TimelineStrip::Layout layout() const;
    void handle(const sf::Event& event);
    void handleKey(const sf::Event::KeyEvent& key);
    void handleText(sf::Uint32 unicode);
    void mousePressed(sf::Vector2f at);
    void mouseMoved(sf::Vector2f at);
    void mouseReleased(sf::Vector2f at);
    void zoomAt(sf::Vector2f at, float factor);
    void toggleLayer(std::size_t index);
    void updateHover();
    void runScript(double seconds);
    void inject(const ScriptCommand& command);
    void draw();
    std::string screenshot(const std::filesystem::path& requested);
    std::string stateLine() const;

    LoadedScenario& m_loaded;
    analysis::Measurer m_measurer;
    ViewerOptions m_options;
    render::Fonts m_fonts;
    sf::RenderWindow m_window;
    ViewerPainter m_painter{m_window, m_fonts};
    std::unique_ptr<render::ShaderSet> m_shaders;
    std::unique_ptr<render::Scene> m_scene;
    std::unique_ptr<render::Renderer> m_renderer;
    std::unique_ptr<Playback> m_playback;
    render::MapView m_view;
    LayerToggles m_layers;

    // What is drawn around and over the map, each with its own state.
    TimelineStrip m_timeline;
    InfoBox m_infoBox;
    HoverOverlay m_hover;
    DatePrompt m_prompt;
    Notice m_notice;
    HelpCard m_help;

    // The pointer in window pixels ((-1, -1) when outside the window).
    struct Pointer {
        sf::Vector2f at{-1, -1};
        sf::Vector2f pressedAt;  // where the left button went down
        bool moved = false;      // more than a few pixels since
        bool panning = false;    // the left button drags the map
    } m_pointer;

    // A resize is applied once the window has kept its size a while (run()).
    std::optional<sf::Vector2u> m_pendingResize;
    double m_resizeAt = 0;

    // Script.
    std::size_t m_nextCommand = 0;
    std::vector<std::string> m_screenshotRequests;
    bool m_quit = false;
    double m_now = 0;
};

}  // namespace frontline::app
