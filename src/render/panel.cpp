#include "render/panel.hpp"

#include <SFML/Graphics/Sprite.hpp>
#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "render/chart.hpp"
#include "render/credits.hpp"
#include "render/ink_tiles.hpp"
#include "render/panel_text.hpp"
#include "render/primitives.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

namespace frontline::render {

namespace {

constexpr std::size_t kEventsShown = 3;

}  // namespace

Panel::Panel(const Scene& scene, const Fonts& fonts, ShaderSet& shaders)
    : m_scene(scene), m_fonts(fonts), m_shaders(shaders) {}

void Panel::draw(sf::RenderTarget& target, const FrameSpec& frame, const std::set<std::string>& hidden) {
    if (m_cache) {
        drawCached(target, frame, hidden);
        return;
    }
    m_texts.clear();
    layOut(target, frame, hidden);
}

Panel::Key Panel::keyOf(const FrameSpec& frame, const std::set<std::string>& hidden,
                        sf::Vector2u targetSize) const {
    Key key;
    key.date = frame.date;
    key.state = frame.state;
    if (frame.transition) {
        key.from = frame.transition->from;
        key.to = frame.transition->to;
        key.firstHalf = frame.transition->progress < 0.5;
    }
    key.eventsSince = frame.eventsSince;
    key.hidden = hidden;
    key.targetSize = targetSize;
    return key;
}

bool Panel::drawApart(sf::RenderTexture& target, const FrameSpec& frame,
                      const std::set<std::string>& hidden) {
    const Key key = keyOf(frame, hidden, target.getSize());
    if (m_key && *m_key == key) return false;
    // The frame's own view: the same transform as drawn into the frame, so the same samples covered.
    const sf::Vector2u size = target.getSize();
    target.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
    m_texts.clear();
    layOut(target, frame, hidden);
    m_key = key;
    return true;
}

void Panel::drawBorderOnMap(sf::RenderTarget& target) const {
    if (m_scene.panelPlacement() == PanelPlacement::Beside) drawBorder(target);
}

void Panel::drawCached(sf::RenderTarget& target, const FrameSpec& frame,
                       const std::set<std::string>& hidden) {
    const Key key = keyOf(frame, hidden, target.getSize());
    const sf::FloatRect panel = m_scene.panelRect();
    // The panel's border line straddles its left edge: the texture reaches a little into the map, where
    // it is transparent but for that line.
    const float margin = std::ceil(std::max(1.0f, 1.5f * m_scene.unit())) + 1;
    const sf::FloatRect area(panel.left - margin, panel.top, panel.width + margin, panel.height);
    const auto marginPixels = static_cast<int>(margin);
    const sf::IntRect body(marginPixels, 0, static_cast<int>(area.width) - marginPixels,
                           static_cast<int>(area.height));
    if (!m_key || !(*m_key == key)) {
        if (!m_texture) {
            m_texture = std::make_unique<sf::RenderTexture>();
            if (!m_texture->create(static_cast<unsigned>(area.width), static_cast<unsigned>(area.height))) {
                throw RenderError("cannot create the panel's render texture");
            }
        }
        m_texture->setView(sf::View(area));
        m_texture->clear(sf::Color::Transparent);
        m_texts.clear();
        layOut(*m_texture, frame, hidden);
        m_texture->display();
        m_key = key;
        // Where the pixels cannot be read back, the whole body is copied as a sprite.
        m_ink.find(*m_texture, body, {panel.left, panel.top});
    }
    // The margin blends over the map; the panel itself is opaque and is copied without blending (less
    // work per pixel for a software rasterizer, same pixels): its ground as one flat rectangle and only
    // the tiles with something on them from the texture (render/ink_tiles.hpp).
    sf::Sprite edge(m_texture->getTexture(), {0, 0, marginPixels, static_cast<int>(area.height)});
    edge.setPosition(area.left, area.top);
    target.draw(edge);
    if (!m_ink.empty()) {
        m_ink.draw(target, m_texture->getTexture());
        return;
    }
    sf::Sprite whole(m_texture->getTexture(), body);
    whole.setPosition(panel.left, panel.top);
    target.draw(whole, sf::RenderStates(sf::BlendNone));
}

void Panel::layOut(sf::RenderTarget& target, const FrameSpec& frame, const std::set<std::string>& hidden) {
    const float u = m_scene.unit();
    const bool below = m_scene.panelPlacement() == PanelPlacement::Below;
    m_legendRows.clear();
    const sf::FloatRect inner = drawGround(target);
    // Bottom up, by priority (see panel.hpp).
    const float creditTop = drawCredits(target, frame, inner, 0.3f);
    const float bottom = creditTop - 14 * u;
    // Below the map the panel is wide and short: two columns, the words on the left, chart and legend on
    // the right. Beside it, one column.
    const float gutter = std::round(30 * u);
    const float headWidth = below ? std::round((inner.width - gutter) / 2) : inner.width;
    const sf::FloatRect head(inner.left, inner.top, headWidth, bottom - inner.top);
    const float headBottom = drawHead(target, frame, head);
    const sf::FloatRect side =
        below ? sf::FloatRect(inner.left + headWidth + gutter, inner.top, inner.width - headWidth - gutter,
                              bottom - inner.top)
              : sf::FloatRect(inner.left, headBottom + 18 * u, inner.width, bottom - headBottom - 18 * u);
    const float legendTop = drawLegend(target, frame, side, bottom, hidden);
    const float chartBottom = drawChart(target, frame, side, legendTop);
    if (below)
        drawEvents(target, frame, {head.left, headBottom + 18 * u, head.width, bottom - headBottom - 18 * u});
    else
        drawEvents(target, frame, {side.left, chartBottom, side.width, legendTop - 8 * u - chartBottom});
}

sf::FloatRect Panel::drawGround(sf::RenderTarget& target) {
    const float u = m_scene.unit();
    const sf::FloatRect panel = m_scene.panelRect();
    drawRect(target, panel, kPanel);
    drawBorder(target);
    const float pad = std::round(30 * u);
    return {panel.left + pad, panel.top + pad, panel.width - 2 * pad, panel.height - 2 * pad};
}

void Panel::drawBorder(sf::RenderTarget& target) const {
    const sf::FloatRect panel = m_scene.panelRect();
    const float border = std::max(1.0f, 1.5f * m_scene.unit());
    if (m_scene.panelPlacement() == PanelPlacement::Below) {
        // Inside the panel: the map above keeps every pixel it had.
        drawLine(target,
                 {{panel.left, panel.top + border / 2}, {panel.left + panel.width, panel.top + border / 2}},
                 border, kFaint);
    } else {
        drawLine(target, {{panel.left, panel.top}, {panel.left, panel.top + panel.height}}, border, kFaint);
    }
}

float Panel::drawHead(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column) {
    const float u = m_scene.unit();
    const PanelText words = panelText(m_scene.scenario(), m_scene.stats(), frame, m_scene.options().span);
    // Between two maps the date line names both dates: smaller, so that it keeps to one line.
    float dateSize = std::max(10.0f, std::round(64 * u));
    if (words.between) {
        const float natural = textWidth(words.date, m_fonts.bold, dateSize);
        if (natural > column.width) dateSize = std::max(10.0f, std::floor(dateSize * column.width / natural));
    }
    const float lineSize = std::max(7.0f, std::round(19 * u));
    struct Line {
        std::string text;
        const sf::Font* font;
        float size;
        sf::Color colour;
        float gapBefore;
        int keep;  // the lowest is left out first
    };
    std::vector<Line> lines{
        {words.title, &m_fonts.bold, std::max(8.0f, std::round(34 * u)), kInk, 0, 2},
        {words.date, &m_fonts.bold, dateSize, kInk, 14 * u, 5},
        words.between ? Line{words.notice, &m_fonts.bold, lineSize, kAccent, 6 * u, 3}
                      : Line{words.inForce, &m_fonts.regular, lineSize, kMuted, 6 * u, 1},
        {words.between ? std::string() : words.notice, &m_fonts.bold, lineSize, kAccent, 4 * u, 3},
        {words.area, &m_fonts.bold, std::max(8.0f, std::round(28 * u)), kAccent, 8 * u, 4},
        {words.detail, &m_fonts.regular, std::max(7.0f, std::round(16 * u)), kMuted, 2 * u, 0},
    };
    if (words.area.empty()) lines.resize(4);
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line& l) { return l.text.empty(); }),
                lines.end());
    auto height = [&] {
        float total = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            total += (i ? lines[i].gapBefore : 0) +
                     drawText(nullptr, lines[i].text, *lines[i].font, lines[i].size, {}, {}, column.width);
        }
        return total;
    };
    // In a small frame the date and the area stay, the rest goes (the detail first, the title last).
    while (lines.size() > 1 && height() > column.height) {
        lines.erase(std::min_element(lines.begin(), lines.end(),
                                     [](const Line& a, const Line& b) { return a.keep < b.keep; }));
    }
    float y = column.top;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) y += lines[i].gapBefore;
        y += m_texts.write(target, lines[i].text, *lines[i].font, lines[i].size, lines[i].colour,
                           {column.left, y}, column.width);
    }
    return y;
}

