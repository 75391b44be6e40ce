#include "core/where.hpp"

namespace frontline {

std::string Where::text() const {
    std::string out = "'" + file + "'";
    if (layer) out += ": layer '" + *layer + "'";
    if (feature) out += " feature '" + *feature + "'";
    if (field) out += ": property '" + *field + "'";
    return out;
}

Where Where::withField(std::string name) const {
    Where out = *this;
    out.field = std::move(name);
    return out;
}

}  // namespace frontline
