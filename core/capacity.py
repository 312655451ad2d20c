"""Sunlight-limited density DB_max(n) and the open-space floor values (paper 003, formula 1).

For n floors (height H = n * floor height) the densest layout whose ground-floor
windows all still get the standard's hours is found with the exact sunlight engine
on an idealised periodic layout (the paper's envelope analysis):

- slab rows (板式): slabs of ``length`` x ``depth`` metres in east-west rows, ``gap``
  metres apart within a row; rows ``S`` apart, never closer than ``min_spacing``. The smallest S at which every window
  of the south facade of a slab with rows to its south meets the standard gives
  ``DB_max = length * depth / ((length + gap) * (depth + S))``.
- point towers (点式): ``width`` x ``depth`` towers on a lattice with east-west gap
  ``Sx`` (several tried, from ``min_gap`` up) and north-south spacing ``Sy``; the
  densest feasible lattice gives DB_max.

Then AF_max = n * DB_max and (paper 003 formula 1, DOMAIN.md section 4)::

    OSR_sun   = (1 - DB_max) / (n * DB_max) = 1 / AF_max - 1 / n
    OSR_green = OSR_sun + c,  c = m (1 + r) MP / (3 EP)          (paper 004)

The idealised layouts count exact sunlit intervals (the rules' other knobs apply) and
the spacing is bisected to 2 cm. Curves are computed for a set of floor counts and
interpolated in between (1 / DB_max is linear in n for rows); they are cached per latitude, declination, standard, rules
and layout, in memory and optionally on disk.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass

import numpy as np
import shapely

from .errors import Cancelled
from .sunlight import count_sunlight, prepare_obstructors, sample_facades, sunlit_intervals

__all__ = ["Layout", "db_max", "DensityCurve", "density_curve", "osr_sun", "green_constant", "far_cap", "cluster_capacity",
           "measured_m"]


@dataclass(frozen=True)
class Layout:
    """Typical building sizes of the idealised layouts (metres)."""

    slab_length: float = 60.0
    slab_depth: float = 12.0
    slab_gap: float = 13.0  # end gap within a row (fire spacing)
    tower_width: float = 26.0
    tower_depth: float = 22.0
    tower_min_gap: float = 13.0
    min_spacing: float = 6.0  # smallest north-south gap between buildings (fire code)
    floor_height: float = 3.0
    sill: float = 0.9


def _min_minutes(fps, height, sill, lat, dec, window, rules, hours, target):
    """Fewest counted minutes over the south-facade windows of building ``target`` (1 m apart, at the sill)."""
    obs = prepare_obstructors(fps, 0.0, np.full(len(fps), height))
    rec = sample_facades([fps[target]], 0.0, [height], spacing=1.0, sill=sill, south_only=True)
    res = sunlit_intervals(rec, obs, lat, dec, window, rules.sweep_angle, rules.min_altitude)
    mins, _ = count_sunlight(res, rules, window, hours)
    return float(mins.min()) if mins.size else 0.0


def _lattice(width, depth, dx, dy, nx, ny):
    """Footprints of a lattice: columns -nx..nx, rows 0..ny southwards; index of the north-middle one."""
    fps, target = [], None
    for r in range(ny + 1):
        for c in range(-nx, nx + 1):
            x0 = c * (width + dx)
            y0 = -r * (depth + dy)
            fps.append(shapely.box(x0, y0, x0 + width, y0 + depth))
            if r == 0 and c == 0:
                target = len(fps) - 1
    return fps, target


def _feasible(width, depth, dx, dy, height, sill, lat, dec, window, rules, hours, reach):
    nx = min(6, max(2, int(np.ceil(reach / (width + dx))) + 1))
    ny = max(1, int(np.ceil(reach / (depth + dy))) + 1)
    fps, target = _lattice(width, depth, dx, dy, nx, ny)
    return _min_minutes(fps, height, sill, lat, dec, window, rules, hours, target) >= hours * 60.0 - 1e-6


def _min_spacing(width, depth, dx, height, sill, lat, dec, window, rules, hours, min_gap, tol=0.02):
    """Smallest north-south spacing at which the north-middle building's south windows all pass (bisection)."""
    from .standards import spacing_coefficient

    # upper bound: the spacing that would serve twice the hours behind an endless slab, and then some
    hi = max(1.0, float(spacing_coefficient(lat, dec, min(hours * 2.0, 7.5))) * height * 1.5)
    reach = 2.0 * hi  # how far south the lattice must extend to hold every shadow that matters
    if not _feasible(width, depth, dx, hi, height, sill, lat, dec, window, rules, hours, reach):
        return np.inf
    lo = float(min_gap)
    if _feasible(width, depth, dx, lo, height, sill, lat, dec, window, rules, hours, reach):
        return lo
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        if _feasible(width, depth, dx, mid, height, sill, lat, dec, window, rules, hours, reach):
            hi = mid
        else:
            lo = mid
    return hi


