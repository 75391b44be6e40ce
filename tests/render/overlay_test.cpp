// What the renderer draws over the map and what place labels keep clear of: the scale bar's reserved box
// is the bar drawn, and without a panel the frame's notice is drawn on the map, in its reserved box.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "render/gl_fixture.hpp"
#include "render/map_notice.hpp"
#include "render/north_arrow.hpp"
#include "render/panel_text.hpp"
#include "render/place_layout.hpp"
#include "render/scale_bar.hpp"
#include "render/schematic.hpp"
#include "render/style.hpp"

namespace frontline::test {
namespace {

const std::string kKarabakh = FRONTLINE_SOURCE_DIR "/geodata/karabakh";

struct Drawn : DrawnScenario {
    explicit Drawn(sf::Vector2u size, render::MapOptions options = {})
        : DrawnScenario(kKarabakh, size, options) {}
};

const render::Renderer::DrawnText* find(const std::vector<render::Renderer::DrawnText>& texts,
                                        const std::string& text) {
    const auto at = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.text == text; });
    return at == texts.end() ? nullptr : &*at;
}

bool contains(const sf::FloatRect& outer, const sf::FloatRect& inner) {
    return outer.left <= inner.left && outer.top <= inner.top &&
           inner.left + inner.width <= outer.left + outer.width &&
           inner.top + inner.height <= outer.top + outer.height;
}

sf::FloatRect join(const sf::FloatRect& a, const sf::FloatRect& b) {
    const float left = std::min(a.left, b.left), top = std::min(a.top, b.top);
    const float right = std::max(a.left + a.width, b.left + b.width);
    const float bottom = std::max(a.top + a.height, b.top + b.height);
    return {left, top, right - left, bottom - top};
}

class ScaleBarBox : public testing::TestWithParam<sf::Vector2u> {};

// The box place labels keep clear of holds the bar and both its labels as drawn, and is at most its
// plate's padding (8 units a side) and a pixel of rounding larger: the labels near the bottom-left
// corner (Ordubad, Kornidzor) are not dropped for room the bar does not take.
TEST_P(ScaleBarBox, ReservedBoxIsTheDrawnBar) {
    FRONTLINE_REQUIRE_DISPLAY();
    Drawn drawn(GetParam());
    const auto& texts = drawn.at(Date(2020, 11, 10));
    const render::Scene& scene = drawn.renderer.scene();
    const render::Fonts fonts = render::Fonts::loadDejaVu();
    const render::ScaleBarLayout bar =
        render::scaleBarLayout(scene.mapRect(), scene.unit(), scene.metresPerPixel(), fonts.regular);
    EXPECT_EQ(bar.label, drawn.renderer.renderer().scaleBarText());
    const auto* zero = find(texts, "0");
    const auto* label = find(texts, bar.label);
    ASSERT_NE(zero, nullptr);
    ASSERT_NE(label, nullptr);
    const sf::FloatRect ink =
        join(join(zero->box, label->box), {bar.origin.x, bar.origin.y, bar.length, bar.height});
    const std::vector<sf::FloatRect> boxes =
        render::overlayBoxes(drawn.layout(), fonts, bar.plate, scene.mapTexts());
    const auto reserved = std::find(boxes.begin(), boxes.end(), bar.plate);
    ASSERT_NE(reserved, boxes.end()) << "the scale bar's plate is what labels keep clear of";
    EXPECT_TRUE(contains(*reserved, ink));
    const float slack = 2 * 8 * scene.unit() + 2;
    EXPECT_LE(reserved->width - ink.width, slack)
        << "reserved " << reserved->width << ", drawn " << ink.width;
    EXPECT_LE(reserved->height - ink.height, slack)
        << "reserved " << reserved->height << ", drawn " << ink.height;
}

INSTANTIATE_TEST_SUITE_P(Sizes, ScaleBarBox,
                         testing::Values(sf::Vector2u{1920, 1080}, sf::Vector2u{1280, 720},
                                         sf::Vector2u{1080, 1350}, sf::Vector2u{1080, 1080},
                                         sf::Vector2u{300, 200}),
                         sizeName);

