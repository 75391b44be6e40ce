#include "io/ogr_read_back.hpp"

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace frontline::test {

namespace {

Path ring(OGRGeometryH curve) {
    Path path;
    for (int i = 0; i < OGR_G_GetPointCount(curve); ++i) {
        path.push_back({OGR_G_GetX(curve, i), OGR_G_GetY(curve, i)});
    }
    return path;
}

void appendPolygons(OGRGeometryH geometry, Geometry& out) {
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geometry));
    if (type == wkbPolygon) {
        Polygon polygon;
        for (int i = 0; i < OGR_G_GetGeometryCount(geometry); ++i) {
            polygon.rings.push_back(ring(OGR_G_GetGeometryRef(geometry, i)));
        }
        if (!polygon.rings.empty()) out.polygons.push_back(std::move(polygon));
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(geometry); ++i) {
            appendPolygons(OGR_G_GetGeometryRef(geometry, i), out);
        }
    }
}

}  // namespace

ReadBack readBack(const std::string& path) {
    GDALAllRegister();
    ReadBack result;
    GDALDatasetH dataset =
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!dataset) {
        ADD_FAILURE() << "GDAL cannot open " << path << ": " << CPLGetLastErrorMsg();
        return result;
    }
    result.driver = GDALGetDriverShortName(GDALGetDatasetDriver(dataset));
    EXPECT_EQ(GDALDatasetGetLayerCount(dataset), 1) << path;
    OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
    result.layerName = OGR_L_GetName(layer);
    result.geometryType = OGRGeometryTypeToName(OGR_L_GetGeomType(layer));
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
        OSRAutoIdentifyEPSG(srs);
        if (const char* code = OSRGetAuthorityCode(srs, nullptr)) result.epsg = std::stoi(code);
    }
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(definition, i);
        result.fieldNames.push_back(OGR_Fld_GetNameRef(field));
        result.fieldTypes[OGR_Fld_GetNameRef(field)] = OGR_Fld_GetType(field);
    }
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        ReadBackFeature out;
        for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i) {
            if (!OGR_F_IsFieldSetAndNotNull(feature, i)) continue;
            const std::string name = result.fieldNames[static_cast<std::size_t>(i)];
            out.text[name] = OGR_F_GetFieldAsString(feature, i);
            if (result.fieldTypes[name] == OFTReal) out.real[name] = OGR_F_GetFieldAsDouble(feature, i);
        }
        if (OGRGeometryH geometry = OGR_F_GetGeometryRef(feature)) {
            out.geometryType = OGR_G_GetGeometryName(geometry);
            appendPolygons(geometry, out.geometry);
        }
        result.features.push_back(std::move(out));
        OGR_F_Destroy(feature);
    }
    GDALClose(dataset);
    return result;
}

}  // namespace frontline::test
