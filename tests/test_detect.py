"""Field recognition for a first run with defaults (core.detect)."""
from sunspace.core.detect import (detect_floors_field, detect_height_field, detect_use_field,
                                  residential_expression)


def test_floors_and_height_names():
    assert detect_floors_field(["bldg_id", "Floors", "height"]) == "Floors"
    assert detect_floors_field(["id", "层数"]) == "层数"
    assert detect_floors_field(["storeys"]) == "storeys"
    assert detect_floors_field(["levels", "x"]) == "levels"
    assert detect_floors_field(["id", "name"]) == ""
    assert detect_height_field(["id", "H"]) == "H"
    assert detect_height_field(["高度"]) == "高度"
    assert detect_height_field(["building_h", "height"]) == "height"  # the plainest name wins
    assert detect_height_field(["heightening"]) == ""


def test_use_and_residential_expression():
    assert detect_use_field(["name", "use"]) == "use"
    assert detect_use_field(["用途"]) == "用途"
    assert residential_expression("use", ["commercial", "residential", None]) == "\"use\" = 'residential'"
    assert residential_expression("用途", ["住宅", "商业"]) == "\"用途\" = '住宅'"
    assert residential_expression("use", ["Residential", "住宅"]) == "\"use\" IN ('Residential', '住宅')"
    assert residential_expression("use", ["school", "office"]) == ""
    assert residential_expression("", ["residential"]) == ""
