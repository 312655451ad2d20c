"""Window sunlight by tiles with a halo: per-tile latitude, bounded memory, any number of machines.

A layer is cut into tiles of about ``tile_size_m`` metres in longitude/latitude (rows are
latitude bands; each row's longitude step is ``tile_size_m / (111 320 m cos(lat))``). A
building belongs to the tile holding the centre of its bounding box; its windows are
computed in that tile. The tile's obstructors are its own buildings plus a *halo*: every
building whose footprint comes within the longest shadow reach of the tile's buildings::

    halo = (max top - lowest receiver) * cot(h_min)

with ``h_min`` the lowest counted sun altitude on the day at the tile's latitude (at the ends
of the window clipped to the time the sun is above the minimum altitude). A shadow longer
than that does not exist in the counted hours, so the tile's answers equal those of the
whole layer at once. When the counted hours reach the horizon (``h_min = 0``, sunrise inside
the window at high latitudes) the reach is unbounded and ``max_halo_m`` caps it (reported).

Each tile is computed in its own :class:`~sunspace.core.geodesy.LocalFrame` at its own
centre latitude (``per_tile_latitude=True``): a layer spanning 34 deg N to 18 deg N gets the sun
of each place. With ``per_tile_latitude=False`` every tile uses the frame and latitude of
the whole layer, which reproduces a single-process run exactly.

Tiles run serially in this process (each using ``workers`` threads), or on
``dask.distributed`` (optional: ``scheduler="local"`` for a LocalCluster on this machine,
or a scheduler address ``"tcp://host:8786"``). Workers import this package: a LocalCluster
gets it through ``PYTHONPATH``; a remote cluster through ``Client.upload_file`` of a zip of
the package.
"""
from __future__ import annotations

import os
import tempfile
import zipfile

import numpy as np
import shapely
from pyproj import CRS, Transformer

from .errors import Cancelled, SunSpaceError
from .geodesy import LocalFrame, crs_from_user
from .sunlight import (RECEIVER_LIMIT, _sun_basis, _sun_up_window, check_latitude, check_receiver_count,
                       count_sunlight, default_workers, estimate_receivers, format_all_intervals,
                       prepare_obstructors, sample_facades, sunlit_intervals)

__all__ = ["plan_tiles", "window_sunlight_tiled", "run_tile", "lowest_sun_cot"]

_M_PER_DEG_LAT = 110_000.0  # a degree of latitude is at least 110.57 km: conservative for the halo
_M_PER_DEG_LON_EQ = 111_320.0


def lowest_sun_cot(latitude, declination, window, min_altitude=0.0):
    """``cot`` of the lowest counted sun altitude (shadow metres per metre of height); inf at the horizon, 0 without sun."""
    win = _sun_up_window(latitude, declination, window, min_altitude)
    if win is None:
        return 0.0
    A, B, C = _sun_basis(latitude, declination)
    w = np.array(win)
    s = A[:, None] + B[:, None] * np.cos(w) + C[:, None] * np.sin(w)
    sz = s[2].min()
    if sz <= 1e-9:
        return np.inf
    return float((np.hypot(s[0], s[1]) / s[2]).max())


