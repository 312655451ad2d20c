"""Local frames give ground metres whatever the CRS (DOMAIN.md section 6)."""
import math

import numpy as np
import pytest
from pyproj import Transformer
from shapely.geometry import box

from sunspace.core.geodesy import LocalFrame, crs_from_user


def square_in(crs, lon=108.95, lat=34.22, side=200.0):
    """A 200 m x 200 m ground square centred at (lon, lat), built in a local frame and sent to ``crs``."""
    frame = LocalFrame(lon, lat)
    sq = box(-side / 2, -side / 2, side / 2, side / 2).segmentize(5.0)
    return frame.from_local(np.array([sq], dtype=object), crs)[0]


@pytest.mark.parametrize("crs", ["EPSG:4545", "EPSG:4326", "EPSG:3857", "EPSG:32649"])
def test_same_ground_area_in_every_crs(crs):
    geom = square_in(crs)
    frame = LocalFrame.around([geom], crs)
    area = frame.to_local(np.array([geom], dtype=object), crs)[0].area
    assert area == pytest.approx(40000.0, rel=1e-5)


def test_web_mercator_inflates_area_by_sec2_phi():
    """Independent check: the raw EPSG:3857 area is 1/cos^2(phi) times the ground area."""
    lat = 50.0
    geom = square_in("EPSG:3857", lon=8.0, lat=lat)
    assert geom.area / 40000.0 == pytest.approx(1 / math.cos(math.radians(lat)) ** 2, rel=2e-3)


def test_frame_centre_and_lonlat_roundtrip():
    tr = Transformer.from_crs("EPSG:4326", "EPSG:4545", always_xy=True)
    x, y = tr.transform(108.95, 34.22)
    frame = LocalFrame.around([box(x - 100, y - 100, x + 100, y + 100)], "EPSG:4545")
    assert frame.lon0 == pytest.approx(108.95, abs=1e-6) and frame.lat0 == pytest.approx(34.22, abs=1e-6)
    lon, lat = frame.lonlat(0.0, 1000.0)
    assert lon == pytest.approx(108.95, abs=1e-9)
    assert lat - 34.22 == pytest.approx(1000.0 / 110_920, rel=2e-3)  # ~110.9 km per degree at 34 N


def test_bad_crs_and_empty():
    with pytest.raises(ValueError, match="Unknown coordinate reference system"):
        crs_from_user("not a crs")
    with pytest.raises(ValueError, match="No geometry"):
        LocalFrame.around([None], "EPSG:4326")


def test_local_engineering_crs_is_refused():
    """A LOCAL_CS (engineering) layer is not tied to the earth: refused with the layer named (issue 8)."""
    import pytest
    import shapely

    from sunspace.core.errors import SunSpaceError
    from sunspace.core.geodesy import check_coordinates

    wkt = 'LOCAL_CS["site grid",LOCAL_DATUM["arbitrary",0],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]'
    with pytest.raises(SunSpaceError, match=r"'plan' \(buildings\) uses the local coordinate system 'site grid'"):
        check_coordinates([shapely.box(0, 0, 10, 10)], wkt, "'plan' (buildings)")


def test_valid_footprints_stay_valid_in_the_local_frame():
    """A notch whose tip lies on the opposite wall up to rounding: valid in degrees, crossing itself by
    nanometres once projected (found by search). It is repaired quietly, so the engine (which refuses
    invalid footprints) computes it; a footprint that was invalid in its own CRS is left for the caller."""
    import shapely

    from sunspace.core.sunlight import prepare_obstructors

    notch = shapely.from_wkt(
        "POLYGON ((120.63132702392002 31.341275557727773, 120.63162702392002 31.341275557727773, "
        "120.63162702392002 31.341475557727772, 120.63154621835966 31.341475557727772, "
        "120.63149621835966 31.341275557727776, 120.63144621835966 31.341475557727772, "
        "120.63132702392002 31.341475557727772, 120.63132702392002 31.341275557727773))")
    bow = shapely.Polygon([(120.6, 31.3), (120.601, 31.301), (120.601, 31.3), (120.6, 31.301)])
    frame = LocalFrame(120.6, 31.3)
    assert notch.is_valid
    raw = shapely.transform(notch, lambda c: np.column_stack(frame._transformer("EPSG:4326").transform(c[:, 0], c[:, 1])))
    assert not raw.is_valid  # what the projection alone gives on this machine's PROJ
    local = frame.to_local(np.array([notch, bow, None], dtype=object), "EPSG:4326")
    assert local[0].is_valid and abs(local[0].area - raw.area) < 1e-6 * raw.area
    assert not local[1].is_valid and local[2] is None
    assert prepare_obstructors(local[:1], 0.0, [20.0]).n_buildings == 1
