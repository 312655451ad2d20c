"""sunspace:groundsunlight — sunlight hours on a ground grid, isochrones and the standard shadow line."""
from __future__ import annotations

import os

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..core.ground import ground_sunlight, isochrones
from ..core.errors import N_, SunSpaceError
from .common import SunSpaceAlgorithm, check_canceled, check_output_file, read_layer, style_on_load, to_qgs, tr
from .compat import DOUBLE_NUMBER, POLYGON_SOURCE, POLYGON_WKB, WKT_PREFERRED, crs_text, make_field
from .sunparams import add_building_parameters, add_standard_parameters, parse_standard, read_buildings, sunlight_frame



def parse_hours(text):
    try:
        hours = sorted({float(t) for t in text.replace("，", ",").split(",") if t.strip()})
    except ValueError:
        raise SunSpaceError("Isochrone hours must be numbers separated by commas, got '{text}'.", text=text) from None
    if any(h <= 0 or h > 24 for h in hours):
        raise SunSpaceError("Isochrone hours must lie between 0 and 24.")
    return hours


def raster_driver(path: str) -> str:
    """The GDAL driver for an output raster's extension (.tif, .img, .asc, ...); GTiff when unknown."""
    from qgis.core import QgsRasterFileWriter

    ext = os.path.splitext(path)[1].lstrip(".").lower()
    return (QgsRasterFileWriter.driverForExtension(ext) if ext else "") or "GTiff"


def write_raster(path, grid, local_wkt, values, dst_wkt):
    """Write hours on the local grid to ``path`` in the layer's CRS (``dst_wkt``), format by extension.

    The grid (local transverse Mercator metres) is put in memory, warped into the layer's CRS
    (nearest neighbour, no-data -1 kept) and copied to the file with the driver of its extension.
    """
    from osgeo import gdal, osr

    rows, cols = values.shape
    mem = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Float32)
    mem.SetGeoTransform((grid.x0, grid.spacing, 0.0, grid.y0 + rows * grid.spacing, 0.0, -grid.spacing))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(local_wkt)
    mem.SetProjection(srs.ExportToWkt())
    band = mem.GetRasterBand(1)
    band.SetNoDataValue(-1.0)
    band.WriteArray(np.where(np.isfinite(values), values, -1.0)[::-1].astype(np.float32))
    dst = osr.SpatialReference()
    dst.ImportFromWkt(dst_wkt)
    warped = gdal.Warp("", mem, format="MEM", dstSRS=dst.ExportToWkt(), srcNodata=-1.0, dstNodata=-1.0,
                       resampleAlg="near", outputType=gdal.GDT_Float32)
    if warped is None:
        raise SunSpaceError("Cannot write the raster '{path}'.", path=path)
    warped.GetRasterBand(1).SetDescription("sunlight hours")
    driver = raster_driver(path)
    options = ["COMPRESS=DEFLATE", "TILED=YES"] if driver == "GTiff" else []
    out = gdal.Translate(path, warped, format=driver, creationOptions=options, noData=-1.0)
    if out is None:
        raise SunSpaceError("Cannot write the raster '{path}' ({driver}): {error}", path=path, driver=driver,
                            error=gdal.GetLastErrorMsg() or "?")
    out.FlushCache()
    out = warped = mem = None


