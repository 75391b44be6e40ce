#pragma once
// A vector source opened for reading through GDAL/OGR. Internal to io/ (its layers are GDAL's types).

#include <gdal_priv.h>

#include <string>
#include <vector>

#include "io/gdal_errors.hpp"

class OGRLayer;

namespace frontline::io {

namespace detail {

// GDAL's drivers, registered once per process; every way into GDAL calls this first.
void registerDrivers();

}  // namespace detail

// Owns one dataset GDAL opened read-only as vector data (a file, a folder such as a File Geodatabase,
// a "PG:" connection, a /vsi path) and, while it lives, the thread's GDAL error handler (QuietGdalErrors),
// which layer readers reset and ask for the first failure. Opening explains what is wrong in the
// user's terms (no such file, a FIFO, where the JSON breaks, which archive member is missing) and
// throws DataError naming the source. One thread; not copyable or movable.
class OgrSource {
public:
    explicit OgrSource(const std::string& path);
    OgrSource(const OgrSource&) = delete;
    OgrSource& operator=(const OgrSource&) = delete;

    const std::string& path() const { return m_path; }
    // A GeoJSON "crs" member GDAL could not read (GDAL then takes the layer for WGS84 without a word),
    // or empty.
    const std::string& unreadableCrs() const { return m_unreadableCrs; }
    QuietGdalErrors& errors() { return m_errors; }

    // The layer named `layerName`, or every layer when it is empty, borrowed from the dataset. Throws
    // DataError when there is no such layer, or no layer at all.
    std::vector<OGRLayer*> layers(const std::string& layerName);

private:
    std::string m_path;
    QuietGdalErrors m_errors;  // made before the dataset and outliving it: GDAL may report on closing
    GDALDatasetUniquePtr m_dataset;
    std::string m_unreadableCrs;
};

}  // namespace frontline::io