class MapNotice : public testing::TestWithParam<sf::Vector2u> {};

// --no-panel: a stale map (1 Nov 2020 still shows the 1994 line, six events later) and a frame between
// two maps say so on the map, inside the box place labels keep clear of, apart from every other text.
TEST_P(MapNotice, DrawnOnTheMapWithoutAPanel) {
    FRONTLINE_REQUIRE_DISPLAY();
    render::MapOptions options;
    options.panel = false;
    Drawn drawn(GetParam(), options);
    const render::Fonts fonts = render::Fonts::loadDejaVu();
    const render::MapNoticeLayout layout = render::mapNoticeLayout(drawn.layout(), fonts);
    render::FrameSpec between = render::stillFrame(drawn.renderer.scene(), Date(2020, 11, 10));
    between.transition = render::Transition{0, 1, 0.5};
    for (const render::FrameSpec& frame :
         {render::stillFrame(drawn.renderer.scene(), Date(2020, 11, 1)), between}) {
        const std::string notice =
            render::panelText(drawn.scenario, drawn.renderer.scene().stats(), frame).notice;
        ASSERT_FALSE(notice.empty());
        drawn.renderer.render(frame);
        const auto& texts = drawn.renderer.renderer().drawnTextBoxes();
        const auto* drawnNotice = find(texts, notice);
        ASSERT_NE(drawnNotice, nullptr) << notice;
        EXPECT_TRUE(contains(layout.reserved, drawnNotice->box)) << notice;
        // Small print a phone can read, as the credits.
        if (drawn.layout().unit >= render::kMinTextUnit) {
            EXPECT_GE(drawnNotice->size, render::kMinTextPx);
        }
        for (const auto& other : texts) {
            if (&other == drawnNotice) continue;
            EXPECT_FALSE(other.box.intersects(drawnNotice->box)) << "'" << other.text << "' on the notice";
        }
    }
    // A map that is up to date has none.
    const auto& current = drawn.at(Date(2020, 11, 10));
    const std::string stale = "not yet mapped";
    EXPECT_FALSE(std::any_of(current.begin(), current.end(),
                             [&](const auto& t) { return t.text.find(stale) != std::string::npos; }));
}

INSTANTIATE_TEST_SUITE_P(Sizes, MapNotice,
                         testing::Values(sf::Vector2u{1920, 1080}, sf::Vector2u{1280, 720},
                                         sf::Vector2u{1080, 1350}, sf::Vector2u{1080, 1080}),
                         sizeName);

class MapTexts : public testing::TestWithParam<sf::Vector2u> {};

// --no-panel: every frame's date and credits lie inside the boxes names were told to keep clear of (the
// widest date is between two maps, the credits change with the layers drawn), and the credits' plate
// covers no place's dot. Frames: each state's date, a frame between the first two, a 2025 still.
TEST_P(MapTexts, DateAndCreditsInsideTheirReservedBoxes) {
    FRONTLINE_REQUIRE_DISPLAY();
    render::MapOptions options;
    options.panel = false;
    Drawn drawn(GetParam(), options);
    const render::Scene& scene = drawn.renderer.scene();
    const render::MapTextsLayout& reserved = scene.mapTexts();
    std::vector<render::FrameSpec> frames;
    for (const auto& state : drawn.scenario.timeline.states())
        frames.push_back(render::stillFrame(scene, state.date));
    render::FrameSpec between = render::stillFrame(scene, Date(2020, 11, 10));
    between.transition = render::Transition{0, 1, 0.5};
    frames.push_back(between);
    frames.push_back(render::stillFrame(scene, Date(2025, 9, 1)));
    for (const render::FrameSpec& frame : frames) {
        drawn.renderer.render(frame);
        const auto& texts = drawn.renderer.renderer().drawnTextBoxes();
        const std::string date = render::panelText(drawn.scenario, scene.stats(), frame).date;
        const auto* drawnDate = find(texts, date);
        ASSERT_NE(drawnDate, nullptr) << date;
        EXPECT_TRUE(contains(reserved.dateReserved, drawnDate->box)) << date;
        const auto credit = std::find_if(texts.begin(), texts.end(),
                                         [](const auto& t) { return t.text.rfind("Data: ", 0) == 0; });
        ASSERT_NE(credit, texts.end()) << date;
        EXPECT_TRUE(contains(reserved.creditsReserved, credit->box)) << date;
    }
    for (const auto& place : scene.places())
        EXPECT_FALSE(reserved.creditsReserved.contains(place.dot)) << place.name << " under the credits";
}

