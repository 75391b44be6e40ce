#include "render/legend.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "render/mesh.hpp"
#include "render/primitives.hpp"
#include "render/renderer.hpp"
#include "render/schematic.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

namespace frontline::render {

namespace {

// The variants of a layer drawn at `date` (on the map): its features grouped by validity period,
// labelled with the period when the layer has several.
struct LayerVariant {
    std::string label;
    bool polygons = false, lines = false;
};

struct Period {
    std::optional<Date> from, to;
    bool operator==(const Period& other) const { return from == other.from && to == other.to; }
};

std::string periodText(const Period& period, bool years) {
    auto when = [&](const Date& d) { return years ? std::to_string(d.year()) : formatDateLong(d); };
    if (period.from && period.to) return when(*period.from) + "–" + when(*period.to);
    if (period.from) return "from " + when(*period.from);
    if (period.to) return "until " + when(*period.to);
    return std::string();
}

std::vector<LayerVariant> layerVariants(const LayerMesh& layer, const Date& date) {
    std::vector<Period> periods;
    for (const auto& feature : layer.features) {
        const Period period{feature.validFrom, feature.validTo};
        if (std::find(periods.begin(), periods.end(), period) == periods.end()) periods.push_back(period);
    }
    // A title that names its periods, "Lachin corridor (2020 route; 2022 reroute)", loses the bracket
    // when the legend names the one drawn.
    std::string base = layer.layer->title;
    if (periods.size() > 1 && !base.empty() && base.back() == ')') {
        if (const auto open = base.rfind(" ("); open != std::string::npos) base = base.substr(0, open);
    }
    // Years, unless two periods would read the same.
    bool years = true;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        for (std::size_t j = i + 1; j < periods.size(); ++j)
            years = years && periodText(periods[i], true) != periodText(periods[j], true);
    }
    std::vector<LayerVariant> variants;
    for (const Period& period : periods) {
        LayerVariant variant;
        bool drawn = false;
        for (const auto& feature : layer.features) {
            if (!(Period{feature.validFrom, feature.validTo} == period) || !feature.visibleAt(date) ||
                !feature.onMap)
                continue;
            drawn = true;
            variant.polygons = variant.polygons || feature.polygons;
            variant.lines = variant.lines || feature.lines;
        }
        if (!drawn) continue;
        const std::string when = periods.size() > 1 ? periodText(period, years) : std::string();
        variant.label = when.empty() ? layer.layer->title : base + ", " + when;
        // Drawn whatever its dates: the legend says it is not what is in force.
        if (layer.reference) variant.label += " (reference)";
        variants.push_back(variant);
    }
    return variants;
}

// The symbols of what the variant is made of: its fill (hatched as on the map) and outline, and a line
// for its lines or when it has no fill.
void drawLayerSwatch(sf::RenderTarget& target, sf::FloatRect r, const LayerMesh& layer,
                     const LayerVariant& variant, float u, sf::Shader& hatch, sf::Shader& dash) {
    const bool filled = variant.polygons && layer.fill.a > 0;
    if (filled && layer.hatch) {
        std::vector<sf::Vertex> v;
        appendTriangles(v,
                        {{r.left, r.top},
                         {r.left + r.width, r.top},
                         {r.left, r.top + r.height},
                         {r.left + r.width, r.top},
                         {r.left + r.width, r.top + r.height},
                         {r.left, r.top + r.height}},
                        layer.schematic ? schematicFill(layer.fill) : layer.fill);
        drawTriangles(target, v, sf::RenderStates(&hatch));
    }
    if (filled && layer.schematic) {
        // As on the map: a lighter fill and a dotted outline.
        drawRect(target, r, layer.hatch ? sf::Color::Transparent : schematicFill(layer.fill));
        if (layer.stroke.a) drawSchematicSwatch(target, r, layer.stroke, u, dash, false);
    } else if (filled) {
        drawRect(target, r, layer.hatch ? sf::Color::Transparent : layer.fill, layer.stroke,
                 layer.stroke.a ? std::max(1.0f, u) : 0);
    }
    if (variant.lines || !filled) {
        const sf::Color c = layer.stroke.a ? layer.stroke : layer.fill;
        drawLine(target, {{r.left, r.top + r.height / 2}, {r.left + r.width, r.top + r.height / 2}},
                 std::max(1.0f, static_cast<float>(layer.layer->style.strokeWidth) * 1.5f * u), c);
    }
}

}  // namespace

Legend::Legend(const Scene& scene, ShaderSet& shaders, const FrameSpec& frame)
    : m_scene(scene), m_shaders(shaders) {
    addControl(frame);
    addLayers(frame.date);
    addSchematicFeatures(frame.date);
    addPlaces();
}

