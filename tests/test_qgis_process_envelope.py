"""The sunlight envelope and allowed heights through the real qgis_process command line."""
import json
import os

import pytest
from test_qgis_process_cli import QGIS_PROCESS, enable, qp

pytestmark = pytest.mark.skipif(not os.path.exists(QGIS_PROCESS), reason="qgis_process.bin not installed")


def test_envelope_and_allowed_heights_on_the_command_line(plugin_path, sample_path, tmp_path):
    enable(plugin_path, tmp_path)
    site = f"{sample_path}|layername=parcels|subset=\"parcel_id\" = 'XA-08'"
    common = [f"BUILDINGS={sample_path}|layername=buildings", "FLOORS_FIELD=floors",
              "RESIDENTIAL=\"use\" = 'residential'", "YEAR=2026", "SPACING=2", "CAP=80"]
    out = tmp_path / "env.gpkg"
    run = qp(["run", "sunspace:sunlightenvelope", "--json", "--", *common, f"SITE={site}", "CELL=2",
              f"OUTPUT_RASTER={tmp_path / 'env.tif'}", f"OUTPUT_BANDS=ogr:dbname='{out}' table=\"bands\" (geom)",
              f"OUTPUT_ENVELOPE=ogr:dbname='{out}' table=\"envelope_3d\" (geom)"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr + run.stdout
    res = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert res["VERIFIED"] > 0 and 0 < res["VOLUME_STRICT"] <= res["VOLUME"]
    assert (tmp_path / "env.tif").stat().st_size > 1000

    from osgeo import gdal, ogr

    ds = gdal.Open(str(tmp_path / "env.tif"))
    band = ds.GetRasterBand(1).ReadAsArray()
    assert band.max() <= 80.0 and band.max() > 0
    v = ogr.Open(str(out))
    assert v.GetLayerByName("envelope_3d").GetFeatureCount() > 0

    planned = tmp_path / "towers.geojson"
    b = v.GetLayerByName("bands").GetExtent()  # inside the site's envelope
    cx, cy = (b[0] + b[1]) / 2, (b[2] + b[3]) / 2
    feats = [{"type": "Feature", "properties": {"name": f"T{i}"}, "geometry": {"type": "Polygon", "coordinates": [[
        [cx + dx - 9, cy - 9], [cx + dx + 9, cy - 9], [cx + dx + 9, cy + 9], [cx + dx - 9, cy + 9], [cx + dx - 9, cy - 9]]]}}
        for i, dx in enumerate((-40, 0, 40))]
    planned.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {
        "name": "urn:ogc:def:crs:EPSG::4545"}}, "features": feats}))
    run = qp(["run", "sunspace:allowedheight", "--json", "--", *common, f"PLANNED={planned}", "RULE=1",
              f"OUTPUT={tmp_path / 'allowed.gpkg'}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr + run.stdout
    res = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert res["VERIFIED"] > 0 and res["MARGIN"] >= 0
    ds2 = ogr.Open(str(tmp_path / "allowed.gpkg"))  # keep the dataset alive while its layer is read
    rows = list(ds2.GetLayer(0))
    assert len(rows) == 3 and all(0 <= r.GetField("allowed_h") <= 80 for r in rows)