def plan_tiles(lonlat_bounds, top, z_low, declination, window, min_altitude=0.0, tile_size_m=2000.0,
               max_halo_m=5000.0, members=None):
    """Tiles of a layer: who is computed where, and who shades it.

    Parameters
    ----------
    lonlat_bounds : (n, 4) array, each building's footprint bounds in degrees (lon0, lat0, lon1, lat1)
    top : (n,) array, metres, each building's top (base + height)
    z_low : float, metres, the lowest receiver height
    declination, window, min_altitude : the day and the counted hours
    tile_size_m : float, metres
    max_halo_m : float, metres, cap of the halo where the counted sun reaches the horizon
    members : (n,) bool or None, buildings whose windows are computed (default all)

    Returns
    -------
    list of dict: ``lon0, lat0`` (tile centre), ``members`` (building indices computed here),
    ``halo`` (indices of every building within reach, members included), ``halo_m``,
    ``halo_capped`` (bool)
    """
    if not tile_size_m > 0:
        raise SunSpaceError("Tile size must be positive, got {size}.", size=tile_size_m)
    b = np.asarray(lonlat_bounds, float)
    n = len(b)
    members = np.ones(n, bool) if members is None else np.asarray(members, bool)
    ok = np.all(np.isfinite(b), axis=1)
    cx, cy = 0.5 * (b[:, 0] + b[:, 2]), 0.5 * (b[:, 1] + b[:, 3])
    dlat = tile_size_m / _M_PER_DEG_LAT
    lat_min = np.nanmin(cy[ok]) if ok.any() else 0.0
    row = np.floor((cy - lat_min) / dlat)
    reach_h = max(float(np.max(top[ok]) - z_low), 0.0) if ok.any() else 0.0
    tiles = []
    sel = np.flatnonzero(members & ok)
    for r in np.unique(row[sel]):
        in_row = sel[row[sel] == r]
        lat_c = lat_min + (r + 0.5) * dlat
        dlon = tile_size_m / (_M_PER_DEG_LON_EQ * max(np.cos(np.radians(lat_c)), 1e-6))
        lon_min = np.floor(cx[in_row].min() / dlon) * dlon
        col = np.floor((cx[in_row] - lon_min) / dlon)
        for c in np.unique(col):
            mem = in_row[col == c]
            lon_c = lon_min + (c + 0.5) * dlon
            t0, t1 = b[mem, 1].min(), b[mem, 3].max()
            cots = [lowest_sun_cot(lat, declination, window, min_altitude) for lat in (t0, t1)]
            cot = max(cots)
            halo_m = reach_h * cot
            capped = not np.isfinite(halo_m) or halo_m > max_halo_m
            halo_m = float(min(halo_m, max_halo_m)) if np.isfinite(halo_m) else float(max_halo_m)
            pad = halo_m + 1.0
            hl = pad / _M_PER_DEG_LAT
            lat_far = min(89.0, max(abs(t0), abs(t1)) + hl)
            hw = pad / (_M_PER_DEG_LON_EQ * 0.99 * np.cos(np.radians(lat_far)))
            x0, x1 = b[mem, 0].min() - hw, b[mem, 2].max() + hw
            y0, y1 = t0 - hl, t1 + hl
            halo = np.flatnonzero(ok & (b[:, 0] <= x1) & (b[:, 2] >= x0) & (b[:, 1] <= y1) & (b[:, 3] >= y0))
            tiles.append({"lon0": float(lon_c), "lat0": float(lat_c), "members": mem, "halo": halo,
                          "halo_m": halo_m, "halo_capped": bool(capped)})
    return tiles


def run_tile(task):
    """Compute one tile (a plain function of plain data, so that dask can ship it).

    ``task``: ``wkb`` (footprints of the halo buildings, in ``crs``), ``crs`` (WKT or user
    string), ``ids`` (their global indices), ``member`` (bool per halo building), ``base``,
    ``height``, ``frame`` (lon0, lat0 of the local frame), ``latitude`` (of the sun),
    ``declination``, ``window``, ``rules`` (dict of CountingRules fields), ``hours``,
    ``sampling`` (dict for :func:`sample_facades`), ``workers``, ``intervals``.

    Returns
    -------
    dict of arrays: ``building`` (global), ``floor``, ``lon``, ``lat``, ``z``, ``nx``, ``ny``,
    ``minutes``, ``passed`` and, when asked, ``intervals`` (list of str).
    """
    from .standards import CountingRules

    fps = shapely.from_wkb(task["wkb"])
    frame = LocalFrame(*task["frame"])
    local = frame.to_local(fps, task["crs"])
    ids = np.asarray(task["ids"])
    member = np.asarray(task["member"], bool)
    base = np.asarray(task["base"], float)
    height = np.asarray(task["height"], float)
    rules = CountingRules(**task["rules"])
    obs = prepare_obstructors(local, base, height)
    samp = dict(task["sampling"])
    rec = sample_facades(local[member], base[member], height[member], exclude=local[~member], **samp)
    window = tuple(task["window"])
    res = sunlit_intervals(rec, obs, task["latitude"], task["declination"], window, rules.sweep_angle,
                           rules.min_altitude, workers=task.get("workers", 1))
    minutes, passed = count_sunlight(res, rules, window, task["hours"])
    lon, lat = frame.lonlat(rec["x"], rec["y"])
    out = {"building": ids[member][rec["building"]], "floor": rec["floor"], "lon": np.asarray(lon),
           "lat": np.asarray(lat), "z": rec["z"], "nx": rec["nx"], "ny": rec["ny"], "minutes": minutes,
           "passed": passed}
    if task.get("intervals"):
        out["intervals"] = format_all_intervals(res)
    return out