void Legend::addControl(const FrameSpec& frame) {
    const float u = m_scene.unit();
    // The held area and its line of contact, when the frame draws them: the state, or the two ends of a
    // transition (the nearer end first, for the colours).
    std::vector<int> drawn{frame.state};
    if (frame.transition) {
        const Transition& t = *frame.transition;
        drawn = t.progress < 0.5 ? std::vector<int>{t.from, t.to} : std::vector<int>{t.to, t.from};
    }
    const StateMesh* held = nullptr;
    const StateMesh* front = nullptr;
    for (int s : drawn) {
        if (s < 0 || static_cast<std::size_t>(s) >= m_scene.states().size()) continue;
        const StateMesh& mesh = m_scene.states()[static_cast<std::size_t>(s)];
        const StateShapes& shapes = m_scene.shapes(s);  // the frame draws them anyway: cached
        if (!held && mesh.layer && !shapes.area.empty()) held = &mesh;
        if (!front && !shapes.frontLine.empty()) front = &mesh;
    }
    if (held) {
        const sf::Color fill = held->fill;
        m_entries.push_back({m_scene.scenario().subject + " (dated control state)",
                             [fill](sf::RenderTarget& target, sf::FloatRect r) { drawRect(target, r, fill); },
                             Renderer::kControlLayers});
    }
    addSchematicHeld(frame);
    if (front) {
        const sf::Color stroke = front->stroke;
        m_entries.push_back(
            {"Line of contact of that state",
             [&dash = m_shaders.dash, stroke, u](sf::RenderTarget& target, sf::FloatRect r) {
                 std::vector<sf::Vertex> v;
                 appendStroke(v, {{r.left, r.top + r.height / 2}, {r.left + r.width, r.top + r.height / 2}},
                              false, std::max(1.0f, 2.5f * u), stroke);
                 setDash(dash, u, 0.0f, 1.0f);
                 drawTriangles(target, v, sf::RenderStates(&dash));
             },
             Renderer::kControlLayers});
    }
}

void Legend::addLayers(const Date& date) {
    const float u = m_scene.unit();
    std::vector<const LayerMesh*> layers;
    for (const auto& layer : m_scene.layers()) layers.push_back(&layer);
    std::stable_sort(layers.begin(), layers.end(), [](const LayerMesh* a, const LayerMesh* b) {
        return a->layer->style.z > b->layer->style.z;
    });
    for (const LayerMesh* layer : layers) {
        for (const LayerVariant& variant : layerVariants(*layer, date)) {
            m_entries.push_back({variant.label,
                                 [&hatch = m_shaders.hatch, &dash = m_shaders.dash, layer, variant, u](
                                     sf::RenderTarget& target, sf::FloatRect r) {
                                     drawLayerSwatch(target, r, *layer, variant, u, hatch, dash);
                                 },
                                 layer->layer->id});
        }
    }
}

void Legend::addSchematicHeld(const FrameSpec& frame) {
    // Only when the frame draws one (at either end of a transition): right under the held area, in its
    // colours, washed and dotted as on the map, so that the reader matches the colour. The one row also
    // stands for schematic features (their layers' rows show the dotted outline): a row fewer keeps
    // the portrait panel's chart.
    const float u = m_scene.unit();
    const StateMesh* held = nullptr;
    const std::size_t states = m_scene.states().size();
    for (int s : {frame.state, frame.transition ? frame.transition->from : -1,
                  frame.transition ? frame.transition->to : -1}) {
        if (!held && s >= 0 && static_cast<std::size_t>(s) < states && !m_scene.shapes(s).schematic.empty())
            held = &m_scene.states()[static_cast<std::size_t>(s)];
    }
    if (held) {
        const sf::Color fill = held->fill, stroke = held->stroke;
        m_entries.push_back(
            {kSchematicLegend,
             [&dash = m_shaders.dash, fill, stroke, u](sf::RenderTarget& target, sf::FloatRect r) {
                 drawRect(target, r, fill);
                 drawRect(target, r, schematicWash());
                 drawSchematicSwatch(target, r, stroke, u, dash, false);
             },
             Renderer::kControlLayers});
    }
}

void Legend::addSchematicFeatures(const Date& date) {
    // Schematic features on the map share one entry for their dotted outlines, unless the held area's
    // schematic row says it already.
    const float u = m_scene.unit();
    bool features = false;
    for (const auto& entry : m_entries) {
        if (entry.label == kSchematicLegend) return;
    }
    for (const auto& layer : m_scene.layers()) {
        features =
            features || std::any_of(layer.features.begin(), layer.features.end(), [&](const FeatureMesh& f) {
                return f.schematic && f.onMap && f.visibleAt(date);
            });
    }
    if (!features) return;
    m_entries.push_back({kSchematicLegend,
                         [&dash = m_shaders.dash, u](sf::RenderTarget& target, sf::FloatRect r) {
                             drawSchematicSwatch(target, r, kInk, u, dash);
                         },
                         ""});
}

