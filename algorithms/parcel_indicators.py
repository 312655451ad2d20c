"""sunspace:parcelindicators — residential parcel indicators (DOMAIN.md sections 3-4)."""
from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.geodesy import LocalFrame
from ..core.indicators import INDICATOR_FIELDS, parcel_indicators
from ..core.validation import check_positive, floors_from_height
from .common import SunSpaceAlgorithm, tr, read_polygons, source_name, style_on_load
from .compat import SKIP_VALIDITY_CHECKS, DOUBLE_NUMBER, FAST_INSERT, NUMERIC_FIELD, POLYGON_SOURCE, make_field

STRING_FIELDS = {"category", "cat_code", "form"}



class ParcelIndicatorsAlgorithm(SunSpaceAlgorithm):
    PARCELS = "PARCELS"
    BUILDINGS = "BUILDINGS"
    FLOORS_FIELD = "FLOORS_FIELD"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    RESIDENTIAL = "RESIDENTIAL"
    GREEN = "GREEN"
    PER_CAPITA = "PER_CAPITA"
    TOWER_ASPECT = "TOWER_ASPECT"
    OUTPUT = "OUTPUT"

    NAME = "parcelindicators"
    DISPLAY = "Parcel indicators 地块指标"
    GROUP = "parcels"

    def shortHelpString(self):
        rows = "".join(f"<li><b>{k}</b>: {d} [{u}]</li>" for k, (d, u) in INDICATOR_FIELDS.items())
        return tr(
            "<p>Residential indicators of every parcel: density, floor area, FAR, average floors, "
            "category (GB 50180-2018 table 4.0.2, with 高层Ⅲ类 for 27+ floors), form (slab / tower / mixed, "
            "from footprint shapes), population, concentrated green per person and the open-space ratio "
            "OSR = (parcel area - footprint) / floor area.</p>"
            "<p>Areas are ground square metres whatever the layers' CRS. A building crossing a parcel line "
            "counts in each parcel by the share of its footprint inside. Floors come from the floors field, "
            "or else from the height field as max(1, round(height / floor height)). Leave the residential "
            "expression empty to treat every building as residential. Input layers are never modified.</p>"
            "<p>为每个居住地块计算建筑密度、建筑面积、容积率、平均层数、类别（GB 50180-2018 表4.0.2，27层以上为高层Ⅲ类）、"
            "形式（板式/点式/混合）、人口、人均集中绿地与开敞空间率 OSR =（用地面积 − 基底面积）/ 总建筑面积。"
            "面积均为地面平方米，与图层坐标系无关；跨越地块边界的建筑按其基底在地块内的比例计入。</p>"
            f"<p>Output fields 输出字段:</p><ul>{rows}</ul>"
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.PARCELS, tr("Parcels 地块"), [POLYGON_SOURCE]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.BUILDINGS, tr("Buildings 建筑"), [POLYGON_SOURCE]))
        self.addParameter(
            QgsProcessingParameterField(
                self.FLOORS_FIELD, tr("Floors field 层数字段"), parentLayerParameterName=self.BUILDINGS,
                type=NUMERIC_FIELD, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.HEIGHT_FIELD, tr("Height field (used when no floors field) 高度字段"),
                parentLayerParameterName=self.BUILDINGS, type=NUMERIC_FIELD, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FLOOR_HEIGHT, tr("Floor height, m 层高"), type=DOUBLE_NUMBER, defaultValue=3.0, minValue=1.0, maxValue=10.0
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                self.RESIDENTIAL, tr("Residential buildings (expression; empty = all) 住宅判定表达式"),
                parentLayerParameterName=self.BUILDINGS, optional=True, defaultValue="",
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GREEN, tr("Concentrated green 集中绿地"), [POLYGON_SOURCE], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PER_CAPITA, tr("Residential floor area per person, m² 人均住宅建筑面积"), type=DOUBLE_NUMBER,
                defaultValue=30.0, minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOWER_ASPECT, tr("Point tower if footprint aspect ratio below 点式判定长宽比"), type=DOUBLE_NUMBER,
                defaultValue=2.0, minValue=1.01, maxValue=20.0,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Parcel indicators 地块指标")))

    def processAlgorithm(self, parameters, context, feedback):
        parcels_src = self.parameterAsSource(parameters, self.PARCELS, context)
        buildings_src = self.parameterAsSource(parameters, self.BUILDINGS, context)
        green_src = self.parameterAsSource(parameters, self.GREEN, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        floor_height = self.parameterAsDouble(parameters, self.FLOOR_HEIGHT, context)
        res_expr = self.parameterAsExpression(parameters, self.RESIDENTIAL, context).strip()
        per_capita = self.parameterAsDouble(parameters, self.PER_CAPITA, context)
        tower_aspect = self.parameterAsDouble(parameters, self.TOWER_ASPECT, context)
        if parcels_src is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PARCELS))
        if buildings_src is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.BUILDINGS))
        pname = source_name(parcels_src, "parcels")
        bname = source_name(buildings_src, "buildings")
        if not floors_field and not height_field:
            raise QgsProcessingException(f"Layer '{bname}': choose a floors field or a height field.")

        feedback.setProgressText("Reading layers")
        parcels = read_polygons(parcels_src, pname, feedback)
        field = floors_field or height_field
        buildings = read_polygons(buildings_src, bname, feedback, fields=[field], expression=res_expr or None, context=context)
        green = read_polygons(green_src, source_name(green_src, "green"), feedback) if green_src is not None else None
        if feedback.isCanceled():
            return {}
        feedback.setProgress(30)

        try:
            usable = np.array([g is not None for g in buildings["geoms"]])
            values = check_positive(
                np.array(buildings["attrs"][field], dtype=object)[usable], buildings["ids"][usable], field, bname
            )
            floors = np.ones(len(buildings["ids"]))
            floors[usable] = values if floors_field else floors_from_height(values, floor_height)
            residential = np.ones(len(buildings["ids"]), dtype=bool)
            if res_expr:
                residential = np.array([bool(v) for v in buildings["expr"]])
            frame = LocalFrame.around(parcels["geoms"], parcels["crs"])
            p_local = frame.to_local(parcels["geoms"], parcels["crs"])
            b_local = frame.to_local(buildings["geoms"], buildings["crs"])
            g_local = frame.to_local(green["geoms"], green["crs"]) if green is not None else None
            feedback.setProgressText("Computing indicators")
            result = parcel_indicators(
                p_local, b_local, floors, residential, g_local,
                per_capita_floor_area=per_capita, tower_max_aspect=tower_aspect,
            )
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)

        in_fields = parcels_src.fields()
        out_fields = QgsFields()
        replaced = []
        for f in in_fields:
            if f.name().lower() in INDICATOR_FIELDS:
                replaced.append(f.name())
                continue
            out_fields.append(f)
        for key, (desc, unit) in INDICATOR_FIELDS.items():
            kind = "string" if key in STRING_FIELDS else "double"
            out_fields.append(make_field(key, kind, f"{desc} [{unit}]" if unit else desc))
        if replaced:
            feedback.pushInfo(f"Warning: input field(s) {', '.join(replaced)} of '{pname}' are replaced by the computed values.")

        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, out_fields, parcels_src.wkbType(), parcels_src.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        index = {fid: i for i, fid in enumerate(parcels["ids"])}
        keep = [i for i, f in enumerate(in_fields) if f.name() not in replaced]
        total = max(1, len(index))
        for n, feat in enumerate(parcels_src.getFeatures(QgsFeatureRequest(), SKIP_VALIDITY_CHECKS)):
            if feedback.isCanceled():
                break
            i = index[feat.id()]
            out = QgsFeature(out_fields)
            out.setGeometry(feat.geometry())
            attrs = [feat.attributes()[k] for k in keep]
            for key in INDICATOR_FIELDS:
                v = result[key][i]
                if key in STRING_FIELDS:
                    attrs.append(str(v))
                else:
                    attrs.append(float(v) if math.isfinite(v) else None)
            out.setAttributes(attrs)
            sink.addFeature(out, FAST_INSERT)
            feedback.setProgress(70 + 30 * n / total)
        style_on_load(context, dest_id, "parcel_category.qml")
        return {self.OUTPUT: dest_id}
