// placeName (declared in render/scene.hpp with PlaceNames).

#include <string>

#include "render/scene.hpp"

namespace frontline::render {

std::string placeName(const Feature& feature, PlaceNames names) {
    std::string name = feature.property("name", feature.id);
    std::string other;
    const std::string alternatives = feature.property("name_alt");
    for (std::size_t start = 0; start < alternatives.size();) {
        std::size_t end = alternatives.find("; ", start);
        if (end == std::string::npos) end = alternatives.size();
        const std::string candidate = alternatives.substr(start, end - start);
        if (!candidate.empty() && candidate != name) {
            other = candidate;
            break;
        }
        start = end + 2;
    }
    if (other.empty() || names == PlaceNames::Primary) return name;
    if (names == PlaceNames::Alt) return other;
    return name + " (" + other + ")";
}

}  // namespace frontline::render
