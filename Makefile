# SunSpace — make demo | make test | make bench | make package
SHELL := /bin/bash
PY := .venv/bin/python
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR := $(CURDIR)/build/xdg
export SUNSPACE_CACHE_DIR := $(CURDIR)/build/cache
# Debian's pyproj looks for PROJ's data under the venv's prefix and warns; PROJ itself finds it
export PROJ_DATA := $(or $(PROJ_DATA),$(wildcard /usr/share/proj))

.PHONY: setup test demo bench package sample styles translations clean

setup:
	@bash scripts/bootstrap.sh
	@mkdir -p build/xdg && chmod 700 build/xdg

test: setup translations
	$(PY) -m pytest $(PYTEST_ARGS)

demo: setup translations
	$(PY) scripts/demo.py out

package: setup translations
	$(PY) scripts/package.py dist

sample: setup
	$(PY) tools/make_sample.py data/sample_district.gpkg

styles: setup
	$(PY) tools/make_styles.py

translations:
	@if command -v lrelease >/dev/null 2>&1; then lrelease -silent i18n/sunspace_zh_CN.ts -qm i18n/sunspace_zh_CN.qm; \
	else echo "lrelease not found: run 'make setup'"; exit 1; fi

clean:
	rm -rf build dist out .pytest_cache

bench: setup
	$(PY) scripts/bench.py