void Legend::addPlaces() {
    const float u = m_scene.unit();
    const auto& placeLayers = m_scene.placeLayers();
    for (std::size_t l = 0; l < placeLayers.size(); ++l) {
        const LayerMesh& layer = placeLayers[l];
        for (int rank = 0; rank <= 2; ++rank) {
            bool any = false, kinds = false, unknown = false;
            for (const auto& place : m_scene.places()) {
                if (place.layer != l || place.rank != rank) continue;
                any = true;
                (place.kindGiven ? kinds : unknown) = true;
            }
            if (!any) continue;
            static constexpr std::array<const char*, 3> kRanks{"Cities", "Towns", "Villages"};
            std::string label = rank < 2 || !unknown ? kRanks[static_cast<std::size_t>(rank)]
                                : kinds              ? "Villages and other places"
                                                     : layer.layer->title;
            if (placeLayers.size() > 1 && label != layer.layer->title)
                label = layer.layer->title + ": " + label;
            const sf::Color fill = layer.fill;
            m_entries.push_back(
                {label,
                 [fill, rank, u](sf::RenderTarget& target, sf::FloatRect r) {
                     drawPlaceDot(target, {r.left + r.width / 2, r.top + r.height / 2}, rank, fill, u);
                 },
                 layer.layer->id, placeLabelColour(rank)});
        }
    }
}

float Legend::textSize() const { return std::max(7.0f, std::round(16 * m_scene.unit())); }

float Legend::rowHeight() const { return std::round(textSize() * 1.55f); }

float Legend::height() const { return static_cast<float>(m_entries.size()) * rowHeight(); }

float Legend::labelLeft() const { return std::round(34 * m_scene.unit()) + 12 * m_scene.unit(); }

std::vector<sf::FloatRect> Legend::slots(const Fonts& fonts, float width, int columns) const {
    const float row = rowHeight();
    const float gutter = columns > 1 ? std::round(20 * m_scene.unit()) : 0;
    const float columnWidth =
        columns > 1
            ? std::floor((width - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns))
            : width;
    // A wrapped label adds its extra lines to its row.
    std::vector<float> heights;
    float total = 0;
    const float oneLine = drawText(nullptr, "Ag", fonts.regular, textSize(), kInk, {}, 0);
    for (const auto& entry : m_entries) {
        const float lines = columns > 1 ? drawText(nullptr, entry.label, fonts.regular, textSize(), kInk, {},
                                                   std::max(1.0f, columnWidth - labelLeft()))
                                        : oneLine;
        heights.push_back(row + std::max(0.0f, lines - oneLine));
        total += heights.back();
    }
    // A new column once this one holds its share of the total height.
    const float share = total / static_cast<float>(columns);
    std::vector<sf::FloatRect> boxes;
    int column = 0;
    float y = 0;
    for (const float h : heights) {
        if (column + 1 < columns && y > 0 && y + h / 2 > share) {
            ++column;
            y = 0;
        }
        boxes.push_back({static_cast<float>(column) * (columnWidth + gutter), y, columnWidth, h});
        y += h;
    }
    return boxes;
}

float Legend::height(const Fonts& fonts, float width, int columns) const {
    float bottom = 0;
    for (const auto& box : slots(fonts, width, columns)) bottom = std::max(bottom, box.top + box.height);
    return bottom;
}

std::vector<LegendRow> Legend::draw(sf::RenderTarget& target, sf::FloatRect column, float bottom,
                                    const std::set<std::string>& hidden, const Fonts& fonts,
                                    DrawnTexts& texts, int columns) const {
    const float u = m_scene.unit();
    const float size = textSize();
    const float row = rowHeight();
    const float swatchW = std::round(34 * u), swatchH = std::round(size * 0.95f);
    const std::vector<sf::FloatRect> boxes = slots(fonts, column.width, columns);
    const float top = bottom - height(fonts, column.width, columns);
    std::vector<LegendRow> rows;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const auto& entry = m_entries[i];
        const float left = column.left + boxes[i].left;
        const float y = top + boxes[i].top;
        entry.swatch(target, {left, y + (row - swatchH) / 2 - 2 * u, swatchW, swatchH});
        const bool off = hidden.count(entry.layerId) > 0;
        texts.write(target, off ? entry.label + " (hidden)" : entry.label, fonts.regular, size,
                    off ? kFaint : entry.labelColour, {left + labelLeft(), y},
                    columns > 1 ? boxes[i].width - labelLeft() : 0);
        rows.push_back({{left, y, boxes[i].width, boxes[i].height}, entry.layerId, entry.label});
    }
    return rows;
}

}  // namespace frontline::render
