#pragma once

#include <gtest/gtest.h>

#include "analysis/area.hpp"
#include "geo/equal_area.hpp"

namespace frontline::testing {

// A fixture that measures geodesically, buffering in an LAEA frame centred on the test's shapes.
class MeasuredTest : public ::testing::Test {
protected:
    explicit MeasuredTest(Coord centreLonLat) : m_frame(m_proj, centreLonLat) {}

    geo::GeosContext m_geos;
    geo::ProjContext m_proj;
    geo::EqualAreaFrame m_frame;
    analysis::Measurer m_measurer{m_geos, m_frame};
};

}  // namespace frontline::testing
