#pragma once

#include "geo/geos.hpp"
#include "geo/proj.hpp"

namespace frontline::geo {

// The library contexts one thread works with. GEOS and PROJ contexts must not be shared between
// threads, so each worker owns one of these.
struct ThreadContext {
    GeosContext geos;
    ProjContext proj;
};

}  // namespace frontline::geo
