<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SunSpace</name>
    <message>
        <source>Sunlight and open-space check</source>
        <translation>日照与开敞空间检查</translation>
    </message>
    <message>
        <source>SunSpace help</source>
        <translation>SunSpace 帮助</translation>
    </message>
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
        <source>Sunlight model n × DB_max(n)</source>
        <translation>日照模型 n × DB_max(n)</translation>
    </message>
    <message>
        <source>Given floors and density</source>
        <translation>给定层数与密度</translation>
    </message>
    <message>
        <source>City base values</source>
        <translation>城市基础值</translation>
    </message>
    <message>
        <source>&lt;p&gt;Base values after paper 003: from a city-wide set of parcels and buildings (and concentrated green), the actual open-space ratio of the parcels that meet the public-interest requirements (every south-facing ground-floor window meets the sunlight standard, and green ≥ MP × population), per category and per form (slab / tower): count, mean (the base value), median, 25th and 75th percentiles, standard deviation and the Student-t confidence interval of the mean. Categories with fewer than 5 eligible parcels are marked provisional.&lt;/p&gt;&lt;p&gt;The table is the input of the open-space-ratio tool and of the compliance check ('From a table': category field cat_code, base field base).&lt;/p&gt;</source>
        <translation>&lt;p&gt;按论文003计算基础值：在全市范围的地块与建筑（及集中绿地）中，取满足公共利益要求的地块（所有南向底层窗户满足日照标准，且集中绿地 ≥ MP × 人口）的实际开敞空间率，按类别及建筑形式（板式/点式）统计：样本数、均值（即基础值）、中位数、第25与第75百分位数、标准差以及均值的 Student-t 置信区间。合格地块少于5个的类别标记为暂定值。&lt;/p&gt;&lt;p&gt;该表可作为开敞空间率工具和合规检查的输入（“来自表格”：类别字段 cat_code，基础值字段 base）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sunlight and open-space compliance check</source>
        <translation>日照与开敞空间合规检查</translation>
    </message>
    <message>
        <source>&lt;p&gt;The whole check in one run: parcel indicators → window sunlight → open-space ratio with floor and base values → green-space FAR caps → report. Indicators and window sunlight are computed once and shared by the later steps. Outputs: the parcels with every indicator, floor and base value, class, shortfall (excess floor area, open space missing, complying FAR) and FAR cap (input fields kept); the residential buildings with their windows failing; the base and floor values used; an HTML and a PDF report that state the standard, day, counting rules, parameters and base-value source. The print layout is added to the project (Layout Manager).&lt;/p&gt;&lt;p&gt;Base values: from a table (e.g. the output of City base values, recommended) or derived from the input parcels (marked provisional where a category has fewer than 5 eligible parcels).&lt;/p&gt;</source>
        <translation>&lt;p&gt;一次运行完成全部检查：地块指标 → 窗户日照 → 开敞空间率（底线值与基础值）→ 绿地容积率上限 → 报告。地块指标与窗户日照只计算一次，供后续步骤共用。输出：带有全部指标、底线值与基础值、分类、缺口（超出的建筑面积、缺少的开敞空间、可达标的容积率）及容积率上限的地块（保留输入字段）；标出不达标窗户数的住宅建筑；所采用的基础值与底线值表；以及写明日照标准、日期、计算规则、参数和基础值来源的 HTML 与 PDF 报告。打印布局会加入工程（布局管理器）。&lt;/p&gt;&lt;p&gt;基础值：来自表格（推荐使用“城市基础值”的输出），或由输入地块推算（某类别合格地块少于5个时标记为暂定值）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Window sampling spacing for the sunlight check, m</source>
        <translation>窗户采样间距</translation>
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
        <source>Student-t interval of the mean, {p:g} %</source>
        <translation>均值的 Student-t 置信区间，{p:g}%</translation>
    </message>
    <message>
        <source>Step 1/5: parcel indicators</source>
        <translation>第1/5步：地块指标</translation>
    </message>
    <message>
        <source>Step 3/5: open-space ratio, floor and base values</source>
        <translation>第3/5步：开敞空间率、底线值与基础值</translation>
    </message>
    <message>
        <source>Step 4/5: green-space FAR caps</source>
        <translation>第4/5步：绿地容积率上限</translation>
    </message>
    <message>
        <source>Step 5/5: outputs and report</source>
        <translation>第5/5步：输出与报告</translation>
    </message>
    <message>
        <source>Sunlight and open-space compliance report</source>
        <translation>日照与开敞空间合规报告</translation>
    </message>
    <message>
        <source>Open-space ratio class</source>
        <translation>开敞空间率分类</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>City parcels</source>
        <translation>全市地块</translation>
    </message>
    <message>
        <source>Confidence level of the interval</source>
        <translation>置信区间的置信水平</translation>
    </message>
    <message>
        <source>Base values</source>
        <translation>基础值</translation>
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
        <source>Grid spacing for the shadow line on green, m</source>
        <translation>阴影线网格间距</translation>
    </message>
    <message>
        <source>Report title</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Compliance of parcels</source>
        <translation>地块合规情况</translation>
    </message>
    <message>
        <source>Window sunlight by building</source>
        <translation>各建筑窗户日照</translation>
    </message>
    <message>
        <source>Base and floor values used</source>
        <translation>基础值与底线值表</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>日照标准</translation>
    </message>
    <message>
        <source>Standard day</source>
        <translation>日照标准日</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>有效日照时间带</translation>
    </message>
    <message>
        <source>Counting rules</source>
        <translation>计算规则</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>窗户</translation>
    </message>
    <message>
        <source>Floor height</source>
        <translation>层高</translation>
    </message>
    <message>
        <source>Green model</source>
        <translation>绿地模型</translation>
    </message>
    <message>
        <source>Model buildings</source>
        <translation>模型建筑</translation>
    </message>
    <message>
        <source>Parcels checked</source>
        <translation>检查的地块</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Coordinate reference system</source>
        <translation>坐标参照系</translation>
    </message>
    <message>
        <source>Plugin version</source>
        <translation>插件版本</translation>
    </message>
    <message>
        <source>Report: {paths}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m:g} min</source>
        <translation>{m:g} 分钟</translation>
    </message>
    <message>
        <source>derived from the {n} input parcels ({how} of the eligible parcels' OSR); parcels behind each value: {counts}</source>
        <translation>由输入的 {n} 个地块推算（合格地块开敞空间率的 {how}）；各基础值所依据的地块数：{counts}</translation>
    </message>
    <message>
        <source>table '{name}'; parcels behind each value: {counts}</source>
        <translation>表格“{name}”；各基础值所依据的地块数：{counts}</translation>
    </message>
    <message>
        <source>Categories with fewer than {n} eligible parcels (base value provisional): {cats}.</source>
        <translation>合格地块少于 {n} 个的类别（基础值为暂定值）：{cats}。</translation>
    </message>
    <message>
        <source>custom standard</source>
        <translation>自定义标准</translation>
    </message>
    <message>
        <source>{day} {date}, solar declination {dec:.3f}°</source>
        <translation>{day} {date}，太阳赤纬 {dec:.3f}°</translation>
    </message>
    <message>
        <source>{a:g}–{b:g} h true solar time, at least {h:g} h</source>
        <translation>真太阳时 {a:g}–{b:g} 时，不少于 {h:g} 小时</translation>
    </message>
    <message>
        <source>{name}: step {step}, shortest segment {seg:g} min, sweep angle {sweep:g}°, minimum sun altitude {alt:g}°</source>
        <translation>{name}：时间步长 {step}，最短计入时段 {seg:g} 分钟，扫掠角 {sweep:g}°，最低太阳高度角 {alt:g}°</translation>
    </message>
    <message>
        <source>south-facing ground-floor sills {sill:g} m above floor, sampled every {sp:g} m</source>
        <translation>南向底层窗台，距楼面 {sill:g} 米，每 {sp:g} 米取一个计算点</translation>
    </message>
    <message>
        <source>EP {ep:g} m²/person, MP {mp:g} m²/person, share outside shadow {share:.3f}, m {m:g}, r {r:g}: c = {c:.4f}</source>
        <translation>人均住宅建筑面积 EP {ep:g} 平方米/人，人均集中绿地 MP {mp:g} 平方米/人，阴影线外绿地比例 {share:.3f}，阴影区放大系数 m {m:g}，道路用地比例 r {r:g}：c = {c:.4f}</translation>
    </message>
    <message>
        <source>slab {l:g} × {d:g} m, end gap {g:g} m; tower {tw:g} × {td:g} m, gap {tg:g} m; minimum north-south gap {ms:g} m</source>
        <translation>板式 {l:g} × {d:g} 米，山墙间距 {g:g} 米；点式 {tw:g} × {td:g} 米，间距 {tg:g} 米；最小南北间距 {ms:g} 米</translation>
    </message>
    <message>
        <source>{n} parcel(s) of layer '{layer}'</source>
        <translation>图层“{layer}”中的 {n} 个地块</translation>
    </message>
    <message>
        <source>Step 2/5: window sunlight</source>
        <translation>第2/5步：窗户日照</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
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
        <source>Measuring m in the densest layouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window sunlight of every residential building</source>
        <translation type="unfinished"></translation>
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
        <source>Classes: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAR caps</source>
        <translation>容积率上限</translation>
    </message>
    <message>
        <source>{above} parcel(s) above their FAR cap; {green} fail a concentrated-green check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': {value} is not an open-space ratio (a positive number up to {top:g}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{cat}: the floor value ({floor:.3f}) exceeds the base value ({base:.3f}); the category's compliant parcels stay below the model's sunlight-and-green minimum, so meeting the base value does not mean compliant there (field 'floor_gt_base').</source>
        <translation>{cat}：底线值（{floor:.3f}）高于基础值（{base:.3f}）；该类别的合规地块达不到模型的日照与绿地最低要求，因此在该类别中达到基础值并不等于合规（字段 floor_gt_base）。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}', feature {fid}: road width '{value}' is not a non-negative number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': '{value}' is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base values derived from the input itself: {cats} have fewer than {n} eligible parcels; their base values are PROVISIONAL (field 'provisional'). Use city-wide base values (sunspace:basevalues) for a defensible check.</source>
        <translation>基础值由输入地块自身推算：{cats} 的合格地块少于 {n} 个，其基础值为暂定值（字段 provisional）。如需经得起审查的结论，请使用全市基础值（sunspace:basevalues）。</translation>
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
        <source>parcel</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>OSR</source>
        <translation>开敞空间率</translation>
    </message>
    <message>
        <source>floor value</source>
        <translation>底线值</translation>
    </message>
    <message>
        <source>base value</source>
        <translation>基础值</translation>
    </message>
    <message>
        <source>class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>excess floor area to base, m²</source>
        <translation>相对基础值超出的建筑面积（平方米）</translation>
    </message>
    <message>
        <source>open space missing to base, m²</source>
        <translation>相对基础值缺少的开敞空间（平方米）</translation>
    </message>
    <message>
        <source>FAR that complies (base)</source>
        <translation>达到基础值的容积率</translation>
    </message>
    <message>
        <source>excess floor area to floor, m²</source>
        <translation>相对底线值超出的建筑面积（平方米）</translation>
    </message>
    <message>
        <source>open space missing to floor, m²</source>
        <translation>相对底线值缺少的开敞空间（平方米）</translation>
    </message>
    <message>
        <source>what must change</source>
        <translation>整改方向</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>地块数</translation>
    </message>
    <message>
        <source>mean floors</source>
        <translation>平均层数</translation>
    </message>
    <message>
        <source>actual OSR</source>
        <translation>实际开敞空间率</translation>
    </message>
    <message>
        <source>parcels behind the base</source>
        <translation>基础值样本数</translation>
    </message>
    <message>
        <source>base source</source>
        <translation>基础值来源</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>south windows</source>
        <translation>南向窗户数</translation>
    </message>
    <message>
        <source>windows failing</source>
        <translation>不达标窗户数</translation>
    </message>
    <message>
        <source>share failing</source>
        <translation>不达标比例</translation>
    </message>
    <message>
        <source>FAR</source>
        <translation>容积率</translation>
    </message>
    <message>
        <source>F_max</source>
        <translation>容积率上限 F_max</translation>
    </message>
    <message>
        <source>green counted, m²</source>
        <translation>计入的集中绿地（平方米）</translation>
    </message>
    <message>
        <source>green required, m²</source>
        <translation>应有的集中绿地（平方米）</translation>
    </message>
    <message>
        <source>share outside shadow</source>
        <translation>阴影线外比例</translation>
    </message>
    <message>
        <source>issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>合规报告</translation>
    </message>
    <message>
        <source>Basis of the check</source>
        <translation>检查依据</translation>
    </message>
    <message>
        <source>&lt;p&gt;An HTML report (and optionally a PDF through a QGIS print layout) of an open-space-ratio run: the map coloured by compliance, per-category floor and base values with the number of parcels behind them, a chart of theoretical (floor) against actual and base OSR by category (as in paper 003), and the parcels below their base or floor value with the open space they lack. With a FAR-cap layer, the parcels above their cap or failing a concentrated-green check are listed too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;生成开敞空间率合规报告（HTML，可选PDF）：合规着色地图、各类别底线值与基础值及其样本数、理论值与实际值对比图、不达标地块及开敞空间缺口；如提供容积率上限图层，同时列出超上限与集中绿地不达标的地块。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>floor value (theory)</source>
        <translation>底线值（理论）</translation>
    </message>
    <message>
        <source>Floor and base values by category</source>
        <translation>各类别的底线值与基础值</translation>
    </message>
    <message>
        <source>{n} parcels. Classes: {classes}.</source>
        <translation>共 {n} 个地块。分类：{classes}。</translation>
    </message>
    <message>
        <source>PDF export failed ({code}): '{path}'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the HTML report '{path}': {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer '{layer}' is not an open-space-ratio result (missing {fields}); run sunspace:openspaceratio first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>floor area must drop (the parcel cannot hold the open space)</source>
        <translation>必须减少建筑面积（地块无法容纳所需开敞空间）</translation>
    </message>
    <message>
        <source>add open space or reduce floor area</source>
        <translation>增加开敞空间或减少建筑面积</translation>
    </message>
    <message>
        <source>PROVISIONAL: fewer than 5 eligible parcels</source>
        <translation>暂定值：合格地块少于5个</translation>
    </message>
    <message>
        <source>floor value above base value</source>
        <translation>底线值高于基础值</translation>
    </message>
    <message>
        <source>Sunlight: south windows failing the standard, per residential building</source>
        <translation>日照：各住宅建筑不满足标准的南向窗户</translation>
    </message>
    <message>
        <source>Compliance map</source>
        <translation>合规分类图</translation>
    </message>
    <message>
        <source>OSR = (parcel area − footprint) / floor area; floor value = OSR_sun + c (paper 003, formulas 1 and 2; paper 004); base value = the actual OSR of the category's parcels that meet the sunlight and concentrated-green requirements. Excess floor area = floor area − open space / value; open space missing = value × floor area − open space; complying FAR = open space / value / parcel area.</source>
        <translation>开敞空间率 =（用地面积 − 基底面积）/ 总建筑面积；底线值 = OSR_sun + c（论文003公式1、2；论文004）；基础值 = 该类别中满足日照与集中绿地要求的地块的实际开敞空间率。超出的建筑面积 = 总建筑面积 − 开敞空间 / 控制值；缺少的开敞空间 = 控制值 × 总建筑面积 − 开敞空间；可达标容积率 = 开敞空间 / 控制值 / 用地面积。</translation>
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
        <source>PDF report (optional)</source>
        <translation>PDF 报告（可选）</translation>
    </message>
    <message>
        <source>Layer '{layer}' is not a FAR-cap result; run sunspace:greenfarcap first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source layer</source>
        <translation>来源图层</translation>
    </message>
    <message>
        <source>Standard, day, counting rules and parameters</source>
        <translation>日照标准、日期、计算规则与参数</translation>
    </message>
    <message>
        <source>not recorded in the layer: run sunspace:compliancecheck for a report that states its basis</source>
        <translation>图层中未记录：请运行 sunspace:compliancecheck 生成写明检查依据的报告</translation>
    </message>
    <message>
        <source>Open-space ratio by category: theory (floor value) against actual and base values</source>
        <translation>各类别开敞空间率：理论值（底线值）与实际值、基础值对比</translation>
    </message>
    <message>
        <source>Parcels below their base or floor value ({n})</source>
        <translation>未达到基础值或底线值的地块（{n}）</translation>
    </message>
    <message>
        <source>Provisional base values: {cats} rest on fewer than 5 eligible parcels. Use city-wide base values (sunspace:basevalues) before relying on these classes.</source>
        <translation>暂定基础值：{cats} 所依据的合格地块少于5个。在依据这些分类作出结论之前，请使用全市基础值（sunspace:basevalues）。</translation>
    </message>
    <message>
        <source>Date: {d}</source>
        <translation>日期：{d}</translation>
    </message>
    <message>
        <source>SunSpace version {v}</source>
        <translation>SunSpace 版本 {v}</translation>
    </message>
    <message>
        <source>FAR caps and concentrated green: parcels with an issue ({n} of {total})</source>
        <translation>容积率上限与集中绿地：存在问题的地块（{total} 个中的 {n} 个）</translation>
    </message>
    <message>
        <source>{cat}: a floor value ({floor}) exceeds the base value {base}: the category's compliant parcels do not reach the model's sunlight-and-green minimum (e.g. deeper buildings than the model's), so a parcel meeting the base value can still be below its floor value.</source>
        <translation>{cat}：有地块的底线值（{floor}）高于基础值 {base}：该类别的合规地块达不到模型的日照与绿地最低要求（例如建筑进深大于模型建筑），因此达到基础值的地块仍可能低于其底线值。</translation>
    </message>
    <message>
        <source>District: {d}</source>
        <translation>片区：{d}</translation>
    </message>
    <message>
        <source>FAR above cap</source>
        <translation>容积率超过上限</translation>
    </message>
    <message>
        <source>green area too small</source>
        <translation>集中绿地面积不足</translation>
    </message>
    <message>
        <source>green too shaded</source>
        <translation>集中绿地日照不足</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
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
    <message>
        <source>Derived from these parcels: mean of compliant parcels (provisional)</source>
        <translation>由本次地块推算：合规地块均值（暂定）</translation>
    </message>
    <message>
        <source>Derived from these parcels: median of compliant parcels (provisional)</source>
        <translation>由本次地块推算：合规地块中位数（暂定）</translation>
    </message>
    <message>
        <source>From a base-value table (e.g. City base values)</source>
        <translation>来自基础值表（如“城市基础值”的输出）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Average floors n</source>
        <translation>平均层数 n</translation>
    </message>
    <message>
        <source>Building density DB</source>
        <translation>建筑密度 DB</translation>
    </message>
    <message>
        <source>Open-space ratio OSR</source>
        <translation>开敞空间率 OSR</translation>
    </message>
    <message>
        <source>Floor value</source>
        <translation>底线值</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>South windows</source>
        <translation>南向窗户数</translation>
    </message>
    <message>
        <source>Windows failing</source>
        <translation>不达标窗户数</translation>
    </message>
    <message>
        <source>FAR cap F_max</source>
        <translation>容积率上限 F_max</translation>
    </message>
    <message>
        <source>Excess floor area to base, m²</source>
        <translation>相对基础值超出的建筑面积（平方米）</translation>
    </message>
    <message>
        <source>Open space missing to base, m²</source>
        <translation>相对基础值缺少的开敞空间（平方米）</translation>
    </message>
    <message>
        <source>What must change</source>
        <translation>整改方向</translation>
    </message>
    <message>
        <source>Base value provisional</source>
        <translation>基础值为暂定值</translation>
    </message>
    <message>
        <source>Check selected parcels</source>
        <translation>检查所选地块</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>全部检查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Concentrated green (optional)</source>
        <translation>集中绿地（可选）</translation>
    </message>
    <message>
        <source>Estate roads (optional)</source>
        <translation>小区道路（可选）</translation>
    </message>
    <message>
        <source>Height field</source>
        <translation>高度字段</translation>
    </message>
    <message>
        <source>Residential buildings</source>
        <translation>住宅建筑</translation>
    </message>
    <message>
        <source>Base-value table</source>
        <translation>基础值表</translation>
    </message>
    <message>
        <source>Choose the parcels and the buildings layers.</source>
        <translation>请选择地块图层和建筑图层。</translation>
    </message>
    <message>
        <source>Choose the base-value table (run City base values on the city's parcels first).</source>
        <translation>请选择基础值表（先对全市地块运行“城市基础值”）。</translation>
    </message>
    <message>
        <source>SunSpace check {time}</source>
        <translation>SunSpace 检查 {time}</translation>
    </message>
    <message>
        <source>Done: {n} parcels checked. Select a parcel in '{layer}' to see its numbers. Report: &lt;a href="{url}"&gt;{path}&lt;/a&gt;</source>
        <translation>完成：已检查 {n} 个地块。在图层“{layer}”中选择地块即可查看其指标。报告：&lt;a href="{url}"&gt;{path}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No parcel is selected in layer '{layer}': select parcels or use Check all.</source>
        <translation>图层“{layer}”中没有选中的地块：请先选择地块，或使用“全部检查”。</translation>
    </message>
</context>
</TS>