class GroundSunlightAlgorithm(SunSpaceAlgorithm):
    NAME = "groundsunlight"
    DISPLAY = "Ground sunlight hours and shadow lines"
    GROUP = "sunlight"

    def shortHelpString(self):
        return tr(
            (
            "<p>Sunlight hours on a regular grid at a chosen height (the ground by default) over an extent or"
            " the polygons of an area layer, on the standard day. Writes a raster of hours (in the "
            "buildings layer's CRS, in the format of the file extension: .tif, .img, .asc, ...; cells inside "
            "buildings are no-data), "
            "isochrone polygons for the hours you list (each polygon: the ground that gets fewer than "
            "that many hours) and the standard shadow line: the ground that gets fewer than the "
            "standard's hours, which the concentrated-green rules use. Polygons are exact to half a grid "
            "cell.</p>"
        )
        )

    def initAlgorithm(self, config=None):
        add_building_parameters(self, tr, residential=False)
        self.addParameter(QgsProcessingParameterFeatureSource("AREA", tr("Analysis area polygons (optional)"),
                                                              [POLYGON_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterExtent("EXTENT", tr("Analysis extent (when no area layer)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber("SPACING", tr("Grid spacing, m"), type=DOUBLE_NUMBER,
                                                       defaultValue=1.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterNumber("HEIGHT", tr("Analysis height above ground, m"), type=DOUBLE_NUMBER,
                                                       defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterString("ISO_HOURS", tr("Isochrone hours, comma-separated"),
                                                       defaultValue="1,2,3"))
        add_standard_parameters(self, tr)
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_RASTER", tr("Sunlight hours raster")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_ISOCHRONES", tr("Isochrones")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_SHADOW", tr("Standard shadow line")))

    def compute(self, parameters, context, feedback):
        settings = parse_standard(self, parameters, context)
        bld = read_buildings(self, parameters, context, feedback, residential=False)
        frame = sunlight_frame(bld)
        local = frame.to_local(bld["geoms"], bld["crs"])
        from ..core.sunlight import prepare_obstructors

        u = bld["usable"]
        obs = prepare_obstructors(local[u], bld["base"][u], bld["height"][u])
        hours = parse_hours(self.parameterAsString(parameters, "ISO_HOURS", context))
        data = read_layer(self, parameters, "AREA", context, feedback, "analysis area", required=False)
        if data is not None:
            geoms = frame.to_local(data["geoms"][data["selected"]], data["crs"])
            area = shapely.union_all(geoms[[g is not None for g in geoms]])
        elif parameters.get("EXTENT"):
            ext = self.parameterAsExtent(parameters, "EXTENT", context, bld["source"].sourceCrs())
            box = shapely.box(ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()).segmentize(ext.width() / 50 + 1e-9)
            area = frame.to_local([box], crs_text(bld["source"].sourceCrs()))[0]
        else:  # neither: the buildings' own extent
            area = shapely.envelope(shapely.union_all(local[u]))
            feedback.pushInfo(tr("No analysis area or extent given: the extent of the buildings is analysed."))
        if area is None or area.is_empty:
            raise SunSpaceError("The analysis area is empty.")
        spacing = self.parameterAsDouble(parameters, "SPACING", context)
        height = self.parameterAsDouble(parameters, "HEIGHT", context)
        std, rules = settings.standard, settings.rules
        feedback.pushInfo(tr("Standard: {text}").format(text=settings.describe()))
        out_raster = self.parameterAsOutputLayer(parameters, "OUTPUT_RASTER", context)
        check_output_file(out_raster, "raster")
        grid = ground_sunlight(obs, area, spacing, height, frame.lat0, settings.declination, std.window, rules,
                               std.hours, progress=lambda f: feedback.setProgress(80 * f),
                               is_canceled=feedback.isCanceled)
        check_canceled(feedback)
        self.created_file(out_raster)
        crs = bld["source"].sourceCrs()
        write_raster(out_raster, grid, frame.crs.to_wkt(), grid.values / 60.0, crs.toWkt(WKT_PREFERRED))
        style_on_load(context, out_raster, "ground_sunlight.qml")
        polys = isochrones(grid, hours + [std.hours])
        iso_fields = QgsFields()
        iso_fields.append(make_field("hours", "double", "ground with fewer than this many hours of sun",
                                     alias=N_("Fewer than this many sunlight hours, h")))
        iso_fields.append(make_field("area_m2", "double"))
        sink, iso_id = self.sink(parameters, "OUTPUT_ISOCHRONES", context, iso_fields, POLYGON_WKB, crs)
        back = frame.from_local(np.array(polys, dtype=object), bld["crs"])
        for h, p_local, p in zip(hours, polys, back):
            f = QgsFeature(iso_fields)
            f.setGeometry(to_qgs(p))
            f.setAttributes([float(h), float(p_local.area)])
            sink.add(f)
        style_on_load(context, iso_id, "isochrones.qml")
        sh_fields = QgsFields()
        for name, kind in (("hours", "double"), ("area_m2", "double"), ("standard", "string")):
            sh_fields.append(make_field(name, kind, alias=N_("Required sunlight hours, h") if name == "hours" else ""))
        sink2, sh_id = self.sink(parameters, "OUTPUT_SHADOW", context, sh_fields, POLYGON_WKB, crs)
        f = QgsFeature(sh_fields)
        f.setGeometry(to_qgs(back[-1]))
        f.setAttributes([float(std.hours), float(polys[-1].area), settings.describe()])
        sink2.add(f)
        style_on_load(context, sh_id, "shadow_line.qml")
        feedback.setProgress(100)
        cells = np.isfinite(grid.values)
        feedback.pushInfo(tr("{cells} ground cells; {area:.0f} m² get fewer than {hours:g} h").format(
            cells=int(cells.sum()), area=polys[-1].area, hours=std.hours))
        return {"OUTPUT_RASTER": out_raster, "OUTPUT_ISOCHRONES": iso_id, "OUTPUT_SHADOW": sh_id}
