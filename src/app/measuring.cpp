#include "app/measuring.hpp"

#include "core/error.hpp"

namespace frontline::app {

analysis::AreaMethod areaMethod(const std::string& text) {
    if (auto method = analysis::parseAreaMethod(text)) return *method;
    throw UsageError("unknown --method '" + text + "' (geodesic, planar)");
}

Date commandLineDate(const std::string& option, const std::string& text) {
    try {
        return Date::parse(text);
    } catch (const std::invalid_argument& e) {
        throw UsageError(option + ": " + e.what());
    }
}

}  // namespace frontline::app