def _package_dir():
    """The folder that holds the ``sunspace`` package (to put on a worker's PYTHONPATH)."""
    here = os.path.dirname(os.path.abspath(__file__))  # .../sunspace/core
    return os.path.dirname(os.path.dirname(here))


def _package_zip():
    """A zip of the importable package (``sunspace/__init__.py`` and ``sunspace/core``) for ``Client.upload_file``."""
    pkg_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    name = os.path.basename(pkg_root) if os.path.basename(pkg_root) else "sunspace"
    top = __name__.split(".")[0]
    path = os.path.join(tempfile.mkdtemp(prefix="sunspace-dask-"), f"{top}.zip")
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(os.path.join(pkg_root, "__init__.py"), f"{top}/__init__.py")
        core = os.path.join(pkg_root, "core")
        for fn in sorted(os.listdir(core)):
            if fn.endswith(".py"):
                zf.write(os.path.join(core, fn), f"{top}/core/{fn}")
    del name
    return path


def _dask_client(scheduler, n_workers):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # optional at runtime
        raise SunSpaceError("Running on a cluster needs the Python package dask[distributed] ({error}); "
                            "install it or run without a scheduler.", error=str(exc)) from exc
    if scheduler == "local":
        path = _package_dir()
        env = {"PYTHONPATH": os.pathsep.join(p for p in (path, os.environ.get("PYTHONPATH", "")) if p),
               "OMP_NUM_THREADS": "1"}
        cluster = LocalCluster(n_workers=n_workers or default_workers(), threads_per_worker=1, processes=True,
                               env=env, dashboard_address=None)
        return Client(cluster), cluster
    client = Client(scheduler)
    client.upload_file(_package_zip())
    return client, None


