"""Sunlight envelope and allowed heights through real QGIS Processing, on the sample district."""
import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsProcessingFeatureSourceDefinition, QgsProject, QgsRasterLayer, QgsVectorLayer

from qgis_helpers import memory_polygons

YEAR = 2026


def run(alg, params):
    from qgis import processing

    return processing.run(f"sunspace:{alg}", params)


def sample_layers(sample_path):
    b = QgsVectorLayer(f"{sample_path}|layername=buildings", "buildings", "ogr")
    p = QgsVectorLayer(f"{sample_path}|layername=parcels", "parcels", "ogr")
    assert b.isValid() and p.isValid()
    return b, p


def parcel(p, pid):
    f = next(f for f in p.getFeatures() if f["parcel_id"] == pid)
    return f


def base_params(b, **kw):
    out = {"BUILDINGS": b, "HEIGHT_FIELD": "height", "RESIDENTIAL": "\"use\" = 'residential'", "YEAR": YEAR,
           "SPACING": 2.0, "CAP": 60.0}
    out.update(kw)
    return out


def towers_in(geom, n=3, size=18.0):
    """n square towers in a row along the parcel's middle (WKT, in the parcel's CRS)."""
    g = shapely.from_wkt(geom.asWkt())
    c = g.centroid
    rows = []
    for i in range(n):
        x = c.x - (n - 1) * 20.0 + 40.0 * i
        rows.append((shapely.box(x - size / 2, c.y - size / 2, x + size / 2, c.y + size / 2).wkt, [f"T{i + 1}"]))
    return rows


def test_envelope_over_a_parcel_of_the_sample_district(provider, sample_path, tmp_path):
    b, p = sample_layers(sample_path)
    QgsProject.instance().addMapLayer(p, False)
    site = parcel(p, "XA-08")
    p.selectByIds([site.id()])
    out = run("sunlightenvelope", base_params(
        b, SITE=QgsProcessingFeatureSourceDefinition(p.id(), True), CELL=2.0, RULE=0,
        OUTPUT_RASTER=str(tmp_path / "env.tif"), OUTPUT_BANDS="memory:", OUTPUT_ENVELOPE="memory:"))
    QgsProject.instance().removeMapLayer(p.id())
    ras = QgsRasterLayer(out["OUTPUT_RASTER"], "env")
    assert ras.isValid()
    assert out["VERIFIED"] > 0
    assert 0 < out["VOLUME_STRICT"] <= out["VOLUME"] + 1e-6
    area = site.geometry().area()
    assert out["FAR"] == pytest.approx(out["FLOOR_AREA"] / area, rel=2e-3)  # local frame vs layer CRS area
    assert out["FLOOR_AREA"] <= out["VOLUME"] / 3.0 + 1e-6
    bands = out["OUTPUT_BANDS"]
    zmax = [f["z_max"] for f in bands.getFeatures()]
    assert zmax and max(zmax) <= 60.0
    terr = out["OUTPUT_ENVELOPE"]
    assert terr.featureCount() > 3
    # the terraces' area equals the raster's non-empty cells
    assert sum(f["area_m2"] for f in terr.getFeatures()) <= sum(f["area_m2"] for f in bands.getFeatures()) + 1e-6


def test_allowed_heights_for_a_tower_group(provider, sample_path):
    b, p = sample_layers(sample_path)
    site = parcel(p, "XA-08")
    planned = memory_polygons("towers", "name:string", towers_in(site.geometry()), crs=p.crs().authid())
    out = run("allowedheight", base_params(b, PLANNED=planned, RULE=1, CAP=150.0, OUTPUT="memory:"))
    feats = list(out["OUTPUT"].getFeatures())
    assert len(feats) == 3
    for f in feats:
        assert 0 <= f["allowed_h"] <= 150.0
        assert f["floors"] == int(np.floor(f["allowed_h"] / 3.0 + 1e-9))
        if not f["cap_binds"]:
            assert f["limit_true"] and f["limit_bj"] and f["limit_bldg"] is not None
    assert out["VERIFIED"] > 0
    assert out["MARGIN"] >= 0


def test_bad_input_is_named(provider, sample_path):
    b, p = sample_layers(sample_path)
    site = parcel(p, "XA-08")
    planned = memory_polygons("towers", "name:string", towers_in(site.geometry()), crs=p.crs().authid())
    with pytest.raises(QgsProcessingException, match="setback"):
        run("sunlightenvelope", base_params(b, SITE=planned, SETBACK=500.0, OUTPUT_RASTER="TEMPORARY_OUTPUT",
                                            OUTPUT_BANDS="memory:", OUTPUT_ENVELOPE="memory:"))
    green = QgsVectorLayer(f"{sample_path}|layername=green", "green", "ogr")  # no height or floors field to recognise
    with pytest.raises(QgsProcessingException, match="height field or a floors field"):
        run("allowedheight", {"BUILDINGS": green, "PLANNED": planned, "OUTPUT": "memory:"})


def test_window_points_give_the_spacing_rule(provider, tmp_path):
    """User window points (height and facing fields): a 500 m row of south-facing sills at 0.9 m north of a site."""
    from osgeo import gdal
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    from sunspace.core.geodesy import LocalFrame
    from sunspace.core.solar import standard_day
    from sunspace.core.standards import spacing_coefficient

    x0, y0 = 586000.0, 3787000.0
    pts = QgsVectorLayer("Point?crs=EPSG:4545&field=z:double&field=facing:double", "windows", "memory")
    feats = []
    for i in range(-250, 251, 2):
        f = QgsFeature(pts.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x0 + i, y0)))
        f.setAttributes([0.9, 180.0])
        feats.append(f)
    pts.dataProvider().addFeatures(feats)
    far = memory_polygons("b", "height:double&field=use:string",
                          [(shapely.box(x0 + 2000, y0 + 2000, x0 + 2010, y0 + 2010).wkt, [10.0, "office"])])
    site = memory_polygons("site", "name:string", [(shapely.box(x0 - 100, y0 - 60, x0 + 100, y0 - 2).wkt, ["s"])])
    out = run("sunlightenvelope", {"BUILDINGS": far, "HEIGHT_FIELD": "height", "WINDOWS": pts, "WINDOW_Z_FIELD": "z",
                                   "WINDOW_FACING_FIELD": "facing", "SITE": site, "CAP": 100.0, "YEAR": YEAR,
                                   "RULES": 5, "STEP": 0.0, "CELL": 1.0,
                                   "OUTPUT_RASTER": str(tmp_path / "e.tif"), "OUTPUT_BANDS": "memory:",
                                   "OUTPUT_ENVELOPE": "memory:"})
    assert out["VERIFIED"] > 100
    lat = LocalFrame.around([shapely.box(x0, y0, x0 + 1, y0 + 1)], "EPSG:4545").lat0
    k = float(spacing_coefficient(lat, standard_day("大寒", YEAR)["declination"], 2.0))
    ds = gdal.Open(str(tmp_path / "e.tif"))  # keep the dataset alive while its band is read
    arr = ds.GetRasterBand(1).ReadAsArray()
    col = arr[:, arr.shape[1] // 2]
    col = col[col >= 0]
    # heights rise southwards by 1/k per metre (the raster is in a local frame; 4545's grid is turned slightly)
    slope = np.polyfit(np.arange(col.size), col, 1)[0]  # row 0 is the north edge
    assert slope == pytest.approx(1.0 / k, rel=0.02)
    assert col.min() == pytest.approx(0.9 + 2.0 / k, abs=0.3)
