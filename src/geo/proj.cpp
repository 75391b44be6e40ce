#include "geo/proj.hpp"

#include <proj.h>

#include <cmath>

#include "core/error.hpp"

namespace frontline::geo {

namespace {

void logToContext(void* userData, int /*level*/, const char* message) {
    static_cast<ProjContext*>(userData)->recordMessage(message);
}

PjPtr createCrs(ProjContext& context, const std::string& definition) {
    PjPtr crs(proj_create(context.handle(), definition.c_str()));
    if (!crs) {
        std::string shown = definition.size() > 80 ? definition.substr(0, 77) + "..." : definition;
        throw GeometryError("PROJ cannot read the CRS '" + shown + "': " + context.lastError());
    }
    return crs;
}

}  // namespace

void PjDeleter::operator()(PJconsts* pj) const { proj_destroy(pj); }

ProjContext::ProjContext() : m_handle(proj_context_create()) {
    if (!m_handle) throw GeometryError("cannot create a PROJ context");
    proj_log_func(m_handle, this, logToContext);
    proj_log_level(m_handle, PJ_LOG_ERROR);
    // Network access (CDN grids) is never available here; keep PROJ from trying.
    proj_context_set_enable_network(m_handle, 0);
}

ProjContext::~ProjContext() { proj_context_destroy(m_handle); }

std::string ProjContext::lastError() const {
    const int code = proj_context_errno(m_handle);
    std::string text = code ? proj_context_errno_string(m_handle, code) : "";
    if (!m_lastMessage.empty() && m_lastMessage != text)
        text += (text.empty() ? "" : " (") + m_lastMessage + (text.empty() ? "" : ")");
    return text.empty() ? "unknown PROJ error" : text;
}

Transformer::Transformer(ProjContext& context, const std::string& sourceCrs, const std::string& targetCrs)
    : m_context(context) {
    PjPtr source = createCrs(context, sourceCrs);
    PjPtr target = createCrs(context, targetCrs);
    PjPtr operation(
        proj_create_crs_to_crs_from_pj(context.handle(), source.get(), target.get(), nullptr, nullptr));
    if (!operation) {
        throw GeometryError("PROJ finds no transformation from '" + describeCrs(context, sourceCrs) +
                            "' to '" + describeCrs(context, targetCrs) + "': " + context.lastError());
    }
    // Longitude/easting first on both sides, whatever the CRS's declared axis order.
    m_operation.reset(proj_normalize_for_visualization(context.handle(), operation.get()));
    if (!m_operation) throw GeometryError("PROJ cannot normalize the axis order: " + context.lastError());
    m_description = describeCrs(context, sourceCrs) + " -> " + describeCrs(context, targetCrs);
}

void Transformer::apply(Path& path, int direction) const {
    if (path.empty()) return;
    const std::size_t stride = sizeof(Coord);
    const std::size_t count = path.size();
    proj_trans_generic(m_operation.get(), static_cast<PJ_DIRECTION>(direction), &path.front().x, stride,
                       count, &path.front().y, stride, count, nullptr, 0, 0, nullptr, 0, 0);
    for (const Coord& c : path) {
        // PROJ marks points it could not transform with HUGE_VAL.
        if (!std::isfinite(c.x) || !std::isfinite(c.y)) {
            throw GeometryError("cannot transform coordinates (" + m_description +
                                "): " + m_context.lastError());
        }
    }
}

void Transformer::apply(Geometry& geometry, int direction) const {
    for (auto& polygon : geometry.polygons) {
        for (auto& ring : polygon.rings) apply(ring, direction);
    }
    for (auto& line : geometry.lines) apply(line, direction);
    apply(geometry.points, direction);
}

void Transformer::forward(Geometry& geometry) const { apply(geometry, PJ_FWD); }
void Transformer::inverse(Geometry& geometry) const { apply(geometry, PJ_INV); }
void Transformer::forward(Path& path) const { apply(path, PJ_FWD); }
void Transformer::inverse(Path& path) const { apply(path, PJ_INV); }

std::string describeCrs(ProjContext& context, const std::string& crs) {
    PjPtr object(proj_create(context.handle(), crs.c_str()));
    if (!object) return crs;
    const char* name = proj_get_name(object.get());
    std::string text = name ? name : crs;
    if (const char* authority = proj_get_id_auth_name(object.get(), 0)) {
        if (const char* code = proj_get_id_code(object.get(), 0))
            text += std::string(" (") + authority + ":" + code + ")";
    }
    return text;
}

}  // namespace frontline::geo