def db_max(floors, form, latitude, declination, window, rules, hours, layout: Layout = Layout(), gaps=(1.0, 1.5, 2.0, 3.0)):
    key = (float(floors), form, float(latitude), float(declination), tuple(window), rules, float(hours), layout, tuple(gaps))
    if key not in _DB_MEMO:
        _DB_MEMO[key] = _db_max(floors, form, latitude, declination, window, rules, hours, layout, gaps)
    return dict(_DB_MEMO[key])


_DB_MEMO: dict = {}


def _db_max(floors, form, latitude, declination, window, rules, hours, layout, gaps):
    """Sunlight-limited maximum building density for ``floors`` storeys of a ``form`` ("slab" or "tower").

    Returns
    -------
    dict with ``db_max`` and the layout that achieves it (``dx``, ``dy`` in metres).
    """
    height = float(floors) * layout.floor_height
    # the idealised layout counts exact sunlit intervals: a time step would add steps of noise to a
    # curve whose changes from floor to floor are small (1/n terms)
    rules = rules.with_(step_minutes=None) if rules.step_minutes is not None else rules
    if form == "slab":
        w, d = layout.slab_length, layout.slab_depth
        candidates = [layout.slab_gap]
    elif form == "tower":
        w, d = layout.tower_width, layout.tower_depth
        candidates = sorted({max(layout.tower_min_gap, g * w) for g in gaps} | {layout.tower_min_gap})
    else:
        raise ValueError(f"Form must be 'slab' or 'tower', got {form!r}.")
    best = {"db_max": 0.0, "dx": np.nan, "dy": np.nan}
    for dx in candidates:
        dy = _min_spacing(w, d, dx, height, layout.sill, latitude, declination, window, rules, hours, layout.min_spacing)
        if not np.isfinite(dy):
            continue
        db = w * d / ((w + dx) * (d + dy))
        if db > best["db_max"]:
            best = {"db_max": db, "dx": dx, "dy": dy}
    return best


@dataclass
class DensityCurve:
    floors: np.ndarray
    slab: np.ndarray
    tower: np.ndarray

    def db(self, n, form):
        """DB_max at (possibly fractional) average floors ``n``; ``mixed`` averages slab and tower."""
        n = np.asarray(n, float)
        if form == "mixed":
            return 0.5 * (self.db(n, "slab") + self.db(n, "tower"))
        ys = self.slab if form == "slab" else self.tower
        # 1 / DB_max = (w + dx)(d + S(n)) / (w d) is linear in n for rows spaced k (H - sill): interpolate it
        with np.errstate(divide="ignore"):
            inv = np.where(ys > 0, 1.0 / ys, np.inf)
        return 1.0 / np.interp(n, self.floors, inv)


DEFAULT_FLOORS = (1, 2, 3, 4, 5, 6, 7, 9, 11, 14, 18, 22, 26, 30, 34, 40)


