#!/usr/bin/env bash
# Install what SunSpace needs on Debian 12 and make the .venv; idempotent.
# 1. Debian packages: QGIS 3.22 (python3-qgis, qgis-providers, qgis), python3-venv,
#    lrelease to compile the Chinese translation and a CJK font for the rendered maps; poppler-utils
#    (pdftotext, pdfinfo) for the report tests;
#    libgeos-dev, python3-dev and gcc to build shapely against Debian's own GEOS.
# 2. .venv from /usr/bin/python3 with --system-site-packages (to see the qgis module),
#    Python packages from requirements-dev.txt under constraints.txt (numpy<2).
#    shapely is built from source (--no-binary): QGIS links the system GEOS into its
#    executables (qgis, qgis_process), and a shapely wheel's bundled newer GEOS mixed
#    with it in one process corrupts memory (seen as "free(): invalid size").
set -euo pipefail
cd "$(dirname "$0")/.."
APT_PKGS="python3-qgis qgis-providers qgis python3-venv qttools5-dev-tools fonts-wqy-microhei libgeos-dev python3-dev gcc poppler-utils"
missing=""
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "bootstrap: installing Debian packages:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
STAMP=.venv/.sunspace-installed
want=$(cat requirements-dev.txt constraints.txt | sha256sum | cut -c1-16)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x .venv/bin/python ]; then
  exit 0
fi
echo "bootstrap: making .venv"
[ -x .venv/bin/python ] || /usr/bin/python3 -m venv --system-site-packages .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --no-binary shapely -c constraints.txt -r requirements-dev.txt
.venv/bin/python - <<'PY'
import numpy, shapely, pyproj
from osgeo import gdal_array  # fails under numpy 2: see constraints.txt
from qgis.core import Qgis
assert int(numpy.__version__.split(".")[0]) < 2, numpy.__version__
assert int(shapely.__version__.split(".")[0]) >= 2, shapely.__version__
import subprocess
system_geos = subprocess.run(["geos-config", "--version"], capture_output=True, text=True).stdout.strip()
assert ".".join(map(str, shapely.geos_version)) == system_geos, (shapely.geos_version, system_geos)
print(f"bootstrap: QGIS {Qgis.QGIS_VERSION}, numpy {numpy.__version__}, shapely {shapely.__version__} "
      f"(GEOS {system_geos}), pyproj {pyproj.__version__}")
PY
echo "$want" > "$STAMP"
