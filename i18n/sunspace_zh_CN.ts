<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SunSpace</name>
    <message>
        <source>Parcels 地块</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Sunlight 日照</source>
        <translation>日照</translation>
    </message>
    <message>
        <source>Planning control 规划控制</source>
        <translation>规划控制</translation>
    </message>
    <message>
        <source>Ground sunlight hours and shadow lines 场地日照与阴影线</source>
        <translation>场地日照与阴影线</translation>
    </message>
    <message>
        <source>Analysis area polygons (optional) 分析范围</source>
        <translation>分析范围</translation>
    </message>
    <message>
        <source>Analysis extent (when no area layer) 分析范围</source>
        <translation>分析范围</translation>
    </message>
    <message>
        <source>Grid spacing, m 网格间距</source>
        <translation>网格间距（m）</translation>
    </message>
    <message>
        <source>Analysis height above ground, m 分析高度</source>
        <translation>分析高度（m）</translation>
    </message>
    <message>
        <source>Isochrone hours, comma-separated 等时线小时</source>
        <translation>等时线小时</translation>
    </message>
    <message>
        <source>Sunlight hours raster 日照时数栅格</source>
        <translation>日照时数栅格</translation>
    </message>
    <message>
        <source>Isochrones 等时线</source>
        <translation>等时线</translation>
    </message>
    <message>
        <source>Standard shadow line 标准日照阴影线</source>
        <translation>标准日照阴影线</translation>
    </message>
    <message>
        <source>Open-space ratio with floor and base values 开敞空间率（底线值与基础值）</source>
        <translation>开敞空间率（底线值与基础值）</translation>
    </message>
    <message>
        <source>Green-space FAR cap 绿地约束容积率上限</source>
        <translation>绿地约束容积率上限</translation>
    </message>
    <message>
        <source>Window sampling spacing for the sunlight check, m 窗户采样间距</source>
        <translation>窗户采样间距（m）</translation>
    </message>
    <message>
        <source>Grid spacing for the shadow line on green, m 阴影线网格间距</source>
        <translation>阴影线网格间距（m）</translation>
    </message>
    <message>
        <source>Concentrated green 集中绿地</source>
        <translation>集中绿地</translation>
    </message>
    <message>
        <source>Residential floor area per person EP, m² 人均住宅建筑面积</source>
        <translation>人均住宅建筑面积（m²）</translation>
    </message>
    <message>
        <source>Base value 基础值</source>
        <translation>基础值</translation>
    </message>
    <message>
        <source>Percentile 百分位</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>Base/floor table (CSV or table) 基础值表</source>
        <translation>基础值表</translation>
    </message>
    <message>
        <source>Colour by 着色方式</source>
        <translation>着色方式</translation>
    </message>
    <message>
        <source>Open-space ratio 开敞空间率</source>
        <translation>开敞空间率</translation>
    </message>
    <message>
        <source>Base and floor values used 基础值与底线值表</source>
        <translation>基础值与底线值表</translation>
    </message>
    <message>
        <source>Estate roads (lines or polygons) 小区道路</source>
        <translation>小区道路</translation>
    </message>
    <message>
        <source>Road width field, m 道路宽度字段</source>
        <translation>道路宽度字段（m）</translation>
    </message>
    <message>
        <source>AF_max from 日照容积率来源</source>
        <translation>日照容积率来源</translation>
    </message>
    <message>
        <source>Given average floors 给定层数</source>
        <translation>给定层数</translation>
    </message>
    <message>
        <source>Given building density 给定建筑密度</source>
        <translation>给定建筑密度</translation>
    </message>
    <message>
        <source>Measure m with the ground-sunlight engine 实测 m</source>
        <translation>实测 m</translation>
    </message>
    <message>
        <source>FAR caps 容积率上限</source>
        <translation>容积率上限</translation>
    </message>
    <message>
        <source>Parcel indicators 地块指标</source>
        <translation>地块指标</translation>
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
        <source>Residential floor area per person, m² 人均住宅建筑面积</source>
        <translation>人均住宅建筑面积（m²）</translation>
    </message>
    <message>
        <source>Point tower if footprint aspect ratio below 点式判定长宽比</source>
        <translation>点式判定长宽比</translation>
    </message>
    <message>
        <source>Compliance report 合规报告</source>
        <translation>合规报告</translation>
    </message>
    <message>
        <source>Open-space ratio result 开敞空间率结果</source>
        <translation>开敞空间率结果</translation>
    </message>
    <message>
        <source>FAR-cap result (optional) 容积率上限结果</source>
        <translation>容积率上限结果</translation>
    </message>
    <message>
        <source>Title 标题</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>HTML report 报告</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>PDF report (optional) PDF报告</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Sunlight setbacks 日照间距</source>
        <translation>日照间距</translation>
    </message>
    <message>
        <source>Sunlight spacing coefficients 日照间距系数</source>
        <translation>日照间距系数</translation>
    </message>
    <message>
        <source>Compute exact zones 计算精确影响范围</source>
        <translation>计算精确影响范围</translation>
    </message>
    <message>
        <source>Exact-zone grid spacing, m 精确范围网格间距</source>
        <translation>精确范围网格间距（m）</translation>
    </message>
    <message>
        <source>Coefficient setback zones 系数法日照间距范围</source>
        <translation>系数法日照间距范围</translation>
    </message>
    <message>
        <source>Exact setback zones 精确日照影响范围</source>
        <translation>精确日照影响范围</translation>
    </message>
    <message>
        <source>Spacing checks 间距校核</source>
        <translation>间距校核</translation>
    </message>
    <message>
        <source>Location from a layer's centre 图层</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Location point 位置</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Latitude, degrees (when no layer or point) 纬度</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Year of the standard days 年份</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Reference building height, m 参考建筑高度</source>
        <translation>参考建筑高度（m）</translation>
    </message>
    <message>
        <source>Reference sill height, m 参考窗台高度</source>
        <translation>参考窗台高度（m）</translation>
    </message>
    <message>
        <source>Facade angle from due south, degrees 朝向偏角</source>
        <translation>朝向偏角</translation>
    </message>
    <message>
        <source>Spacing coefficients 日照间距系数</source>
        <translation>日照间距系数</translation>
    </message>
    <message>
        <source>Base elevation field, m (empty = 0) 基底标高字段</source>
        <translation>基底标高字段</translation>
    </message>
    <message>
        <source>Sunlight standard 日照标准</source>
        <translation>日照标准</translation>
    </message>
    <message>
        <source>Custom standard day 自定义标准日</source>
        <translation>自定义标准日</translation>
    </message>
    <message>
        <source>Custom required hours 自定义日照小时数</source>
        <translation>自定义日照小时数</translation>
    </message>
    <message>
        <source>Custom window start, true solar hour 有效日照起</source>
        <translation>有效日照起</translation>
    </message>
    <message>
        <source>Custom window end, true solar hour 有效日照止</source>
        <translation>有效日照止</translation>
    </message>
    <message>
        <source>Year of the standard day 年份</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Fixed solar declination, degrees (overrides the year) 赤纬</source>
        <translation>赤纬</translation>
    </message>
    <message>
        <source>Counting rules 计算规则</source>
        <translation>计算规则</translation>
    </message>
    <message>
        <source>Custom time step, minutes (0 = exact) 时间步长</source>
        <translation>时间步长</translation>
    </message>
    <message>
        <source>Custom: drop sunlit segments shorter than, minutes 最短有效时段</source>
        <translation>最短有效时段</translation>
    </message>
    <message>
        <source>Custom: count only the N longest segments (0 = all) 最长时段数</source>
        <translation>最长时段数</translation>
    </message>
    <message>
        <source>Custom: one continuous segment must meet the standard 连续日照</source>
        <translation>连续日照</translation>
    </message>
    <message>
        <source>Custom: sweep angle, degrees 扫掠角</source>
        <translation>扫掠角</translation>
    </message>
    <message>
        <source>Custom: minimum sun altitude, degrees 最低太阳高度角</source>
        <translation>最低太阳高度角</translation>
    </message>
    <message>
        <source>Height field, m 建筑高度字段</source>
        <translation>建筑高度字段（m）</translation>
    </message>
    <message>
        <source>Floors field (used when no height field) 层数字段</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <source>Window sill above floor, m 窗台高度</source>
        <translation>窗台高度（m）</translation>
    </message>
    <message>
        <source>Window sunlight hours 窗户日照分析</source>
        <translation>窗户日照分析</translation>
    </message>
    <message>
        <source>Planned buildings (same height/floors fields) 规划建筑</source>
        <translation>规划建筑</translation>
    </message>
    <message>
        <source>Window points instead of sampled facades 窗户点</source>
        <translation>窗户点</translation>
    </message>
    <message>
        <source>Window height above ground field, m 窗台高度字段</source>
        <translation>窗台高度字段（m）</translation>
    </message>
    <message>
        <source>Window facing azimuth field, degrees from north 窗户朝向字段</source>
        <translation>窗户朝向字段</translation>
    </message>
    <message>
        <source>Facade sampling spacing, m 采样间距</source>
        <translation>采样间距（m）</translation>
    </message>
    <message>
        <source>Facades to analyse 分析立面</source>
        <translation>分析立面</translation>
    </message>
    <message>
        <source>Sample every floor (not only the ground floor) 逐层分析</source>
        <translation>逐层分析</translation>
    </message>
    <message>
        <source>Parcels for a summary (optional) 地块</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Window sunlight 窗户日照</source>
        <translation>窗户日照</translation>
    </message>
    <message>
        <source>Building sunlight summary 建筑日照汇总</source>
        <translation>建筑日照汇总</translation>
    </message>
    <message>
        <source>Parcel sunlight summary 地块日照汇总</source>
        <translation>地块日照汇总</translation>
    </message>
</context>
</TS>
