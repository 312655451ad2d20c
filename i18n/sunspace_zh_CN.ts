<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SunSpace</name>
    <message>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Sunlight</source>
        <translation>日照</translation>
    </message>
    <message>
        <source>Planning control</source>
        <translation>规划控制</translation>
    </message>
    <message>
        <source>Layer {layer} has no valid coordinate reference system; set one (Layer Properties ▸ Source) and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} holds {found}; this input needs {wanted}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} has no features to use (is it empty, or is 'selected features only' on with nothing selected?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} has no {wanted} to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: no feature has a usable geometry (every geometry is NULL, empty or broken).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expression '{expr}' for layer {layer} is invalid: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expression '{expr}' names field(s) {fields} that layer {layer} does not have (its fields: {have}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the {what} '{path}': the folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the {what} '{path}': permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} has no field '{field}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry in feature(s) {ids}. Repair them (Vector ▸ Geometry Tools ▸ Fix Geometries) or change Processing's invalid-features setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expression '{expr}' marks none of the {n} features of layer {layer} as {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expression '{expr}' marks all {n} features of layer {layer} as {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to the output '{output}': {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>'{name}' ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, feature {fid}: the expression '{expr}' failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: {n} feature(s) that are not {wanted} were left out ({ids}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Values of '{field}': {values}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry in feature(s) {ids}; skipped as Processing's invalid-features setting asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: no output was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {layer}: {n}/{total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground sunlight hours and shadow lines</source>
        <translation>场地日照与阴影线</translation>
    </message>
    <message>
        <source>Isochrone hours must lie between 0 and 24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the raster '{path}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Sunlight hours on a regular grid at a chosen height (the ground by default) over an extent or the polygons of an area layer, on the standard day. Writes a GeoTIFF of hours (in a local transverse Mercator frame centred on the data, in metres; cells inside buildings are no-data), isochrone polygons (等时线) for the hours you list (each polygon: the ground that gets fewer than that many hours) and the standard shadow line (标准的建筑日照阴影线): the ground that gets fewer than the standard's hours, which the concentrated-green rules use. Polygons are exact to half a grid cell.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在指定高度（默认地面）按网格计算标准日日照时数，输出日照时数栅格（GeoTIFF）、各时数等时线面，以及标准的建筑日照阴影线（不足标准日照时数的场地范围）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Isochrone hours must be numbers separated by commas, got '{text}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis area is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis area polygons (optional)</source>
        <translation>分析范围</translation>
    </message>
    <message>
        <source>Analysis extent (when no area layer)</source>
        <translation>分析范围</translation>
    </message>
    <message>
        <source>Grid spacing, m</source>
        <translation>网格间距</translation>
    </message>
    <message>
        <source>Analysis height above ground, m</source>
        <translation>分析高度</translation>
    </message>
    <message>
        <source>Isochrone hours, comma-separated</source>
        <translation>等时线小时</translation>
    </message>
    <message>
        <source>Sunlight hours raster</source>
        <translation>日照时数栅格</translation>
    </message>
    <message>
        <source>Isochrones</source>
        <translation>等时线</translation>
    </message>
    <message>
        <source>Standard shadow line</source>
        <translation>标准日照阴影线</translation>
    </message>
    <message>
        <source>Give an analysis area layer or an extent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cells} ground cells; {area:.0f} m² get fewer than {hours:g} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of compliant parcels</source>
        <translation>合规地块均值</translation>
    </message>
    <message>
        <source>Median of compliant parcels</source>
        <translation>合规地块中位数</translation>
    </message>
    <message>
        <source>Percentile of compliant parcels</source>
        <translation>合规地块百分位数</translation>
    </message>
    <message>
        <source>From a table</source>
        <translation>来自表格</translation>
    </message>
    <message>
        <source>Indicator ranges and rule-index map</source>
        <translation>指标赋值清单与规则索引地图</translation>
    </message>
    <message>
        <source>&lt;p&gt;The indicator list (指标赋值清单) and rule-index map (规则索引地图) of paper 003 section 4.2. With OSR = (1 − DB)/(n·DB), an open-space value f that must be met caps the density at DB = 1/(1 + n·f) and the FAR at 1/(f + 1/n). For every zone (new area, old-area renewal, historic city) × category × form the table gives the floors n and heights of the category and the ranges of the floor value, the density and FAR it allows, the base value and the density and FAR it allows, and the green-space FAR cap F_max (paper 004) beside them. Floor values, base values, the zones and the east-west parcels follow sunspace:openspaceratio (same parameters). Old-area renewal and the historic city use GB 50180-2018's renewal standard (大寒日 ≥ 1 h) and 0.35 m² of concentrated green per person.&lt;/p&gt;&lt;p&gt;Per parcel: its allowed density, FAR and floors under its floor value (hard limit) and base value (target), and how far its current values sit from them (positive = above the limit). The parcels are styled as a rule-index map (colour by zone and category, allowed FAR range as label); give a PNG or PDF file to export the map with legend and table. Write the table to .csv or .xlsx by choosing that file type.&lt;/p&gt;</source>
        <translation>&lt;p&gt;论文003第4.2节的指标赋值清单与规则索引地图。由 OSR =（1 − DB）/（n·DB），必须满足的开敞空间率 f 将建筑密度限制为 DB = 1/(1 + n·f)，将容积率限制为 1/(f + 1/n)。表中按区段（新建区、老城区旧区改建、历史城区）× 类别 × 建筑形式，列出该类别的层数 n 与建筑高度、底线值的取值范围及其允许的建筑密度与容积率、基础值及其允许的建筑密度与容积率，并并列给出论文004的绿地容积率上限 F_max。底线值、基础值、区段与东西向地块的判定均与 sunspace:openspaceratio 相同（参数相同）。老城区旧区改建与历史城区采用 GB 50180-2018 的旧区改建日照标准（大寒日 ≥ 1 h）和人均集中绿地 0.35 m²。&lt;/p&gt;&lt;p&gt;每个地块：按其底线值（刚性下限）和基础值（引导目标）允许的建筑密度、容积率和层数，以及现状值与之的差距（正值表示超出）。地块按规则索引地图样式显示（按区段和类别着色，以允许的容积率区间为标注）；指定 PNG 或 PDF 文件即可导出带图例和指标表的地图。选择 .csv 或 .xlsx 文件类型即可将清单写为相应格式。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Window sampling spacing for the sunlight check, m</source>
        <translation>窗户采样间距</translation>
    </message>
    <message>
        <source>Rule-index map</source>
        <translation>规则索引地图</translation>
    </message>
    <message>
        <source>Cannot load the rule-index style: {text}</source>
        <translation>无法加载规则索引地图样式：{text}</translation>
    </message>
    <message>
        <source>Indicator list (FAR allowed by base – floor value)</source>
        <translation>指标赋值清单（容积率：基础值—底线值允许范围）</translation>
    </message>
    <message>
        <source>Rule-index map of residential parcels</source>
        <translation>居住地块规则索引地图</translation>
    </message>
    <message>
        <source>Concentrated green</source>
        <translation>集中绿地</translation>
    </message>
    <message>
        <source>Residential floor area per person EP, m²</source>
        <translation>人均住宅建筑面积</translation>
    </message>
    <message>
        <source>Base value</source>
        <translation>基础值</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>Base/floor table (CSV or table)</source>
        <translation>基础值表</translation>
    </message>
    <message>
        <source>Table: category field</source>
        <translation>表格：类别字段</translation>
    </message>
    <message>
        <source>Table: base value field</source>
        <translation>表格：基础值字段</translation>
    </message>
    <message>
        <source>Table: floor value field (optional)</source>
        <translation>表格：底线值字段（可选）</translation>
    </message>
    <message>
        <source>Highest floors of high-rise III</source>
        <translation>高层Ⅲ类的最高层数</translation>
    </message>
    <message>
        <source>Parcels with allowed ranges</source>
        <translation>地块允许指标范围</translation>
    </message>
    <message>
        <source>Indicator list</source>
        <translation>指标赋值清单</translation>
    </message>
    <message>
        <source>Rule-index map (PNG or PDF, optional)</source>
        <translation>规则索引地图（PNG 或 PDF，可选）</translation>
    </message>
    <message>
        <source>The rule-index map must be a .png or .pdf file, got '{path}'.</source>
        <translation>规则索引地图须为 .png 或 .pdf 文件，当前为“{path}”。</translation>
    </message>
    <message>
        <source>rule-index map</source>
        <translation>规则索引地图</translation>
    </message>
    <message>
        <source>Cannot write the rule-index map '{path}'.</source>
        <translation>无法写出规则索引地图“{path}”。</translation>
    </message>
    <message>
        <source>Indicator list: {rows} rows (zone × category × form)</source>
        <translation>指标赋值清单：共 {rows} 行（区段 × 类别 × 建筑形式）</translation>
    </message>
    <message>
        <source>Open-space ratio with floor and base values</source>
        <translation>开敞空间率（底线值与基础值）</translation>
    </message>
    <message>
        <source>Green-space FAR cap</source>
        <translation>绿地约束容积率上限</translation>
    </message>
    <message>
        <source>&lt;p&gt;Open-space ratio control after paper 003 (易鑫, 黄明华 et al.): per parcel the actual OSR = (parcel − footprint) / floor area, its &lt;b&gt;floor value&lt;/b&gt; 底线值 OSR_green = OSR_sun + c, where OSR_sun = 1/AF_max − 1/n from the sunlight-limited density DB_max(n) of idealised slab rows or point-tower lattices (computed with the exact sunlight engine at the parcel's latitude and cached), and c = m(1 + r)·MP·share/EP from paper 004; and its category's &lt;b&gt;base value&lt;/b&gt; 基础值: the mean (or median, or a percentile) actual OSR of the input parcels of that category that meet both the sunlight standard (every south-facing ground-floor window) and the concentrated-green requirement (green ≥ MP × population), with the count used, or a value from your table (CSV or QGIS table: category, base, optional floor).&lt;/p&gt;&lt;p&gt;Class: meets base / between floor and base / below floor / no data, with the open-space shortfall in m². The output can be coloured by the three classes, by the base value or by the floor value; the base/floor table actually used is written too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按论文003计算每个地块的开敞空间率实际值、底线值（日照间距与集中绿地模型）与所属类别的基础值（由满足日照与集中绿地要求的地块实际值统计得出，或由用户表格给定），并分为达到基础值 / 介于底线值与基础值 / 低于底线值 / 无数据四类，给出开敞空间缺口（m²）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;FAR cap from per-capita concentrated green after paper 004 (郑晓伟): F_max = 1 / (c + 1/AF_max), c = m(1 + r)·MP·share/EP (defaults MP 0.5 m²/person, EP 30 m², share 1/3, m 12, r 0.15: c ≈ 0.077). AF_max is the sunlight-limited FAR n × DB_max(n) at the parcel's average floors and form (exact sunlight engine), or given floors × density. m can be measured with the ground-sunlight engine in the densest layout (m = 1 / sunlit share of its open ground) instead of assumed.&lt;/p&gt;&lt;p&gt;Concentrated-green checks on the real parcel: counted green (1.5 m off walls, 1.0 m off estate roads, no part narrower than 8 m) ≥ MP × population, and at least the share outside the standard shadow line (computed on the green with the ground-sunlight engine).&lt;/p&gt;</source>
        <translation>&lt;p&gt;按论文004计算绿地约束下的容积率上限 F_max，并校核实际容积率；在真实地块上校核集中绿地面积（距建筑1.5 m、距道路1.0 m，宽度不小于8 m）与阴影线外比例（≥ 1/3）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sunlight-limited density DB_max(n) (cached per latitude and standard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base values 'From a table' need a base/floor table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer}: choose its category and base value fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer} has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid spacing for the shadow line on green, m</source>
        <translation>阴影线网格间距</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色方式</translation>
    </message>
    <message>
        <source>Open-space ratio</source>
        <translation>开敞空间率</translation>
    </message>
    <message>
        <source>Base and floor values used</source>
        <translation>基础值与底线值表</translation>
    </message>
    <message>
        <source>Table {layer} has no field '{field}' (its fields: {have}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': unknown category '{value}' (use {codes} or 低层, 多层Ⅰ类 ... 高层Ⅲ类).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer}: category '{code}' appears twice (rows {first} and {second}); keep one row per category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estate roads (lines or polygons)</source>
        <translation>小区道路</translation>
    </message>
    <message>
        <source>Road width field, m</source>
        <translation>道路宽度字段</translation>
    </message>
    <message>
        <source>AF_max from</source>
        <translation>日照容积率来源</translation>
    </message>
    <message>
        <source>Given average floors</source>
        <translation>给定层数</translation>
    </message>
    <message>
        <source>Given building density</source>
        <translation>给定建筑密度</translation>
    </message>
    <message>
        <source>Measure m with the ground-sunlight engine</source>
        <translation>实测 m</translation>
    </message>
    <message>
        <source>FAR caps</source>
        <translation>容积率上限</translation>
    </message>
    <message>
        <source>Measuring m in the densest layouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': {value} is not an open-space ratio (a positive number up to {top:g}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{above} parcel(s) above their FAR cap; {green} fail a concentrated-green check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': '{value}' is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}', feature {fid}: road width '{value}' is not a non-negative number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel indicators</source>
        <translation>地块指标</translation>
    </message>
    <message>
        <source>Reading layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <source>Height field (used when no floors field)</source>
        <translation>高度字段</translation>
    </message>
    <message>
        <source>Floor height, m</source>
        <translation>层高</translation>
    </message>
    <message>
        <source>Residential buildings (expression; empty = all)</source>
        <translation>住宅判定表达式</translation>
    </message>
    <message>
        <source>Residential floor area per person, m²</source>
        <translation>人均住宅建筑面积</translation>
    </message>
    <message>
        <source>Point tower if footprint aspect ratio below</source>
        <translation>点式判定长宽比</translation>
    </message>
    <message>
        <source>Input field(s) {fields} of layer {layer} are replaced by the computed values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers {a} and {b} do not overlap (their extents are {gap:.0f} m apart): no building lies on any parcel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>合规报告</translation>
    </message>
    <message>
        <source>&lt;p&gt;An HTML report (and optionally a PDF through a QGIS print layout) of an open-space-ratio run: the map coloured by compliance, per-category floor and base values with the number of parcels behind them, a chart of theoretical (floor) against actual and base OSR by category (as in paper 003), and the parcels below their base or floor value with the open space they lack. With a FAR-cap layer, the parcels above their cap or failing a concentrated-green check are listed too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;生成开敞空间率合规报告（HTML，可选PDF）：合规着色地图、各类别底线值与基础值及其样本数、理论值与实际值对比图、不达标地块及开敞空间缺口；如提供容积率上限图层，同时列出超上限与集中绿地不达标的地块。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layer '{layer}' is not an open-space-ratio result (missing {fields}); run sunspace:openspaceratio first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open-space ratio result</source>
        <translation>开敞空间率结果</translation>
    </message>
    <message>
        <source>FAR-cap result (optional)</source>
        <translation>容积率上限结果</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>PDF report (optional)</source>
        <translation>PDF 报告（可选）</translation>
    </message>
    <message>
        <source>PDF export failed ({code}): '{path}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer '{layer}' is not a FAR-cap result; run sunspace:greenfarcap first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the HTML report '{path}': {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: {paths}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunlight setbacks</source>
        <translation>日照间距</translation>
    </message>
    <message>
        <source>Sunlight spacing coefficients</source>
        <translation>日照间距系数</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sunlight setbacks of every building for the chosen standard:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Coefficient zones&lt;/b&gt; (系数法): the ground north of the building within L = k(N) × (H − sill) × f, k(N) = cot h · cos A at hour angle 7.5° × N, f the GB 50180-93 orientation reduction (1.0 for 0-15°, 0.9 15-30°, 0.8 30-45°, 0.9 45-60°, 0.95 beyond) for the building's main facade angle from south.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exact zones&lt;/b&gt;: the ground at sill height that gets fewer than the standard's hours because of that building alone (its N-hour isochrone), computed with the exact sunlight engine on a grid.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Spacing checks&lt;/b&gt; between each residential building and the buildings to its south that face it: actual north-south spacing, required spacing, deficit in metres and pass/fail (a building hidden behind a nearer one, or farther than 1.5 times the required spacing, is not listed).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;计算每栋建筑的日照间距：系数法日照间距范围、精确日照影响范围（该建筑单独遮挡下不足标准时数的场地）、以及住宅建筑与其南侧建筑的间距校核（实际间距、要求间距、差值、是否满足）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The spacing coefficient k(N) = cot h · cos A at hour angle 7.5° × N for parallel east-west slabs, for 1, 2 and 3 hours on 大寒日 and 1 hour on 冬至日, at a latitude (from a layer's centre, a point, or typed). L/H follows GB 50180-93's convention: L/H = k (H − sill) / H with the reference height H = 18.18 m and sill 1.35 m (both parameters). The reduced columns apply the orientation reduction for a facade turned the given angle from due south.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按纬度计算大寒日1、2、3小时与冬至日1小时的日照间距系数 k 及 GB 50180-93 口径的 L/H（H = 18.18 m，窗台 1.35 m），并给出按朝向折减后的数值。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Great Cold day (大寒日)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Winter Solstice day (冬至日)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a layer, a point or a latitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude {lat:.2f} is outside the range SunSpace supports (0 to 60 degrees north: the Chinese sunlight standards assume the winter sun to the south).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference sill must be lower than the reference height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute exact zones</source>
        <translation>计算精确影响范围</translation>
    </message>
    <message>
        <source>Exact-zone grid spacing, m</source>
        <translation>精确范围网格间距</translation>
    </message>
    <message>
        <source>Coefficient setback zones</source>
        <translation>系数法日照间距范围</translation>
    </message>
    <message>
        <source>Exact setback zones</source>
        <translation>精确日照影响范围</translation>
    </message>
    <message>
        <source>Spacing checks</source>
        <translation>间距校核</translation>
    </message>
    <message>
        <source>Location from a layer's centre</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Location point</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Latitude, degrees (when no layer or point)</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Year of the standard days</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Reference building height, m</source>
        <translation>参考建筑高度</translation>
    </message>
    <message>
        <source>Reference sill height, m</source>
        <translation>参考窗台高度</translation>
    </message>
    <message>
        <source>Facade angle from due south, degrees</source>
        <translation>朝向偏角</translation>
    </message>
    <message>
        <source>Spacing coefficients</source>
        <translation>日照间距系数</translation>
    </message>
    <message>
        <source>Layer {layer} has no features to place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sun does not reach {angle:g} degrees from noon at latitude {lat:.2f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} facing pairs checked, {fail} too close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {hours:g} h: k = {k:.3f}, L/H = {lh:.3f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National: cumulative, 1-min step 全国：累计，1分钟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beijing: drop segments &lt; 5 min (大寒) / 30 min (冬至), sweep 12° 北京</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hangzhou: longest 2 segments, 5-min step 杭州</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shanghai: one continuous segment 上海：连续</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qingdao: ignore sun below 15° 青岛</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (knobs below) 自定义</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base elevation field, m (empty = 0)</source>
        <translation>基底标高字段</translation>
    </message>
    <message>
        <source>Layer {layer}: choose a height field or a floors field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': NULL in feature(s) {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} lies south of the equator (latitude {lat:.2f}); SunSpace applies the Chinese sunlight standards, which assume the winter sun to the south (latitudes 0-60 N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} spans {lat0:.2f} to {lat1:.2f} degrees of latitude; one run computes the sun at one latitude and allows at most {span:g} degrees. Run each city or district separately (select its features).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunlight standard</source>
        <translation>日照标准</translation>
    </message>
    <message>
        <source>Custom standard day</source>
        <translation>自定义标准日</translation>
    </message>
    <message>
        <source>Custom required hours</source>
        <translation>自定义日照小时数</translation>
    </message>
    <message>
        <source>Custom window start, true solar hour</source>
        <translation>有效日照起</translation>
    </message>
    <message>
        <source>Custom window end, true solar hour</source>
        <translation>有效日照止</translation>
    </message>
    <message>
        <source>Year of the standard day</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Fixed solar declination, degrees (overrides the year)</source>
        <translation>赤纬</translation>
    </message>
    <message>
        <source>Counting rules</source>
        <translation>计算规则</translation>
    </message>
    <message>
        <source>Custom time step, minutes (0 = exact)</source>
        <translation>时间步长</translation>
    </message>
    <message>
        <source>Custom: drop sunlit segments shorter than, minutes</source>
        <translation>最短有效时段</translation>
    </message>
    <message>
        <source>Custom: count only the N longest segments (0 = all)</source>
        <translation>最长时段数</translation>
    </message>
    <message>
        <source>Custom: one continuous segment must meet the standard</source>
        <translation>连续日照</translation>
    </message>
    <message>
        <source>Custom: sweep angle, degrees</source>
        <translation>扫掠角</translation>
    </message>
    <message>
        <source>Custom: minimum sun altitude, degrees</source>
        <translation>最低太阳高度角</translation>
    </message>
    <message>
        <source>Height field, m</source>
        <translation>建筑高度字段</translation>
    </message>
    <message>
        <source>Floors field (used when no height field)</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <source>Window sill above floor, m</source>
        <translation>窗台高度</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': '{value}' is not a number (feature {fid}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: the median height per floor is {value:.2f} m (fields '{h}' / '{f}'), outside 2.4-6 m; check the units of the height field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window sunlight hours</source>
        <translation>窗户日照分析</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sunlight hours of every window sill on the standard day. Obstructors are all buildings (plus an optional layer of planned buildings); receivers are the facades of residential buildings, sampled every &lt;i&gt;spacing&lt;/i&gt; metres at the ground-floor sill (or at every floor; by default only facades with a southward outward normal, where the standard's main rooms are), or your own window points with a height and a facing azimuth. Shadows are computed exactly (no raster): each window gets its sunlit intervals in true solar time and Beijing time (using the day's equation of time at noon), its counted minutes under the chosen rules, and pass/fail.&lt;/p&gt;&lt;p&gt;Outputs: window points; a building summary (worst window, share failing, pass/fail); optionally a parcel summary. With planned buildings, each window also gets its minutes before the proposal and a flag when the proposal pushes it below the standard (GB 50180-2018 4.0.9: adding buildings must not lower a neighbour's sunlight below standard). Latitude and longitude come from the data, whatever its CRS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;计算标准日每个窗台的日照时数：障碍物为全部建筑（可加规划建筑图层），接收点为住宅建筑外墙按间距采样的底层窗台（或每层），或用户给定的窗户点。输出窗户点（真太阳时与北京时间的日照时段、累计分钟、是否达标）、建筑汇总、地块汇总；有规划建筑时给出规划前后的日照时数及因规划而不达标的窗户。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Planned buildings (same height/floors fields)</source>
        <translation>规划建筑</translation>
    </message>
    <message>
        <source>No window to analyse: no facade of the chosen buildings faces the sun side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: choose its window height and facing fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} has no window point with a geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': window heights below ground in feature(s) {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window points instead of sampled facades</source>
        <translation>窗户点</translation>
    </message>
    <message>
        <source>Window height above ground field, m</source>
        <translation>窗台高度字段</translation>
    </message>
    <message>
        <source>Window facing azimuth field, degrees from north</source>
        <translation>窗户朝向字段</translation>
    </message>
    <message>
        <source>Facade sampling spacing, m</source>
        <translation>采样间距</translation>
    </message>
    <message>
        <source>Facades to analyse</source>
        <translation>分析立面</translation>
    </message>
    <message>
        <source>Sample every floor (not only the ground floor)</source>
        <translation>逐层分析</translation>
    </message>
    <message>
        <source>Parcels for a summary (optional)</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>Window sunlight</source>
        <translation>窗户日照</translation>
    </message>
    <message>
        <source>Building sunlight summary</source>
        <translation>建筑日照汇总</translation>
    </message>
    <message>
        <source>Parcel sunlight summary</source>
        <translation>地块日照汇总</translation>
    </message>
    <message>
        <source>Layer {layer}: no residential building to analyse (check the residential expression and the selection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ok} of {n} windows meet the standard ({fail} fail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site: {lat:.4f} N, {lon:.4f} E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} windows, {walls} walls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the proposal pushes {k} below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concentrated green per person MP must be positive, got {value}.</source>
        <translation>人均集中绿地 MP 必须为正数，当前为 {value}。</translation>
    </message>
    <message>
        <source>The east-west angle must lie between 0 and 90 degrees, got {value}.</source>
        <translation>东西向判定角度须在 0 至 90 度之间，当前为 {value}。</translation>
    </message>
    <message>
        <source>Zone field (new area / old-area renewal / historic city)</source>
        <translation>区段字段（新建区 / 老城区旧区改建 / 历史城区）</translation>
    </message>
    <message>
        <source>Zone values for old-area renewal (comma-separated)</source>
        <translation>表示老城区旧区改建的字段值（以逗号分隔）</translation>
    </message>
    <message>
        <source>Zone values for the historic city (comma-separated)</source>
        <translation>表示历史城区的字段值（以逗号分隔）</translation>
    </message>
    <message>
        <source>Concentrated green per person in old-area renewal and the historic city, m²</source>
        <translation>老城区旧区改建与历史城区的人均集中绿地，m²</translation>
    </message>
    <message>
        <source>East-west if the main facade turns from south by more than, degrees</source>
        <translation>主立面偏离正南超过此角度即为东西向，度</translation>
    </message>
    <message>
        <source>East-west parcel if its floor area in east-west buildings exceeds, %</source>
        <translation>东西向建筑面积占比超过此值即为东西向地块，%</translation>
    </message>
    <message>
        <source>Zone values are given but no zone field: choose the parcels' zone field.</source>
        <translation>已填写区段取值，但未选择区段字段：请选择地块图层的区段字段。</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>Window sunlight of every residential building</source>
        <translation>逐栋计算住宅建筑窗户日照</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': no parcel has the zone value(s) {values}.</source>
        <translation>图层 {layer} 的字段“{field}”中没有任何地块取值为 {values}。</translation>
    </message>
    <message>
        <source>{n} parcel(s) laid out east-west (more than {share:g} % of their floor area in buildings turned over {angle:g}° from south): left out of the base values.</source>
        <translation>{n} 个地块为东西向布局（超过 {share:g}% 的住宅建筑面积位于主朝向偏离正南超过 {angle:g}° 的建筑中）：不计入基础值样本。</translation>
    </message>
    <message>
        <source>Zone {zone}: {standard}, concentrated green {mp:g} m²/person</source>
        <translation>区段 {zone}：{standard}，人均集中绿地 {mp:g} m²</translation>
    </message>
    <message>
        <source>Layer {layer} has no geometry to place on the earth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer} uses the local coordinate system '{crs}', which is not tied to the earth; assign its real CRS (Layer Properties ▸ Source) and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinates of layer {layer} (x {x0:.6g} to {x1:.6g}, y {y0:.6g} to {y1:.6g}) do not fit its coordinate reference system {crs}; is the layer's CRS set correctly?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': '{value}' is not a number (feature(s) {ids}). Fix or filter these features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': NULL in feature(s) {ids}; zero or negative in feature(s) {bad}. Fix or filter these features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': NULL in feature(s) {ids}. Fix or filter these features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': zero or negative in feature(s) {ids}. Fix or filter these features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor height must be positive, got {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': heights up to {top:.0f} m in feature(s) {ids}; SunSpace reads heights in metres (centimetres or millimetres?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': {top:.0f} floors in feature(s) {ids}; is this a height or a floors field?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: feature(s) {ids} have no geometry and are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry repaired in feature(s) {ids}; nothing polygonal was left of {lost}, skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry repaired in feature(s) {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