float Panel::drawLegend(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column, float bottom,
                        const std::set<std::string>& hidden) {
    const Legend legend(m_scene, m_shaders, frame);
    // Below the map the chart has only the room the legend leaves: where one column would leave it too
    // little, the legend takes two, its labels wrapped to them.
    const bool below = m_scene.panelPlacement() == PanelPlacement::Below;
    const int columns =
        below && bottom - legend.height() - 22 * m_scene.unit() - column.top < smallestChart() ? 2 : 1;
    const float height = columns == 1 ? legend.height() : legend.height(m_fonts, column.width, columns);
    if (height <= 0 || height > column.height) return bottom;
    m_legendRows = legend.draw(target, column, bottom, hidden, m_fonts, m_texts, columns);
    return bottom - height;
}

// Shorter than this the chart is a title and two axis labels with no line between them.
float Panel::smallestChart() const { return std::max(60.0f, 150 * m_scene.unit()); }

float Panel::drawChart(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column,
                       float legendTop) {
    if (m_scene.stats().empty()) return column.top;
    const float u = m_scene.unit();
    const sf::FloatRect panel = m_scene.panelRect();
    const float room = legendTop - 22 * u - column.top;
    // Beside the map: taller in a tall panel, where it would otherwise leave most of it empty. Below
    // it: the room the legend leaves.
    const float wanted =
        m_scene.panelPlacement() == PanelPlacement::Below
            ? room
            : std::round(std::max(250 * u, std::min(panel.width * 0.6f, panel.height * 0.22f)));
    const float chartHeight = std::floor(std::min(wanted, room));
    if (chartHeight < smallestChart()) return column.top;
    const sf::FloatRect box(column.left, column.top, column.width, chartHeight);
    ChartOptions options;
    options.cursor = panelText(m_scene.scenario(), m_scene.stats(), frame, m_scene.options().span).cursor;
    options.bars = m_chartBars;
    options.span = m_scene.options().span;
    std::vector<std::string> texts;
    Chart(m_scene.stats(), options, box, u, m_fonts).draw(target, &texts);
    m_texts.addGroup("chart", box, texts);
    return column.top + chartHeight + 22 * u;
}
void Panel::drawEvents(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect column) {
    const float u = m_scene.unit();
    // Events dated after `eventsSince` up to the counter, newest first.
    std::vector<const Event*> events;
    for (const auto& event : m_scene.scenario().events) {
        if (event.date <= frame.date && (!frame.eventsSince || *frame.eventsSince < event.date))
            events.push_back(&event);
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event* a, const Event* b) { return b->date < a->date; });
    if (events.size() > kEventsShown) events.resize(kEventsShown);
    const float eventSize = std::max(7.0f, std::round(17 * u));
    float y = column.top;
    for (const Event* event : events) {
        const std::string date = event->date.iso();
        const float indent = textWidth(date + "  ", m_fonts.bold, eventSize);
        const float h =
            drawText(nullptr, event->title, m_fonts.regular, eventSize, kInk, {}, column.width - indent);
        if (y + h > column.top + column.height) break;
        m_texts.write(target, date, m_fonts.bold, eventSize, kAccent, {column.left, y});
        y += m_texts.write(target, event->title, m_fonts.regular, eventSize, kInk, {column.left + indent, y},
                           column.width - indent);
        y += 8 * u;
    }
}

