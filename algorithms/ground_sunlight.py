"""sunspace:groundsunlight — sunlight hours on a ground grid, isochrones and the standard shadow line."""
from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..core.geodesy import LocalFrame
from ..core.ground import ground_sunlight, isochrones
from .common import SunSpaceAlgorithm, tr, read_polygons, source_name, style_on_load, to_qgs
from .compat import DOUBLE_NUMBER, FAST_INSERT, POLYGON_SOURCE, POLYGON_WKB, crs_text, make_field
from .sunparams import add_building_parameters, add_standard_parameters, parse_standard, read_buildings



def parse_hours(text):
    try:
        hours = sorted({float(t) for t in text.replace("，", ",").split(",") if t.strip()})
    except ValueError:
        raise QgsProcessingException(f"Isochrone hours must be numbers separated by commas, got '{text}'.") from None
    if any(h <= 0 or h > 24 for h in hours):
        raise QgsProcessingException("Isochrone hours must lie between 0 and 24.")
    return hours


def write_geotiff(path, grid, crs_wkt, values):
    from osgeo import gdal, osr

    rows, cols = values.shape
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(path, cols, rows, 1, gdal.GDT_Float32, options=["COMPRESS=DEFLATE", "TILED=YES"])
    if ds is None:
        raise QgsProcessingException(f"Cannot write the raster {path}.")
    ds.SetGeoTransform((grid.x0, grid.spacing, 0.0, grid.y0 + rows * grid.spacing, 0.0, -grid.spacing))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-1.0)
    band.SetDescription("sunlight hours")
    band.WriteArray(np.where(np.isfinite(values), values, -1.0)[::-1].astype(np.float32))
    band.FlushCache()
    ds = None


