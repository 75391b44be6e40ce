#include "render/map_texts.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "render/credits.hpp"
#include "render/map_notice.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

namespace frontline::render {

namespace {

// The dates whose credits stand for every frame's: each state's (of a long series, 64 spread over it and
// the last) and each date a layer's feature starts, or the day before one ends.
std::set<Date> sampleDates(const Scene& scene) {
    std::set<Date> dates;
    const auto& states = scene.scenario().timeline.states();
    const std::size_t step = std::max<std::size_t>(1, (states.size() + 63) / 64);
    for (std::size_t i = 0; i < states.size(); i += step) dates.insert(states[i].date);
    if (!states.empty()) dates.insert(states.back().date);
    std::set<Date> layerDates;
    for (const auto& layer : scene.layers()) {
        for (const auto& feature : layer.features) {
            if (feature.validFrom) layerDates.insert(*feature.validFrom);
            if (feature.validTo) layerDates.insert(feature.validTo->plusDays(-1));
        }
    }
    const std::size_t layerStep = std::max<std::size_t>(1, (layerDates.size() + 63) / 64);
    std::size_t i = 0;
    for (const Date& date : layerDates)
        if (i++ % layerStep == 0) dates.insert(date);
    return dates;
}

}  // namespace

MapTextsLayout mapTextsLayout(const Scene& scene, const FrameLayout& layout, const Fonts& fonts,
                              sf::FloatRect scaleBar, const std::vector<sf::Vector2f>& dots) {
    MapTextsLayout texts;
    if (layout.placement != PanelPlacement::None) return texts;
    const float u = layout.unit;
    const sf::FloatRect map = layout.map;
    const float pad = std::round(24 * u);
    const float mapRight = map.left + map.width, mapBottom = map.top + map.height;

    // The date: the widest a frame prints is between two maps.
    texts.dateSize = std::max(10.0f, std::round(40 * u));
    const auto& states = scene.scenario().timeline.states();
    float dateWidth = textWidth("00 May 0000", fonts.bold, texts.dateSize);
    for (std::size_t i = 0; i < states.size(); ++i) {
        const std::string before = i == 0 ? std::string("no state") : formatDateLong(states[i - 1].date);
        dateWidth = std::max(dateWidth, textWidth(before + " → " + formatDateLong(states[i].date), fonts.bold,
                                                  texts.dateSize));
    }
    const float dateMargin = std::round(8 * u) + 2;
    const float dateBottom = mapDatePlateBottom(layout);
    texts.dateReserved = {mapRight - pad - dateWidth - dateMargin, map.top, dateWidth + dateMargin + pad,
                          dateBottom - map.top + pad};

    // The credits, bottom right, clear of the scale bar (bottom left), the date and the notice.
    const MapNoticeLayout notice = mapNoticeLayout(layout, fonts);
    texts.creditsMargin = std::round(6 * u) + 2;
    const float m = texts.creditsMargin;
    const float right = mapRight - pad, bottom = mapBottom - pad;
    const float top =
        std::max(dateBottom + dateMargin + pad, notice.reserved.top + notice.reserved.height + pad);
    const float leftmost = scaleBar.left + scaleBar.width + pad;
    const std::set<Date> dates = sampleDates(scene);
    // Narrower until the plate covers no dot; the widest of the fewest dots covered otherwise.
    std::size_t fewest = dots.size() + 1;
    for (const float share : {0.5f, 0.42f, 0.35f, 0.3f}) {
        const float left =
            std::max(leftmost, right - std::max(share * map.width, std::min(280 * u, map.width)));
        const sf::FloatRect area{left, top, std::max(1.0f, right - left), std::max(1.0f, bottom - top)};
        float width = 0, height = 0;
        for (const Date& date : dates) {
            FrameSpec frame;
            frame.date = date;
            frame.state = scene.stateIndexAt(date);
            const CreditsFit fit =
                fitCredits(scene, frame, fonts, area.width, area.height * MapTextsLayout::kCreditsShare);
            width = std::max(width, fit.width);
            height = std::max(height, fit.height);
        }
        const sf::FloatRect reserved{right - width - m, bottom - height - m, width + m + pad,
                                     height + m + pad};
        const auto covered = static_cast<std::size_t>(std::count_if(
            dots.begin(), dots.end(), [&](const sf::Vector2f& dot) { return reserved.contains(dot); }));
        if (covered < fewest) {
            fewest = covered;
            texts.creditsArea = area;
            texts.creditsReserved = reserved;
        }
        if (covered == 0) break;
    }
    return texts;
}

}  // namespace frontline::render
