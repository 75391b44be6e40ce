// libFuzzer: measure expressions — parsed, printed, and evaluated against a fixed world with one
// layer, control states from 2000 and one event, so that evaluation paths (intervals, division,
// events, hours) run too.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/expression.hpp"
#include "core/error.hpp"

namespace {

using namespace frontline;
using namespace frontline::analysis;

class FixedWorld : public MeasureSource {
public:
    Measured controlArea(const Date& date) override { return {held(date), "control"}; }
    Measured layerArea(const std::string& layerId, const std::string& featureId) override {
        return {known(layerId, featureId), "layer"};
    }
    Measured controlLength(const Date& date) override { return {held(date), "length"}; }
    Measured frontLength(const Date& date) override { return {held(date), "front"}; }
    Measured controlAreaClipped(const Date& date, bool, const std::string&, const std::string&) override {
        return {held(date), "clipped"};
    }
    Measured layerLength(const std::string& layerId, const std::string& featureId) override {
        return {known(layerId, featureId), "length"};
    }
    Measured gained(const Date& from, const Date& to) override {
        return {{held(to).value, 0, 1e4}, "gained"};
    }
    Measured lost(const Date& from, const Date& to) override { return {{held(from).value, 0, 1e4}, "lost"}; }
    std::optional<Instant> event(const std::string& eventId) override {
        if (eventId == "ceasefire") return Instant{Date(2020, 11, 10), 0, 180};
        if (eventId == "start") return Instant{Date(2000, 1, 1), std::nullopt, 0};
        return std::nullopt;
    }

private:
    static Interval held(const Date& date) {
        if (date < Date(2000, 1, 1)) throw DataError("no control state on or before " + date.iso());
        const double value = static_cast<double>(date.year() - 1999) * 100.0;
        return {value, value * 0.9, value * 1.1};
    }
    static Interval known(const std::string& layerId, const std::string& featureId) {
        if (layerId != "region") throw DataError("no layer with id '" + layerId + "'");
        if (!featureId.empty() && featureId != "north") throw DataError("no feature '" + featureId + "'");
        return {500, 450, 550};
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const Expression expression = parseExpression(text);
        (void)describe(expression.root);
        FixedWorld world;
        (void)evaluate(expression, world);
    } catch (const Error&) {
    }
    return 0;
}
