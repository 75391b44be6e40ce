#pragma once
// The only door to the PROJ C API (proj.h). A Transformer maps coordinates between two CRSs in
// traditional GIS order (easting/longitude first), whatever the CRS's official axis order.

#include <memory>
#include <string>

#include "core/geometry.hpp"

struct pj_ctx;
struct PJconsts;

namespace frontline::geo {

// Owns one PJ_CONTEXT and captures its log. One per thread (PROJ contexts are not thread-safe).
class ProjContext {
public:
    ProjContext();
    ~ProjContext();
    ProjContext(const ProjContext&) = delete;
    ProjContext& operator=(const ProjContext&) = delete;

    pj_ctx* handle() const { return m_handle; }
    void recordMessage(const char* message) { m_lastMessage = message ? message : ""; }
    // The reason of the last failure: PROJ's errno text and its last log line.
    std::string lastError() const;

private:
    pj_ctx* m_handle = nullptr;
    std::string m_lastMessage;
};

struct PjDeleter {
    void operator()(PJconsts* pj) const;
};
using PjPtr = std::unique_ptr<PJconsts, PjDeleter>;

// A coordinate operation from `sourceCrs` to `targetCrs` (WKT, PROJJSON, PROJ string or
// "AUTHORITY:CODE"), normalized to traditional GIS axis order on both sides.
class Transformer {
public:
    // Throws GeometryError naming the CRS PROJ could not understand.
    Transformer(ProjContext& context, const std::string& sourceCrs, const std::string& targetCrs);

    // Transform in place. Throws GeometryError when a point cannot be transformed.
    void forward(Geometry& geometry) const;
    void inverse(Geometry& geometry) const;
    void forward(Path& path) const;
    void inverse(Path& path) const;

private:
    void apply(Path& path, int direction) const;
    void apply(Geometry& geometry, int direction) const;

    ProjContext& m_context;
    PjPtr m_operation;
    std::string m_description;
};

// A short human name of a CRS definition ("WGS 84", "WGS 84 / UTM zone 38N"), or the text itself.
std::string describeCrs(ProjContext& context, const std::string& crs);

}  // namespace frontline::geo