float Panel::drawCredits(sf::RenderTarget& target, const FrameSpec& frame, sf::FloatRect box, float maxShare,
                         bool alignRight) {
    const float u = m_scene.unit();
    const CreditsFit fit = fitCredits(m_scene, frame, m_fonts, box.width, box.height * maxShare);
    const std::string& credit = fit.text;
    const float size = fit.size, width = fit.width, height = fit.height;
    const float top = box.top + box.height - height;
    const float left = alignRight ? box.left + box.width - width : box.left;
    if (alignRight) {
        const float margin = std::round(6 * u) + 2;
        drawRect(target, {left - margin, top - margin, width + 2 * margin, height + 2 * margin},
                 sf::Color(255, 255, 255, 190));
    }
    m_texts.write(target, credit, m_fonts.regular, size, kMuted, {left, top}, box.width);
    return top;
}

void Panel::drawOnMap(sf::RenderTarget& target, const FrameSpec& frame) {
    m_texts.clear();
    m_legendRows.clear();
    const float u = m_scene.unit();
    const sf::FloatRect map = m_scene.mapRect();
    const MapTextsLayout& onMap = m_scene.mapTexts();
    const float pad = std::round(24 * u);
    // The date, top right (the north arrow is top left); between two maps both dates, as the panel says.
    const PanelText words = panelText(m_scene.scenario(), m_scene.stats(), frame, m_scene.options().span);
    const float dateSize = onMap.dateSize;
    const float dateWidth = textWidth(words.date, m_fonts.bold, dateSize);
    const float margin = std::round(8 * u) + 2;
    const float dateLeft = std::round(map.left + map.width - pad - dateWidth);
    const float dateHeight = drawText(nullptr, words.date, m_fonts.bold, dateSize, kInk, {}, 0);
    drawRect(target,
             {dateLeft - margin, map.top + pad - margin, dateWidth + 2 * margin, dateHeight + 2 * margin},
             sf::Color(255, 255, 255, 190));
    m_texts.write(target, words.date, m_fonts.bold, dateSize, kInk, {dateLeft, map.top + pad});
    // The notice the panel would print under its date line (a stale map, a frame between two maps), under
    // it here: without it a still of 1 Nov 2020 shows the 1994 line as if nothing had happened since.
    const FrameLayout layout{m_scene.panelPlacement(), u, map, m_scene.panelRect(), m_scene.locatorRect()};
    const MapNoticeLayout notice = mapNoticeLayout(layout, m_fonts);
    if (!words.notice.empty()) drawMapNotice(target, words.notice, notice);
    // The credits, bottom right, where names were told to keep clear of (mapTextsLayout).
    drawCredits(target, frame, onMap.creditsArea, MapTextsLayout::kCreditsShare, true);
}

void Panel::drawMapNotice(sf::RenderTarget& target, const std::string& text, const MapNoticeLayout& notice) {
    // Right-aligned under the date; smaller rather than past its reserved lines (a small frame).
    float size = notice.textSize;
    float width = 0;
    float height = drawText(nullptr, text, m_fonts.bold, size, kAccent, {}, notice.width, &width);
    const float most = notice.reserved.height - 2 * notice.margin;
    while (height > most && size > 7) {
        size -= 1;
        height = drawText(nullptr, text, m_fonts.bold, size, kAccent, {}, notice.width, &width);
    }
    const float left = std::round(notice.right - width);
    drawRect(target,
             {left - notice.margin, notice.top - notice.margin, width + 2 * notice.margin,
              height + 2 * notice.margin},
             sf::Color(255, 255, 255, 190));
    m_texts.write(target, text, m_fonts.bold, size, kAccent, {left, notice.top}, notice.width);
}

}  // namespace frontline::render
