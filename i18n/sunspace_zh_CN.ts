<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SunSpace</name>
    <message>
        <source>Parcel indicators 地块指标</source>
        <translation>地块指标</translation>
    </message>
    <message>
        <source>Parcels 地块</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Buildings 建筑</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Floors field 层数字段</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <source>Height field (used when no floors field) 高度字段</source>
        <translation>高度字段</translation>
    </message>
    <message>
        <source>Floor height, m 层高</source>
        <translation>层高（m）</translation>
    </message>
    <message>
        <source>Residential buildings (expression; empty = all) 住宅判定表达式</source>
        <translation>住宅判定表达式</translation>
    </message>
    <message>
        <source>Concentrated green 集中绿地</source>
        <translation>集中绿地</translation>
    </message>
    <message>
        <source>Residential floor area per person, m² 人均住宅建筑面积</source>
        <translation>人均住宅建筑面积（m²）</translation>
    </message>
    <message>
        <source>Point tower if footprint aspect ratio below 点式判定长宽比</source>
        <translation>点式判定长宽比</translation>
    </message>
</context>
</TS>