INSTANTIATE_TEST_SUITE_P(Sizes, MapTexts,
                         testing::Values(sf::Vector2u{1920, 1080}, sf::Vector2u{1280, 720},
                                         sf::Vector2u{1080, 1350}, sf::Vector2u{1080, 1080}),
                         sizeName);

struct ArrowCase {
    sf::Vector2u size;
    render::NorthArrowCorner withPanel;  // where Lake Sevan (top left) puts it beside or below a panel
};

class NorthArrow : public testing::TestWithParam<ArrowCase> {};

// The north arrow's plate lies inside its reserved box and the map, covers no place's dot, and its "N"
// is drawn on the plate. In the bundled scenario the top left holds Lake Sevan at 1920x1080, 1280x720
// and 1080x1350, so beside or below a panel the arrow goes to the bottom right; at 1080x1080 the lake
// lies clear of the top left corner and the arrow stays. Without a panel it stays top left (the
// credits are bottom right).
TEST_P(NorthArrow, InItsBoxOffTheDotsAndTheLake) {
    FRONTLINE_REQUIRE_DISPLAY();
    for (const bool panel : {true, false}) {
        SCOPED_TRACE(panel ? "panel" : "no panel");
        render::MapOptions options;
        options.panel = panel;
        Drawn drawn(GetParam().size, options);
        const render::Scene& scene = drawn.renderer.scene();
        EXPECT_EQ(scene.layout().northArrow,
                  panel ? GetParam().withPanel : render::NorthArrowCorner::TopLeft);
        const sf::FloatRect box = render::northArrowBox(scene.layout());
        const render::NorthArrowShape shape = render::northArrowShape(scene.layout());
        EXPECT_TRUE(contains(box, shape.plate));
        EXPECT_TRUE(contains(scene.mapRect(), shape.plate));
        for (const auto& place : scene.places())
            EXPECT_FALSE(shape.plate.contains(place.dot)) << place.name << " under the north arrow";
        const auto& texts = drawn.at(Date(2020, 11, 10));
        const auto* n = find(texts, "N");
        ASSERT_NE(n, nullptr);
        EXPECT_TRUE(contains(shape.plate, n->box));
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, NorthArrow,
                         testing::Values(ArrowCase{{1920, 1080}, render::NorthArrowCorner::BottomRight},
                                         ArrowCase{{1280, 720}, render::NorthArrowCorner::BottomRight},
                                         ArrowCase{{1080, 1350}, render::NorthArrowCorner::BottomRight},
                                         ArrowCase{{1080, 1080}, render::NorthArrowCorner::TopLeft}),
                         [](const testing::TestParamInfo<ArrowCase>& info) {
                             return std::to_string(info.param.size.x) + "x" +
                                    std::to_string(info.param.size.y);
                         });

// A village whose four places beside its dot (right, left, above, below) each hold another place's dot
// is named at a corner (the first free of the four, upper right), not left unnamed: Kornidzor between
// Goris, Aghavno and the border at 1080×1350.
TEST(PlaceLabels, ACornerWhereNoSideHasRoom) {
    FRONTLINE_REQUIRE_DISPLAY();
    const render::Fonts fonts = render::Fonts::loadDejaVu();
    const render::FrameLayout layout = render::frameLayout({1920, 1080}, true);
    ASSERT_EQ(layout.unit, 1.0f);
    const sf::Vector2f v(600, 500);
    // Label boxes at unit 1: 17 px text, 6 px from the dot; "Kornidzor" is wider than 60 px.
    std::vector<render::PlaceCandidate> candidates{{v, "Kornidzor", 2, true, 0},
                                                   {{v.x + 16, v.y + 7}, "Blocker A", 3, true, 0},
                                                   {{v.x - 16, v.y + 7}, "Blocker B", 3, true, 0},
                                                   {{v.x - 22, v.y - 16}, "Blocker C", 3, true, 0},
                                                   {{v.x - 22, v.y + 16}, "Blocker D", 3, true, 0}};
    const auto places = render::layOutPlaceLabels(candidates, layout, fonts, {}, {});
    const auto village =
        std::find_if(places.begin(), places.end(), [&](const render::PlaceLabel& p) { return p.dot == v; });
    ASSERT_NE(village, places.end());
    ASSERT_EQ(village->name, "Kornidzor");
    EXPECT_GT(village->textPosition.x, v.x);
    EXPECT_LT(village->textPosition.y + 17, v.y);
}

// A town whose sides each hold another place's dot is named above it, the name's box (its halo and
// the descender of "g" included) clear of its own dot: at 1080×1080 (unit below 1) the box of "Meghri"
// reached 1 px into its dot's, and Meghri went unnamed between Agarak and Ordubad.
TEST(PlaceLabels, AboveItsDotClearOfIt) {
    FRONTLINE_REQUIRE_DISPLAY();
    const render::Fonts fonts = render::Fonts::loadDejaVu();
    for (const sf::Vector2u size :
         {sf::Vector2u{1080, 1080}, sf::Vector2u{1280, 720}, sf::Vector2u{1920, 1080}}) {
        const render::FrameLayout layout = render::frameLayout(size, true);
        const sf::Vector2f v(layout.map.left + 300, layout.map.top + 300);
        const std::vector<render::PlaceCandidate> candidates{{v, "Meghri", 2, true, 0},
                                                             {{v.x + 30, v.y}, "Right", 3, true, 0},
                                                             {{v.x - 30, v.y}, "Left", 3, true, 0}};
        const auto places = render::layOutPlaceLabels(candidates, layout, fonts, {}, {});
        const auto town = std::find_if(places.begin(), places.end(),
                                       [&](const render::PlaceLabel& p) { return p.dot == v; });
        ASSERT_NE(town, places.end());
        ASSERT_EQ(town->name, "Meghri") << size.x << "x" << size.y;
        const auto boxes = render::boxesTakenByPlaces({*town}, layout, fonts, {}, {});
        const sf::FloatRect dot = boxes[boxes.size() - 2], name = boxes.back();
        EXPECT_FALSE(name.intersects(dot)) << size.x << "x" << size.y;
        EXPECT_LT(name.top + name.height, v.y) << "above the dot";
    }
}

// The legend says "Schematic extent (position approximate)" exactly when the frame draws schematic
// geometry: the invented Hin Tagher circle (10 Nov – 12 Dec 2020), the schematic Lachin corridor and the
// held area inside it (Dec 2020 – Sep 2023); not in 1994, nor after the last state. With a held
// schematic part the row comes right under the held area's row, once.
TEST(Schematic, LegendEntryOnlyWhenDrawn) {
    FRONTLINE_REQUIRE_DISPLAY();
    Drawn drawn({1280, 720});
    render::Scene& scene = drawn.renderer.scene();
    struct Case {
        Date date;
        bool heldPart;
    };
    for (const Case& c :
         {Case{Date(1994, 5, 12), false}, Case{Date(2020, 11, 10), true}, Case{Date(2020, 11, 25), true},
          Case{Date(2021, 6, 1), true}, Case{Date(2023, 10, 1), false}}) {
        drawn.at(c.date);
        const int state = scene.stateIndexAt(c.date);
        EXPECT_EQ(!scene.shapes(state).schematic.empty(), c.heldPart) << c.date.iso();
        const auto& rows = drawn.renderer.renderer().legendRows();
        bool featureDrawn = false;
        for (const auto& layer : scene.layers()) {
            for (const auto& f : layer.features)
                featureDrawn = featureDrawn || (f.schematic && f.onMap && f.visibleAt(c.date));
        }
        const auto count = std::count_if(
            rows.begin(), rows.end(), [](const auto& row) { return row.label == render::kSchematicLegend; });
        EXPECT_EQ(count, c.heldPart || featureDrawn ? 1 : 0) << c.date.iso();
        if (c.heldPart) {
            ASSERT_GE(rows.size(), 2u);
            EXPECT_NE(rows[0].label.find("dated control state"), std::string::npos) << c.date.iso();
            EXPECT_EQ(rows[1].label, render::kSchematicLegend) << c.date.iso();
        }
        if (c.date == Date(1994, 5, 12) || c.date == Date(2023, 10, 1)) {
            EXPECT_FALSE(featureDrawn) << c.date.iso();
        }
    }
    // The circle alone: 10 Nov 2020 marks one part, and the line of contact leaves it to the dots.
    const int ceasefire = scene.stateIndexAt(Date(2020, 11, 10));
    EXPECT_EQ(scene.schematicPartOf(ceasefire).polygons.size(), 1u);
    EXPECT_TRUE(scene.schematicPartOf(scene.stateIndexAt(Date(2020, 12, 12))).polygons.size() >= 1u)
        << "the corridor's held strip";
    EXPECT_TRUE(scene.schematicPartOf(scene.stateIndexAt(Date(1994, 5, 12))).polygons.empty());
}

// --reference nkao draws the NKAO outline (dated 1923–1991) on every frame, as an outline only, listed
// in the legend as a reference; without it, no frame of 1994–2023 draws it.
TEST(Reference, DrawnAtEveryDateAsAnOutline) {
    FRONTLINE_REQUIRE_DISPLAY();
    render::MapOptions options;
    options.references = {"nkao"};
    Drawn plain({1280, 720});
    Drawn referenced({1280, 720}, options);
    const std::string label = "NKAO (1923–1991) (reference)";
    auto listed = [&](Drawn& drawn) {
        const auto& rows = drawn.renderer.renderer().legendRows();
        return std::any_of(rows.begin(), rows.end(),
                           [&](const auto& row) { return row.label.rfind("NKAO", 0) == 0; });
    };
    const sf::FloatRect map = referenced.renderer.scene().mapRect();
    for (const Date& date : {Date(1994, 5, 12), Date(2020, 11, 10), Date(2023, 10, 1)}) {
        const auto without = plain.renderer.render(render::stillFrame(plain.renderer.scene(), date));
        EXPECT_FALSE(listed(plain)) << date.iso();
        const auto with = referenced.renderer.render(render::stillFrame(referenced.renderer.scene(), date));
        const auto& rows = referenced.renderer.renderer().legendRows();
        EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
            return row.label == label;
        })) << date.iso();
        // The outline changes pixels on the map: dark ones, and not a filled area's worth.
        std::size_t darker = 0;
        for (auto y = static_cast<std::size_t>(map.top); y < static_cast<std::size_t>(map.top + map.height);
             ++y) {
            for (auto x = static_cast<std::size_t>(map.left);
                 x < static_cast<std::size_t>(map.left + map.width); ++x) {
                const std::size_t i = (y * 1280 + x) * 4;
                if (with[i] + 40 < without[i] && with[i] < 110) ++darker;
            }
        }
        EXPECT_GT(darker, 400u) << date.iso();
        EXPECT_LT(darker, static_cast<std::size_t>(map.width * map.height / 20)) << date.iso();
    }
    for (const auto& layer : referenced.renderer.scene().layers()) {
        if (layer.layer->id != "nkao") continue;
        EXPECT_TRUE(layer.reference);
        for (const auto& feature : layer.features) {
            EXPECT_TRUE(feature.fill.empty());
            EXPECT_FALSE(feature.stroke.empty());
        }
    }
}

}  // namespace
}  // namespace frontline::test
