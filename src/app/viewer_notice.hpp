#pragma once
// A short notice on the map (a layer hidden, a screenshot saved, a date not understood): one line in a
// dark box beside the north arrow until its time is up. Times are the viewer's clock, in seconds.

#include <string>
#include <utility>

#include "app/viewer_painter.hpp"
#include "render/scene.hpp"

namespace frontline::app {

class Notice {
public:
    void show(std::string text, double until) {
        m_text = std::move(text);
        m_until = until;
    }
    // Takes the notice down once `now` is past its time; returns whether it did.
    bool expire(double now);
    void draw(const ViewerPainter& painter, const render::Scene& scene) const;

private:
    std::string m_text;
    double m_until = 0;
};

}  // namespace frontline::app
