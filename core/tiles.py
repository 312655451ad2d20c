"""Window sunlight by tiles with a halo: per-tile latitude, bounded memory, any number of machines.

A layer is cut into tiles of about ``tile_size_m`` metres in longitude/latitude (rows are
latitude bands; each row's longitude step is ``tile_size_m / (111 320 m cos(lat))``). A
building belongs to the tile holding the centre of its bounding box; its windows are
computed in that tile. The tile's obstructors are its own buildings plus a *halo*: every
building whose footprint comes within shadow reach of the tile's buildings. An obstructor
shades a receiver only from the side of the sun, so the halo reaches, on each side,

    dh * max_t (s_side / s_z)          (:func:`sun_reach`; dh = max top - lowest receiver)

with ``s`` the unit sun vector over the counted hours (clipped to the time the sun is above
the minimum altitude): in the northern winter nothing north of a tile can shade it, and the
southern reach is the longest shadow ``dh * cot(h_min)`` at most. A shadow longer than that
does not exist in the counted hours, so the tile's answers equal those of the whole layer at
once. When the counted hours reach the horizon (``h_min = 0``, sunrise inside the window at
high latitudes) the reach is unbounded and ``max_halo_m`` caps it (reported).

Each tile is computed in its own :class:`~sunspace.core.geodesy.LocalFrame` at its own
centre latitude (``per_tile_latitude=True``): a layer spanning 34 deg N to 18 deg N gets the sun
of each place. With ``per_tile_latitude=False`` every tile uses the frame and latitude of
the whole layer, which reproduces a single-process run exactly.

Tiles run serially in this process (each using ``workers`` threads); or on this process and
``workers - 1`` worker processes started with a real Python interpreter
(``scheduler="processes"``, :func:`~sunspace.core.sunlight.python_executable`, which also
works inside QGIS), each computing whole tiles, so no step of the work waits on another's
GIL; or on ``dask.distributed`` (optional: ``scheduler="local"`` for a LocalCluster on this machine,
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
from .sunlight import (RECEIVER_LIMIT, _map_threads, _sun_basis, _sun_up_window, check_latitude, check_receivers,
                       count_sunlight, default_workers, format_all_intervals, limit_workers, prepare_obstructors,
                       sample_facades, sunlit_intervals)
from .validation import check_valid_footprints

__all__ = ["plan_tiles", "lonlat_bounds", "window_sunlight_tiled", "iter_window_tiles", "run_tile", "lowest_sun_cot", "sun_reach"]

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


def sun_reach(latitude, declination, window, min_altitude=0.0, samples=2001):
    """Where an obstructor can stand relative to a receiver it shades, per metre of height.

    A building point ``P`` at height ``dh`` above a receiver ``R`` shades it when ``P`` lies
    towards the sun from ``R``: ``P - R = lam (s_x, s_y) / s_z`` with ``0 <= lam <= dh`` and
    ``s`` the unit sun vector (east, north, up) at a counted moment. So ``P`` is at most
    ``dh * max_t(s_x / s_z)`` east of ``R`` (and likewise west, north and south). In the
    northern winter the sun stays in the south and nothing north of a receiver can shade it.

    Parameters
    ----------
    latitude : float, degrees; declination : float, degrees
    window : (start, end) hours of true solar time; min_altitude : float, degrees
    samples : int, moments sampled over the counted window (the maximum found is raised by
        twice the largest change between neighbouring samples, so it is an upper bound)

    Returns
    -------
    (east, west, north, south) : floats >= 0, metres of offset per metre of height; ``inf``
    towards a side the sun reaches at the horizon; all 0 without counted sun.
    """
    win = _sun_up_window(latitude, declination, window, min_altitude)
    if win is None:
        return (0.0, 0.0, 0.0, 0.0)
    A, B, C = _sun_basis(latitude, declination)
    w = np.linspace(win[0], win[1], int(samples))
    s = A[:, None] + B[:, None] * np.cos(w) + C[:, None] * np.sin(w)
    out = []
    for comp in (s[0], -s[0], s[1], -s[1]):
        if s[2].min() <= 1e-9:  # the sun at the horizon: unbounded towards any side it comes from
            unit = comp / np.hypot(s[0], s[1])
            out.append(np.inf if unit.max() > -0.02 else 0.0)
            continue
        r = comp / s[2]
        out.append(float(max(0.0, r.max() + 2.0 * np.abs(np.diff(r)).max(initial=0.0))))
    return tuple(out)


def lonlat_bounds(footprints, crs):
    """Each footprint's bounds in degrees ``(lon0, lat0, lon1, lat1)``, from the four corners of
    its bounds in ``crs`` (NaN for a missing or empty footprint, inf off the CRS's area).

    Over a footprint the map to longitude and latitude is affine to a few millimetres per
    kilometre (its curvature), so the corners' bounds hold the footprint's own; the tiles' 1 m
    margin covers the rest. Transforms 4 points per building instead of every vertex.
    """
    b = shapely.bounds(np.asarray(footprints, dtype=object))
    to_geo = Transformer.from_crs(crs_from_user(crs), CRS.from_epsg(4326), always_xy=True)
    lon, lat = to_geo.transform(b[:, [0, 2, 2, 0]].ravel(), b[:, [1, 1, 3, 3]].ravel())
    lon, lat = np.asarray(lon, float).reshape(-1, 4), np.asarray(lat, float).reshape(-1, 4)
    with np.errstate(invalid="ignore"):
        out = np.column_stack([lon.min(axis=1), lat.min(axis=1), lon.max(axis=1), lat.max(axis=1)])
    out[~np.all(np.isfinite(b), axis=1)] = np.nan  # pyproj gives inf for NaN
    return out


def plan_tiles(lonlat_bounds, top, z_low, declination, window, min_altitude=0.0, tile_size_m=2000.0,
               max_halo_m=5000.0, members=None, sun_latitude=None, frame_lon0=None):
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
    sun_latitude : float or None, degrees; the latitude the tiles' sun is computed at when it is
        not each tile's own (the halo then covers the sun of both)
    frame_lon0 : float or None, degrees; the central meridian of the frame the tiles are computed
        in when it is not each tile's own: the frame's grid north is turned from true north by
        the meridian convergence away from it, and the halo widens by as much

    Returns
    -------
    list of dict: ``lon0, lat0`` (tile centre), ``members`` (building indices computed here),
    ``halo`` (indices of every building within reach, members included), ``halo_m`` (the longest
    shadow, metres), ``halo_capped`` (bool)
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
    dh = np.maximum(np.asarray(top, float) - z_low, 0.0)  # each building's height above the lowest receiver
    reach_h = float(np.max(dh[ok])) if ok.any() else 0.0
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
            lats = (t0, t1) if sun_latitude is None else (t0, t1, sun_latitude)
            cots = [lowest_sun_cot(lat, declination, window, min_altitude) for lat in lats]
            halo_m = reach_h * max(cots)  # the longest shadow
            capped = not np.isfinite(halo_m) or halo_m > max_halo_m
            halo_m = float(min(halo_m, max_halo_m)) if np.isfinite(halo_m) else float(max_halo_m)
            # the halo reaches only towards the sun, and each building only as far as its own
            # height lets it: per side, dh * sun_reach (+ 1 m on every side, so that neighbours
            # sharing a wall with a member are in the tile)
            sides = np.max([sun_reach(lat, declination, window, min_altitude) for lat in lats], axis=0)
            # + the longest shadow turned by the meridian convergence gamma ~ dlon sin(lat) between
            # true north and the frame's grid north (at least 2 %, i.e. gamma up to 1.1 deg)
            meridian = lon_c if frame_lon0 is None else frame_lon0  # the tile's own frame, or the layer's
            lon_off = max(abs(b[mem, 0].min() - meridian), abs(b[mem, 2].max() - meridian))
            gamma = np.radians(min(90.0, lon_off * np.sin(np.radians(max(abs(t0), abs(t1))))))
            with np.errstate(invalid="ignore"):
                pads = np.minimum(dh[:, None] * sides[None, :], max_halo_m)
            pads[~np.isfinite(pads)] = max_halo_m
            pads += max(0.02, 1.1 * np.sin(gamma)) * halo_m + 1.0
            lat_far = min(89.0, max(abs(t0), abs(t1)) + pads[:, 2:].max() / _M_PER_DEG_LAT)
            m_per_deg_lon = _M_PER_DEG_LON_EQ * 0.99 * np.cos(np.radians(lat_far))
            mx0, mx1 = b[mem, 0].min(), b[mem, 2].max()
            # a building east of the members by up to its east pad, west by its west pad, ...
            near = (ok & (b[:, 0] <= mx1 + pads[:, 0] / m_per_deg_lon) & (b[:, 2] >= mx0 - pads[:, 1] / m_per_deg_lon)
                    & (b[:, 1] <= t1 + pads[:, 2] / _M_PER_DEG_LAT) & (b[:, 3] >= t0 - pads[:, 3] / _M_PER_DEG_LAT))
            near[mem] = True
            halo = np.flatnonzero(near)
            tiles.append({"lon0": float(lon_c), "lat0": float(lat_c), "members": mem, "halo": halo,
                          "halo_m": halo_m, "halo_capped": bool(capped)})
    return tiles


def run_tile(task, is_canceled=None):
    """Compute one tile (a plain function of plain data, so that dask can ship it).

    ``task``: ``wkb`` (footprints of the halo buildings, in ``crs``), ``crs`` (WKT or user
    string), ``ids`` (their global indices), ``member`` (bool per halo building), ``base``,
    ``height``, ``frame`` (lon0, lat0 of the local frame), ``latitude`` (of the sun),
    ``declination``, ``window``, ``rules`` (dict of CountingRules fields), ``hours``,
    ``sampling`` (dict for :func:`sample_facades`), ``workers``, ``intervals``, ``planned`` (bool per
    halo building, or absent: planned buildings, see :func:`window_sunlight_tiled`), ``coordinates``
    (``"lonlat"``, default, or ``"input"``: the receivers' ``x, y`` in ``crs``), ``clock_offset``
    (hours or None: also the intervals in clock time, true solar time + offset).
    ``is_canceled``: callable() -> bool or None (raises :class:`Cancelled`), in this process only.

    Returns
    -------
    dict of arrays: ``building`` (global), ``floor``, ``x``, ``y`` (longitude and latitude, or
    in ``crs``), ``z``, ``nx``, ``ny``, ``minutes``, ``passed`` and, when asked, ``intervals`` and
    ``clock_intervals`` (lists of str); ``minutes_before``, ``passed_before`` with planned
    buildings; ``pid``, the process that computed it.
    """
    with limit_workers(task.get("workers") or default_workers()):  # every step on the task's threads only
        return _run_tile(task, is_canceled)


def _run_tile(task, is_canceled):
    from .standards import CountingRules

    fps = shapely.from_wkb(task["wkb"])
    frame = LocalFrame(*task["frame"])
    local = frame.to_local(fps, task["crs"])
    ids = np.asarray(task["ids"])
    member = np.asarray(task["member"], bool)
    base = np.asarray(task["base"], float)
    height = np.asarray(task["height"], float)
    rules = CountingRules(**task["rules"])
    planned = np.asarray(task.get("planned", np.zeros(len(ids), bool)), bool)
    built = ~planned
    obs = prepare_obstructors(local[built], base[built], height[built], check_valid=False)  # the layer was checked
    samp = dict(task["sampling"])
    # planned buildings shade (after) but neither hold windows nor drop receivers, as in a single run
    rec = sample_facades(local[member], base[member], height[member], exclude=local[~member & built], **samp)
    window = tuple(task["window"])

    def sunlight(obstructors):
        res = sunlit_intervals(rec, obstructors, task["latitude"], task["declination"], window, rules.sweep_angle,
                               rules.min_altitude, workers=task.get("workers", 1), is_canceled=is_canceled)
        return (res,) + tuple(count_sunlight(res, rules, window, task["hours"]))

    res, minutes, passed = sunlight(obs)
    before = None
    if "planned" in task:  # the layer's run asked for before and after
        before = (res, minutes, passed)
        if planned.any():  # this tile's windows are within reach of a planned building
            res, minutes, passed = sunlight(prepare_obstructors(local, base, height, check_valid=False))
    if task.get("coordinates", "lonlat") == "lonlat":
        x, y = frame.lonlat(rec["x"], rec["y"])
    else:  # the input CRS (no work when that is this frame)
        x, y = frame.to_input_xy(rec["x"], rec["y"], task["crs"])
    out = {"building": ids[member][rec["building"]], "floor": rec["floor"], "x": np.asarray(x),
           "y": np.asarray(y), "z": rec["z"], "nx": rec["nx"], "ny": rec["ny"], "minutes": minutes,
           "passed": passed, "pid": os.getpid()}
    if before is not None:
        out["minutes_before"], out["passed_before"] = before[1], before[2]
    if task.get("intervals"):
        out["intervals"] = format_all_intervals(res)
    offset = task.get("clock_offset")
    if offset is not None:
        out["clock_intervals"] = format_all_intervals(res, lambda h: h + offset)
    return out


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
        from .worker import package_parent

        path = package_parent()
        env = {"PYTHONPATH": os.pathsep.join(p for p in (path, os.environ.get("PYTHONPATH", "")) if p),
               "OMP_NUM_THREADS": "1"}
        cluster = LocalCluster(n_workers=n_workers or default_workers(), threads_per_worker=1, processes=True,
                               env=env, dashboard_address=None)
        return Client(cluster), cluster
    client = Client(scheduler)
    client.upload_file(_package_zip())
    return client, None


TILES_MIN_RECEIVERS = 200_000
"""Receivers from which :func:`use_tiles` sends a job to worker processes (starting them costs ~1 s)."""


def use_tiles(n_receivers, workers=None) -> bool:
    """Whether a job of about ``n_receivers`` windows is worth tiles on worker processes.

    True with more than one worker (``workers``, default :func:`default_workers`) and at least
    :data:`TILES_MIN_RECEIVERS` receivers (``$SUNSPACE_TILES_MIN_RECEIVERS`` overrides it; 0
    always uses them). Threads in one process cannot use two cores fully (parts of numpy and
    shapely hold the GIL); whole tiles in separate processes can.
    """
    env = os.environ.get("SUNSPACE_TILES_MIN_RECEIVERS", "").strip()
    limit = int(env) if env.isdigit() else TILES_MIN_RECEIVERS
    nw = default_workers() if workers is None else int(workers)
    return nw > 1 and n_receivers >= limit


def tile_size_for(area_m2, n_receivers, workers=None, per_tile=250_000, lo=200.0, hi=3000.0):
    """A tile size (metres) for ``n_receivers`` spread over ``area_m2``: about ``per_tile``
    receivers per tile (each tile's results a bounded amount of memory) and at least two tiles
    per worker (``workers``, default :func:`default_workers`) to share, within [``lo``, ``hi``]."""
    if not area_m2 > 0:
        return hi
    nw = default_workers() if workers is None else max(1, int(workers))
    size = np.sqrt(area_m2 / (2.0 * nw))
    if n_receivers > 0:
        size = min(size, np.sqrt(area_m2 * per_tile / n_receivers))
    return float(np.clip(size, lo, hi))


def _iter_serial(tasks, progress, check):
    for i, task in enumerate(tasks):
        check()
        out = run_tile(task, check_cancel(check))
        if progress is not None:
            progress((i + 1) / len(tasks))
        yield i, out


def _start_workers(n):
    """``n`` worker processes (started now, so that they import the engine while the caller plans),
    and the messages of those that could not start."""
    from .worker import Worker

    pool, broken = [], []
    for _ in range(max(0, int(n))):
        try:
            pool.append(Worker())
        except (OSError, SunSpaceError) as exc:
            broken.append(str(exc))
    return pool, broken


def _iter_processes(tasks, workers, progress, check, warn=None, started=None):
    """Tiles on this process and ``workers - 1`` worker processes; yields ``(i, result)`` as they finish.

    Each lane (this process's thread, and one waiting thread per worker process,
    :class:`~sunspace.core.worker.Worker`) takes the next tile from a queue, the costliest
    first, until none is left. Progress is reported and cancel checked on the calling thread
    only; when it stops (cancel, an error, or the caller closing the generator) the worker
    processes are killed. A worker lane waits while finished tiles the caller has not taken
    pile up, so memory holds a few tiles' results whatever the layer's size. A worker that
    cannot start or dies hands its tile back to the queue and the others go on (``warn`` is
    told); an error in the data (:class:`SunSpaceError`) is raised as in a serial run.
    ``started``: workers already started (:func:`_start_workers`).
    """
    import threading
    from collections import deque

    queue = deque(sorted(range(len(tasks)), key=lambda i: -tasks[i]["cost"]))
    finished = deque()
    lock = threading.Lock()
    stop = threading.Event()
    failures = []
    n_remote = min(max(1, int(workers)) - 1, len(tasks) - 1)
    pool, broken = started if started is not None else _start_workers(n_remote)
    for w in pool[n_remote:]:  # fewer tiles than workers
        w.close(kill=True)
    pool = pool[:n_remote]

    def take():
        with lock:
            return queue.popleft() if queue and not stop.is_set() else None

    def remote_lane(worker):
        while True:
            # bounded memory: no new tile while the caller has not taken the finished ones
            while len(finished) >= max(2, n_remote) and not stop.is_set():
                stop.wait(0.05)
            i = take()
            if i is None:
                return
            try:
                out = worker.call("core.tiles", "run_tile", tasks[i])
            except SunSpaceError as exc:
                failures.append(exc)
                stop.set()
                return
            except BaseException as exc:  # the worker itself failed: its tile goes back to the queue
                with lock:
                    queue.appendleft(i)
                    broken.append(str(exc))
                return
            with lock:
                finished.append((i, out))

    lanes = []
    done = 0
    warned = 0
    try:
        lanes = [threading.Thread(target=remote_lane, args=(w,), daemon=True) for w in pool]
        for lane in lanes:
            lane.start()
        while True:
            check()
            while finished:
                with lock:
                    item = finished.popleft()
                    item[1]["backlog"] = len(finished)  # finished tiles still waiting for the caller
                done += 1
                if progress is not None:
                    progress(done / len(tasks))
                yield item
            if failures:
                raise failures[0]
            if warn is not None and len(broken) > warned:
                for message in broken[warned:]:
                    warn(SunSpaceError("A worker process failed ({error}); its tiles are computed here.",
                                       error=message))
                warned = len(broken)
            i = take()
            if i is None:
                alive = [lane for lane in lanes if lane.is_alive()]
                if alive:
                    alive[0].join(0.1)
                    continue
                i = take()  # a tile handed back by a lane that has just stopped
                if i is None and not finished:
                    break
                if i is None:
                    continue
            out = run_tile(tasks[i], check_cancel(check))
            done += 1
            if progress is not None:
                progress(done / len(tasks))
            yield i, out
        check()
    finally:
        stop.set()
        for w in pool:
            w.close(kill=True)
        for lane in lanes:
            lane.join()


def _iter_dask(tasks, scheduler, workers, progress, is_canceled):
    from dask.distributed import as_completed

    client, cluster = _dask_client(scheduler, workers)
    try:
        futures = client.map(run_tile, tasks, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        done = 0
        for fut in as_completed(futures):
            if is_canceled is not None and is_canceled():
                client.cancel(futures)
                raise Cancelled()
            out = fut.result()
            done += 1
            if progress is not None:
                progress(done / len(tasks))
            yield index[fut.key], out
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def check_cancel(check):
    """``check`` (raises :class:`Cancelled`) as an ``is_canceled`` callable for the engine."""
    def is_canceled():
        check()
        return False
    return is_canceled


def iter_window_tiles(footprints, base, height, crs, declination, window, rules, hours, members=None,
                      spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False, south_only=False,
                      tile_size_m=2000.0, per_tile_latitude=True, max_halo_m=5000.0, scheduler=None,
                      workers=None, intervals=False, progress=None, is_canceled=None,
                      receiver_limit=RECEIVER_LIMIT, frame=None, coordinates="lonlat", clock_offset_hours=None,
                      warn=None, planned=None):
    """Window sunlight of a whole layer by tiles with a halo, tile by tile as they finish.

    Parameters are those of :func:`window_sunlight_tiled`, and:

    clock_offset_hours : float or None; when given, each result also holds ``clock_intervals``,
        the intervals in clock time (true solar time + this offset, e.g. Beijing time on the day)
    warn : callable(SunSpaceError) or None; told when a worker process fails (its tiles are
        then computed by the other lanes)

    Yields
    ------
    (tile, result) : ``tile`` a dict (``index, lon0, lat0, latitude, receivers, halo_buildings,
    halo_m, halo_capped, pid``: the process that computed it, ``backlog``: finished tiles still
    waiting behind it); ``result`` the dict of
    :func:`run_tile` (receivers of the tile's member buildings, in building order). Memory holds
    a few tiles' results at a time.
    """
    nthreads = default_workers() if workers is None else max(1, int(workers))
    started = _start_workers(nthreads - 1) if scheduler == "processes" else None
    try:
        yield from _iter_window_tiles(footprints, base, height, crs, declination, window, rules, hours, members,
                                      spacing, sill, floor_height, every_floor, south_only, tile_size_m,
                                      per_tile_latitude, max_halo_m, scheduler, nthreads, intervals, progress,
                                      is_canceled, receiver_limit, frame, coordinates, clock_offset_hours, warn,
                                      started, workers, planned)
    finally:
        if started is not None:
            for w in started[0]:
                w.close(kill=True)


def _iter_window_tiles(footprints, base, height, crs, declination, window, rules, hours, members, spacing, sill,
                       floor_height, every_floor, south_only, tile_size_m, per_tile_latitude, max_halo_m, scheduler,
                       nthreads, intervals, progress, is_canceled, receiver_limit, frame, coordinates,
                       clock_offset_hours, warn, started, workers, planned):
    from dataclasses import asdict

    if isinstance(footprints, np.ndarray) and footprints.dtype == object and footprints.ndim == 1:
        fps = footprints  # only read
    else:
        fps = np.empty(len(footprints), dtype=object)
        fps[:] = list(footprints)
    n = fps.size
    base = np.broadcast_to(np.asarray(base, float), (n,)).astype(float)
    height = np.broadcast_to(np.asarray(height, float), (n,)).astype(float)
    members = np.ones(n, bool) if members is None else np.asarray(members, bool)
    planned = np.zeros(n, bool) if planned is None else np.asarray(planned, bool)
    members = members & ~shapely.is_missing(fps) & ~planned
    if np.any(~(height > 0)):
        raise SunSpaceError("Every obstructor needs a positive height.")
    check_valid_footprints(fps)  # once for the layer, naming its positions; the tiles do not check again
    src = crs_from_user(crs)
    lb = lonlat_bounds(fps, src)
    ok = np.all(np.isfinite(lb), axis=1)
    if not ok[members].any():
        raise SunSpaceError("No building to analyse.")
    lat_lo, lat_hi = np.nanmin(lb[ok, 1]), np.nanmax(lb[ok, 3])
    check_latitude(lat_lo, declination)
    check_latitude(lat_hi, declination)
    if coordinates not in ("lonlat", "input"):
        raise SunSpaceError("coordinates must be 'lonlat' or 'input', got {value!r}.", value=coordinates)
    whole = LocalFrame(*frame) if frame is not None else LocalFrame.around(fps[ok], src)
    # refuse absurd receiver counts before any work (cheap estimate, in the layer's metric frame)
    check_receivers(whole.to_local(fps[members], src), height[members], receiver_limit, spacing=spacing, sill=sill,
                    floor_height=floor_height, every_floor=every_floor, south_only=south_only)
    tiles = plan_tiles(lb, base + height, float(np.min(base[ok]) + min(sill, 0.0)), declination, window,
                       rules.min_altitude, tile_size_m, max_halo_m, members,
                       sun_latitude=None if per_tile_latitude else whole.lat0,
                       frame_lon0=None if per_tile_latitude else whole.lon0)
    wkt = src.to_wkt()
    sampling = {"spacing": spacing, "sill": sill, "floor_height": floor_height, "every_floor": every_floor,
                "south_only": south_only}
    tasks = []
    for t in tiles:
        halo = t["halo"]
        member = np.isin(halo, t["members"])
        if per_tile_latitude:
            tile_frame, lat = (t["lon0"], t["lat0"]), t["lat0"]
        else:
            tile_frame, lat = (whole.lon0, whole.lat0), whole.lat0
        tasks.append({"wkb": shapely.to_wkb(fps[halo]), "crs": wkt, "ids": halo, "member": member,
                      "base": base[halo], "height": height[halo], "frame": tile_frame, "latitude": lat,
                      "declination": float(declination), "window": tuple(window), "rules": asdict(rules),
                      "hours": float(hours), "sampling": sampling, "intervals": bool(intervals),
                      "coordinates": coordinates, "clock_offset": clock_offset_hours,
                      **({"planned": planned[halo]} if planned.any() else {}),  # before and after
                      "workers": nthreads if scheduler is None else 1,
                      # relative only: the members' walls (in the layer's units), times their floors
                      "cost": float(shapely.length(fps[t["members"]]).sum() * (np.mean(height[t["members"]])
                                                                               if every_floor else 1.0))})
        t["latitude"] = lat

    def check():
        if is_canceled is not None and is_canceled():
            raise Cancelled()

    if scheduler is None:
        runs = _iter_serial(tasks, progress, check)
    elif scheduler == "processes":
        runs = _iter_processes(tasks, nthreads, progress, check, warn, started)
    else:
        runs = _iter_dask(tasks, scheduler, None if workers is None else int(workers), progress, is_canceled)
    try:
        for i, out in runs:
            t = tiles[i]
            yield ({"index": i, "lon0": t["lon0"], "lat0": t["lat0"], "latitude": t["latitude"],
                    "receivers": len(out["minutes"]), "halo_buildings": int(t["halo"].size), "halo_m": t["halo_m"],
                    "halo_capped": t["halo_capped"], "pid": out.get("pid"), "backlog": out.pop("backlog", 0)}, out)
    finally:
        runs.close()
    check()


def window_sunlight_tiled(footprints, base, height, crs, declination, window, rules, hours, members=None,
                          spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False, south_only=False,
                          tile_size_m=2000.0, per_tile_latitude=True, max_halo_m=5000.0, scheduler=None,
                          workers=None, intervals=False, progress=None, is_canceled=None,
                          receiver_limit=RECEIVER_LIMIT, frame=None, coordinates="lonlat", planned=None):
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
    scheduler : None (this process), ``"processes"`` (this process and ``workers - 1`` worker
        processes on this machine, each computing whole tiles), ``"local"`` (a dask LocalCluster
        with ``workers`` processes) or a dask scheduler address such as ``"tcp://10.0.0.5:8786"``
    workers : int or None (every core); threads per tile in this process (scheduler None), or
        the number of processes (this one included for ``"processes"``)
    frame : (lon0, lat0) or None; with ``per_tile_latitude=False``, the local frame and sun
        latitude of every tile (default: the centre of the layer's bounding box). Footprints
        already in this frame (``crs`` its :attr:`LocalFrame.crs`) are not transformed.
    coordinates : ``"lonlat"`` (default): the receivers' ``lon, lat`` in degrees; ``"input"``:
        their ``x, y`` in ``crs``
    planned : bool array or None; planned buildings: they shade only in the scene "after", have no
        windows and do not drop receivers; each window then also gets ``minutes_before`` and
        ``passed_before``, its sunlight without them
    intervals : bool, also return the sunlit intervals as strings (true solar time)
    progress : callable(fraction) or None; is_canceled : callable() -> bool or None (raises Cancelled)
    receiver_limit : int; the estimated receiver count is refused beyond it (:func:`check_receiver_count`)

    Returns
    -------
    dict of arrays in the order of a single :func:`sample_facades` call on the ``members`` buildings:
    ``building``, ``floor``, ``lon``, ``lat``, ``z``, ``nx``, ``ny``, ``minutes``, ``passed``
    (``x, y`` instead of ``lon, lat`` for ``coordinates="input"``; and ``intervals``), plus
    ``tiles`` (list of dict: ``lon0, lat0, latitude, receivers, halo_buildings, halo_m, halo_capped``).
    """
    got = sorted(iter_window_tiles(footprints, base, height, crs, declination, window, rules, hours, members,
                                   spacing, sill, floor_height, every_floor, south_only, tile_size_m,
                                   per_tile_latitude, max_halo_m, scheduler, workers, intervals, progress,
                                   is_canceled, receiver_limit, frame, coordinates, planned=planned),
                 key=lambda p: p[0]["index"])
    results = [r for _, r in got]
    keys = ["building", "floor", "x", "y", "z", "nx", "ny", "minutes", "passed"]
    if results and "minutes_before" in results[0]:
        keys += ["minutes_before", "passed_before"]
    # the order of one sample_facades call: by building, and within a building as sampled. Each
    # building's receivers come from one tile, in sampling order, so each goes straight to its place.
    n_total = sum(len(r["building"]) for r in results)
    if all(np.all(np.diff(r["building"]) >= 0) for r in results):
        counts = np.zeros(len(footprints) + 1, np.int64)
        for r in results:
            counts[1:] += np.bincount(r["building"], minlength=len(footprints))
        first = np.cumsum(counts)[:-1]  # where each building's receivers start
        dests = []
        for r in results:
            b = np.asarray(r["building"])
            i = np.arange(b.size)
            run_start = np.maximum.accumulate(np.where(np.r_[True, b[1:] != b[:-1]], i, 0)) if b.size else i
            dests.append(first[b] + i - run_start)
    else:  # not expected from sample_facades; a stable sort by building gives the same order
        order = np.argsort(np.concatenate([r["building"] for r in results]), kind="stable")
        dest_all = np.empty(n_total, np.int64)
        dest_all[order] = np.arange(n_total)
        cuts = np.cumsum([0] + [len(r["building"]) for r in results])
        dests = [dest_all[a:b] for a, b in zip(cuts[:-1], cuts[1:])]

    def place(k):
        arr = np.empty(n_total, results[0][k].dtype) if results else np.empty(0)
        for r, dest in zip(results, dests):
            arr[dest] = r[k]
        return arr

    # one array per thread (numpy scatters without the GIL): the cores are free again by now
    nw = default_workers() if workers is None else max(1, int(workers))
    out = dict(zip(keys, _map_threads(place, [(k,) for k in keys], nw)))
    if coordinates == "lonlat":
        out["lon"], out["lat"] = out.pop("x"), out.pop("y")
    if intervals:
        strings = np.empty(n_total, dtype=object)
        for r, dest in zip(results, dests):
            strings[dest] = np.array(r["intervals"], dtype=object)
        out["intervals"] = strings.tolist()
    out["tiles"] = [{k: v for k, v in t.items() if k not in ("index", "pid", "backlog")} for t, _ in got]
    return out
