#include "core/diagnostics.hpp"

namespace frontline {

void Diagnostics::warn(std::string where, std::string message) {
    m_warnings.push_back({std::move(where), std::move(message), std::nullopt});
}

void Diagnostics::warn(const Where& where, std::string message) {
    m_warnings.push_back({where.text(), std::move(message), where});
}

void Diagnostics::merge(const Diagnostics& other) {
    m_warnings.insert(m_warnings.end(), other.m_warnings.begin(), other.m_warnings.end());
}

}  // namespace frontline