def density_curve(latitude, declination, window, rules, hours, layout: Layout = Layout(), floors=DEFAULT_FLOORS,
                  cache_dir=None, progress=None, is_canceled=None, warn=None) -> DensityCurve:
    """DB_max(n) for slabs and towers at the given floor counts, cached (see the module text).

    The disk cache is never trusted blindly: a file is used only when its stored key equals
    this call's key and its values have the right shape and lie in [0, 1]; otherwise it is
    recomputed, with a warning naming the file (``warn(text)``). Files are written atomically
    (temporary file + rename); an unwritable cache folder only costs the caching, never the
    result; a lock file keeps two concurrent runs from computing the same curve twice.
    """
    key = json.dumps({"lat": round(float(latitude), 2), "dec": round(float(declination), 3), "window": list(window),
                      "hours": hours, "rules": {k: v for k, v in asdict(rules).items() if k != "name"},
                      "layout": asdict(layout), "floors": list(floors), "v": 3}, sort_keys=True)
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    if digest in _MEMO:
        return _MEMO[digest]
    path = os.path.join(cache_dir, f"dbmax-{digest}.json") if cache_dir else None
    curve = _load_curve(path, json.loads(key), floors, warn) if path else None
    lock = None
    if curve is None and path:
        lock = _acquire_lock(path + ".lock", is_canceled)
        curve = _load_curve(path, json.loads(key), floors, None)  # another run may have finished it meanwhile
    try:
        if curve is None:
            slab, tower = [], []
            for i, n in enumerate(floors):
                if is_canceled is not None and is_canceled():
                    raise Cancelled()
                slab.append(db_max(n, "slab", latitude, declination, window, rules, hours, layout)["db_max"])
                tower.append(db_max(n, "tower", latitude, declination, window, rules, hours, layout)["db_max"])
                if progress is not None:
                    progress((i + 1) / len(floors))
            curve = DensityCurve(np.array(floors, float), np.array(slab), np.array(tower))
            if path:
                _save_curve(path, json.loads(key), floors, slab, tower, warn)
    finally:
        if lock is not None:
            _release_lock(lock)
    _MEMO[digest] = curve
    return curve


def _load_curve(path, key, floors, warn):
    """The cached curve at ``path`` if it is this key's and sound; None (with a warning if it was bad) otherwise."""
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if not isinstance(data, dict) or data.get("key") != key:
            raise ValueError("its key does not match")
        fl, slab, tower = (np.asarray(data[k], float) for k in ("floors", "slab", "tower"))
        n = len(floors)
        if not (fl.shape == slab.shape == tower.shape == (n,)) or not np.allclose(fl, np.asarray(floors, float)):
            raise ValueError("its arrays have the wrong shape")
        if not (np.all(np.isfinite(slab)) and np.all(np.isfinite(tower)) and np.all((slab >= 0) & (slab <= 1))
                and np.all((tower >= 0) & (tower <= 1))):
            raise ValueError("its densities are not all in [0, 1]")
        return DensityCurve(fl, slab, tower)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        if warn is not None:
            warn(f"The cached DB_max curve {path} is unusable ({exc}); it is computed again.")
        return None


