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
        <source>&amp;SunSpace</source>
        <translation>&amp;SunSpace 日照与开敞空间</translation>
    </message>
    <message>
        <source>Sunlight and open-space check</source>
        <translation>日照与开敞空间检查</translation>
    </message>
    <message>
        <source>SunSpace help</source>
        <translation>SunSpace 帮助</translation>
    </message>
    <message>
        <source>meets the standard</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>below the standard</source>
        <translation>不达标</translation>
    </message>
    <message>
        <source>no window</source>
        <translation>无窗户</translation>
    </message>
    <message>
        <source>meets base</source>
        <translation>达到基础值</translation>
    </message>
    <message>
        <source>between floor and base</source>
        <translation>介于底线值与基础值之间</translation>
    </message>
    <message>
        <source>below floor</source>
        <translation>低于底线值</translation>
    </message>
    <message>
        <source>below base</source>
        <translation>低于基础值</translation>
    </message>
    <message>
        <source>meets floor</source>
        <translation>不低于底线值</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>within FAR cap</source>
        <translation>未超过容积率上限</translation>
    </message>
    <message>
        <source>above FAR cap</source>
        <translation>超过容积率上限</translation>
    </message>
    <message>
        <source>Low-rise (1-3)</source>
        <translation>低层（1-3层）</translation>
    </message>
    <message>
        <source>Multi-storey I (4-6)</source>
        <translation>多层Ⅰ类（4-6层）</translation>
    </message>
    <message>
        <source>Multi-storey II (7-9)</source>
        <translation>多层Ⅱ类（7-9层）</translation>
    </message>
    <message>
        <source>High-rise I (10-18)</source>
        <translation>高层Ⅰ类（10-18层）</translation>
    </message>
    <message>
        <source>High-rise II (19-26)</source>
        <translation>高层Ⅱ类（19-26层）</translation>
    </message>
    <message>
        <source>High-rise III (27+)</source>
        <translation>高层Ⅲ类（27层及以上）</translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation>非居住</translation>
    </message>
    <message>
        <source>&lt; 1 h</source>
        <translation>不足 1 小时</translation>
    </message>
    <message>
        <source>&lt; 2 h</source>
        <translation>不足 2 小时</translation>
    </message>
    <message>
        <source>&lt; 3 h</source>
        <translation>不足 3 小时</translation>
    </message>
    <message>
        <source>&lt; 4+ h</source>
        <translation>不足 4 小时及以上</translation>
    </message>
    <message>
        <source>0-10 m</source>
        <translation>0-10 米</translation>
    </message>
    <message>
        <source>10-20 m</source>
        <translation>10-20 米</translation>
    </message>
    <message>
        <source>20-30 m</source>
        <translation>20-30 米</translation>
    </message>
    <message>
        <source>30-45 m</source>
        <translation>30-45 米</translation>
    </message>
    <message>
        <source>45-60 m</source>
        <translation>45-60 米</translation>
    </message>
    <message>
        <source>60-80 m</source>
        <translation>60-80 米</translation>
    </message>
    <message>
        <source>≥ 80 m</source>
        <translation>≥ 80 米</translation>
    </message>
    <message>
        <source>New area · Low-rise (1-3)</source>
        <translation>新建区 · 低层</translation>
    </message>
    <message>
        <source>New area · Multi-storey I (4-6)</source>
        <translation>新建区 · 多层Ⅰ类</translation>
    </message>
    <message>
        <source>New area · Multi-storey II (7-9)</source>
        <translation>新建区 · 多层Ⅱ类</translation>
    </message>
    <message>
        <source>New area · High-rise I (10-18)</source>
        <translation>新建区 · 高层Ⅰ类</translation>
    </message>
    <message>
        <source>New area · High-rise II (19-26)</source>
        <translation>新建区 · 高层Ⅱ类</translation>
    </message>
    <message>
        <source>New area · High-rise III (27+)</source>
        <translation>新建区 · 高层Ⅲ类</translation>
    </message>
    <message>
        <source>New area · Non-residential</source>
        <translation>新建区 · 非居住</translation>
    </message>
    <message>
        <source>Old-area renewal · Low-rise (1-3)</source>
        <translation>老城区旧区改建 · 低层</translation>
    </message>
    <message>
        <source>Old-area renewal · Multi-storey I (4-6)</source>
        <translation>老城区旧区改建 · 多层Ⅰ类</translation>
    </message>
    <message>
        <source>Old-area renewal · Multi-storey II (7-9)</source>
        <translation>老城区旧区改建 · 多层Ⅱ类</translation>
    </message>
    <message>
        <source>Old-area renewal · High-rise I (10-18)</source>
        <translation>老城区旧区改建 · 高层Ⅰ类</translation>
    </message>
    <message>
        <source>Old-area renewal · High-rise II (19-26)</source>
        <translation>老城区旧区改建 · 高层Ⅱ类</translation>
    </message>
    <message>
        <source>Old-area renewal · High-rise III (27+)</source>
        <translation>老城区旧区改建 · 高层Ⅲ类</translation>
    </message>
    <message>
        <source>Old-area renewal · Non-residential</source>
        <translation>老城区旧区改建 · 非居住</translation>
    </message>
    <message>
        <source>Historic city · Low-rise (1-3)</source>
        <translation>历史城区 · 低层</translation>
    </message>
    <message>
        <source>Historic city · Multi-storey I (4-6)</source>
        <translation>历史城区 · 多层Ⅰ类</translation>
    </message>
    <message>
        <source>Historic city · Multi-storey II (7-9)</source>
        <translation>历史城区 · 多层Ⅱ类</translation>
    </message>
    <message>
        <source>Historic city · High-rise I (10-18)</source>
        <translation>历史城区 · 高层Ⅰ类</translation>
    </message>
    <message>
        <source>Historic city · High-rise II (19-26)</source>
        <translation>历史城区 · 高层Ⅱ类</translation>
    </message>
    <message>
        <source>Historic city · High-rise III (27+)</source>
        <translation>历史城区 · 高层Ⅲ类</translation>
    </message>
    <message>
        <source>Historic city · Non-residential</source>
        <translation>历史城区 · 非居住</translation>
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
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>green</source>
        <translation>集中绿地</translation>
    </message>
    <message>
        <source>planned buildings</source>
        <translation>规划建筑</translation>
    </message>
    <message>
        <source>windows</source>
        <translation>窗户</translation>
    </message>
    <message>
        <source>analysis area</source>
        <translation>分析区域</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>base-value table</source>
        <translation>基础值表</translation>
    </message>
    <message>
        <source>estate roads</source>
        <translation>小区道路</translation>
    </message>
    <message>
        <source>roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <source>Layer {layer} has no valid coordinate reference system; set one (Layer Properties ▸ Source) and run again.</source>
        <translation>图层 {layer} 没有有效的坐标参考系；请先设置坐标系（图层属性 ▸ 源）后重新运行。</translation>
    </message>
    <message>
        <source>Layer {layer} holds {found}; this input needs {wanted}.</source>
        <translation>图层 {layer} 的要素为{found}，此输入需要{wanted}。</translation>
    </message>
    <message>
        <source>Layer {layer} has no features to use (is it empty, or is 'selected features only' on with nothing selected?).</source>
        <translation>图层 {layer} 没有可用的要素（图层是否为空？或是否勾选了“仅所选要素”却未选择任何要素？）。</translation>
    </message>
    <message>
        <source>Layer {layer} has no {wanted} to use.</source>
        <translation>图层 {layer} 中没有可用的{wanted}。</translation>
    </message>
    <message>
        <source>Layer {layer}: no feature has a usable geometry (every geometry is NULL, empty or broken).</source>
        <translation>图层 {layer}：没有要素具有可用的几何（所有几何均为空值、空几何或已损坏）。</translation>
    </message>
    <message>
        <source>The expression '{expr}' for layer {layer} is invalid: {error}</source>
        <translation>图层 {layer} 的表达式“{expr}”无效：{error}</translation>
    </message>
    <message>
        <source>The expression '{expr}' names field(s) {fields} that layer {layer} does not have (its fields: {have}).</source>
        <translation>表达式“{expr}”引用了图层 {layer} 中不存在的字段 {fields}（该图层的字段：{have}）。</translation>
    </message>
    <message>
        <source>Could not write to the output '{output}': {error}</source>
        <translation>无法写入输出“{output}”：{error}</translation>
    </message>
    <message>
        <source>Cannot load the rule-index style: {text}</source>
        <translation>无法加载规则索引地图样式：{text}</translation>
    </message>
    <message>
        <source>Cannot write the {what} '{path}': the folder does not exist.</source>
        <translation>无法写入{what}“{path}”：文件夹不存在。</translation>
    </message>
    <message>
        <source>Cannot write the {what} '{path}': permission denied.</source>
        <translation>无法写入{what}“{path}”：没有写入权限。</translation>
    </message>
    <message>
        <source>Layer {layer} has no field '{field}'.</source>
        <translation>图层 {layer} 中没有字段“{field}”。</translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry in feature(s) {ids}. Repair them (Vector ▸ Geometry Tools ▸ Fix Geometries) or change Processing's invalid-features setting.</source>
        <translation>图层 {layer}：要素 {ids} 的几何无效。请先修复（矢量 ▸ 几何工具 ▸ 修复几何），或更改 Processing 的无效要素处理设置。</translation>
    </message>
    <message>
        <source>The expression '{expr}' marks none of the {n} features of layer {layer} as {what}.</source>
        <translation>表达式“{expr}”未将图层 {layer} 的 {n} 个要素中的任何一个标记为{what}。</translation>
    </message>
    <message>
        <source>The expression '{expr}' marks all {n} features of layer {layer} as {what}.</source>
        <translation>表达式“{expr}”将图层 {layer} 的全部 {n} 个要素都标记为{what}。</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>'{name}' ({role})</source>
        <translation>“{name}”（{role}）</translation>
    </message>
    <message>
        <source>Layer {layer}, feature {fid}: the expression '{expr}' failed: {error}</source>
        <translation>图层 {layer}，要素 {fid}：表达式“{expr}”计算失败：{error}</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} feature(s) that are not {wanted} were left out ({ids}).</source>
        <translation>图层 {layer}：{n} 个不是{wanted}的要素未参与计算（{ids}）。</translation>
    </message>
    <message>
        <source> Values of '{field}': {values}.</source>
        <translation> 字段“{field}”的取值：{values}。</translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry in feature(s) {ids}; skipped as Processing's invalid-features setting asks.</source>
        <translation>图层 {layer}：要素 {ids} 的几何无效，已按 Processing 的无效要素设置跳过。</translation>
    </message>
    <message>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <source>Reading {layer}: {n}/{total}</source>
        <translation>正在读取 {layer}：{n}/{total}</translation>
    </message>
    <message>
        <source>Style {name} not applied: {message}</source>
        <translation>样式 {name} 未能应用：{message}</translation>
    </message>
    <message>
        <source>Style {name} not saved into the GeoPackage: {message}</source>
        <translation>样式 {name} 未能保存到 GeoPackage：{message}</translation>
    </message>
    <message>
        <source>Sunlight model n × DB_max(n)</source>
        <translation>日照模型 n × DB_max(n)</translation>
    </message>
    <message>
        <source>Given floors and density</source>
        <translation>给定层数与建筑密度</translation>
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
        <translation>日照校核的窗户采样间距（m）</translation>
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
        <source>Rule-index map</source>
        <translation>规则索引地图</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确计算</translation>
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
        <translation>小区道路（线或面）</translation>
    </message>
    <message>
        <source>Road width field, m</source>
        <translation>道路宽度字段（m）</translation>
    </message>
    <message>
        <source>AF_max from</source>
        <translation>AF_max 来源</translation>
    </message>
    <message>
        <source>Given average floors</source>
        <translation>给定平均层数</translation>
    </message>
    <message>
        <source>Given building density</source>
        <translation>给定建筑密度</translation>
    </message>
    <message>
        <source>Measure m with the ground-sunlight engine</source>
        <translation>用场地日照引擎实测 m</translation>
    </message>
    <message>
        <source>Grid spacing for the shadow line on green, m</source>
        <translation>绿地上日照阴影线的网格间距（m）</translation>
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
        <translation>实际采用的基础值与底线值</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>日照标准</translation>
    </message>
    <message>
        <source>Standard day</source>
        <translation>标准日</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>有效日照时间带</translation>
    </message>
    <message>
        <source>Counting rules</source>
        <translation>日照计算规则</translation>
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
        <translation>报告：{paths}</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>no zone field: every parcel is a new area</source>
        <translation>未指定分区字段：所有地块均按新建区处理</translation>
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
        <source>field '{field}': old-area renewal = {old}; historic city = {historic}; every other value is a new area</source>
        <translation>字段“{field}”：老城区旧区改建 = {old}；历史城区 = {historic}；其余取值均为新建区</translation>
    </message>
    <message>
        <source>Zone: {zone}</source>
        <translation>分区：{zone}</translation>
    </message>
    <message>
        <source>{standard} ({day} ≥ {hours:g} h), concentrated green MP {mp:g} m²/person; {n} parcel(s) checked</source>
        <translation>{standard}（{day}日 ≥ {hours:g} 小时），人均集中绿地 MP {mp:g} m²/人；检查地块 {n} 块</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Compliant windows stay compliant; the others lose no minute (common local rule)</source>
        <translation>达标窗户保持达标，其余窗户日照不减少（常用地方规定）</translation>
    </message>
    <message>
        <source>No window loses any minute (strict)</source>
        <translation>任何窗户日照均不减少（严格）</translation>
    </message>
    <message>
        <source>Compliant windows stay compliant; the others are not protected</source>
        <translation>达标窗户保持达标，其余窗户不受保护</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Protected windows&lt;/b&gt; are the windows of the existing residential buildings (facades sampled every &lt;i&gt;spacing&lt;/i&gt; metres at the ground-floor sill, south-facing by default, as in &lt;i&gt;Window sunlight hours&lt;/i&gt;), or your own window points with a height and a facing. Each has its sunlit time among the existing buildings, computed exactly. Existing buildings that overlap the site are treated as demolished: they neither cast shadows nor are protected.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Protection rule&lt;/b&gt;: (a) compliant windows stay compliant and the others lose no sunlit minute (the common local rule; GB 50180-2018 4.0.9: new building must not lower a neighbour's sunlight below the standard); (b) strict: no window loses any minute; (c) compliant windows stay compliant, the others are not protected.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Which hours a compliant window keeps&lt;/b&gt; under (a) and (c): it needs only the standard's hours, so the tool chooses them. Every counted step (one minute when counting exactly) of the window's present sunlight is ranked by the height at which its sun ray enters the site: rays that miss the site or pass above the height cap cost nothing and come first, then the rays passing highest; ties go to the minutes nearest noon. The window keeps the fewest best-ranked minutes that still count as the standard's hours under the counting rules (local segment, step and continuity rules included). For a long east-west row facing an open site these are the hours centred on true noon, so the envelope is the classic spacing rule: sill + d / k(N). The strict envelope (every sunlit minute kept) is reported beside it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Guarantee&lt;/b&gt;: a kept sun ray from window p at hour angle w passes a point at horizontal distance t at height z_p + t·tan(altitude(w)); a solid over a cell (or a footprint) leaves it unblocked when its top is not above the ray where the ray enters the cell, on the cell's boundary. The lowest kept ray over each boundary segment is found in closed form (no time steps), so a solid that fills every cell up to its envelope height keeps every kept minute, and every window keeps at least its kept time. Heights are rounded down to the millimetre. After the run the forward sunlight engine recomputes every window the site can reach with the filled solid in place and the run reports how many it verified; any failure stops the run.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;受保护窗户&lt;/b&gt;为现状住宅建筑的窗户（与&lt;i&gt;窗户日照分析&lt;/i&gt;相同：默认沿南向立面每隔&lt;i&gt;采样间距&lt;/i&gt;米在底层窗台高度取点），或用户给定的带高度和朝向的窗户点。每个窗户在现状建筑中的日照时段精确计算。与用地重叠的现状建筑按拆除处理：既不遮挡，也不受保护。&lt;/p&gt;&lt;p&gt;&lt;b&gt;保护规则&lt;/b&gt;：(a) 达标窗户保持达标，其余窗户日照不减少（常用地方规定；GB 50180-2018 第4.0.9条：新建建筑不得使相邻住宅日照降低到标准以下）；(b) 严格：任何窗户的日照均不减少；(c) 达标窗户保持达标，其余窗户不受保护。&lt;/p&gt;&lt;p&gt;&lt;b&gt;达标窗户保留哪些时段&lt;/b&gt;（规则 a、c）：窗户只需保留标准要求的小时数，由工具选择。窗户现有日照的每个计数步长（精确计数时为1分钟）按其太阳光线进入用地时的高度排序：不经过用地或高于限高的光线不占用用地，排在最前，其次是经过用地最高的光线；同等情况下取最接近正午的分钟。窗户保留在计算规则（含地方的时段、步长与连续性规定）下仍满足标准的最少的排序靠前的分钟。对于面向空地的东西向长条住宅，保留的正是以真太阳时正午为中心的时段，包络体即经典的日照间距规则：窗台高度 + d / k(N)。同时给出严格规则（保留全部日照）的包络体体积以作比较。&lt;/p&gt;&lt;p&gt;&lt;b&gt;保证&lt;/b&gt;：窗户 p 在时角 w 的保留光线在水平距离 t 处的高度为 z_p + t·tan(高度角(w))；单元格（或建筑基底）上的实体只要顶部不高于光线进入该单元格处（在其边界上）的高度，就不遮挡该光线。每条边界线段上方最低的保留光线以解析式求得（不按时间步长），因此按包络高度填满每个单元格的实体不遮挡任何保留的分钟，每个窗户至少保留其保留时段。高度向下取整到毫米。计算后用正向日照引擎在填满包络体的情况下重新计算用地可影响的每个窗户，并报告校验数量；任何校验失败都会中止运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sunlight envelope</source>
        <translation>日照包络体</translation>
    </message>
    <message>
        <source>&lt;p&gt;The sunlight envelope of a site: on a grid over the site (its selected polygons, less a setback inside the red line), the greatest height above ground that a building may reach without taking any protected window outside the protection rule, capped at the height cap. Outputs: a GeoTIFF of allowed heights (in a local transverse Mercator frame, metres), height-band polygons (band, z_min, z_max), and the envelope as terraces (each polygon extruded in QGIS's 3D view to its height, rounded down to the metre, so the 3D solid lies inside the envelope). The site capacity is reported: envelope volume, the floor area it can hold at the floor height and the FAR on the site.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用地的日照包络体：在用地（所选多边形，扣除红线内退距离）上的网格中，求不使任何受保护窗户违反保护规则的最大建筑高度（不超过限高上限）。输出：允许高度 GeoTIFF（以数据为中心的局部横轴墨卡托坐标，米）、高度分级多边形（分级、z_min、z_max），以及包络体台阶（在 QGIS 三维视图中按向下取整到米的高度拉伸，三维实体位于包络体之内）。同时报告用地容量：包络体体积、按层高可容纳的建筑面积及用地容积率。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Allowed heights of planned buildings</source>
        <translation>规划建筑推算限高</translation>
    </message>
    <message>
        <source>&lt;p&gt;Allowed heights: for each planned footprint, the greatest height (and whole floors at the floor height) such that all planned buildings together, each at its allowed height, keep every protected window within the protection rule; capped at the height cap. The bound of a footprint is exact: the lowest kept sun ray over its boundary. Each footprint gets the limiting window (building id, position) and the time of the limiting ray (true solar and Beijing time). With every planned building at its allowed floors the forward engine recomputes the windows and the run reports the margin of the worst window (counted minutes above the standard, among windows that met it). Optionally, with a site layer (the redevelopment parcel, whose existing buildings are treated as demolished), the envelope of the site gives the site capacity: envelope volume, floor area and FAR.&lt;/p&gt;</source>
        <translation>&lt;p&gt;推算限高：对每个规划建筑基底求最大高度（及按层高取整的层数），使全部规划建筑同时按各自限高建成后，所有受保护窗户仍满足保护规则；不超过限高上限。每个基底的限高精确求得：其边界上方最低的保留光线。每个基底给出控制窗户（建筑编号、位置）和控制光线的时刻（真太阳时和北京时间）。全部规划建筑按推算层数建成后，用正向引擎重新计算各窗户，并报告最不利窗户的余量（在原本达标的窗户中，计数分钟超过标准的部分）。若给出用地图层（改造地块，其现状建筑按拆除处理），还按用地包络体给出用地容量：包络体体积、建筑面积和容积率。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No window to protect: no facade of the chosen buildings faces the sun side.</source>
        <translation>没有需要保护的窗户：所选建筑没有朝向阳面的立面。</translation>
    </message>
    <message>
        <source>Verification failed: {n} protected window(s) would leave the rule (buildings {ids}). Please report this with your data.</source>
        <translation>校验失败：{n} 个受保护窗户将不满足保护规则（建筑 {ids}）。请连同数据报告此问题。</translation>
    </message>
    <message>
        <source>Cannot write the raster '{path}'.</source>
        <translation>无法写入栅格“{path}”。</translation>
    </message>
    <message>
        <source>Facades to protect</source>
        <translation>受保护立面</translation>
    </message>
    <message>
        <source>Protection rule</source>
        <translation>保护规则</translation>
    </message>
    <message>
        <source>Height cap, m</source>
        <translation>限高上限，米</translation>
    </message>
    <message>
        <source>Verify with the forward sunlight engine</source>
        <translation>用正向日照引擎校验</translation>
    </message>
    <message>
        <source>Layer {layer}: window point(s) {ids} lie inside the site; a protected window cannot be built over.</source>
        <translation>图层 {layer}：窗户点 {ids} 位于用地内；受保护窗户上方不能建设。</translation>
    </message>
    <message>
        <source>Layer {layer}: no residential building to protect (check the residential expression, the selection and the site).</source>
        <translation>图层 {layer}：没有需要保护的住宅建筑（请检查住宅判定表达式、选择集和用地）。</translation>
    </message>
    <message>
        <source>Standard: {text}</source>
        <translation>日照标准：{text}</translation>
    </message>
    <message>
        <source>{n} protected windows, {walls} walls</source>
        <translation>{n} 个受保护窗户，{walls} 面墙</translation>
    </message>
    <message>
        <source>Verified by the forward sunlight engine: {n} windows within reach of the site, all within the rule; {m} others cannot be reached (their sun rays miss the site or pass above the cap).</source>
        <translation>正向日照引擎校验：用地可影响的 {n} 个窗户全部满足保护规则；其余 {m} 个窗户不受影响（其日照光线不经过用地或高于限高）。</translation>
    </message>
    <message>
        <source>Site polygons (red line)</source>
        <translation>用地范围（红线）</translation>
    </message>
    <message>
        <source>Setback inside the red line, m</source>
        <translation>红线内退距离，米</translation>
    </message>
    <message>
        <source>Grid cell size, m</source>
        <translation>网格尺寸，米</translation>
    </message>
    <message>
        <source>Height band step, m</source>
        <translation>高度分级间隔，米</translation>
    </message>
    <message>
        <source>Allowed height raster</source>
        <translation>允许高度栅格</translation>
    </message>
    <message>
        <source>Height bands</source>
        <translation>高度分级</translation>
    </message>
    <message>
        <source>Envelope terraces (3D)</source>
        <translation>包络体台阶（三维）</translation>
    </message>
    <message>
        <source>Layer {layer}: the site has no usable polygon.</source>
        <translation>图层 {layer}：用地没有可用的多边形。</translation>
    </message>
    <message>
        <source>Layer {layer}: a setback of {setback:g} m leaves nothing of the site.</source>
        <translation>图层 {layer}：退线 {setback:g} 米后用地不复存在。</translation>
    </message>
    <message>
        <source>Planned building footprints</source>
        <translation>规划建筑基底</translation>
    </message>
    <message>
        <source>Site polygons for the capacity (optional)</source>
        <translation>用于计算容量的用地范围（可选）</translation>
    </message>
    <message>
        <source>Grid cell size for the capacity, m</source>
        <translation>容量计算网格尺寸，米</translation>
    </message>
    <message>
        <source>Allowed heights</source>
        <translation>推算限高</translation>
    </message>
    <message>
        <source>Layer {layer}: no planned footprint to use.</source>
        <translation>图层 {layer}：没有可用的规划建筑基底。</translation>
    </message>
    <message>
        <source>South-facing facades (outward normal with a southward component)</source>
        <translation>南向立面（外法线有向南分量）</translation>
    </message>
    <message>
        <source>All facades</source>
        <translation>全部立面</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} building(s) overlap the site {site} and are treated as demolished (features {ids}).</source>
        <translation>图层 {layer}：{n} 栋建筑与用地 {site} 重叠，按拆除处理（要素 {ids}）。</translation>
    </message>
    <message>
        <source>Envelope computed in {s:.1f} s</source>
        <translation>包络体计算用时 {s:.1f} 秒</translation>
    </message>
    <message>
        <source>Envelope volume {v:,.0f} m³ (strict rule: {vs:,.0f} m³); floor area {a:,.0f} m² at {fh:g} m per floor; FAR {far:.2f} on {site:,.0f} m²</source>
        <translation>包络体体积 {v:,.0f} 立方米（严格规则：{vs:,.0f} 立方米）；按层高 {fh:g} 米可容纳建筑面积 {a:,.0f} 平方米；用地 {site:,.0f} 平方米上的容积率 {far:.2f}</translation>
    </message>
    <message>
        <source>Worst window (building {b}, {z:.1f} m): {m:.1f} minutes above the standard with every planned building at its allowed floors</source>
        <translation>最不利窗户（建筑 {b}，{z:.1f} 米）：全部规划建筑按推算层数建成后，日照比标准多 {m:.1f} 分钟</translation>
    </message>
    <message>
        <source>Site capacity: envelope volume {v:,.0f} m³, floor area {a:,.0f} m², FAR {far:.2f}</source>
        <translation>用地容量：包络体体积 {v:,.0f} 立方米，建筑面积 {a:,.0f} 平方米，容积率 {far:.2f}</translation>
    </message>
    <message>
        <source>Area, m²</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <source>Building footprint in the parcel, m²</source>
        <translation>地块内建筑基底面积（m²）</translation>
    </message>
    <message>
        <source>Building density</source>
        <translation>建筑密度</translation>
    </message>
    <message>
        <source>Total floor area, m²</source>
        <translation>总建筑面积（m²）</translation>
    </message>
    <message>
        <source>Residential floor area, m²</source>
        <translation>住宅建筑面积（m²）</translation>
    </message>
    <message>
        <source>Floor area ratio (FAR)</source>
        <translation>容积率</translation>
    </message>
    <message>
        <source>Average residential floors</source>
        <translation>住宅平均层数</translation>
    </message>
    <message>
        <source>Residential category</source>
        <translation>住宅类别</translation>
    </message>
    <message>
        <source>Category code</source>
        <translation>类别代码</translation>
    </message>
    <message>
        <source>Residential form</source>
        <translation>住宅形式</translation>
    </message>
    <message>
        <source>Population, persons</source>
        <translation>人口（人）</translation>
    </message>
    <message>
        <source>Concentrated green in the parcel, m²</source>
        <translation>地块内集中绿地面积（m²）</translation>
    </message>
    <message>
        <source>Concentrated green per person, m²</source>
        <translation>人均集中绿地（m²）</translation>
    </message>
    <message>
        <source>Open space, m²</source>
        <translation>开敞空间面积（m²）</translation>
    </message>
    <message>
        <source>Open-space ratio (OSR)</source>
        <translation>开敞空间率</translation>
    </message>
    <message>
        <source>Building feature id</source>
        <translation>建筑要素编号</translation>
    </message>
    <message>
        <source>Building height, m</source>
        <translation>建筑高度（m）</translation>
    </message>
    <message>
        <source>Spacing coefficient k</source>
        <translation>日照间距系数 k</translation>
    </message>
    <message>
        <source>Facade angle from due south, degrees</source>
        <translation>朝向偏角（偏离正南，度）</translation>
    </message>
    <message>
        <source>Orientation reduction factor</source>
        <translation>朝向折减系数</translation>
    </message>
    <message>
        <source>Required sunlight spacing, m</source>
        <translation>所需日照间距（m）</translation>
    </message>
    <message>
        <source>South (obstructing) building id</source>
        <translation>南侧（遮挡）建筑编号</translation>
    </message>
    <message>
        <source>North (receiving) building id</source>
        <translation>北侧（受影响）建筑编号</translation>
    </message>
    <message>
        <source>Actual spacing, m</source>
        <translation>实际间距（m）</translation>
    </message>
    <message>
        <source>Required spacing, m</source>
        <translation>所需间距（m）</translation>
    </message>
    <message>
        <source>Spacing deficit, m</source>
        <translation>间距不足量（m）</translation>
    </message>
    <message>
        <source>Meets the standard (1 = yes)</source>
        <translation>是否达标（1 = 是）</translation>
    </message>
    <message>
        <source>Sunlight hours, h</source>
        <translation>日照时数（小时）</translation>
    </message>
    <message>
        <source>Standard day code</source>
        <translation>标准日代码</translation>
    </message>
    <message>
        <source>Latitude, degrees</source>
        <translation>纬度（度）</translation>
    </message>
    <message>
        <source>Solar declination, degrees</source>
        <translation>太阳赤纬（度）</translation>
    </message>
    <message>
        <source>Spacing-to-height ratio L/H</source>
        <translation>日照间距系数 L/H</translation>
    </message>
    <message>
        <source>Spacing coefficient k after orientation reduction</source>
        <translation>朝向折减后的日照间距系数 k</translation>
    </message>
    <message>
        <source>L/H after orientation reduction</source>
        <translation>朝向折减后的 L/H</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Window height above ground, m</source>
        <translation>窗台离地高度（m）</translation>
    </message>
    <message>
        <source>Window facing azimuth, degrees from north</source>
        <translation>窗户朝向方位角（自正北起算，度）</translation>
    </message>
    <message>
        <source>Counted sunlight, minutes</source>
        <translation>有效日照时间（分钟）</translation>
    </message>
    <message>
        <source>Sunlit intervals, true solar time</source>
        <translation>日照时段（真太阳时）</translation>
    </message>
    <message>
        <source>Sunlit intervals, Beijing time</source>
        <translation>日照时段（北京时间）</translation>
    </message>
    <message>
        <source>Counted sunlight before the proposal, minutes</source>
        <translation>规划前有效日照时间（分钟）</translation>
    </message>
    <message>
        <source>Met the standard before the proposal (1 = yes)</source>
        <translation>规划前是否达标（1 = 是）</translation>
    </message>
    <message>
        <source>Pushed below the standard by the proposal (1 = yes)</source>
        <translation>因规划而不达标（1 = 是）</translation>
    </message>
    <message>
        <source>Windows analysed</source>
        <translation>分析窗户数</translation>
    </message>
    <message>
        <source>Worst window, minutes of sunlight</source>
        <translation>最不利窗户的日照时间（分钟）</translation>
    </message>
    <message>
        <source>Share of windows below the standard</source>
        <translation>不达标窗户比例</translation>
    </message>
    <message>
        <source>Windows pushed below the standard by the proposal</source>
        <translation>因规划而不达标的窗户数</translation>
    </message>
    <message>
        <source>Windows below the standard</source>
        <translation>不达标窗户数</translation>
    </message>
    <message>
        <source>Sunlight standard</source>
        <translation>日照标准</translation>
    </message>
    <message>
        <source>Windows below the sunlight standard</source>
        <translation>不满足日照标准的窗户数</translation>
    </message>
    <message>
        <source>Meets the sunlight standard (1 = yes)</source>
        <translation>是否满足日照标准（1 = 是）</translation>
    </message>
    <message>
        <source>Meets the concentrated-green requirements (1 = yes)</source>
        <translation>是否满足集中绿地要求（1 = 是）</translation>
    </message>
    <message>
        <source>Counts towards the base value (1 = yes)</source>
        <translation>是否计入基础值样本（1 = 是）</translation>
    </message>
    <message>
        <source>Sunlight-limited density DB_max</source>
        <translation>日照约束建筑密度 DB_max</translation>
    </message>
    <message>
        <source>Sunlight-limited FAR AF_max</source>
        <translation>日照约束容积率 AF_max</translation>
    </message>
    <message>
        <source>Sunlight open-space ratio OSR_sun</source>
        <translation>日照开敞空间率 OSR_sun</translation>
    </message>
    <message>
        <source>Open-space ratio floor value</source>
        <translation>开敞空间率底线值</translation>
    </message>
    <message>
        <source>Open-space ratio base value</source>
        <translation>开敞空间率基础值</translation>
    </message>
    <message>
        <source>Parcels behind the base value</source>
        <translation>基础值样本地块数</translation>
    </message>
    <message>
        <source>Meets the base value (1 = yes)</source>
        <translation>是否达到基础值（1 = 是）</translation>
    </message>
    <message>
        <source>Meets the floor value (1 = yes)</source>
        <translation>是否达到底线值（1 = 是）</translation>
    </message>
    <message>
        <source>Compliance class</source>
        <translation>合规分类</translation>
    </message>
    <message>
        <source>Compliance class name</source>
        <translation>合规分类名称</translation>
    </message>
    <message>
        <source>Open space lacking to reach the base value, m²</source>
        <translation>达到基础值尚缺开敞空间（m²）</translation>
    </message>
    <message>
        <source>Open space lacking to reach the floor value, m²</source>
        <translation>达到底线值尚缺开敞空间（m²）</translation>
    </message>
    <message>
        <source>Number of parcels</source>
        <translation>地块数</translation>
    </message>
    <message>
        <source>Mean average floors</source>
        <translation>平均层数均值</translation>
    </message>
    <message>
        <source>Actual open-space ratio (mean)</source>
        <translation>实际开敞空间率（均值）</translation>
    </message>
    <message>
        <source>How the base value was set</source>
        <translation>基础值确定方法</translation>
    </message>
    <message>
        <source>Green-space constant c</source>
        <translation>绿地常数 c</translation>
    </message>
    <message>
        <source>Shadowed-land multiplier m used</source>
        <translation>采用的阴影区放大系数 m</translation>
    </message>
    <message>
        <source>FAR cap F_max</source>
        <translation>容积率上限 F_max</translation>
    </message>
    <message>
        <source>FAR within the cap (1 = yes)</source>
        <translation>容积率是否未超上限（1 = 是）</translation>
    </message>
    <message>
        <source>FAR cap class</source>
        <translation>容积率上限分类</translation>
    </message>
    <message>
        <source>Counted concentrated green, m²</source>
        <translation>计入的集中绿地面积（m²）</translation>
    </message>
    <message>
        <source>Required concentrated green, m²</source>
        <translation>所需集中绿地面积（m²）</translation>
    </message>
    <message>
        <source>Share of counted green outside the shadow line</source>
        <translation>计入绿地位于阴影线外的比例</translation>
    </message>
    <message>
        <source>Enough concentrated green area (1 = yes)</source>
        <translation>集中绿地面积是否足够（1 = 是）</translation>
    </message>
    <message>
        <source>Enough green outside the shadow line (1 = yes)</source>
        <translation>阴影线外绿地是否足够（1 = 是）</translation>
    </message>
    <message>
        <source>Ground sunlight hours and shadow lines</source>
        <translation>场地日照时数与日照阴影线</translation>
    </message>
    <message>
        <source>Isochrone hours must lie between 0 and 24.</source>
        <translation>等时线小时数必须介于 0 与 24 之间。</translation>
    </message>
    <message>
        <source>Cannot write the raster '{path}' ({driver}): {error}</source>
        <translation>无法写入栅格“{path}”（{driver}）：{error}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sunlight hours on a regular grid at a chosen height (the ground by default) over an extent or the polygons of an area layer, on the standard day. Writes a raster of hours (in the buildings layer's CRS, in the format of the file extension: .tif, .img, .asc, ...; cells inside buildings are no-data), isochrone polygons for the hours you list (each polygon: the ground that gets fewer than that many hours) and the standard shadow line: the ground that gets fewer than the standard's hours, which the concentrated-green rules use. Polygons are exact to half a grid cell.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在指定高度（默认地面）按网格计算分析范围（范围图层的面或指定范围）内标准日的日照时数。输出日照时数栅格（采用建筑图层的坐标系，格式按文件扩展名确定：.tif、.img、.asc 等；建筑内部的像元为无数据）、所列时数的等时线面（每个面为日照不足该时数的场地），以及标准的建筑日照阴影线（日照不足标准时数的场地，集中绿地规定使用）。面的精度为半个网格。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Isochrone hours must be numbers separated by commas, got '{text}'.</source>
        <translation>等时线小时数必须是以逗号分隔的数字，当前输入为“{text}”。</translation>
    </message>
    <message>
        <source>The analysis area is empty.</source>
        <translation>分析区域为空。</translation>
    </message>
    <message>
        <source>Analysis area polygons (optional)</source>
        <translation>分析区域多边形图层（可选）</translation>
    </message>
    <message>
        <source>Analysis extent (when no area layer)</source>
        <translation>分析范围框（未提供分析区域图层时使用）</translation>
    </message>
    <message>
        <source>Grid spacing, m</source>
        <translation>网格间距（m）</translation>
    </message>
    <message>
        <source>Analysis height above ground, m</source>
        <translation>分析高度（离地，m）</translation>
    </message>
    <message>
        <source>Isochrone hours, comma-separated</source>
        <translation>等时线小时数（以逗号分隔）</translation>
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
        <translation>标准的建筑日照阴影线</translation>
    </message>
    <message>
        <source>No analysis area or extent given: the extent of the buildings is analysed.</source>
        <translation>未给出分析范围图层或范围：按建筑图层的范围进行分析。</translation>
    </message>
    <message>
        <source>Fewer than this many sunlight hours, h</source>
        <translation>日照少于该小时数（小时）</translation>
    </message>
    <message>
        <source>{cells} ground cells; {area:.0f} m² get fewer than {hours:g} h</source>
        <translation>{cells} 个场地网格；{area:.0f} m² 的日照少于 {hours:g} 小时</translation>
    </message>
    <message>
        <source>Required sunlight hours, h</source>
        <translation>所需日照小时数（小时）</translation>
    </message>
    <message>
        <source>Indicator ranges and rule-index map</source>
        <translation>指标赋值清单与规则索引地图</translation>
    </message>
    <message>
        <source>&lt;p&gt;The indicator list and rule-index map of paper 003 section 4.2. With OSR = (1 − DB)/(n·DB), an open-space value f that must be met caps the density at DB = 1/(1 + n·f) and the FAR at 1/(f + 1/n). For every zone (new area, old-area renewal, historic city) × category × form the table gives the floors n and heights of the category and the ranges of the floor value, the density and FAR it allows, the base value and the density and FAR it allows, and the green-space FAR cap F_max (paper 004) beside them. Floor values, base values, the zones and the east-west parcels follow sunspace:openspaceratio (same parameters). Old-area renewal and the historic city use GB 50180-2018's renewal standard (Great Cold day ≥ 1 h) and 0.35 m² of concentrated green per person.&lt;/p&gt;&lt;p&gt;Per parcel: its allowed density, FAR and floors under its floor value (hard limit) and base value (target), and how far its current values sit from them (positive = above the limit). The parcels are styled as a rule-index map (colour by zone and category, allowed FAR range as label); give a PNG or PDF file to export the map with legend and table. Write the table to .csv or .xlsx by choosing that file type.&lt;/p&gt;</source>
        <translation>&lt;p&gt;论文003第4.2节的指标赋值清单与规则索引地图。由 OSR =（1 − DB）/（n·DB），必须满足的开敞空间率 f 将建筑密度限制为 DB = 1/(1 + n·f)，将容积率限制为 1/(f + 1/n)。表中按区段（新建区、老城区旧区改建、历史城区）× 类别 × 建筑形式，列出该类别的层数 n 与建筑高度、底线值的取值范围及其允许的建筑密度与容积率、基础值及其允许的建筑密度与容积率，并并列给出论文004的绿地容积率上限 F_max。底线值、基础值、区段与东西向地块的判定均与 sunspace:openspaceratio 相同（参数相同）。老城区旧区改建与历史城区采用 GB 50180-2018 的旧区改建日照标准（大寒日 ≥ 1 h）和人均集中绿地 0.35 m²。&lt;/p&gt;&lt;p&gt;每个地块：按其底线值（刚性下限）和基础值（引导目标）允许的建筑密度、容积率和层数，以及现状值与之的差距（正值表示超出）。地块按规则索引地图样式显示（按区段和类别着色，以允许的容积率区间为标注）；指定 PNG 或 PDF 文件即可导出带图例和指标表的地图。选择 .csv 或 .xlsx 文件类型即可将清单写为相应格式。&lt;/p&gt;</translation>
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
        <source>Mean of compliant parcels</source>
        <translation>合规地块的均值</translation>
    </message>
    <message>
        <source>Median of compliant parcels</source>
        <translation>合规地块的中位数</translation>
    </message>
    <message>
        <source>Percentile of compliant parcels</source>
        <translation>合规地块的百分位数</translation>
    </message>
    <message>
        <source>From a table</source>
        <translation>来自表格</translation>
    </message>
    <message>
        <source>Three classes</source>
        <translation>三类合规分类</translation>
    </message>
    <message>
        <source>Base value</source>
        <translation>基础值</translation>
    </message>
    <message>
        <source>Floor value</source>
        <translation>底线值</translation>
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
        <source>&lt;p&gt;Open-space ratio control after paper 003 (Yi Xin, Huang Minghua et al.): per parcel the actual OSR = (parcel − footprint) / floor area, its &lt;b&gt;floor value&lt;/b&gt; OSR_green = OSR_sun + c, where OSR_sun = 1/AF_max − 1/n from the sunlight-limited density DB_max(n) of idealised slab rows or point-tower lattices (computed with the exact sunlight engine at the parcel's latitude and cached), and c = m(1 + r)·MP·share/EP from paper 004; and its category's &lt;b&gt;base value&lt;/b&gt;: the mean (or median, or a percentile) actual OSR of the input parcels of that category that meet both the sunlight standard (every south-facing ground-floor window) and the concentrated-green requirement (green ≥ MP × population), with the count used, or a value from your table (CSV or QGIS table: category, base, optional floor).&lt;/p&gt;&lt;p&gt;Class: meets base / between floor and base / below floor / no data, with the open-space shortfall in m². The output can be coloured by the three classes, by the base value or by the floor value; the base/floor table actually used is written too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按论文003（易鑫、黄明华等）的方法控制开敞空间率：对每个地块计算实际开敞空间率 OSR =（用地面积 − 建筑基底面积）/ 总建筑面积；其&lt;b&gt;底线值&lt;/b&gt; OSR_green = OSR_sun + c，其中 OSR_sun = 1/AF_max − 1/n，由理想化行列式板楼或点式塔楼阵列的日照约束建筑密度 DB_max(n) 求得（在地块所在纬度用精确日照引擎计算并缓存），c = m(1 + r)·MP·share/EP 取自论文004；以及其所属类别的&lt;b&gt;基础值&lt;/b&gt;：该类别中同时满足日照标准（所有南向底层窗户）和集中绿地要求（绿地 ≥ MP × 人口）的输入地块实际开敞空间率的均值（或中位数、百分位数），并给出所用样本数；也可取自你的表格（CSV 或 QGIS 表：类别、基础值、可选的底线值）。&lt;/p&gt;&lt;p&gt;分类：达到基础值 / 介于底线值与基础值之间 / 低于底线值 / 无数据，并给出开敞空间缺口（m²）。输出可按三类合规分类、按是否达到基础值或按是否达到底线值着色；同时输出实际采用的基础值与底线值表。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;FAR cap from per-capita concentrated green after paper 004 (Zheng Xiaowei): F_max = 1 / (c + 1/AF_max), c = m(1 + r)·MP·share/EP (defaults MP 0.5 m²/person, EP 30 m², share 1/3, m 12, r 0.15: c ≈ 0.077). AF_max is the sunlight-limited FAR n × DB_max(n) at the parcel's average floors and form (exact sunlight engine), or given floors × density. m can be measured with the ground-sunlight engine in the densest layout (m = 1 / sunlit share of its open ground) instead of assumed.&lt;/p&gt;&lt;p&gt;Concentrated-green checks on the real parcel: counted green (1.5 m off walls, 1.0 m off estate roads, no part narrower than 8 m) ≥ MP × population, and at least the share outside the standard shadow line (computed on the green with the ground-sunlight engine).&lt;/p&gt;</source>
        <translation>&lt;p&gt;按论文004（郑晓伟）的方法由人均集中绿地推算容积率上限：F_max = 1 / (c + 1/AF_max)，c = m(1 + r)·MP·share/EP（默认 MP 为 0.5 m²/人，EP 为 30 m²，share 为 1/3，m 为 12，r 为 0.15：c ≈ 0.077）。AF_max 为日照约束容积率 n × DB_max(n)，按地块的平均层数与住宅形式用精确日照引擎计算，也可用给定层数 × 给定建筑密度。m 可不采用假定值，而用场地日照引擎在最密布局中实测（m = 1 / 开敞场地中有日照部分的比例）。&lt;/p&gt;&lt;p&gt;在实际地块上校核集中绿地：计入的绿地（距建筑外墙 1.5 m、距小区道路 1.0 m 以外，且任何部分宽度不小于 8 m）≥ MP × 人口，并且至少有规定比例位于标准的建筑日照阴影线之外（在绿地上用场地日照引擎计算）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model slab length, m</source>
        <translation>模型板式住宅长度（m）</translation>
    </message>
    <message>
        <source>Model slab depth, m</source>
        <translation>模型板式住宅进深（m）</translation>
    </message>
    <message>
        <source>Model slab end gap (gable to gable), m</source>
        <translation>模型板式住宅山墙间距（m）</translation>
    </message>
    <message>
        <source>Model tower width, m</source>
        <translation>模型点式住宅面宽（m）</translation>
    </message>
    <message>
        <source>Model tower depth, m</source>
        <translation>模型点式住宅进深（m）</translation>
    </message>
    <message>
        <source>Model tower minimum gap, m</source>
        <translation>模型点式住宅最小间距（m）</translation>
    </message>
    <message>
        <source>Model minimum north-south gap, m</source>
        <translation>模型最小南北间距（m）</translation>
    </message>
    <message>
        <source>Concentrated green per person MP, m²</source>
        <translation>人均集中绿地 MP（m²）</translation>
    </message>
    <message>
        <source>Share of the green outside the standard shadow line</source>
        <translation>位于标准的建筑日照阴影线之外的绿地比例</translation>
    </message>
    <message>
        <source>Shadowed-land multiplier m</source>
        <translation>阴影区放大系数 m</translation>
    </message>
    <message>
        <source>Estate-road share of the land r</source>
        <translation>小区道路用地比例 r</translation>
    </message>
    <message>
        <source>Concentrated green</source>
        <translation>集中绿地</translation>
    </message>
    <message>
        <source>Residential floor area per person EP, m²</source>
        <translation>人均住宅建筑面积 EP（m²）</translation>
    </message>
    <message>
        <source>Percentile of compliant parcels (0-100)</source>
        <translation>合规地块的百分位数（0-100）</translation>
    </message>
    <message>
        <source>Base/floor table (CSV or table)</source>
        <translation>基础值/底线值表（CSV 或表格）</translation>
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
        <source>Sunlight-limited density DB_max(n) (cached per latitude and standard)</source>
        <translation>日照约束建筑密度 DB_max(n)（按纬度与日照标准缓存）</translation>
    </message>
    <message>
        <source>Base values 'From a table' need a base/floor table.</source>
        <translation>基础值选择“来自表格”时需要提供基础值/底线值表。</translation>
    </message>
    <message>
        <source>Table {layer}: choose its category and base value fields.</source>
        <translation>表格 {layer}：请选择其类别字段和基础值字段。</translation>
    </message>
    <message>
        <source>Table {layer} has no rows.</source>
        <translation>表格 {layer} 没有任何行。</translation>
    </message>
    <message>
        <source>Measuring m in the densest layouts</source>
        <translation>正在最密布局中实测 m</translation>
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
        <translation>表格 {layer} 中没有字段“{field}”（其字段：{have}）。</translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': unknown category '{value}' (use {codes} or 低层, 多层Ⅰ类 ... 高层Ⅲ类).</source>
        <translation>表格 {layer}，第 {fid} 行，字段“{field}”：未知类别“{value}”（请使用 {codes}，或 低层、多层Ⅰ类 …… 高层Ⅲ类）。</translation>
    </message>
    <message>
        <source>Table {layer}: category '{code}' appears twice (rows {first} and {second}); keep one row per category.</source>
        <translation>表格 {layer}：类别“{code}”出现两次（第 {first} 行和第 {second} 行）；每个类别只保留一行。</translation>
    </message>
    <message>
        <source>Classes: {counts}</source>
        <translation>分类：{counts}</translation>
    </message>
    <message>
        <source>FAR caps</source>
        <translation>容积率上限</translation>
    </message>
    <message>
        <source>{above} parcel(s) above their FAR cap; {green} fail a concentrated-green check</source>
        <translation>{above} 个地块超过容积率上限；{green} 个地块未通过集中绿地校核</translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': {value} is not an open-space ratio (a positive number up to {top:g}).</source>
        <translation>表格 {layer}，第 {fid} 行，字段“{field}”：{value} 不是有效的开敞空间率（应为不大于 {top:g} 的正数）。</translation>
    </message>
    <message>
        <source>{cat}: the floor value ({floor:.3f}) exceeds the base value ({base:.3f}); the category's compliant parcels stay below the model's sunlight-and-green minimum, so meeting the base value does not mean compliant there (field 'floor_gt_base').</source>
        <translation>{cat}：底线值（{floor:.3f}）高于基础值（{base:.3f}）；该类别的合规地块达不到模型的日照与绿地最低要求，因此在该类别中达到基础值并不等于合规（字段 floor_gt_base）。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}', feature {fid}: road width '{value}' is not a non-negative number.</source>
        <translation>图层 {layer}，字段“{field}”，要素 {fid}：道路宽度“{value}”不是非负数。</translation>
    </message>
    <message>
        <source>Table {layer}, row {fid}, field '{field}': '{value}' is not a number.</source>
        <translation>表格 {layer}，第 {fid} 行，字段“{field}”：“{value}”不是数字。</translation>
    </message>
    <message>
        <source>Base values derived from the input itself: {cats} have fewer than {n} eligible parcels; their base values are PROVISIONAL (field 'provisional'). Use city-wide base values (sunspace:basevalues) for a defensible check.</source>
        <translation>基础值由输入地块自身推算：{cats} 的合格地块少于 {n} 个，其基础值为暂定值（字段 provisional）。如需经得起审查的结论，请使用全市基础值（sunspace:basevalues）。</translation>
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
        <source>Concentrated green space polygons, GB 50180-2018 4.0.7: at least 0.50 m² per person in new areas (0.35 in old-area renewal), one third of it outside the standard shadow line.</source>
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
        <source>QGIS expression true for residential buildings, e.g. "use" = 'residential'. When it is empty, a field named use, 用途 or landuse holding 'residential' or '住宅' is used (and the log says so); without such a field every building is residential. Type true to count every building.</source>
        <translation>判定住宅建筑的 QGIS 表达式，例如 "use" = 'residential'。留空时，若有名为 use、用途或 landuse 且含 'residential' 或“住宅”的字段，则按该字段识别（并在日志中说明）；没有这样的字段时，全部建筑视为住宅。输入 true 表示全部建筑均为住宅。</translation>
    </message>
    <message>
        <source>Height of the window sill above the floor, metres (0-3). GB 50180-2018 4.0.9 counts sunlight on the ground-floor window sill, 0.9 m above the indoor floor.</source>
        <translation>窗台距楼地面的高度，米（0-3）。GB 50180-2018 第4.0.9条以底层窗台面（室内地坪以上 0.9 m 的外墙位置）计算日照。</translation>
    </message>
    <message>
        <source>The sunlight standard of GB 50180-2018 table 4.0.9 (by climate zone and city size) or its special rules (elderly housing: Winter Solstice day ≥ 2 h; new homes in old-area renewal: Great Cold day ≥ 1 h). Xi'an: zone II, large city: Great Cold day ≥ 2 h within 8-16 h true solar time.</source>
        <translation>GB 50180-2018 表4.0.9 的日照标准（按建筑气候区划和城市规模），或其特殊规定（老年人居住建筑冬至日不低于 2 h；旧区改建的新建住宅大寒日不低于 1 h）。西安：II 区大城市，大寒日真太阳时 8-16 时内不少于 2 h。</translation>
    </message>
    <message>
        <source>Standard day of a custom standard: Great Cold day (about 20 January) or Winter Solstice day (about 22 December), GB 50180-2018 4.0.9.</source>
        <translation>自定义标准的日照标准日：大寒日（约 1 月 20 日）或冬至日（约 12 月 22 日），见 GB 50180-2018 第4.0.9条。</translation>
    </message>
    <message>
        <source>Required hours of direct sun of a custom standard, hours (0.1-12); GB 50180-2018 4.0.9 uses 1, 2 or 3 h.</source>
        <translation>自定义标准要求的日照时数，小时（0.1-12）；GB 50180-2018 第4.0.9条采用 1、2 或 3 h。</translation>
    </message>
    <message>
        <source>Start of the effective sunlight window, local true solar time, hours (0-24); 8 on the Great Cold day, 9 on the Winter Solstice day (GB 50180-2018 4.0.9).</source>
        <translation>有效日照时间带的起点，当地真太阳时，小时（0-24）；大寒日为 8 时，冬至日为 9 时（GB 50180-2018 第4.0.9条）。</translation>
    </message>
    <message>
        <source>End of the effective sunlight window, local true solar time, hours (0-24); 16 on the Great Cold day, 15 on the Winter Solstice day (GB 50180-2018 4.0.9).</source>
        <translation>有效日照时间带的终点，当地真太阳时，小时（0-24）；大寒日为 16 时，冬至日为 15 时（GB 50180-2018 第4.0.9条）。</translation>
    </message>
    <message>
        <source>Year whose Great Cold day / Winter Solstice day is used (1900-2100; the current year by default). The solar declination of the day changes slightly from year to year.</source>
        <translation>采用哪一年的大寒日/冬至日（1900-2100，默认当年）。标准日的太阳赤纬逐年略有变化。</translation>
    </message>
    <message>
        <source>Solar declination, degrees (-23.5 to 23.5), to reproduce a calculation made with a fixed value (e.g. -20.2° for the Great Cold day, -23.45° for the Winter Solstice day); empty = from the year.</source>
        <translation>太阳赤纬，度（-23.5 至 23.5），用于复核采用固定赤纬的计算（如大寒日 -20.2°，冬至日 -23.45°）；不填则按年份计算。</translation>
    </message>
    <message>
        <source>How sunlit minutes are counted: the national rule, or a city's planning regulations (Beijing, Hangzhou, Shanghai, Qingdao), or the custom knobs.</source>
        <translation>日照时间的计算规则：全国规则、各城市《城市规划管理技术规定》（北京、杭州、上海、青岛）或自定义参数。</translation>
    </message>
    <message>
        <source>Time step of the sunlight count, minutes (0-60; 0 = exact segments).</source>
        <translation>日照计算的时间步长，分钟（0-60；0 为精确计算时段）。</translation>
    </message>
    <message>
        <source>Sunlit segments shorter than this are not counted, minutes (Beijing: 5 on the Great Cold day, 30 on the Winter Solstice day).</source>
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
        <source>A footprint whose length / width is below this counts as a point tower, otherwise a slab; ratio, 1.01-20.</source>
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
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>floors</source>
        <translation>层</translation>
    </message>
    <message>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <source>m² per person</source>
        <translation>m²/人</translation>
    </message>
    <message>
        <source>Reading layers</source>
        <translation>正在读取图层</translation>
    </message>
    <message>
        <source>Computing indicators</source>
        <translation>正在计算指标</translation>
    </message>
    <message>
        <source>&lt;p&gt;Residential indicators of every parcel: building density, floor area, FAR, average floors, category (GB 50180-2018 table 4.0.2, with high-rise III for 27+ floors), form (slab / tower / mixed, from footprint shapes), population, concentrated green per person and the open-space ratio OSR = (parcel area - footprint) / floor area.&lt;/p&gt;&lt;p&gt;Areas are ground square metres whatever the layers' CRS. A building crossing a parcel line counts in each parcel by the share of its footprint inside. Floors come from the floors field, or else from the height field as max(1, round(height / floor height)). Leave the residential expression empty to treat every building as residential. Input layers are never modified.&lt;/p&gt;</source>
        <translation>&lt;p&gt;计算每个地块的住宅指标：建筑密度、建筑面积、容积率、平均层数、类别（GB 50180-2018 表 4.0.2，27 层及以上为高层Ⅲ类）、住宅形式（板式 / 点式 / 混合，由建筑基底形状判断）、人口、人均集中绿地以及开敞空间率 OSR =（用地面积 − 建筑基底面积）/ 总建筑面积。&lt;/p&gt;&lt;p&gt;无论图层采用何种坐标系，面积均按地面平方米计算。跨越地块边界的建筑按其基底位于各地块内的比例分别计入。层数取自层数字段；没有层数字段时由高度字段计算：max(1, round(高度 / 层高))。住宅判定表达式留空时，所有建筑均视为住宅。不会修改任何输入图层。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Output fields:&lt;/p&gt;</source>
        <translation>&lt;p&gt;输出字段：&lt;/p&gt;</translation>
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
        <translation>高度字段（无层数字段时使用）</translation>
    </message>
    <message>
        <source>Floor height, m</source>
        <translation>层高（m）</translation>
    </message>
    <message>
        <source>Residential buildings (expression; empty = from a use field, else all)</source>
        <translation>住宅建筑（表达式；留空时按用途字段识别，无此字段则全部视为住宅）</translation>
    </message>
    <message>
        <source>Residential floor area per person, m²</source>
        <translation>人均住宅建筑面积（m²）</translation>
    </message>
    <message>
        <source>Point tower if footprint aspect ratio below</source>
        <translation>基底长宽比小于此值时判为点式住宅</translation>
    </message>
    <message>
        <source>Input field(s) {fields} of layer {layer} are replaced by the computed values.</source>
        <translation>图层 {layer} 的输入字段 {fields} 被计算结果替换。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} pair(s) of footprints overlap ({pairs}): duplicated buildings, or a tower drawn over its podium? Their ground is counted once; each building's floor area counts.</source>
        <translation>图层 {layer}：有 {n} 对建筑基底相互重叠（{pairs}）：是否重复录入，或塔楼画在裙房之上？重叠的用地只计一次，每栋建筑的建筑面积仍分别计入。</translation>
    </message>
    <message>
        <source>Layers {a} and {b} do not overlap (their extents are {gap:.0f} m apart): no building lies on any parcel.</source>
        <translation>图层 {a} 与 {b} 互不重叠（两者范围相距 {gap:.0f} m）：没有任何建筑位于地块内。</translation>
    </message>
    <message>
        <source>SunSpace sunlight and open space</source>
        <translation>SunSpace 日照与开敞空间</translation>
    </message>
    <message>
        <source>SunSpace: sunlight setbacks, open-space ratio and green-space FAR caps</source>
        <translation>SunSpace：日照间距、开敞空间率与绿地约束容积率上限</translation>
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
        <source>zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>sunlight standard</source>
        <translation>日照标准</translation>
    </message>
    <message>
        <source>concentrated green MP, m²/person</source>
        <translation>人均集中绿地 MP（m²/人）</translation>
    </message>
    <message>
        <source>east-west parcels</source>
        <translation>东西向地块</translation>
    </message>
    <message>
        <source>floor area in east-west buildings, %</source>
        <translation>东西向建筑面积占比（%）</translation>
    </message>
    <message>
        <source>floors n</source>
        <translation>层数 n</translation>
    </message>
    <message>
        <source>FAR allowed by the floor value</source>
        <translation>底线值允许的容积率</translation>
    </message>
    <message>
        <source>FAR allowed by the base value</source>
        <translation>基础值允许的容积率</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>合规报告</translation>
    </message>
    <message>
        <source>Rule-index map: FAR allowed by the floor and base values, per zone and category</source>
        <translation>规则索引地图：各分区、各类别由底线值和基础值确定的容积率范围</translation>
    </message>
    <message>
        <source>Basis of the check</source>
        <translation>检查依据</translation>
    </message>
    <message>
        <source>&lt;p&gt;An HTML report (and optionally a PDF through a QGIS print layout) of an open-space-ratio run: the map coloured by compliance, per-category floor and base values with the number of parcels behind them, a chart of theoretical (floor) against actual and base OSR by category (as in paper 003), and the parcels below their base or floor value with the open space they lack. With a FAR-cap layer, the parcels above their cap or failing a concentrated-green check are listed too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;生成开敞空间率计算结果的 HTML 报告（可通过 QGIS 打印布局另存为 PDF）：按合规分类着色的地图；各类别的底线值与基础值及其样本地块数；按类别对比理论值（底线值）与实际值、基础值的开敞空间率图表（同论文003）；以及低于基础值或底线值的地块及其所缺开敞空间。如提供容积率上限结果图层，还将列出超过容积率上限或未通过集中绿地校核的地块。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>floor value (theory)</source>
        <translation>底线值（理论值）</translation>
    </message>
    <message>
        <source>Floor and base values by category</source>
        <translation>各类别的底线值与基础值</translation>
    </message>
    <message>
        <source>Parcels by zone</source>
        <translation>分区地块汇总</translation>
    </message>
    <message>
        <source>{n} parcels. Classes: {classes}.</source>
        <translation>共 {n} 个地块。分类：{classes}。</translation>
    </message>
    <message>
        <source>PDF export failed ({code}): '{path}'.</source>
        <translation>PDF 导出失败（{code}）：“{path}”。</translation>
    </message>
    <message>
        <source>Cannot write the HTML report '{path}': {error}</source>
        <translation>无法写入 HTML 报告“{path}”：{error}</translation>
    </message>
    <message>
        <source>Layer '{layer}' is not an open-space-ratio result (missing {fields}); run sunspace:openspaceratio first.</source>
        <translation>图层“{layer}”不是开敞空间率计算结果（缺少字段 {fields}）；请先运行 sunspace:openspaceratio。</translation>
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
        <translation>开敞空间率计算结果</translation>
    </message>
    <message>
        <source>FAR-cap result (optional)</source>
        <translation>容积率上限计算结果（可选）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>PDF report (optional)</source>
        <translation>PDF 报告（可选）</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Layer '{layer}' is not a FAR-cap result; run sunspace:greenfarcap first.</source>
        <translation>图层“{layer}”不是容积率上限计算结果；请先运行 sunspace:greenfarcap。</translation>
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
        <translation>低于基础值或底线值的地块（{n} 个）</translation>
    </message>
    <message>
        <source>East-west parcels, left out of the base values ({n})</source>
        <translation>东西向地块（不计入基础值，{n} 块）</translation>
    </message>
    <message>
        <source>East-west parcels ({parcels}): most of their residential floor area lies in buildings whose main facade turns east or west; they meet the sunlight standard only by turning away from the south and are left out of the base values.</source>
        <translation>东西向地块（{parcels}）：其大部分住宅建筑面积位于主朝向为东或西的建筑中，仅靠背离正南布局才满足日照标准，因此不计入基础值。</translation>
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
        <source>SunSpace open-space ratio compliance report</source>
        <translation>SunSpace 开敞空间率合规报告</translation>
    </message>
    <message>
        <source>FAR caps and concentrated green: parcels with an issue ({n} of {total})</source>
        <translation>容积率上限与集中绿地：存在问题的地块（{total} 个中的 {n} 个）</translation>
    </message>
    <message>
        <source>{day} ≥ {hours:g} h</source>
        <translation>{day}日 ≥ {hours:g} 小时</translation>
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
        <source>&lt;p&gt;Sunlight setbacks of every building for the chosen standard:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Coefficient zones&lt;/b&gt; (coefficient method): the ground north of the building within L = k(N) × (H − sill) × f, k(N) = cot h · cos A at hour angle 7.5° × N, f the GB 50180-93 orientation reduction (1.0 for 0-15°, 0.9 15-30°, 0.8 30-45°, 0.9 45-60°, 0.95 beyond) for the building's main facade angle from south.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exact zones&lt;/b&gt;: the ground at sill height that gets fewer than the standard's hours because of that building alone (its N-hour isochrone), computed with the exact sunlight engine on a grid.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Spacing checks&lt;/b&gt; between each residential building and the buildings to its south that face it: actual north-south spacing, required spacing, deficit in metres and pass/fail (a building hidden behind a nearer one, or farther than 1.5 times the required spacing, is not listed).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;按所选日照标准计算每栋建筑的日照间距：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;系数法日照间距范围&lt;/b&gt;：建筑北侧距离 L = k(N) × (H − 窗台高度) × f 以内的场地，其中 k(N) = cot h · cos A（时角 7.5° × N），f 为 GB 50180-93 按建筑主要朝向偏离正南角度的朝向折减系数（0-15° 为 1.0，15-30° 为 0.9，30-45° 为 0.8，45-60° 为 0.9，60° 以上为 0.95）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;精确日照影响范围&lt;/b&gt;：仅因该建筑遮挡而在窗台高度上日照少于标准小时数的场地（即其 N 小时等时线范围），用精确日照引擎在网格上计算。&lt;/li&gt;&lt;li&gt;&lt;b&gt;间距校核&lt;/b&gt;：每栋住宅建筑与其南侧正对的建筑之间的实际南北间距、所需间距、间距不足量（米）以及是否达标（被更近建筑遮挡的建筑，或距离超过所需间距 1.5 倍的建筑不列出）。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The spacing coefficient k(N) = cot h · cos A at hour angle 7.5° × N for parallel east-west slabs, for 1, 2 and 3 hours on the Great Cold day and 1 hour on the Winter Solstice day, at a latitude (from a layer's centre, a point, or typed). L/H follows GB 50180-93's convention: L/H = k (H − sill) / H with the reference height H = 18.18 m and sill 1.35 m (both parameters). The reduced columns apply the orientation reduction for a facade turned the given angle from due south.&lt;/p&gt;</source>
        <translation>&lt;p&gt;计算东西向平行板式住宅的日照间距系数 k(N) = cot h · cos A（时角 7.5° × N），分别对应大寒日 1、2、3 小时和冬至日 1 小时的日照标准，纬度取自图层中心、一个点或直接输入。L/H 按 GB 50180-93 的约定：L/H = k (H − 窗台高度) / H，参考建筑高度 H = 18.18 m，窗台高度 1.35 m（两者均可设置）。折减列对朝向偏离正南给定角度的建筑应用朝向折减系数。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Great Cold day (Dahan)</source>
        <translation>大寒日</translation>
    </message>
    <message>
        <source>Winter Solstice day (Dongzhi)</source>
        <translation>冬至日</translation>
    </message>
    <message>
        <source>Give a layer, a point or a latitude.</source>
        <translation>请提供图层、点或纬度。</translation>
    </message>
    <message>
        <source>Latitude {lat:.2f} is outside the range SunSpace supports (0 to 60 degrees north: the Chinese sunlight standards assume the winter sun to the south).</source>
        <translation>纬度 {lat:.2f} 超出 SunSpace 支持的范围（北纬 0 至 60 度：中国日照标准假定冬季太阳位于南方）。</translation>
    </message>
    <message>
        <source>The reference sill must be lower than the reference height.</source>
        <translation>参考窗台高度必须低于参考建筑高度。</translation>
    </message>
    <message>
        <source>Compute exact zones</source>
        <translation>计算精确日照影响范围</translation>
    </message>
    <message>
        <source>Exact-zone grid spacing, m</source>
        <translation>精确日照影响范围的网格间距（m）</translation>
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
        <translation>日照间距校核</translation>
    </message>
    <message>
        <source>Location from a layer's centre</source>
        <translation>以图层中心为位置</translation>
    </message>
    <message>
        <source>Location point</source>
        <translation>位置点</translation>
    </message>
    <message>
        <source>Latitude, degrees (when no layer or point)</source>
        <translation>纬度（度，未提供图层或点时使用）</translation>
    </message>
    <message>
        <source>Year of the standard days</source>
        <translation>标准日所在年份</translation>
    </message>
    <message>
        <source>Reference building height, m</source>
        <translation>参考建筑高度（m）</translation>
    </message>
    <message>
        <source>Reference sill height, m</source>
        <translation>参考窗台高度（m）</translation>
    </message>
    <message>
        <source>Spacing coefficients</source>
        <translation>日照间距系数</translation>
    </message>
    <message>
        <source>Layer {layer} has no features to place.</source>
        <translation>图层 {layer} 没有可用于定位的要素。</translation>
    </message>
    <message>
        <source>The sun does not reach {angle:g} degrees from noon at latitude {lat:.2f}.</source>
        <translation>在纬度 {lat:.2f} 处，太阳无法到达距正午 {angle:g} 度的时角。</translation>
    </message>
    <message>
        <source>{n} facing pairs checked, {fail} too close</source>
        <translation>共校核 {n} 对相对建筑，其中 {fail} 对间距不足</translation>
    </message>
    <message>
        <source>{day} {hours:g} h: k = {k:.3f}, L/H = {lh:.3f}</source>
        <translation>{day} {hours:g} 小时：k = {k:.3f}，L/H = {lh:.3f}</translation>
    </message>
    <message>
        <source>GB 50180-2018: Great Cold day ≥ 2 h, 8-16 h (climate zones I, II, III, VII, cities ≥ 500,000; e.g. Xi'an, Beijing)</source>
        <translation>GB 50180-2018：大寒日 ≥ 2 小时，8-16 时（建筑气候区划 Ⅰ、Ⅱ、Ⅲ、Ⅶ 区大城市，城区常住人口 ≥ 50 万；如西安、北京）</translation>
    </message>
    <message>
        <source>GB 50180-2018: Great Cold day ≥ 3 h, 8-16 h (zones I, II, III, VII, cities &lt; 500,000; zone IV, cities ≥ 500,000)</source>
        <translation>GB 50180-2018：大寒日 ≥ 3 小时，8-16 时（Ⅰ、Ⅱ、Ⅲ、Ⅶ 区中小城市，城区常住人口 &lt; 50 万；Ⅳ 区大城市，≥ 50 万）</translation>
    </message>
    <message>
        <source>GB 50180-2018: Winter Solstice day ≥ 1 h, 9-15 h (zone IV, cities &lt; 500,000; zones V, VI)</source>
        <translation>GB 50180-2018：冬至日 ≥ 1 小时，9-15 时（Ⅳ 区中小城市，&lt; 50 万；Ⅴ、Ⅵ 区）</translation>
    </message>
    <message>
        <source>GB 50180-2018: housing for the elderly, Winter Solstice day ≥ 2 h</source>
        <translation>GB 50180-2018：老年人居住建筑，冬至日 ≥ 2 小时</translation>
    </message>
    <message>
        <source>GB 50180-2018: new housing in old-area renewal, Great Cold day ≥ 1 h</source>
        <translation>GB 50180-2018：旧区改建项目内新建住宅，大寒日 ≥ 1 小时</translation>
    </message>
    <message>
        <source>Custom (day, hours and window below)</source>
        <translation>自定义（在下方设置标准日、小时数和有效日照时间带）</translation>
    </message>
    <message>
        <source>National: cumulative sunlight, 1-minute step</source>
        <translation>全国：累计日照，时间步长 1 分钟</translation>
    </message>
    <message>
        <source>Beijing: drop sunlit segments shorter than 5 min (Great Cold day) / 30 min (Winter Solstice day), sweep angle 12°</source>
        <translation>北京：舍弃短于 5 分钟（大寒日）/ 30 分钟（冬至日）的日照时段，扫掠角 12°</translation>
    </message>
    <message>
        <source>Hangzhou: the 2 longest sunlit segments, 5-minute step</source>
        <translation>杭州：计入最长的 2 个日照时段，时间步长 5 分钟</translation>
    </message>
    <message>
        <source>Shanghai: one continuous sunlit segment</source>
        <translation>上海：须有一个连续日照时段满足标准</translation>
    </message>
    <message>
        <source>Qingdao: ignore sun lower than 15°</source>
        <translation>青岛：不计太阳高度角低于 15° 的日照</translation>
    </message>
    <message>
        <source>Custom (settings below)</source>
        <translation>自定义（在下方设置）</translation>
    </message>
    <message>
        <source>national</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Beijing</source>
        <translation>北京</translation>
    </message>
    <message>
        <source>Hangzhou</source>
        <translation>杭州</translation>
    </message>
    <message>
        <source>Shanghai</source>
        <translation>上海</translation>
    </message>
    <message>
        <source>Qingdao</source>
        <translation>青岛</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Base elevation field, m (empty = 0)</source>
        <translation>基底标高字段（m，留空表示 0）</translation>
    </message>
    <message>
        <source>Layer {layer}: choose a height field or a floors field.</source>
        <translation>图层 {layer}：请选择高度字段或层数字段。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': NULL in feature(s) {ids}.</source>
        <translation>图层 {layer}，字段“{field}”：要素 {ids} 的值为空（NULL）。</translation>
    </message>
    <message>
        <source>Layer {layer} lies south of the equator (latitude {lat:.2f}); SunSpace applies the Chinese sunlight standards, which assume the winter sun to the south (latitudes 0-60 N).</source>
        <translation>图层 {layer} 位于赤道以南（纬度 {lat:.2f}）；SunSpace 采用中国日照标准，其假定冬季太阳位于南方（适用于北纬 0-60 度）。</translation>
    </message>
    <message>
        <source>Layer {layer} spans {lat0:.2f} to {lat1:.2f} degrees of latitude; one run computes the sun at one latitude and allows at most {span:g} degrees. Run each city or district separately (select its features).</source>
        <translation>图层 {layer} 的纬度范围为 {lat0:.2f} 至 {lat1:.2f} 度；一次计算只在一个纬度上计算太阳位置，最多允许跨 {span:g} 度。请分别对每个城市或片区运行（选择其要素）。</translation>
    </message>
    <message>
        <source>Layer {layer}: choose its window height and facing fields.</source>
        <translation>图层 {layer}：请选择其窗户高度字段和朝向字段。</translation>
    </message>
    <message>
        <source>Layer {layer} has no window point with a geometry.</source>
        <translation>图层 {layer} 中没有带几何的窗户点。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': window heights below ground in feature(s) {ids}.</source>
        <translation>图层 {layer}，字段“{field}”：要素 {ids} 的窗户高度低于地面。</translation>
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
        <translation>自定义有效日照时间带起点（真太阳时，时）</translation>
    </message>
    <message>
        <source>Custom window end, true solar hour</source>
        <translation>自定义有效日照时间带终点（真太阳时，时）</translation>
    </message>
    <message>
        <source>Year of the standard day</source>
        <translation>标准日所在年份</translation>
    </message>
    <message>
        <source>Fixed solar declination, degrees (overrides the year)</source>
        <translation>固定太阳赤纬（度，设置后不再按年份计算）</translation>
    </message>
    <message>
        <source>Custom time step, minutes (0 = exact)</source>
        <translation>自定义时间步长（分钟，0 表示精确计算）</translation>
    </message>
    <message>
        <source>Custom: drop sunlit segments shorter than, minutes</source>
        <translation>自定义：舍弃短于此时长的日照时段（分钟）</translation>
    </message>
    <message>
        <source>Custom: count only the N longest segments (0 = all)</source>
        <translation>自定义：只计入最长的 N 个日照时段（0 表示全部计入）</translation>
    </message>
    <message>
        <source>Custom: one continuous segment must meet the standard</source>
        <translation>自定义：须有一个连续日照时段满足标准</translation>
    </message>
    <message>
        <source>Custom: sweep angle, degrees</source>
        <translation>自定义：扫掠角（度）</translation>
    </message>
    <message>
        <source>Custom: minimum sun altitude, degrees</source>
        <translation>自定义：最低太阳高度角（度）</translation>
    </message>
    <message>
        <source>Height field, m</source>
        <translation>高度字段（m）</translation>
    </message>
    <message>
        <source>Floors field (used when no height field)</source>
        <translation>层数字段（无高度字段时使用）</translation>
    </message>
    <message>
        <source>Window sill above floor, m</source>
        <translation>窗台高出楼面的高度（m）</translation>
    </message>
    <message>
        <source>Window points instead of sampled facades</source>
        <translation>窗户点（代替立面采样）</translation>
    </message>
    <message>
        <source>Window height above ground field, m</source>
        <translation>窗台离地高度字段（m）</translation>
    </message>
    <message>
        <source>Window facing azimuth field, degrees from north</source>
        <translation>窗户朝向方位角字段（自正北起算，度）</translation>
    </message>
    <message>
        <source>Facade sampling spacing, m</source>
        <translation>立面采样间距（m）</translation>
    </message>
    <message>
        <source>Layer {layer}: window point(s) {ids} lie inside a building, more than 0.5 m from its walls and below its roof; place windows on the facade.</source>
        <translation>图层 {layer}：窗户点 {ids} 位于建筑内部（距外墙超过 0.5 m 且低于屋顶）；请把窗户点放在立面上。</translation>
    </message>
    <message>
        <source>{standard}: {day} {date}, declination {dec:.3f}°, ≥ {hours:g} h between {start:g} and {end:g} h true solar time; counting rules: {rules} (time step {step}, sweep angle {sweep:g}°, minimum sun altitude {alt:g}°)</source>
        <translation>{standard}：{day} {date}，太阳赤纬 {dec:.3f}°，真太阳时 {start:g} 至 {end:g} 时内日照 ≥ {hours:g} 小时；计算规则：{rules}（时间步长 {step}，扫掠角 {sweep:g}°，最低太阳高度角 {alt:g}°）</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': '{value}' is not a number (feature {fid}).</source>
        <translation>图层 {layer}，字段“{field}”：“{value}”不是数字（要素 {fid}）。</translation>
    </message>
    <message>
        <source>Layer {layer}: no height or floors field chosen; using floors field '{floors}' and height field '{height}' ('' = none).</source>
        <translation>图层 {layer}：未选择高度或层数字段；使用层数字段“{floors}”和高度字段“{height}”（空表示无）。</translation>
    </message>
    <message>
        <source>Layer {layer}: the median height per floor is {value:.2f} m (fields '{h}' / '{f}'), outside 2.4-6 m; check the units of the height field.</source>
        <translation>图层 {layer}：每层高度的中位数为 {value:.2f} m（字段“{h}”/“{f}”），不在 2.4-6 m 范围内；请检查高度字段的单位。</translation>
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
        <translation>窗户日照时数</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sunlight hours of every window sill on the standard day. Obstructors are all buildings (plus an optional layer of planned buildings); receivers are the facades of residential buildings, sampled every &lt;i&gt;spacing&lt;/i&gt; metres at the ground-floor sill (or at every floor; by default only facades with a southward outward normal, where the standard's main rooms are), or your own window points with a height and a facing azimuth. Shadows are computed exactly (no raster): each window gets its sunlit intervals in true solar time and Beijing time (using the day's equation of time at noon), its counted minutes under the chosen rules, and pass/fail.&lt;/p&gt;&lt;p&gt;Outputs: window points; a building summary (worst window, share failing, pass/fail); optionally a parcel summary. With planned buildings, each window also gets its minutes before the proposal and a flag when the proposal pushes it below the standard (GB 50180-2018 4.0.9: adding buildings must not lower a neighbour's sunlight below standard). Latitude and longitude come from the data, whatever its CRS.&lt;/p&gt;&lt;p&gt;Zones: with the parcels and their zone field, each building belongs to the parcel holding most of its footprint (a window point to the parcel containing it), and its windows are judged by that zone's standard: the chosen standard in new areas; in old-area renewal and the historic city GB 50180-2018's renewal rule (Great Cold day ≥ 1 h, 8-16 h), which only ever relaxes the chosen standard. Every building still casts its shadow. Windows, buildings and parcels get the fields &lt;i&gt;zone&lt;/i&gt; (new / old / historic) and &lt;i&gt;std_hours&lt;/i&gt; (the hours required).&lt;/p&gt;</source>
        <translation>&lt;p&gt;计算标准日每个窗台的日照时数。遮挡物为全部建筑（可另加规划建筑图层）；接收点为住宅建筑的外墙，在底层窗台高度按 &lt;i&gt;采样间距&lt;/i&gt; 米采样（也可逐层采样；默认只分析外法线朝南的立面，即标准所指主要居室所在的立面），也可使用你自己的窗户点（带高度和朝向方位角）。阴影按矢量精确计算（不使用栅格）：每个窗户得到其真太阳时和北京时间的日照时段（按当日正午的时差换算）、按所选计算规则计入的有效日照分钟数以及是否达标。&lt;/p&gt;&lt;p&gt;输出：窗户点；建筑汇总（最不利窗户、不达标比例、是否达标）；可选的地块汇总。提供规划建筑时，每个窗户还给出规划前的日照分钟数，并标记因规划而降至标准以下的窗户（GB 50180-2018 第 4.0.9 条：新增建筑不得使相邻住宅原有日照标准降低至标准以下）。经纬度由数据计算，与坐标系无关。&lt;/p&gt;&lt;p&gt;区段：提供地块及其区段字段时，每栋建筑归属于包含其基底面积最大部分的地块（窗户点归属于包含它的地块），其窗户按该区段的日照标准判定：新建区采用所选标准；老城区旧区改建和历史城区采用 GB 50180-2018 的旧区改建规定（大寒日 ≥ 1 h，8-16 时），且只会放宽、不会严于所选标准。所有建筑仍照常投射阴影。窗户、建筑和地块输出增加字段 &lt;i&gt;zone&lt;/i&gt;（new 新建区 / old 旧区改建 / historic 历史城区）和 &lt;i&gt;std_hours&lt;/i&gt;（要求的日照小时数）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every core: a run of 200,000 windows or more on the buildings' facades (not on window points) is cut into tiles, each with the buildings whose shadows can reach it, and computed on QGIS's process and one worker process per further core; the answers are identical to one process. The environment variable SUNSPACE_WORKERS=1 keeps SunSpace on one core.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用满全部核心：在建筑立面上（而非窗户点图层）20 万个窗户及以上的计算会切分为图块，每个图块带上其阴影可能到达的建筑，在 QGIS 进程和每个其余核心上的一个工作进程中计算；结果与单进程计算完全相同。环境变量 SUNSPACE_WORKERS=1 可让 SunSpace 只用一个核心。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Planned buildings (same height/floors fields)</source>
        <translation>规划建筑（与现状建筑使用相同的高度/层数字段）</translation>
    </message>
    <message>
        <source>No window to analyse: no facade of the chosen buildings faces the sun side.</source>
        <translation>没有可分析的窗户：所选建筑没有朝向阳面的立面。</translation>
    </message>
    <message>
        <source>Facades to analyse</source>
        <translation>分析的立面</translation>
    </message>
    <message>
        <source>Sample every floor (not only the ground floor)</source>
        <translation>逐层采样（不仅底层）</translation>
    </message>
    <message>
        <source>Parcels for a summary and zones (optional)</source>
        <translation>用于汇总和区段划分的地块（可选）</translation>
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
        <source>Zones come from the parcels: choose the parcels layer with the zone field.</source>
        <translation>区段取自地块：请选择带有区段字段的地块图层。</translation>
    </message>
    <message>
        <source>Layer {layer}: no residential building to analyse (check the residential expression and the selection).</source>
        <translation>图层 {layer}：没有可分析的住宅建筑（请检查住宅判定表达式和所选要素）。</translation>
    </message>
    <message>
        <source>{ok} of {n} windows meet the standard ({fail} fail)</source>
        <translation>{n} 个窗户中有 {ok} 个满足日照标准（{fail} 个不达标）</translation>
    </message>
    <message>
        <source>Site: {lat:.4f} N, {lon:.4f} E</source>
        <translation>场地位置：北纬 {lat:.4f}，东经 {lon:.4f}</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} window point(s) outside every parcel ({ids}) are judged by the chosen standard, as in a new area.</source>
        <translation>图层 {layer}：有 {n} 个窗户点不在任何地块内（{ids}），按所选标准（新建区）判定。</translation>
    </message>
    <message>
        <source>Layer {layer}: {n} building(s) outside every parcel ({ids}) are judged by the chosen standard, as in a new area.</source>
        <translation>图层 {layer}：有 {n} 栋建筑不在任何地块内（{ids}），按所选标准（新建区）判定。</translation>
    </message>
    <message>
        <source>Up to {n} windows, {walls} walls</source>
        <translation>最多 {n} 个窗户，{walls} 面墙</translation>
    </message>
    <message>
        <source>; the proposal pushes {k} below it</source>
        <translation>；规划建筑使其中 {k} 个降至标准以下</translation>
    </message>
    <message>
        <source>{n} windows computed in {tiles} tiles on {processes} processes</source>
        <translation>已在 {processes} 个进程上分 {tiles} 个图块计算 {n} 个窗户</translation>
    </message>
    <message>
        <source>Windows in {zones}: {standard}</source>
        <translation>{zones}的窗户：{standard}</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>新建区</translation>
    </message>
    <message>
        <source>Old-area renewal</source>
        <translation>老城区旧区改建</translation>
    </message>
    <message>
        <source>Historic city</source>
        <translation>历史城区</translation>
    </message>
    <message>
        <source>Concentrated green per person MP must be positive, got {value}.</source>
        <translation>人均集中绿地 MP 必须为正数，当前为 {value}。</translation>
    </message>
    <message>
        <source>The east-west angle must lie between 0 and 90 degrees, got {value}.</source>
        <translation>东西向判定角必须在 0 到 90 度之间，当前为 {value}。</translation>
    </message>
    <message>
        <source>Zone field (new area / old-area renewal / historic city)</source>
        <translation>分区字段（新建区 / 老城区旧区改建 / 历史城区）</translation>
    </message>
    <message>
        <source>Zone values for old-area renewal (comma-separated)</source>
        <translation>属于旧区改建的分区取值（以逗号分隔）</translation>
    </message>
    <message>
        <source>Zone values for the historic city (comma-separated)</source>
        <translation>属于历史城区的分区取值（以逗号分隔）</translation>
    </message>
    <message>
        <source>Concentrated green per person in old-area renewal and the historic city, m²</source>
        <translation>旧区改建与历史城区的人均集中绿地（m²）</translation>
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
        <translation>已给出分区取值，但未选择分区字段：请选择地块的分区字段。</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>Window sunlight of every residential building</source>
        <translation>计算每栋住宅建筑的窗户日照</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': no parcel has the zone value(s) {values}.</source>
        <translation>图层 {layer} 的字段“{field}”：没有地块取值为 {values}。</translation>
    </message>
    <message>
        <source>{n} parcel(s) laid out east-west (more than {share:g} % of their floor area in buildings turned over {angle:g}° from south): left out of the base values.</source>
        <translation>{n} 个地块为东西向布局（超过 {share:g}% 的建筑面积位于偏离正南超过 {angle:g}° 的建筑中）：不计入基础值样本。</translation>
    </message>
    <message>
        <source>Zone {zone}: {standard}, concentrated green {mp:g} m²/person</source>
        <translation>分区 {zone}：{standard}，集中绿地 {mp:g} m²/人</translation>
    </message>
    <message>
        <source>Not a GeoPackage geometry.</source>
        <translation>不是 GeoPackage 几何。</translation>
    </message>
    <message>
        <source>Unknown protection rule {rule}; use keep, strict or compliant.</source>
        <translation>未知的保护规则 {rule}；请使用 keep、strict 或 compliant。</translation>
    </message>
    <message>
        <source>Grid spacing must be positive.</source>
        <translation>网格间距必须为正数。</translation>
    </message>
    <message>
        <source>The height cap must be positive.</source>
        <translation>限高上限必须为正数。</translation>
    </message>
    <message>
        <source>The buildable site is empty (check the setback).</source>
        <translation>可建设用地为空（请检查退线）。</translation>
    </message>
    <message>
        <source>The grid would have {cells} cells (more than {limit}); use a larger spacing or a smaller site.</source>
        <translation>网格将有 {cells} 个单元（超过 {limit}）；请增大网格尺寸或缩小用地。</translation>
    </message>
    <message>
        <source>Floor height must be positive.</source>
        <translation>层高必须为正数。</translation>
    </message>
    <message>
        <source>Layer {layer} has no geometry to place on the earth.</source>
        <translation>图层 {layer} 没有可用于确定地理位置的几何。</translation>
    </message>
    <message>
        <source>Layer {layer} uses the local coordinate system '{crs}', which is not tied to the earth; assign its real CRS (Layer Properties ▸ Source) and run again.</source>
        <translation>图层 {layer} 使用与地球无关的局部坐标系“{crs}”；请为其指定真实的坐标参考系（图层属性 ▸ 源）后重新运行。</translation>
    </message>
    <message>
        <source>The coordinates of layer {layer} (x {x0:.6g} to {x1:.6g}, y {y0:.6g} to {y1:.6g}) do not fit its coordinate reference system {crs}; is the layer's CRS set correctly?</source>
        <translation>图层 {layer} 的坐标（x {x0:.6g} 至 {x1:.6g}，y {y0:.6g} 至 {y1:.6g}）与其坐标参考系 {crs} 不符；该图层的坐标系是否设置正确？</translation>
    </message>
    <message>
        <source>Grid spacing must be positive, got {spacing}.</source>
        <translation>网格间距必须为正数，当前为 {spacing}。</translation>
    </message>
    <message>
        <source>The grid would have {cells:,} cells (more than {max_cells:,}); use a larger spacing or a smaller area.</source>
        <translation>网格将有 {cells:,} 个单元（超过 {max_cells:,}）；请增大网格间距或缩小分析范围。</translation>
    </message>
    <message>
        <source>parcel area</source>
        <translation>地块面积</translation>
    </message>
    <message>
        <source>building footprint area inside the parcel</source>
        <translation>地块内建筑基底面积</translation>
    </message>
    <message>
        <source>building density DB = footprint / parcel area</source>
        <translation>建筑密度 DB = 建筑基底面积 / 地块面积</translation>
    </message>
    <message>
        <source>total floor area</source>
        <translation>总建筑面积</translation>
    </message>
    <message>
        <source>residential floor area</source>
        <translation>住宅建筑面积</translation>
    </message>
    <message>
        <source>floor area ratio FAR = floor area / parcel area</source>
        <translation>容积率 FAR = 总建筑面积 / 地块面积</translation>
    </message>
    <message>
        <source>average residential floors n = residential floor area / residential footprint</source>
        <translation>住宅平均层数 n = 住宅建筑面积 / 住宅基底面积</translation>
    </message>
    <message>
        <source>residential category (GB 50180-2018 table 4.0.2; high-rise III for 27+ floors from paper 003)</source>
        <translation>住宅类别（GB 50180-2018 表 4.0.2；27 层及以上为高层Ⅲ类，取自论文003）</translation>
    </message>
    <message>
        <source>stable category code: low, mid1, mid2, high1, high2, high3, none</source>
        <translation>固定的类别代码：low、mid1、mid2、high1、high2、high3、none</translation>
    </message>
    <message>
        <source>residential form: slab, tower, mixed or none</source>
        <translation>住宅形式：slab（板式）、tower（点式）、mixed（混合）或 none（无）</translation>
    </message>
    <message>
        <source>residents = residential floor area / per-capita floor area</source>
        <translation>人口 = 住宅建筑面积 / 人均住宅建筑面积</translation>
    </message>
    <message>
        <source>concentrated green area inside the parcel</source>
        <translation>地块内集中绿地面积</translation>
    </message>
    <message>
        <source>concentrated green per person</source>
        <translation>人均集中绿地</translation>
    </message>
    <message>
        <source>open space = parcel area - footprint</source>
        <translation>开敞空间 = 地块面积 − 建筑基底面积</translation>
    </message>
    <message>
        <source>open-space ratio OSR = open space / floor area</source>
        <translation>开敞空间率 OSR = 开敞空间面积 / 总建筑面积</translation>
    </message>
    <message>
        <source>At latitude {latitude:.2f}°N the sun is up for only {avail:.2f} h of the counting window {w0:g}-{w1:g} h, less than the required {hours:g} h: there is no setback zone to draw.</source>
        <translation>在北纬 {latitude:.2f}° 处，计算时段 {w0:g}-{w1:g} 时内太阳仅出现 {avail:.2f} 小时，少于要求的 {hours:g} 小时：无法绘制日照间距范围。</translation>
    </message>
    <message>
        <source>The declination must be a finite number of degrees, got {declination}.</source>
        <translation>太阳赤纬必须是有限的度数，当前为 {declination}。</translation>
    </message>
    <message>
        <source>Required hours must lie between 0 and 24, got {hours}.</source>
        <translation>要求日照时数必须在 0 到 24 小时之间，当前为 {hours}。</translation>
    </message>
    <message>
        <source>At latitude {latitude:.2f}°N with declination {declination:.2f}° the sun stands north of the east-west line {hours:g} h around noon: the spacing-coefficient method (winter sun to the south) does not apply.</source>
        <translation>在北纬 {latitude:.2f}°、赤纬 {declination:.2f}° 时，正午前后 {hours:g} 小时内太阳位于东西线以北：日照间距系数法（冬季太阳在南）不适用。</translation>
    </message>
    <message>
        <source>No Python interpreter found for worker processes; set SUNSPACE_PYTHON or use parallel='threads'.</source>
        <translation>找不到用于工作进程的 Python 解释器；请设置 SUNSPACE_PYTHON，或使用 parallel='threads'。</translation>
    </message>
    <message>
        <source>Latitude {latitude} is not a number.</source>
        <translation>纬度 {latitude} 不是数字。</translation>
    </message>
    <message>
        <source>Latitude {latitude:.2f}° is south of the equator. SunSpace applies the Chinese sunlight standards (winter sun to the south) and supports latitudes from 0° (the equator) to {max_lat:.0f}°N.</source>
        <translation>纬度 {latitude:.2f}° 位于赤道以南。SunSpace 采用中国日照标准（冬季太阳在南），支持从 0°（赤道）到北纬 {max_lat:.0f}° 的范围。</translation>
    </message>
    <message>
        <source>Latitude {latitude:.2f}°N is beyond {max_lat:.0f}°N, where the winter sun hardly rises; SunSpace supports latitudes from 0° (the equator) to {max_lat:.0f}°N.</source>
        <translation>北纬 {latitude:.2f}° 超出北纬 {max_lat:.0f}°，冬季太阳几乎不升起；SunSpace 支持从 0°（赤道）到北纬 {max_lat:.0f}° 的范围。</translation>
    </message>
    <message>
        <source>The sun passes north of the zenith on this day at this latitude ({latitude:.2f}°N, declination {declination:.2f}°); the engine supports latitudes at least 0.5 degrees north of the declination.</source>
        <translation>该日在此纬度太阳经过天顶以北（北纬 {latitude:.2f}°，赤纬 {declination:.2f}°）；计算引擎要求纬度至少比赤纬偏北 0.5 度。</translation>
    </message>
    <message>
        <source>Every obstructor needs a positive height.</source>
        <translation>每个遮挡建筑都必须有正的高度。</translation>
    </message>
    <message>
        <source>Every obstructor needs a finite base elevation.</source>
        <translation>每个遮挡建筑都必须有有限的基底标高。</translation>
    </message>
    <message>
        <source>Receiver spacing must be positive, got {spacing}.</source>
        <translation>采样间距必须为正数，当前为 {spacing}。</translation>
    </message>
    <message>
        <source>Floor height must be positive, got {floor_height}.</source>
        <translation>层高必须为正数，当前为 {floor_height}。</translation>
    </message>
    <message>
        <source>The analysis would need {n:,} receivers, more than the limit of {limit:,}. Reduce it: use a larger receiver spacing, analyse the ground floor only, or select fewer buildings.</source>
        <translation>分析需要 {n:,} 个接收点，超过上限 {limit:,}。请减少：增大采样间距、只分析底层，或选择更少的建筑。</translation>
    </message>
    <message>
        <source>The sun passes north of the zenith on this day at this latitude; the engine supports latitudes at least 0.5 degrees north of the declination.</source>
        <translation>该日在此纬度太阳经过天顶以北；计算引擎要求纬度至少比赤纬偏北 0.5 度。</translation>
    </message>
    <message>
        <source>The sun is at or below the horizon inside the analysed hours; clip the window to sunrise.</source>
        <translation>分析时段内太阳位于地平线或以下；请把时段裁剪到日出之后。</translation>
    </message>
    <message>
        <source>Receiver arrays x, y, z, nx, ny must have the same length.</source>
        <translation>接收点数组 x、y、z、nx、ny 的长度必须相同。</translation>
    </message>
    <message>
        <source>Every receiver needs finite coordinates x, y, z.</source>
        <translation>每个接收点都必须有有限的坐标 x、y、z。</translation>
    </message>
    <message>
        <source>Sweep angle must lie in [0, 90) degrees, got {sweep}.</source>
        <translation>扫掠角必须在 [0, 90) 度之间，当前为 {sweep}。</translation>
    </message>
    <message>
        <source>The counting window must be two increasing hours, got {window}.</source>
        <translation>计算时段必须是两个递增的小时数，当前为 {window}。</translation>
    </message>
    <message>
        <source>parallel must be 'threads' or 'processes', got {parallel!r}.</source>
        <translation>parallel 必须是 'threads' 或 'processes'，当前为 {parallel!r}。</translation>
    </message>
    <message>
        <source>Receiver batches must lie inside the obstructors' bounding box and at or above their lowest base; pass all receivers as one dict instead.</source>
        <translation>分批的接收点必须位于遮挡建筑的外包矩形内且不低于最低基底；否则请一次性传入全部接收点。</translation>
    </message>
    <message>
        <source>Tile size must be positive, got {size}.</source>
        <translation>分块尺寸必须为正数，当前为 {size}。</translation>
    </message>
    <message>
        <source>No building to analyse.</source>
        <translation>没有可分析的建筑。</translation>
    </message>
    <message>
        <source>coordinates must be 'lonlat' or 'input', got {value!r}.</source>
        <translation>coordinates 必须是 'lonlat' 或 'input'，当前为 {value!r}。</translation>
    </message>
    <message>
        <source>Running on a cluster needs the Python package dask[distributed] ({error}); install it or run without a scheduler.</source>
        <translation>在集群上运行需要 Python 包 dask[distributed]（{error}）；请安装它，或不指定调度器运行。</translation>
    </message>
    <message>
        <source>A worker process failed ({error}); its tiles are computed here.</source>
        <translation>一个工作进程失败（{error}）；其图块改在本进程计算。</translation>
    </message>
    <message>
        <source>Footprint(s) {ids} are not valid polygons ({reason}); repair them first (in QGIS: Fix geometries).</source>
        <translation>建筑轮廓 {ids} 不是有效的面（{reason}）；请先修复（QGIS 中：修复几何）。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': '{value}' is not a number (feature(s) {ids}). Fix or filter these features.</source>
        <translation>图层 {layer}，字段“{field}”：“{value}”不是数字（要素 {ids}）。请修正或筛除这些要素。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': NULL in feature(s) {ids}; zero or negative in feature(s) {bad}. Fix or filter these features.</source>
        <translation>图层 {layer}，字段“{field}”：要素 {ids} 的值为空（NULL）；要素 {bad} 的值为零或负数。请修正或筛除这些要素。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': NULL in feature(s) {ids}. Fix or filter these features.</source>
        <translation>图层 {layer}，字段“{field}”：要素 {ids} 的值为空（NULL）。请修正或筛除这些要素。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': zero or negative in feature(s) {ids}. Fix or filter these features.</source>
        <translation>图层 {layer}，字段“{field}”：要素 {ids} 的值为零或负数。请修正或筛除这些要素。</translation>
    </message>
    <message>
        <source>Floor height must be positive, got {value}.</source>
        <translation>层高必须为正数，当前为 {value}。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': heights up to {top:.0f} m in feature(s) {ids}; SunSpace reads heights in metres (centimetres or millimetres?).</source>
        <translation>图层 {layer}，字段“{field}”：要素 {ids} 的高度高达 {top:.0f} m；SunSpace 以米为高度单位（该字段是否为厘米或毫米？）。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': fewer than half a floor in feature(s) {ids}; a building has at least one floor.</source>
        <translation>图层 {layer} 的字段“{field}”：要素 {ids} 的层数不足半层；建筑至少有一层。</translation>
    </message>
    <message>
        <source>Layer {layer}, field '{field}': {top:.0f} floors in feature(s) {ids}; is this a height or a floors field?</source>
        <translation>图层 {layer}，字段“{field}”：要素 {ids} 的层数为 {top:.0f} 层；该字段是高度字段还是层数字段？</translation>
    </message>
    <message>
        <source>Layer {layer}: feature(s) {ids} have no geometry and are skipped.</source>
        <translation>图层 {layer}：要素 {ids} 没有几何，已跳过。</translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry repaired in feature(s) {ids}; nothing polygonal was left of {lost}, skipped.</source>
        <translation>图层 {layer}：已修复要素 {ids} 的无效几何；要素 {lost} 修复后不再有面状部分，已跳过。</translation>
    </message>
    <message>
        <source>Layer {layer}: invalid geometry repaired in feature(s) {ids}.</source>
        <translation>图层 {layer}：已修复要素 {ids} 的无效几何。</translation>
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
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>East-west parcel</source>
        <translation>东西向地块</translation>
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
        <source>values, comma-separated</source>
        <translation>取值，以逗号分隔</translation>
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
        <source>Zone field (optional)</source>
        <translation>分区字段（可选）</translation>
    </message>
    <message>
        <source>Zone values for old-area renewal</source>
        <translation>老城区旧区改建的分区取值</translation>
    </message>
    <message>
        <source>Zone values for the historic city</source>
        <translation>历史城区的分区取值</translation>
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
    <message>
        <source>yes: left out of the base values</source>
        <translation>是：不计入基础值</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
</TS>