class GroundSunlightAlgorithm(SunSpaceAlgorithm):
    NAME = "groundsunlight"
    DISPLAY = "Ground sunlight hours and shadow lines 场地日照与阴影线"
    GROUP = "sunlight"

    def shortHelpString(self):
        return tr(
            "<p>Sunlight hours on a regular grid at a chosen height (the ground by default) over an extent or the "
            "polygons of an area layer, on the standard day. Writes a GeoTIFF of hours (in a local transverse Mercator "
            "frame centred on the data, in metres; cells inside buildings are no-data), isochrone polygons (等时线) for "
            "the hours you list (each polygon: the ground that gets fewer than that many hours) and the standard "
            "shadow line (标准的建筑日照阴影线): the ground that gets fewer than the standard's hours, which the "
            "concentrated-green rules use. Polygons are exact to half a grid cell.</p>"
            "<p>在指定高度（默认地面）按网格计算标准日日照时数，输出日照时数栅格（GeoTIFF）、各时数等时线面，以及标准的建筑日照阴影线"
            "（不足标准日照时数的场地范围）。</p>"
        )

    def initAlgorithm(self, config=None):
        add_building_parameters(self, tr, residential=False)
        self.addParameter(QgsProcessingParameterFeatureSource("AREA", tr("Analysis area polygons (optional) 分析范围"),
                                                              [POLYGON_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterExtent("EXTENT", tr("Analysis extent (when no area layer) 分析范围"), optional=True))
        self.addParameter(QgsProcessingParameterNumber("SPACING", tr("Grid spacing, m 网格间距"), type=DOUBLE_NUMBER,
                                                       defaultValue=1.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterNumber("HEIGHT", tr("Analysis height above ground, m 分析高度"), type=DOUBLE_NUMBER,
                                                       defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterString("ISO_HOURS", tr("Isochrone hours, comma-separated 等时线小时"),
                                                       defaultValue="1,2,3"))
        add_standard_parameters(self, tr)
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_RASTER", tr("Sunlight hours raster 日照时数栅格")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_ISOCHRONES", tr("Isochrones 等时线")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_SHADOW", tr("Standard shadow line 标准日照阴影线")))

    def processAlgorithm(self, parameters, context, feedback):
        settings = parse_standard(self, parameters, context)
        bld = read_buildings(self, parameters, context, feedback, residential=False)
        frame = LocalFrame.around(bld["geoms"], bld["crs"])
        local = frame.to_local(bld["geoms"], bld["crs"])
        from ..core.sunlight import prepare_obstructors

        u = bld["usable"]
        obs = prepare_obstructors(local[u], bld["base"][u], bld["height"][u])
        hours = parse_hours(self.parameterAsString(parameters, "ISO_HOURS", context))
        area_src = self.parameterAsSource(parameters, "AREA", context)
        if area_src is not None:
            data = read_polygons(area_src, source_name(area_src, "area"), feedback)
            geoms = frame.to_local(data["geoms"], data["crs"])
            area = shapely.union_all(geoms[[g is not None for g in geoms]])
        elif parameters.get("EXTENT"):
            ext = self.parameterAsExtent(parameters, "EXTENT", context, bld["source"].sourceCrs())
            box = shapely.box(ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()).segmentize(ext.width() / 50 + 1e-9)
            area = frame.to_local([box], crs_text(bld["source"].sourceCrs()))[0]
        else:
            raise QgsProcessingException("Give an analysis area layer or an extent.")
        if area is None or area.is_empty:
            raise QgsProcessingException("The analysis area is empty.")
        spacing = self.parameterAsDouble(parameters, "SPACING", context)
        height = self.parameterAsDouble(parameters, "HEIGHT", context)
        std, rules = settings.standard, settings.rules
        feedback.pushInfo(f"Standard: {settings.describe()}")
        try:
            grid = ground_sunlight(obs, area, spacing, height, frame.lat0, settings.declination, std.window, rules,
                                   std.hours, progress=lambda f: feedback.setProgress(80 * f),
                                   is_canceled=feedback.isCanceled)
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        if feedback.isCanceled():
            return {}
        out_raster = self.parameterAsOutputLayer(parameters, "OUTPUT_RASTER", context)
        write_geotiff(out_raster, grid, frame.crs.to_wkt(), grid.values / 60.0)
        crs = bld["source"].sourceCrs()
        polys = isochrones(grid, hours + [std.hours])
        iso_fields = QgsFields()
        iso_fields.append(make_field("hours", "double", "ground with fewer than this many hours of sun"))
        iso_fields.append(make_field("area_m2", "double"))
        sink, iso_id = self.parameterAsSink(parameters, "OUTPUT_ISOCHRONES", context, iso_fields, POLYGON_WKB, crs)
        back = frame.from_local(np.array(polys, dtype=object), bld["crs"])
        for h, p_local, p in zip(hours, polys, back):
            f = QgsFeature(iso_fields)
            f.setGeometry(to_qgs(p))
            f.setAttributes([float(h), float(p_local.area)])
            sink.addFeature(f, FAST_INSERT)
        style_on_load(context, iso_id, "isochrones.qml")
        sh_fields = QgsFields()
        for name, kind in (("hours", "double"), ("area_m2", "double"), ("standard", "string")):
            sh_fields.append(make_field(name, kind))
        sink2, sh_id = self.parameterAsSink(parameters, "OUTPUT_SHADOW", context, sh_fields, POLYGON_WKB, crs)
        f = QgsFeature(sh_fields)
        f.setGeometry(to_qgs(back[-1]))
        f.setAttributes([float(std.hours), float(polys[-1].area), settings.describe()])
        sink2.addFeature(f, FAST_INSERT)
        style_on_load(context, sh_id, "shadow_line.qml")
        feedback.setProgress(100)
        cells = np.isfinite(grid.values)
        feedback.pushInfo(f"{int(cells.sum())} ground cells; {polys[-1].area:.0f} m² get fewer than {std.hours:g} h")
        return {"OUTPUT_RASTER": out_raster, "OUTPUT_ISOCHRONES": iso_id, "OUTPUT_SHADOW": sh_id}