def _save_curve(path, key, floors, slab, tower, warn):
    """Write the curve atomically (temporary file + rename); an unwritable folder only loses the caching."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".dbmax-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "floors": list(map(float, floors)), "slab": list(map(float, slab)),
                       "tower": list(map(float, tower))}, fh)
        os.replace(tmp, path)
    except OSError as exc:
        if warn is not None:
            warn(f"The DB_max curve could not be cached in {folder} ({exc.strerror}); the result is used without caching.")


def _acquire_lock(lock_path, is_canceled, timeout=900.0):
    """An exclusive lock file, or None when the folder is unwritable. Waits while another run holds it;
    a lock older than ``timeout`` seconds is taken as stale."""
    import time

    start = time.time()
    while True:
        try:
            os.makedirs(os.path.dirname(lock_path), exist_ok=True)
            fd = os.open(lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            return lock_path
        except FileExistsError:
            try:
                if time.time() - os.path.getmtime(lock_path) > timeout:
                    os.remove(lock_path)
                    continue
            except OSError:
                continue
            if is_canceled is not None and is_canceled():
                raise Cancelled() from None
            if time.time() - start > timeout:
                return None
            time.sleep(0.5)
        except OSError:
            return None


def _release_lock(lock_path):
    try:
        os.remove(lock_path)
    except OSError:
        pass


_MEMO: dict = {}


def osr_sun(floors, db):
    """OSR_sun = (1 - DB_max) / (n DB_max) = 1 / AF_max - 1 / n (paper 003, formula 1)."""
    n = np.asarray(floors, float)
    db = np.asarray(db, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((n > 0) & (db > 0), (1.0 - db) / (n * db), np.nan)


def green_constant(mp=0.5, ep=30.0, share=1.0 / 3.0, m=12.0, r=0.15):
    """c = m (1 + r) MP * share / EP: extra land per m2 of floor area for sunlit concentrated green (paper 004).

    With the paper's MP 0.5 m2/person, EP 30 m2/person, share 1/3, m 12 and r 0.15: c = 13.8 * 0.5 / 90 = 0.0767.
    """
    for name, v in (("MP", mp), ("EP", ep), ("share", share), ("m", m)):
        if not v > 0:
            raise ValueError(f"{name} must be positive, got {v}.")
    if r < 0:
        raise ValueError(f"r must not be negative, got {r}.")
    return m * (1.0 + r) * mp * share / ep


def far_cap(af_max, c):
    """F_max = 1 / (c + 1 / AF_max) (paper 004, formula 10)."""
    af = np.asarray(af_max, float)
    with np.errstate(divide="ignore"):
        return np.where(af > 0, 1.0 / (c + 1.0 / af), np.nan)


def measured_m(floors, form, latitude, declination, window, rules, hours, layout: Layout = Layout(), spacing=1.0):
    """Measure paper 004's m with the ground-sunlight engine instead of assuming 12.

    In the densest feasible layout for ``floors`` storeys, the share f of the open ground of one
    lattice cell that gets the standard's hours is measured; land for sunlit green then costs
    1 / f times the green's own area, so m = 1 / f (capped at 100 where almost nothing is sunlit).
    """
    from .ground import ground_sunlight

    best = db_max(floors, form, latitude, declination, window, rules, hours, layout)
    if not best["db_max"] > 0:
        raise ValueError(f"No feasible {form} layout for {floors} floors.")
    w, d = (layout.slab_length, layout.slab_depth) if form == "slab" else (layout.tower_width, layout.tower_depth)
    height = floors * layout.floor_height
    reach = 2.0 * max(best["dy"], 1.0) + height * 4
    nx = min(6, max(2, int(np.ceil(reach / (w + best["dx"]))) + 1))
    ny = max(2, int(np.ceil(reach / (d + best["dy"]))) + 1)
    fps, target = _lattice(w, d, best["dx"], best["dy"], nx, ny)
    # the cell north of the target building's row: target footprint and the gap south of the next row
    x0, y0 = 0.0, d
    cell = shapely.box(x0 - best["dx"] / 2, y0, x0 + w + best["dx"] / 2, y0 + best["dy"])
    fps.append(shapely.box(0.0, d + best["dy"], w, 2 * d + best["dy"]))  # the row north of it
    obs = prepare_obstructors(fps, 0.0, np.full(len(fps), height))
    grid = ground_sunlight(obs, cell, spacing, 0.0, latitude, declination, window, rules, hours)
    vals = grid.values[np.isfinite(grid.values)]
    f = float(np.mean(vals >= hours * 60.0 - 1e-9)) if vals.size else 0.0
    return min(100.0, 1.0 / f) if f > 0 else 100.0


def cluster_capacity(far, area_m2, ep=30.0, mp=0.5):
    """Residents N = FAR x S / EP and the concentrated green they need, G = MP x N (paper 004, formulas 3 and 6)."""
    population = np.asarray(far, float) * np.asarray(area_m2, float) / ep
    return population, mp * population
