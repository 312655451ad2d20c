"""A raster shadow-casting kernel of the Ratti–Richens kind (the method of UMEP's shadowing
function), written for the benchmark only: the engine is compared with it.

For a digital surface model (DSM, heights on a square raster) and a sun with plan direction
``u`` (unit vector towards the sun) and altitude ``h``, a cell ``p`` at height ``z`` is in
shadow when some cell along the sun direction stands above the ray::

    exists k >= 1:  DSM(p + k * step * u) > z + k * step * tan(h)

with ``step = cell / max(|u_x|, |u_y|)`` (one cell along the dominant axis per shift, the
offsets rounded to whole cells), for every k until ``k * step * tan(h)`` exceeds the tallest
building. Each time step costs one shifted comparison of the whole raster per k.
"""
import numpy as np
import shapely


def rasterize_heights(footprints, heights, x0, y0, cell, rows, cols):
    """DSM: each cell centre inside a footprint takes its building's height (max where they overlap), else 0."""
    dsm = np.zeros((rows, cols), np.float32)
    xs = x0 + (np.arange(cols) + 0.5) * cell
    ys = y0 + (np.arange(rows) + 0.5) * cell
    bounds = shapely.bounds(footprints)
    for g, h, (bx0, by0, bx1, by1) in zip(footprints, heights, bounds):
        c0, c1 = max(0, int((bx0 - x0) / cell)), min(cols, int(np.ceil((bx1 - x0) / cell)) + 1)
        r0, r1 = max(0, int((by0 - y0) / cell)), min(rows, int(np.ceil((by1 - y0) / cell)) + 1)
        if c1 <= c0 or r1 <= r0:
            continue
        X, Y = np.meshgrid(xs[c0:c1], ys[r0:r1])
        inside = shapely.contains_xy(g, X, Y)
        sub = dsm[r0:r1, c0:c1]
        sub[inside] = np.maximum(sub[inside], h)
    return dsm


def shadow(dsm, window, cell, sun, z=0.0):
    """Boolean shadow of the cells ``dsm[window]`` (a pair of slices, with a halo around it in ``dsm``).

    ``sun`` is the unit vector to the sun (x east, y north = raster rows upward, z up).
    """
    sx, sy, sz = sun
    hxy = np.hypot(sx, sy)
    rs, cs = window
    out = np.zeros((rs.stop - rs.start, cs.stop - cs.start), bool)
    if sz <= 0:
        out[:] = True
        return out
    ux, uy = sx / hxy, sy / hxy
    step = cell / max(abs(ux), abs(uy))
    rise = step * sz / hxy
    top = float(dsm.max())
    k = 1
    while z + k * rise < top:
        oy, ox = int(round(k * step * uy / cell)), int(round(k * step * ux / cell))
        r0, c0 = rs.start + oy, cs.start + ox
        if r0 < 0 or c0 < 0 or r0 + out.shape[0] > dsm.shape[0] or c0 + out.shape[1] > dsm.shape[1]:
            break  # beyond the halo
        out |= dsm[r0:r0 + out.shape[0], c0:c0 + out.shape[1]] > z + k * rise
        k += 1
    return out
