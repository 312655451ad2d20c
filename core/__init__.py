"""SunSpace science core.

Pure Python on numpy, shapely >= 2 and pyproj. Nothing in this package may
import ``qgis``: the algorithms in ``sunspace.algorithms`` adapt QGIS layers to
the arrays these functions take, so every formula can be tested without QGIS.
"""
