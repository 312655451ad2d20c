"""Independent brute-force reference for the sunlight engine (tests only).

For every minute of the window and every receiver, cast the ray towards the sun
against every wall face (vertical rectangle) by solving the 2x2 system of the ray
and the wall line, then checking the hit height. Slow and simple on purpose.
"""
import math

import numpy as np
import shapely


def walls_of(footprints, base, height):
    out = []
    for b, geom in enumerate(footprints):
        for poly in shapely.get_parts(geom):
            rings = [poly.exterior] + list(poly.interiors)
            for ring in rings:
                xy = np.asarray(ring.coords)
                for (x1, y1), (x2, y2) in zip(xy[:-1], xy[1:]):
                    out.append((x1, y1, x2, y2, base[b], base[b] + height[b]))
    return np.array(out, float)


def sun(lat, dec, t_hours):
    phi, d = math.radians(lat), math.radians(dec)
    w = math.radians(15.0 * (t_hours - 12.0))
    return np.array([
        -math.cos(d) * math.sin(w),
        math.cos(phi) * math.sin(d) - math.sin(phi) * math.cos(d) * math.cos(w),
        math.sin(phi) * math.sin(d) + math.cos(phi) * math.cos(d) * math.cos(w),
    ])


def blocked(p, s, walls):
    """Does the ray p + l*s (l > 0) hit any wall face? Vectorised over walls."""
    x1, y1, x2, y2, zb, zt = walls.T
    dx, dy = x2 - x1, y2 - y1
    # p + l s_xy = q1 + u d  ->  [s_x -dx; s_y -dy] [l u]^T = q1 - p
    det = s[0] * (-dy) - s[1] * (-dx)
    ok = np.abs(det) > 1e-12
    rx, ry = x1 - p[0], y1 - p[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        lam = (rx * (-dy) - ry * (-dx)) / det
        u = (s[0] * ry - s[1] * rx) / det
    zh = p[2] + lam * s[2]
    # buildings stand on solid ground: a wall blocks from the ground up to its top
    hit = ok & (lam > 1e-9) & (u >= 0) & (u <= 1) & (zh <= zt)
    return bool(hit.any())


def minutes(receivers, footprints, base, height, lat, dec, window, sweep=0.0, min_alt=0.0, step=1.0):
    """Counted sunlit minutes per receiver: each step counts when its middle instant is sunlit."""
    walls = walls_of(footprints, base, height)
    n = len(receivers["x"])
    out = np.zeros(n)
    steps = int(round((window[1] - window[0]) * 60 / step))
    for k in range(steps):
        t = window[0] + (k + 0.5) * step / 60.0
        s = sun(lat, dec, t)
        if s[2] <= math.sin(math.radians(max(min_alt, 0.0))):
            continue
        sh = s[:2] / math.hypot(s[0], s[1])
        for i in range(n):
            nx, ny = receivers["nx"][i], receivers["ny"][i]
            if np.isfinite(nx):
                if nx * sh[0] + ny * sh[1] <= math.sin(math.radians(sweep)):
                    continue
            p = (receivers["x"][i], receivers["y"][i], receivers["z"][i])
            if not blocked(p, s, walls):
                out[i] += step
    return out
