"""QGIS Processing provider and algorithms of SunSpace (thin adapters around ``sunspace.core``)."""
