<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SunSpace</name>
    <message>
        <source>Install dependencies…</source>
        <translation>安装依赖包…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>SunSpace: install dependencies</source>
        <translation>SunSpace：安装依赖包</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Missing Python packages: {names}</source>
        <translation>缺少 Python 包：{names}</translation>
    </message>
    <message>
        <source>SunSpace cannot install the dependencies here; follow the instructions below.</source>
        <translation>SunSpace 无法在此自动安装依赖包，请按下方说明操作。</translation>
    </message>
    <message>
        <source>SunSpace's dependencies are present; Install reinstalls them into {folder}.</source>
        <translation>SunSpace 的依赖包均已具备；点击“安装”将重新安装到 {folder}。</translation>
    </message>
    <message>
        <source>Missing: {names}. They will be installed into {folder}.</source>
        <translation>缺少：{names}。将安装到 {folder}。</translation>
    </message>
    <message>
        <source>Installed into {folder}. Restart QGIS to use SunSpace.</source>
        <translation>已安装到 {folder}。请重启 QGIS 后使用 SunSpace。</translation>
    </message>
    <message>
        <source>pip failed (exit code {code}); see the log below.</source>
        <translation>pip 运行失败（退出码 {code}），请查看下方日志。</translation>
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
        <source>Cannot write the raster '{path}' ({driver}): {error}</source>
        <translation>无法写入栅格“{path}”（{driver}）：{error}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sunlight hours on a regular grid at a chosen height (the ground by default) over an extent or the polygons of an area layer, on the standard day. Writes a raster of hours (in the buildings layer's CRS, in the format of the file extension: .tif, .img, .asc, ...; cells inside buildings are no-data), isochrone polygons (等时线) for the hours you list (each polygon: the ground that gets fewer than that many hours) and the standard shadow line (标准的建筑日照阴影线): the ground that gets fewer than the standard's hours, which the concentrated-green rules use. Polygons are exact to half a grid cell.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在指定高度（默认地面）按网格计算分析范围（范围图层的面或指定范围）内标准日的日照时数。输出日照时数栅格（采用建筑图层的坐标系，格式按文件扩展名确定：.tif、.img、.asc 等；建筑内部的像元为无数据）、所列时数的等时线面（每个面为日照不足该时数的场地），以及标准的建筑日照阴影线（日照不足标准时数的场地，集中绿地规定使用）。面的精度为半个网格。&lt;/p&gt;</translation>
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
        <source>No analysis area or extent given: the extent of the buildings is analysed.</source>
        <translation>未给出分析范围图层或范围：按建筑图层的范围进行分析。</translation>
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
        <source>Window sampling spacing for the sunlight check, m</source>
        <translation>窗户采样间距</translation>
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
        <source>Window sunlight of every residential building</source>
        <translation type="unfinished"></translation>
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
        <source>Building footprints (polygons). Every building casts shadows; with 'selected features only' the selection picks the buildings evaluated.</source>
        <translation>建筑基底（面）。所有建筑都参与遮挡；勾选“仅选中要素”时，选中的建筑为被评价对象。</translation>
    </message>
    <message>
        <source>Residential parcels (polygons). Areas are ground square metres whatever the layer's CRS.</source>
        <translation>居住地块（面）。面积均按地面平方米计算，与图层坐标系无关。</translation>
    </message>
    <message>
        <source>Concentrated green space (集中绿地) polygons, GB 50180-2018 4.0.7: at least 0.50 m² per person in new areas (0.35 in old-area renewal), one third of it outside the standard shadow line.</source>
        <translation>集中绿地（面），GB 50180-2018 第4.0.7条：新区人均不低于 0.50 m²（旧区改建不低于 0.35 m²），且不少于 1/3 的面积位于标准的建筑日照阴影线之外。</translation>
    </message>
    <message>
        <source>Number of floors above ground (whole numbers, 1-200). Left empty with no height field either, a field named floors, floor, 层数, storeys or levels is used. One rule in every SunSpace tool: a floors field gives the floors; a height field gives the height; with only a height H, floors = max(1, round(H / floor height)); with only floors f, height = f × floor height.</source>
        <translation>地上层数（整数，1-200）。若层数和高度字段都未填写，将自动使用名为 floors、floor、层数、storeys 或 levels 的字段。SunSpace 各工具统一规则：层数字段给出层数，高度字段给出高度；只有高度 H 时，层数 = max(1, round(H / 层高))；只有层数 f 时，高度 = f × 层高。</translation>
    </message>
    <message>
        <source>Building height above its base, metres (0-1000). Left empty with no floors field either, a field named height, 高度, H or building_h is used. One rule in every SunSpace tool: with only a height H, floors = max(1, round(H / floor height)), so a 10.6 m building with 3 m floors has 4 floors; with only floors f, height = f × floor height.</source>
        <translation>建筑自基底起的高度，米（0-1000）。若层数和高度字段都未填写，将自动使用名为 height、高度、H 或 building_h 的字段。SunSpace 各工具统一规则：只有高度 H 时，层数 = max(1, round(H / 层高))，例如层高 3 m 时 10.6 m 的建筑为 4 层；只有层数 f 时，高度 = f × 层高。</translation>
    </message>
    <message>
        <source>Storey height, metres (1-10; 3.0 for housing). Turns floors into heights and heights into floors (floors = max(1, round(H / floor height))).</source>
        <translation>层高，米（1-10；住宅取 3.0）。用于层数与高度的相互换算（层数 = max(1, round(H / 层高))）。</translation>
    </message>
    <message>
        <source>Elevation of the building's base above the site datum, metres (empty = 0 for every building).</source>
        <translation>建筑基底相对场地基准面的标高，米（不填则所有建筑取 0）。</translation>
    </message>
    <message>
        <source>QGIS expression true for residential buildings, e.g. "use" = 'residential'. When the parameter is not given at all, a field named use, 用途 or landuse holding 'residential' or '住宅' is used; an empty expression counts every building as residential.</source>
        <translation>对居住建筑取真的 QGIS 表达式，例如 "use" = 'residential'。完全未给出该参数时，若存在名为 use、用途或 landuse 且含 'residential' 或“住宅”值的字段，则自动据此识别；表达式为空则所有建筑均按居住建筑计。</translation>
    </message>
    <message>
        <source>Height of the window sill above the floor, metres (0-3). GB 50180-2018 4.0.9 counts sunlight on the ground-floor window sill, 0.9 m above the indoor floor.</source>
        <translation>窗台距楼地面的高度，米（0-3）。GB 50180-2018 第4.0.9条以底层窗台面（室内地坪以上 0.9 m 的外墙位置）计算日照。</translation>
    </message>
    <message>
        <source>The sunlight standard of GB 50180-2018 table 4.0.9 (by climate zone and city size) or its special rules (elderly housing 冬至日 ≥ 2 h; new homes in old-area renewal 大寒日 ≥ 1 h). Xi'an: zone II, large city: 大寒日 ≥ 2 h within 8-16 h true solar time.</source>
        <translation>GB 50180-2018 表4.0.9 的日照标准（按建筑气候区划和城市规模），或其特殊规定（老年人居住建筑冬至日不低于 2 h；旧区改建的新建住宅大寒日不低于 1 h）。西安：II 区大城市，大寒日真太阳时 8-16 时内不少于 2 h。</translation>
    </message>
    <message>
        <source>Standard day of a custom standard: 大寒日 (Great Cold, about 20 January) or 冬至日 (Winter Solstice, about 22 December), GB 50180-2018 4.0.9.</source>
        <translation>自定义标准的日照标准日：大寒日（约 1 月 20 日）或冬至日（约 12 月 22 日），见 GB 50180-2018 第4.0.9条。</translation>
    </message>
    <message>
        <source>Required hours of direct sun of a custom standard, hours (0.1-12); GB 50180-2018 4.0.9 uses 1, 2 or 3 h.</source>
        <translation>自定义标准要求的日照时数，小时（0.1-12）；GB 50180-2018 第4.0.9条采用 1、2 或 3 h。</translation>
    </message>
    <message>
        <source>Start of the effective sunlight window, local true solar time, hours (0-24); 8 on 大寒日, 9 on 冬至日 (GB 50180-2018 4.0.9).</source>
        <translation>有效日照时间带的起点，当地真太阳时，小时（0-24）；大寒日为 8 时，冬至日为 9 时（GB 50180-2018 第4.0.9条）。</translation>
    </message>
    <message>
        <source>End of the effective sunlight window, local true solar time, hours (0-24); 16 on 大寒日, 15 on 冬至日 (GB 50180-2018 4.0.9).</source>
        <translation>有效日照时间带的终点，当地真太阳时，小时（0-24）；大寒日为 16 时，冬至日为 15 时（GB 50180-2018 第4.0.9条）。</translation>
    </message>
    <message>
        <source>Year whose 大寒日 / 冬至日 is used (1900-2100; the current year by default). The solar declination of the day changes slightly from year to year.</source>
        <translation>采用哪一年的大寒日/冬至日（1900-2100，默认当年）。标准日的太阳赤纬逐年略有变化。</translation>
    </message>
    <message>
        <source>Solar declination, degrees (-23.5 to 23.5), to reproduce a calculation made with a fixed value (e.g. -20.2° for 大寒日, -23.45° for 冬至日); empty = from the year.</source>
        <translation>太阳赤纬，度（-23.5 至 23.5），用于复核采用固定赤纬的计算（如大寒日 -20.2°，冬至日 -23.45°）；不填则按年份计算。</translation>
    </message>
    <message>
        <source>How sunlit minutes are counted: the national rule, or a city's 城市规划管理技术规定 (Beijing, Hangzhou, Shanghai, Qingdao), or the custom knobs.</source>
        <translation>日照时间的计算规则：全国规则、各城市《城市规划管理技术规定》（北京、杭州、上海、青岛）或自定义参数。</translation>
    </message>
    <message>
        <source>Time step of the sunlight count, minutes (0-60; 0 = exact segments).</source>
        <translation>日照计算的时间步长，分钟（0-60；0 为精确计算时段）。</translation>
    </message>
    <message>
        <source>Sunlit segments shorter than this are not counted, minutes (Beijing: 5 on 大寒日, 30 on 冬至日).</source>
        <translation>短于此值的日照时段不计入，分钟（北京：大寒日 5 分钟，冬至日 30 分钟）。</translation>
    </message>
    <message>
        <source>Count only the N longest sunlit segments (0 = all; Hangzhou: 2).</source>
        <translation>只计最长的 N 个日照时段（0 为全部；杭州：2）。</translation>
    </message>
    <message>
        <source>Require the standard hours in one continuous segment (Shanghai).</source>
        <translation>要求在一个连续时段内满足标准日照时数（上海）。</translation>
    </message>
    <message>
        <source>Sun rays within this angle of the facade plane are not counted, degrees (0-89; Beijing: 12).</source>
        <translation>与外墙面夹角小于此角度的阳光不计入，度（0-89；北京：12）。</translation>
    </message>
    <message>
        <source>Sun below this altitude is not counted, degrees (0-89; Qingdao: 15).</source>
        <translation>太阳高度角低于此值时不计入，度（0-89；青岛：15）。</translation>
    </message>
    <message>
        <source>Residential floor area per person EP, m² per person (≥ 1; 30 in the papers); population = residential floor area / EP.</source>
        <translation>人均住宅建筑面积 EP，m²/人（不小于 1；文献取 30）；人口 = 住宅建筑面积 / EP。</translation>
    </message>
    <message>
        <source>A footprint whose length / width is below this counts as a point tower (点式), otherwise a slab (板式); ratio, 1.01-20.</source>
        <translation>基底长宽比小于此值的建筑按点式计，否则按板式计；比值，1.01-20。</translation>
    </message>
    <message>
        <source>Concentrated green per person MP, m² per person: 0.50 in new areas, 0.35 in old-area renewal (GB 50180-2018 4.0.7).</source>
        <translation>人均集中绿地 MP，m²/人：新区 0.50，旧区改建 0.35（GB 50180-2018 第4.0.7条）。</translation>
    </message>
    <message>
        <source>Share of the concentrated green that must lie outside the standard shadow line (GB 50180-2018 4.0.7: at least 1/3), 0-1.</source>
        <translation>集中绿地中须位于标准的建筑日照阴影线之外的比例（GB 50180-2018 第4.0.7条：不少于 1/3），0-1。</translation>
    </message>
    <message>
        <source>Shadowed-land multiplier m: land needed per m² of sunlit green (about 12 in the papers), ratio ≥ 0.</source>
        <translation>阴影区放大系数 m：每平方米有日照绿地所需的用地（文献约为 12），比值，不小于 0。</translation>
    </message>
    <message>
        <source>Share of estate roads r in the parcel (0.15 in the papers), 0-1.</source>
        <translation>地块内道路用地比例 r（文献取 0.15），0-1。</translation>
    </message>
    <message>
        <source>Percentile of the compliant parcels' OSR used as the base value, 0-100 (50 = median).</source>
        <translation>作为基础值的合规地块开敞空间率百分位数，0-100（50 为中位数）。</translation>
    </message>
    <message>
        <source>Average floors n for the given-form AF_max, floors (≥ 1).</source>
        <translation>给定形态 AF_max 的平均层数 n，层（不小于 1）。</translation>
    </message>
    <message>
        <source>Building density DB for the given-form AF_max, 0-1 (footprint / parcel area).</source>
        <translation>给定形态 AF_max 的建筑密度 DB，0-1（基底面积 / 地块面积）。</translation>
    </message>
    <message>
        <source>Spacing of the sample points or grid cells, metres (&gt; 0; smaller is finer and slower).</source>
        <translation>采样点或网格的间距，米（大于 0；越小越精细，也越慢）。</translation>
    </message>
    <message>
        <source>Spacing of the window sample points on facades, metres (≥ 0.2).</source>
        <translation>外墙窗户采样点的间距，米（不小于 0.2）。</translation>
    </message>
    <message>
        <source>Grid spacing of the standard shadow line on the green, metres (≥ 0.2).</source>
        <translation>绿地上标准的建筑日照阴影线的网格间距，米（不小于 0.2）。</translation>
    </message>
    <message>
        <source>Grid spacing of the exact setback zones, metres (≥ 0.1).</source>
        <translation>精确日照间距范围的网格间距，米（不小于 0.1）。</translation>
    </message>
    <message>
        <source>Height of the analysis surface above the ground, metres (0 = the ground; 0.9 = a ground-floor sill).</source>
        <translation>分析面距地面的高度，米（0 为地面；0.9 为底层窗台）。</translation>
    </message>
    <message>
        <source>Hours of the isochrones, comma-separated (each between 0 and 24), e.g. 1,2,3.</source>
        <translation>等时线的时数，用逗号分隔（各值在 0 到 24 之间），例如 1,2,3。</translation>
    </message>
    <message>
        <source>Reference building height H for L/H, metres; GB 50180-93 tabulated k with H = 18.18 m.</source>
        <translation>计算 L/H 的参考建筑高度 H，米；GB 50180-93 列表中的 k 值采用 H = 18.18 m。</translation>
    </message>
    <message>
        <source>Reference sill height for L/H, metres; GB 50180-93 used 1.35 m.</source>
        <translation>计算 L/H 的参考窗台高度，米；GB 50180-93 采用 1.35 m。</translation>
    </message>
    <message>
        <source>Angle of the main facade from due south, degrees (-90 to 90); orientation reduction of GB 50180-93 table 5.0.2-2.</source>
        <translation>主要朝向偏离正南的角度，度（-90 至 90）；按 GB 50180-93 表5.0.2-2 进行方位折减。</translation>
    </message>
    <message>
        <source>Latitude, degrees north (0-60), when no layer or point is given.</source>
        <translation>纬度，北纬度数（0-60），在未给出图层或点时使用。</translation>
    </message>
    <message>
        <source>Sunlight hours raster; the format follows the file extension (.tif, .img, .asc, ...), in the buildings layer's CRS.</source>
        <translation>日照时数栅格；格式按文件扩展名确定（.tif、.img、.asc 等），采用建筑图层的坐标系。</translation>
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
        <source>Layer {layer}: no height or floors field chosen; using floors field '{floors}' and height field '{height}' ('' = none).</source>
        <translation>图层 {layer}：未选择高度或层数字段；使用层数字段“{floors}”和高度字段“{height}”（空表示无）。</translation>
    </message>
    <message>
        <source>Layer {layer}: the median height per floor is {value:.2f} m (fields '{h}' / '{f}'), outside 2.4-6 m; check the units of the height field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {layer}: residential buildings are {expr} (no expression given).</source>
        <translation>图层 {layer}：未给出表达式，按 {expr} 识别居住建筑。</translation>
    </message>
    <message>
        <source>Layer {layer}: field '{field}' has no residential value; every building counts as residential.</source>
        <translation>图层 {layer}：字段“{field}”中没有表示居住的值；所有建筑均按居住建筑计。</translation>
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
</context>
</TS>
