#include "io/ogr_layer_reader.hpp"

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstdio>

#include "core/error.hpp"
#include "io/ogr_geometry.hpp"

namespace frontline::io {

namespace {

// GDAL types ISO date strings in GeoJSON as OFTDate and prints them "2001/03/15"; keep them ISO 8601.
std::string fieldText(OGRFeature& feature, int index) {
    const OGRFieldType type = feature.GetFieldDefnRef(index)->GetType();
    if (type != OFTDate && type != OFTDateTime) return feature.GetFieldAsString(index);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, tzFlag = 0;
    float second = 0;
    if (!feature.GetFieldAsDateTime(index, &year, &month, &day, &hour, &minute, &second, &tzFlag)) {
        return feature.GetFieldAsString(index);
    }
    char text[40];
    if (type == OFTDate) {
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    } else {
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02.0f", year, month, day, hour, minute,
                      second);
    }
    return text;
}

std::string featureId(const OGRFeature& feature, int idField) {
    if (idField >= 0 && feature.IsFieldSetAndNotNull(idField)) return feature.GetFieldAsString(idField);
    return std::to_string(feature.GetFID());
}

}  // namespace

OgrLayerReader::OgrLayerReader(OgrSource& source, OGRLayer& layer) : m_source(source), m_layer(layer) {
    m_source.errors().reset();
    SourceLayer& result = m_description;
    result.name = layer.GetName();
    result.geometryType = OGRGeometryTypeToName(layer.GetGeomType());
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {  // borrowed from the layer
        result.crsName = srs->GetName() ? srs->GetName() : "unnamed CRS";
        if (const char* code = srs->GetAuthorityCode(nullptr)) {
            result.crsName += std::string(" (") +
                              (srs->GetAuthorityName(nullptr) ? srs->GetAuthorityName(nullptr) : "") + ":" +
                              code + ")";
        }
        // Built once per thread: importFromEPSG queries proj.db, which shows when reading 500 files.
        thread_local const OGRSpatialReference wgs84 = [] {
            OGRSpatialReference srsWgs84;
            srsWgs84.importFromEPSG(4326);
            return srsWgs84;
        }();
        const char* sameOptions[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
        result.isWgs84LonLat = srs->IsSame(&wgs84, sameOptions) != 0;
        if (!result.isWgs84LonLat) {
            const char* options[] = {"FORMAT=WKT2_2019", nullptr};
            char* wkt = nullptr;
            if (srs->exportToWkt(&wkt, options) == OGRERR_NONE && wkt) result.crsWkt = wkt;
            CPLFree(wkt);
        }
    }

    result.unreadableCrs = m_source.unreadableCrs();
    m_idField = layer.GetLayerDefn()->GetFieldIndex("id");
    m_layer.ResetReading();
}

std::optional<Feature> OgrLayerReader::next() {
    const OGRFeatureUniquePtr feature(m_layer.GetNextFeature());
    if (!feature) {
        if (CPLGetLastErrorType() >= CE_Failure) {
            throw DataError(Where{m_source.path(), m_description.name}, m_source.errors().firstFailure());
        }
        return std::nullopt;
    }
    const OGRFeatureDefn* definition = m_layer.GetLayerDefn();  // borrowed from the layer
    Feature out;
    out.id = featureId(*feature, m_idField);
    const Where where{m_source.path(), m_description.name, out.id};
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        if (i == m_idField || !feature->IsFieldSetAndNotNull(i)) continue;
        out.properties[definition->GetFieldDefn(i)->GetNameRef()] = fieldText(*feature, i);
    }
    if (const OGRGeometry* geometry = feature->GetGeometryRef())
        appendGeometry(*geometry, out.geometry, where);
    return out;
}

}  // namespace frontline::io
