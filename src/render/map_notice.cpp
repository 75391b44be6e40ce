#include "render/map_notice.hpp"

#include <algorithm>
#include <cmath>

#include "render/style.hpp"
#include "render/text.hpp"

namespace frontline::render {

float mapDatePlateBottom(const FrameLayout& layout) {
    const float u = layout.unit;
    const float pad = std::round(24 * u);
    const float dateSize = std::max(10.0f, std::round(40 * u));
    const float margin = std::round(8 * u) + 2;
    // drawText's line height for one line.
    const float dateHeight = std::round(std::floor(dateSize) * 1.28f);
    return layout.map.top + pad + dateHeight + margin;
}

MapNoticeLayout mapNoticeLayout(const FrameLayout& layout, const Fonts& fonts) {
    const float u = layout.unit;
    MapNoticeLayout notice;
    notice.textSize =
        std::max({7.0f, std::round(17 * u), std::round(kMinTextPx * std::min(1.0f, u / kMinTextUnit))});
    notice.margin = std::round(6 * u) + 2;
    const float pad = std::round(24 * u);
    notice.right = std::round(layout.map.left + layout.map.width - pad);
    // At most 40 % of the map's width: the notice is small print beside the data, not over it.
    notice.width = std::round(std::min(460 * u, 0.4f * layout.map.width));
    notice.top = std::round(mapDatePlateBottom(layout) + std::max(4.0f, 8 * u) + notice.margin);
    const float lineHeight = drawText(nullptr, "Mg", fonts.bold, notice.textSize, {}, {}, 0);
    const float height = static_cast<float>(notice.maxLines) * lineHeight;
    notice.reserved = {notice.right - notice.width - notice.margin, notice.top - notice.margin,
                       notice.width + 2 * notice.margin, height + 2 * notice.margin};
    return notice;
}

}  // namespace frontline::render