def window_sunlight_tiled(footprints, base, height, crs, declination, window, rules, hours, members=None,
                          spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False, south_only=False,
                          tile_size_m=2000.0, per_tile_latitude=True, max_halo_m=5000.0, scheduler=None,
                          workers=None, intervals=False, progress=None, is_canceled=None,
                          receiver_limit=RECEIVER_LIMIT):
    """Window sunlight of a whole layer by tiles with a halo (see the module text).

    Parameters
    ----------
    footprints : array of shapely (Multi)Polygons in ``crs`` (any CRS pyproj knows; degrees or metres)
    base, height : array_like, metres (per building, or scalars)
    crs : CRS of the footprints (``"EPSG:4326"``, a WKT, a pyproj CRS)
    declination, window, rules, hours : the standard day, counted hours, counting rules, required hours
    members : bool array or None; buildings whose windows are computed (e.g. residential); all shade
    spacing, sill, floor_height, every_floor, south_only : receiver sampling (:func:`sample_facades`)
    tile_size_m : float, metres
    per_tile_latitude : bool; True computes each tile at its own latitude in its own frame, False
        uses the whole layer's frame and centre latitude (identical to one single-process run)
    max_halo_m : float, metres; cap of the halo where the counted sun reaches the horizon
    scheduler : None (this process), ``"local"`` (a dask LocalCluster with ``workers`` processes)
        or a dask scheduler address such as ``"tcp://10.0.0.5:8786"``
    workers : int or None; threads per tile in this process (scheduler None), or LocalCluster processes
    intervals : bool, also return the sunlit intervals as strings (true solar time)
    progress : callable(fraction) or None; is_canceled : callable() -> bool or None (raises Cancelled)
    receiver_limit : int; the estimated receiver count is refused beyond it (:func:`check_receiver_count`)

    Returns
    -------
    dict of arrays in the order of a single :func:`sample_facades` call on the ``members`` buildings:
    ``building``, ``floor``, ``lon``, ``lat``, ``z``, ``nx``, ``ny``, ``minutes``, ``passed``
    (and ``intervals``), plus ``tiles`` (list of dict: ``lon0, lat0, latitude, receivers,
    halo_buildings, halo_m, halo_capped``).
    """
    from dataclasses import asdict

    fps = np.empty(len(footprints), dtype=object)
    fps[:] = list(footprints)
    n = fps.size
    base = np.broadcast_to(np.asarray(base, float), (n,)).astype(float)
    height = np.broadcast_to(np.asarray(height, float), (n,)).astype(float)
    members = np.ones(n, bool) if members is None else np.asarray(members, bool)
    members = members & ~shapely.is_missing(fps)
    if np.any(~(height > 0)):
        raise SunSpaceError("Every obstructor needs a positive height.")
    src = crs_from_user(crs)
    to_geo = Transformer.from_crs(src, CRS.from_epsg(4326), always_xy=True)
    lonlat = shapely.transform(fps, lambda c: np.column_stack(to_geo.transform(c[:, 0], c[:, 1])))
    lb = shapely.bounds(lonlat)
    ok = np.all(np.isfinite(lb), axis=1)
    if not ok[members].any():
        raise SunSpaceError("No building to analyse.")
    lat_lo, lat_hi = np.nanmin(lb[ok, 1]), np.nanmax(lb[ok, 3])
    check_latitude(lat_lo, declination)
    check_latitude(lat_hi, declination)
    # refuse absurd receiver counts before any work (cheap estimate, in a rough metric frame)
    rough = LocalFrame(float(np.nanmean(lb[ok, 0])), float(np.nanmean(lb[ok, 1])))
    check_receiver_count(estimate_receivers(rough.to_local(lonlat[members], "EPSG:4326"), height[members],
                                            spacing, sill, floor_height, every_floor, south_only), receiver_limit)
    tiles = plan_tiles(lb, base + height, float(np.min(base[ok]) + min(sill, 0.0)), declination, window,
                       rules.min_altitude, tile_size_m, max_halo_m, members)
    whole = LocalFrame.around(fps[ok], src)
    wkt = src.to_wkt()
    sampling = {"spacing": spacing, "sill": sill, "floor_height": floor_height, "every_floor": every_floor,
                "south_only": south_only}
    nthreads = default_workers() if workers is None else max(1, int(workers))
    tasks = []
    for t in tiles:
        halo = t["halo"]
        member = np.isin(halo, t["members"])
        if per_tile_latitude:
            frame, lat = (t["lon0"], t["lat0"]), t["lat0"]
        else:
            frame, lat = (whole.lon0, whole.lat0), whole.lat0
        tasks.append({"wkb": shapely.to_wkb(fps[halo]), "crs": wkt, "ids": halo, "member": member,
                      "base": base[halo], "height": height[halo], "frame": frame, "latitude": lat,
                      "declination": float(declination), "window": tuple(window), "rules": asdict(rules),
                      "hours": float(hours), "sampling": sampling, "intervals": bool(intervals),
                      "workers": nthreads if scheduler is None else 1})
        t["latitude"] = lat
    results = [None] * len(tasks)

    def check():
        if is_canceled is not None and is_canceled():
            raise Cancelled()

    if scheduler is None:
        for i, task in enumerate(tasks):
            check()
            results[i] = run_tile(task)
            if progress is not None:
                progress((i + 1) / len(tasks))
    else:
        from dask.distributed import as_completed

        client, cluster = _dask_client(scheduler, None if workers is None else int(workers))
        try:
            futures = client.map(run_tile, tasks, pure=False)
            index = {f.key: i for i, f in enumerate(futures)}
            done = 0
            for fut in as_completed(futures):
                if is_canceled is not None and is_canceled():
                    client.cancel(futures)
                    raise Cancelled()
                results[index[fut.key]] = fut.result()
                done += 1
                if progress is not None:
                    progress(done / len(tasks))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    check()
    keys = ["building", "floor", "lon", "lat", "z", "nx", "ny", "minutes", "passed"]
    out = {k: np.concatenate([r[k] for r in results]) if results else np.empty(0) for k in keys}
    order = np.argsort(out["building"], kind="stable")  # the order of one sample_facades call
    out = {k: v[order] for k, v in out.items()}
    if intervals:
        strings = sum((r["intervals"] for r in results), [])
        out["intervals"] = [strings[i] for i in order]
    out["tiles"] = [{"lon0": t["lon0"], "lat0": t["lat0"], "latitude": t["latitude"], "receivers": len(r["minutes"]),
                     "halo_buildings": int(t["halo"].size), "halo_m": t["halo_m"], "halo_capped": t["halo_capped"]}
                    for t, r in zip(tiles, results)]
    return out
