"""The bundled sample district (data/sample_district.gpkg) is what tools/make_sample.py writes."""
import os
import subprocess
import sys

import numpy as np
import shapely

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(path, layer, fields=()):
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer)
    srs = lyr.GetSpatialRef().GetAuthorityCode(None)
    geoms, attrs = [], {f: [] for f in fields}
    for f in lyr:
        geoms.append(shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb())))
        for k in fields:
            attrs[k].append(f.GetField(k))
    return np.array(geoms, dtype=object), attrs, srs


def test_generator_is_deterministic_and_matches_committed(tmp_path, sample_path):
    new = str(tmp_path / "s.gpkg")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "make_sample.py"), new], check=True, capture_output=True)
    for name, fields in (("parcels", ["parcel_id"]), ("buildings", ["bldg_id", "floors", "height", "use"]), ("green", []), ("roads", [])):
        g1, a1, _ = read(sample_path, name, fields)
        g2, a2, _ = read(new, name, fields)
        assert a1 == a2, name
        assert len(g1) == len(g2) and all(shapely.equals_exact(g1, g2, 1e-6)), name


def test_district_shape(sample_path):
    parcels, _, srs = read(sample_path, "parcels", ["parcel_id"])
    buildings, b, _ = read(sample_path, "buildings", ["floors", "height", "use"])
    assert srs == "4545"
    assert 15 <= len(parcels) <= 25
    assert all(shapely.is_valid(parcels)) and all(shapely.is_valid(buildings))
    # irregular and rotated: not every parcel is an axis-aligned rectangle
    rect = [abs(p.area - shapely.envelope(p).area) < 1e-6 for p in parcels]
    assert sum(rect) == 0
    assert any(shapely.get_num_coordinates(p) > 5 for p in parcels)  # a river-cut polygon
    uses = set(b["use"])
    assert "residential" in uses and len(uses) >= 3
    assert np.allclose(np.array(b["height"]), 3.0 * np.array(b["floors"]))
    # some buildings cross parcel lines
    tree = shapely.STRtree(parcels)
    bi, pi = tree.query(buildings, predicate="overlaps")
    assert len(set(bi)) >= 2
