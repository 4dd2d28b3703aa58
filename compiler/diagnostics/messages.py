"""The catalogue of diagnostic codes: one entry a code, in Chinese and English.

Diagnostics are values that carry a code and arguments; the words live only here,
so that both languages, `docs/errors.md` and `xize explain-error` read one table.
Codes: E1xx syntax and lexical errors, E2xx semantic errors, W3xx warnings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    severity: str  # "error" | "warning"
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""


MESSAGES: dict[str, Entry] = {
    # ---- E1xx: reading the text ------------------------------------------------------
    "E101": Entry(
        "error",
        "语法错误：此处不应出现 {found}",
        "syntax error: unexpected {found_en}",
        "{did_you_mean}此处应为：{expected}",
        "{did_you_mean_en}expected: {expected_en}",
    ),
    "E102": Entry(
        "error",
        "无法识别的字符 {char}",
        "unrecognised character {char}",
        "此处应为：{expected}",
        "expected: {expected_en}",
    ),
    "E103": Entry(
        "error",
        "文件中含有不可见或改变文字方向的字符 {char}",
        "invisible or bidirectional-control character {char} in the file",
        "此类字符会让审阅者看到的文字与实际计分规则不一致，请删除",
        "such characters make what a reviewer sees differ from what is scored; delete it",
    ),
    "E104": Entry(
        "error",
        "【 没有对应的 】",
        "【 is not closed by 】",
        "在名称末尾补上 】",
        "close the name with 】",
    ),
    "E105": Entry(
        "error",
        "编号 “{marker}” 后紧跟数字，无法区分编号与正文",
        "marker “{marker}” is followed by a digit, so marker and text run together",
        "改用顿号编号：{suggestion}",
        "use the enumeration comma: {suggestion}",
    ),
    "E106": Entry(
        "error",
        "同一行出现第二个分值 {points}",
        "a second point value {points} on one node line",
        "一行只能有一个分值；请拆分为子项",
        "a node line carries one point value; split it into sub-items",
    ),
    "E119": Entry(
        "error",
        "“不得分” 写在最多扣{cap}分的评分项中：本项{points}分最多扣{cap}分，照写仍保留{rest}分，与 “不得分” 不符",
        "“不得分” under a cap of {cap}: the item of {points} points loses at most {cap}, and "
        "would keep {rest}, which is not “scores nothing”",
        "本项确实得0分的，去掉 “最多扣{cap}分”，把这一上限写到它所管的那些条款上（如 “每次扣1分，最多扣{cap}分”）；"
        "只扣到上限的，写 “扣{cap}分”",
        "if the item scores 0, drop the item's cap and write it on the clauses it limits "
        "(e.g. 每次扣1分，最多扣{cap}分); if it loses the cap only, write 扣{cap}分",
    ),
    "E120": Entry(
        "error",
        "“{text}”：是其中有一项就扣（得）一次，还是每有一项扣（得）一次，原文没有说清",
        "“{text}”: once when any of them does, or once for each that does, is not said",
        "只算一次的写 {once}；每项各算的写 {each}",
        "once: {once}; once for each: {each}",
    ),
    "E121": Entry(
        "error",
        "“{text}”：第一次不扣分，那么从第二次起是每一次都扣（2次扣2次的分），还是只扣超过一次的部分（2次扣1次的分），原文没有说清",
        "“{text}”: the first is free — from the second on, does every occurrence count (2 → "
        "twice) or only those past the first (2 → once)? The text does not say",
        "每一次都扣的写 {each}；只扣超过部分的写 {beyond}",
        "every occurrence: {each}; only those past the first: {beyond}",
    ),
    "E123": Entry(
        "error",
        "“{text}”：不扣分的一档不必写——没有条款说到的单位本来不扣分",
        "“{text}”: a case that deducts nothing is not written — a unit no clause speaks of "
        "loses nothing",
        "只写扣分的一档：{rest}",
        "write only the case that deducts: {rest_en}",
    ),
    "E122": Entry(
        "error",
        "“{text}”：达到标准得基础分，超过的部分再按步加分、总分到{top}分为止——请写成两条条款",
        "“{text}”: base points at the standard, more per step past it, up to {top} in all — "
        "write it as two clauses",
        "写 {rewrite}（加分最多是{top}分减去基础分，即{more}分）",
        "write {rewrite} (the steps add at most {top} less the base, {more})",
    ),
    "E118": Entry(
        "error",
        "“列为{name}” 只给单位加一个标签，不改变等次：“{band}” 是 等次： 中的一档",
        "“列为{name}” only tags the unit; it does not change its grade, and “{band}” is a band of 等次:",
        "要定等次，写 等次定为{band}（只能是最高或最低一档）；要限定等次，写 等次最高为{band} 或 不得评为…；"
        "只要标签，换一个不是等次的名称",
        "to set the grade write 等次定为{band} (the highest or lowest band); to limit it, "
        "等次最高为{band} or 不得评为…; for a tag alone, use a name that is no band",
    ),
    "E117": Entry(
        "error",
        "标题中的 “{text}” 说的是分值或上限，但不是本语言读的修饰语：照写只是标题的一部分，不起作用",
        "“{text}” in the title states points or a cap, but is no modifier the language reads: "
        "as written it is only title text and changes nothing",
        "本项扣分的上限写 “，最多扣N分”（或 “，本项最多扣N分”）；加分项写 “，加分项，最高加N分”；"
        "各子项各自的上限写在各子项的行上",
        "a cap on this item's deductions: “，最多扣N分”; a bonus item: “，加分项，最高加N分”; "
        "each sub-item's own cap on its own line",
    ),
    "E107": Entry(
        "error",
        "缺少表头项 “{field}”",
        "missing header field “{field}”",
        "在文件开头写上 “{field}：…”",
        "add “{field}: …” at the top of the file",
    ),
    "E108": Entry(
        "error",
        "文件中含有控制字符或无效编码 {char}",
        "control character or invalid encoding {char} in the file",
        "请以 UTF-8 保存文件并删除该字符",
        "save the file as UTF-8 and remove the character",
    ),
    "E109": Entry(
        "error",
        "条款或说明出现在任何评分项之前",
        "a clause or 说明 line comes before any outline node",
        "先写评分项（如 “(一)领导重视程度(5分)”），再在其下写条款",
        "write an outline node first (e.g. “(一)领导重视程度(5分)”), then its clauses",
    ),
    "E110": Entry(
        "error",
        "无法识别的数字 “{text}”",
        "unreadable number “{text}”",
        "小数请用阿拉伯数字书写，如 0.03",
        "write decimals in Arabic digits, e.g. 0.03",
    ),
    "E111": Entry(
        "error",
        "多个事项并列后直接扣分，含义不明确",
        "several facts listed before a deduction: the meaning is ambiguous",
        "请写明：“每缺1项扣1分”、“分别扣1分”，或用 “且” / “或” 连接条件",
        "say “每缺1项扣1分”, “分别扣1分”, or join the conditions with “且” / “或”",
    ),
    "E112": Entry(
        "error",
        "“每{verb}” 需要一个比较标准（目标值、日期或平均值）",
        "“每{verb}” needs a threshold, a date or an average to compare with",
        "写明标准，如 “应达到80%，每低于1个百分点扣0.03分”、“不得超过3次，每超1次扣0.1分”{late}",
        "state the standard, e.g. “应达到80%，每低于1个百分点扣0.03分” or “不得超过3次，每超1次扣0.1分”"
        "{late_en}",
    ),
    "E113": Entry(
        "error",
        "表头项 “{field}” 的值 “{value}” 无效",
        "invalid value “{value}” for header field “{field}”",
        "{expected}",
        "{expected_en}",
    ),
    "E114": Entry(
        "error",
        "“{text}” 与上年的名次相比：本批数据中没有上年的名次",
        "“{text}” compares with last year's place, which the batch does not hold",
        "把名次的变化作为数据项填报：数据： 中写 {declared}，条款写 {written}",
        "report the change of place as a fact: declare {declared} under 数据: and write {written}",
    ),
    "E115": Entry(
        "error",
        "“{text}” 按与平均值相差的档次扣分，但两档在哪里分开读不准",
        "“{text}” deducts by bands of distance from the average, but where one band ends "
        "and the next begins is unclear",
        "写成一句：{suggest}（以内含这个数，以外不含；只扣所在一档）",
        "write it as: {suggest} (以内 includes the distance, 以外 does not; only the band "
        "reached deducts)",
    ),
    "E116": Entry(
        "error",
        "“{text}”：{why}",
        "“{text}”: {why_en}",
        "{suggest}",
        "{suggest_en}",
    ),
    # ---- E2xx: meaning ---------------------------------------------------------------
    "E201": Entry(
        "error",
        "未定义的数据项或参数 【{name}】",
        "unknown fact or parameter 【{name}】",
        "您是不是要写 【{suggestion}】？",
        "did you mean 【{suggestion}】?",
    ),
    "E202": Entry(
        "error",
        "数据项 【{name}】 的用法与其类型 “{declared}” 不符（此处按 “{used}” 使用）",
        "fact 【{name}】 is declared as “{declared}” but used as “{used}” here",
        "检查 数据： 中的类型，或改写条款",
        "check its type under 数据:, or rewrite the clause",
    ),
    "E203": Entry(
        "error",
        "单位不一致：条款用 “{used}”，数据项 【{name}】 的单位是 “{declared}”",
        "unit mismatch: the clause counts in “{used}” but 【{name}】 is counted in “{declared}”",
        "统一单位，或为不同单位的事项分别设数据项",
        "use the same unit, or declare a separate fact for the other unit",
    ),
    "E204": Entry(
        "error",
        "同级评分项编号 “{marker}” 重复（第{other}行已使用）",
        "two sibling nodes share the marker “{marker}” (also on line {other})",
        "修改其中一个编号",
        "renumber one of them",
    ),
    "E205": Entry(
        "error",
        "满分 {full} 分与各一级评分项分值之和 {total} 分不符",
        "满分 {full} does not equal the sum of top-level points {total}",
        "核对满分或各项分值；加分项不计入满分",
        "check 满分 and the points of each top-level node; bonus nodes do not count",
    ),
    "E257": Entry(
        "error",
        "等次 “{lower}” 到 {hi} 分为止，“{upper}” 从 {lo} 分起，中间的总分（如 {example} 分）不属于任何等次",
        "band “{lower}” ends at {hi} and “{upper}” starts at {lo}: a total between them (e.g. "
        "{example}) belongs to no band",
        "等次从上到下比对，写 “{lower}：{floor}分以上”（不到 {lo} 分的都是{lower}）；或在表头写 精度，使总分落不进空档",
        "bands are tried top down: write “{lower}：{floor}分以上” (below {lo} it is {lower}); or set "
        "精度 in the header so that no total falls between",
    ),
    "E258": Entry(
        "error",
        "“{written}” 是{scope}的平均水平，而考评对象是 “{target}”：本批的平均值只是这些单位自己的平均，不是{scope}的",
        "“{written}” is the {scope} average, but the units are “{target}”: the batch mean is "
        "theirs alone, not the {scope} figure",
        "{scope}的平均水平已知的，写进 参数：（如 {scope}平均水平 = 35%），条款与它比较（达到【{scope}平均水平】的…）；"
        "考评时才知道的，作为一项数据填报；本就是指本批单位的平均的，把 “{scope}” 改为本批所在的范围",
        "a known {scope} figure goes under 参数： (e.g. {scope}平均水平 = 35%) and the clause compares "
        "with it (达到【{scope}平均水平】的…); one known only when scoring is entered as a fact; if the "
        "batch's own mean is meant, name the batch's scope",
    ),
    "E263": Entry(
        "error",
        "“{scope}” 的名次（最高值、最低值）不是本批的：考评对象是 “{target}”，本批只在这些单位之间比较，{scope}的是另一个数",
        "the {scope} place (best value) is not the batch's: the units are “{target}”, compared "
        "among themselves only; the {scope} one is another number",
        "{scope}的名次考评时才知道的，作为一项数据填报（如 数据： 中写 {scope}排名后三位：是否，条款写 "
        "【{scope}排名后三位】的，扣1分）；本就是本批单位之间排名的，把 “{scope}” 改为本批所在的范围",
        "a {scope} place known only when scoring is entered as a fact (e.g. {scope}排名后三位：是否 "
        "under 数据：, and the clause 【{scope}排名后三位】的，扣1分); if the batch's own ranking is "
        "meant, name the batch's scope",
    ),
    "E264": Entry(
        "error",
        "“{word}” 前后说的是相反的两边：“{pre}” 与 “{post}” 各指数的一侧，哪一侧算没有达到标准原文没有说清",
        "“{word}” points both ways: “{pre}” and “{post}” name opposite sides, so which side "
        "breaks the standard is not said",
        "要求不少于这个数的，如 应达到95%（或 不得低于95%）；要求不超过这个数的，如 不得超过95%——去掉后面的 “{post}” 或改写前面的词，使两边一致",
        "at least the number, e.g. 应达到95% (or 不得低于95%); at most, e.g. 不得超过95% — drop “{post}” "
        "or change the first word so that both agree",
    ),
    "E265": Entry(
        "error",
        "“{text}” 读不准：可以是比平均值低{n}%（不到平均值的{rest}%），也可以是不到平均值的{n}%",
        "“{text}” is unclear: {n}% below the mean (under {rest}% of it), or under {n}% of the mean",
        "指不到平均值的{n}%的写 不足平均值{n}%；指比平均值低{n}%、即不到平均值{rest}%的写 不足平均值{rest}%",
        "under {n}% of the mean: 不足平均值{n}%; {n}% below it, i.e. under {rest}% of it: 不足平均值{rest}%",
    ),
    "E266": Entry(
        "error",
        "【{fact}】 越过 {bound} 之后，两条按步{verb}分的条款同时在{verb}：照写是两者相加，而原文常指分段（到 {bound} 为止按前一条，越过 {bound} 的按后一条）",
        "past {bound}, two per-step clauses on 【{fact}】 both apply: as written they add up, "
        "while documents usually mean tiers (the first up to {bound}, the second beyond it)",
        "分段的：在前一条后写 “，最多{verb}{cap}分”（{top} 到 {bound} 之间的步数）；两者相加的：后一条写 “另{verb}”",
        "tiers: add “，最多{verb}{cap}分” to the first (its steps between {top} and {bound}); "
        "adding up: write “另{verb}” in the second",
    ),
    "E267": Entry(
        "error",
        "“{narrow}” 与 “{wide}” 两档都满足的单位，照写是两档的分相加；这样写的多是分档，只算达到的最深一档",
        "a unit meeting both “{narrow}” and “{wide}” gets both as written; such lines are "
        "usually tiers, the deepest one reached",
        "分档的：{tiers}{additive}",
        "tiers: {tiers_en}{additive_en}",
    ),
    "E268": Entry(
        "error",
        "“{written}” 把百分比当作小数乘进分数：算式中的百分比是百分数本身（95% 即 95，不是 0.95）",
        "“{written}” multiplies a percentage into points as if a fraction: in a formula a "
        "percentage is its percent number (95% is 95, not 0.95)",
        "百分比是小数（95% 即 0.95）的写 {fraction}{points}",
        "as a fraction (95% is 0.95) write {fraction}{points_en}",
    ),
    "E271": Entry(
        "error",
        "“{text}”：没有一个【{fact}】的值能满足这个条件，这一条永远不会用上",
        "“{text}”: no value of 【{fact}】 meets this condition, so the clause never applies",
        "一个范围的，下限写在 “高于/达到” 后、上限写在 “低于/不超过” 后（如 高于80%且低于90%）；"
        "两头各算的，用 “或” 连起（如 高于90%或低于80%），或分成两条条款",
        "a range: the lower bound after 高于/达到, the upper after 低于/不超过 (e.g. 高于80%且低于90%); "
        "either end: join them with 或 (e.g. 高于90%或低于80%), or write two clauses",
    ),
    "E270": Entry(
        "error",
        "“{text}” 使整个评分项不得分，本项其他条款的分也一并没有；跟在得分的各档之后，原文多指只是这几档的分不得",
        "“{text}” takes the whole item's points, its other clauses' too; after tiers that earn, "
        "documents usually mean none of those tiers' points",
        "只是这几档的分不得的写 {none}；整个评分项不得分的写 {item}",
        "none of the tiers' points: {none}; the whole item: {item}",
    ),
    "E269": Entry(
        "error",
        "“{text}” 用逗号连起的各档{why}",
        "“{text}”: tiers joined by commas, and {why_en}",
        "{hint}",
        "{hint_en}",
    ),
    "E262": Entry(
        "error",
        "“{written}” 不是本批的平均值：“{words}” 说的不只是哪些单位——上年、近几年、先进单位、"
        "前几名的平均值都是另一个数",
        "“{written}” is not the batch mean: “{words}” says more than which units — the mean of "
        "last year, of recent years, of the best units or of the first few is another number",
        "本批各单位这项数据的平均值写 平均值（前面只写范围，如 全市平均值、全县各乡镇平均值、参评单位平均值）；"
        "另一个数已知时写进 参数：（如 上年平均水平 = 35%），条款与它比较（低于【上年平均水平】的…）；"
        "考评时才知道的，作为一项数据填报",
        "for the batch mean write 平均值 with a scope only (全市平均值, 全县各乡镇平均值, "
        "参评单位平均值); a known other figure goes under 参数： (e.g. 上年平均水平 = 35%) and the "
        "clause compares with it (低于【上年平均水平】的…); one known only when scoring is entered "
        "as a fact",
    ),
    "E206": Entry(
        "error",
        "等次 “{band}” 永远不会被评定（前面的等次已覆盖其全部分数）",
        "grade band “{band}” can never match: earlier bands cover all its scores",
        "调整等次顺序或分数线",
        "reorder the bands or change their limits",
    ),
    "E207": Entry(
        "error",
        "数据项或参数 【{name}】 重复定义（第{other}行已定义）",
        "fact or parameter 【{name}】 is declared twice (also on line {other})",
        "删除其中一处定义",
        "remove one of the declarations",
    ),
    "E208": Entry(
        "error",
        "“{effect}” 所在的评分项没有分值",
        "“{effect}” is used in a node without points",
        "为该评分项写上分值，如 “(2分)”",
        "give the node its points, e.g. “(2分)”",
    ),
    "E209": Entry(
        "error",
        "加分条款只能写在加分项或有分值的评分项中",
        "a bonus clause outside a bonus node and outside any item with points",
        "把它放在 “，加分项，最高加N分” 的评分项下",
        "put it under a node marked “，加分项，最高加N分”",
    ),
    "E210": Entry(
        "error",
        "【{name}】 的 {what} “{value}” 不符合其类型 “{type}”",
        "the {what_en} “{value}” of 【{name}】 does not fit its type “{type}”",
        "{expected}",
        "{expected_en}",
    ),
    "E211": Entry(
        "error",
        "测试 “{test}” 中：{problem}",
        "in test “{test}”: {problem_en}",
        "{hint}",
        "{hint_en}",
    ),
    "E212": Entry(
        "error",
        "酌情扣分/给分须使用类型为 “分” 的数据项，【{name}】 的类型是 “{type}”",
        "a discretionary clause needs a fact of type “分”; 【{name}】 is “{type}”",
        "在 数据： 中声明 “{name}：分”",
        "declare “{name}: 分” under 数据:",
    ),
    "E213": Entry(
        "error",
        "等次名称 “{band}” 重复",
        "grade band “{band}” is declared twice",
        "删除或改名其中一个",
        "remove or rename one of them",
    ),
    "E214": Entry(
        "error",
        "条款需要比较两个可比的量，此处为 “{left}” 与 “{right}”",
        "a comparison needs comparable quantities, here “{left}” and “{right}”",
        "检查单位与类型：百分比与百分比比较，日期与日期比较；数据项本身是分数（如测评得分）的，"
        "在 数据： 中声明为 分（如 测评得分：分），再与 “10分” 比较",
        "compare percentages with percentages, dates with dates; a fact that is itself a score "
        "(a rating) is declared as 分 in 数据 (测评得分：分) to compare with “10分”",
    ),
    "E215": Entry(
        "error",
        "【{name}】 是参数（常量），不能用作{used}",
        "【{name}】 is a parameter (a constant) and cannot be used as {used_en}",
        "参数只能出现在数值的位置；需要逐单位录入的事项请在 数据： 中定义",
        "a parameter stands only where a number may; declare a per-unit value under 数据:",
    ),
    "E216": Entry(
        "error",
        "无法识别的比较用语 “{word}”",
        "unknown comparison word “{word}”",
        "可用：以上、以下、以内、达到、不低于、不超过、超过、低于、高于、不足、不满、少于，或 ≥ ≤ > < =",
        "use 以上, 以下, 以内, 达到, 不低于, 不超过, 超过, 低于, 高于, 不足, 不满, 少于, or ≥ ≤ > < =",
    ),
    "E217": Entry(
        "error",
        "数据项 【{name}】 的类型或单位 “{type}” 无法识别",
        "fact 【{name}】 has an unknown type or unit “{type}”",
        "{did_you_mean}类型可为：是否、百分比、数值、分、日期；计数单位（次、人次、批次、件、项、户次、项次、"
        "种、部、篇、家、台、辆……）；计量单位（小时、公里、平方米、万元、吨、万吨、亩……）。"
        "单位表中没有的词请改用 数值",
        "{did_you_mean_en}types: 是否, 百分比, 数值, 分, 日期; a count unit (次, 人次, 批次, 件, 项, 户次, 项次, "
        "种, 部, 篇, 家, 台, 辆, …); a measure (小时, 公里, 平方米, 万元, 吨, 万吨, 亩, …). "
        "For a word not in the tables use 数值",
    ),
    "E218": Entry(
        "error",
        "加分项中不能写 “{effect}”",
        "“{effect}” inside a bonus node",
        "加分项只写 “加N分” 条款；扣分或得分条款请放在有分值的评分项下",
        "a bonus node holds only “加N分” clauses; put deductions and earned points under a node with points",
    ),
    "E219": Entry(
        "error",
        "“每{step}” 的步长为0，无法计数",
        "the step “每{step}” is zero: nothing can be counted in steps of 0",
        "步长应大于0，如 “每缺1次”",
        "the step must be greater than 0, e.g. “每缺1次”",
    ),
    "E220": Entry(
        "error",
        "“{word}” 与 “每{verb}” 方向相反：{consequence}",
        "“{word}” and “每{verb}” point opposite ways: {consequence_en}",
        "写 “每{want}…” 或 “每{want2}…”，计算{part}",
        "write “每{want}…” or “每{want2}…” to count {part_en}",
    ),
    "E221": Entry(
        "error",
        "“{word}…，每{verb}…” 有两种读法：“{word}” 是应达到的标准，还是扣分的条件？",
        "“{word}…，每{verb}…” reads two ways: is “{word}” the standard to reach, or the condition for the deduction?",
        "是标准就写 “应{word}…，每{step}扣…”（按差额扣分）；是条件就写 “{word}…的，每次扣…”（按全部次数扣分）",
        "for a standard write “应{word}…，每{step}扣…” (per unit beyond it); for a condition write “{word}…的，每次扣…” (per occurrence)",
    ),
    "E222": Entry(
        "error",
        "“{word}…的，每{verb}…” 不清楚是按差额扣分，还是按全部次数扣分",
        "“{word}…的，每{verb}…” does not say whether to deduct per unit of shortfall or per occurrence",
        "按与标准的差额扣分写 “每少1次扣…”；按全部次数扣分写 “每次扣…”",
        "per unit of shortfall: write “每少1次扣…”; per occurrence: write “每次扣…”",
    ),
    "E223": Entry(
        "error",
        "“{word}” 在此不起作用：本项没有两条以上可取最高的得分（或加分）条款",
        "“{word}” has no effect here: the item has no two earning (or bonus) clauses to take the highest of",
        "删去 “{word}”——它只在几条得分（或加分）条款中取最高的一条；要限制扣分，写 “最多扣N分” 或 “扣完为止”",
        "remove “{word}”: it keeps the highest of several earning (or bonus) clauses; to limit deductions write “最多扣N分” or “扣完为止”",
    ),
    # ---- E23x: scoring relative to the batch, grade limits ------------------------------
    "E230": Entry(
        "error",
        "等次 “{band}” 不在 等次： 中",
        "the band “{band}” is not one of 等次:",
        "写 等次： 中的一档：{bands}",
        "name one of the bands of 等次: {bands}",
    ),
    "E231": Entry(
        "error",
        "“{band}” 是最低一档，“不得评为{band}” 无档可评",
        "“{band}” is the lowest band: barring it leaves no band to give",
        "要降到最低一档请写 “一票否决”；要限定最高等次请写 “等次最高为…”",
        "to give the lowest band write “一票否决”; to cap the grade write “等次最高为…”",
    ),
    "E232": Entry(
        "error",
        "等次 “{upper}” 排在 “{lower}” 之后却高于它：限定等次要求等次从高到低排列",
        "the band “{upper}” comes after “{lower}” but reaches higher: grade limits need "
        "the bands listed from the highest to the lowest",
        "把 等次： 中的各档按从高到低的顺序重排",
        "list the bands of 等次: from the highest to the lowest",
    ),
    "E259": Entry(
        "error",
        "等次名额 “{text}”：{why}",
        "the quota “{text}” of band “{band}”: {why_en}",
        "{hint}",
        "{hint_en}",
    ),
    "E260": Entry(
        "error",
        "“{text}”：{why}",
        "“{text}”: {why_en}",
        "{hint}",
        "{hint_en}",
    ),
    "E261": Entry(
        "error",
        "“{text}” 只能写在按名次计分的条款中：没有说按哪一项、从高到低还是从低到高排名",
        "“{text}” belongs in a clause that ranks: by which fact, and which way, is not said",
        "在算式前写明排名：按【X】从高到低排名，得((单位数−名次+1)÷单位数×6)分",
        "say the ranking before the formula: 按【X】从高到低排名，得((单位数−名次+1)÷单位数×6)分",
    ),
    # ---- E24x: limits that keep scores exact and columns unambiguous -------------------
    "E240": Entry(
        "error",
        "数字 {text} 的有效数字超过 {limit} 位",
        "the number {text} has more than {limit} significant digits",
        "分数按60位有效数字精确计算，超过 {limit} 位的数字无法保证不被舍入；请核对原文数字",
        "scores are exact to 60 significant digits, which holds numbers of up to {limit} "
        "digits; check the number against the document",
    ),
    "E241": Entry(
        "error",
        "等次有 {count} 档，超过上限 {limit} 档",
        "{count} grade bands, more than the limit of {limit}",
        "等次通常只有几档；请核对 等次： 下的内容",
        "grades have a few bands; check what is under 等次:",
    ),
    "E242": Entry(
        "error",
        "精度 {value} 过细：最多到小数点后 {limit} 位",
        "精度 {value} is too fine: at most {limit} decimal places",
        "精度通常为 0.01 或 0.001",
        "精度 is usually 0.01 or 0.001",
    ),
    "E243": Entry(
        "error",
        "数据项 【{name}】 与 【{other}】 只差空格、全角字符或括号，数据表的列无法区分它们",
        "the facts 【{name}】 and 【{other}】 differ only in spaces, full-width forms or "
        "brackets, which a data sheet's header cannot tell apart",
        "改用明显不同的名称；如果是同一数据项，请统一写法",
        "give them clearly different names; if they are one fact, write it the same way",
    ),
    "E244": Entry(
        "error",
        "“{word}平均值{distance}的” 之后的按步扣分没有说从哪里算起",
        "after “{word}平均值{distance}的” the steps do not say where they start",
        "从平均值算起写 {from_average}；只算超出的部分写 {beyond_part}",
        "to count from the average write {from_average}; to count only the part "
        "beyond the distance write {beyond_part}",
    ),
    "E245": Entry(
        "error",
        "“{effect}” 须单独成条：同一条款中不能再有别的扣分、得分或加分",
        "“{effect}” must stand alone: the clause may not also deduct, earn or add points",
        "写成 “【数据项】的，本大项不得分”；其他分值另写一条",
        "write “【fact】的，本大项不得分” and put the other points in a clause of their own",
    ),
    "E247": Entry(
        "error",
        "“{second}” 不是 “{first}” 的反面：两个条件之间（或重叠）的情况原文没有说",
        "“{second}” is not the opposite of “{first}”: what lies between (or in both) is not said",
        "两个条件正好相反时才能写在一句里（如 达到90%的得5分，低于90%的不得分）；否则分成两条条款，各写【数据项】{tiers}",
        "only exact opposites share a sentence (e.g. 达到90%的得5分，低于90%的不得分); "
        "otherwise write two clauses, each with its 【fact】{tiers_en}",
    ),
    "E246": Entry(
        "error",
        "“每下降一个名次扣N分” 找不到从多少分往下减",
        "“每下降一个名次扣N分”: nothing says from how many points to step down",
        "先写第1名（或前几名）得多少分，如 第1名得10分，其后每下降一个名次扣0.5分",
        "state the first place's points first, e.g. 第1名得10分，其后每下降一个名次扣0.5分",
    ),
    "E233": Entry(
        "error",
        "“{word}” 与平均值相差若干的写法不明确",
        "“{word}” does not say on which side of the average the distance lies",
        "写成 【数据项】低于平均值N个百分点 或 【数据项】高于平均值N个百分点（可加 以上）",
        "write 【fact】低于平均值N个百分点 or 【fact】高于平均值N个百分点 (optionally with 以上)",
    ),
    "E234": Entry(
        "error",
        "【{name}】 不能排名：排名的对象须是数值型数据项或有分值的评分项得分",
        "【{name}】 cannot be ranked: rank a numeric fact or the score of a node with points",
        "写 按【数据项】排名，或 按【(二)得分】排名",
        "write 按【fact】排名 or 按【(二)得分】排名",
    ),
    "E235": Entry(
        "error",
        "按【{name}】排名时不知道高者在前还是低者在前",
        "ranking by 【{name}】: it is not known whether a higher or a lower value ranks first",
        "写明 按【{name}】从高到低排名 或 按【{name}】从低到高排名；"
        "或在 数据： 中声明哪一端好，如 {name}：{type}，越高越好（或 越低越好）",
        "write 按【{name}】从高到低排名 or 按【{name}】从低到高排名, "
        "or declare the better end under 数据:, e.g. {name}：{type}，越高越好 (or 越低越好)",
    ),
    "E250": Entry(
        "error",
        "数据项 【{name}】 不能这样声明哪一端好：{why}",
        "fact 【{name}】: its better end cannot be declared so: {why_en}",
        "只给数值型数据项（百分比、数值、次数、分）写一个：越高越好 或 越低越好",
        "declare one of 越高越好 or 越低越好, and only on a numeric fact",
    ),
    "E251": Entry(
        "error",
        "按【{name}】排名的方向前后矛盾：{first}，而第{line}行的条款把它当作{second}",
        "ranking by 【{name}】: {first_en}, but the clause on line {line} treats it as {second_en}",
        "在排名条款中写明 按【{name}】从高到低排名 或 按【{name}】从低到高排名，并核对第{line}行",
        "write 按【{name}】从高到低排名 or 按【{name}】从低到高排名, and check line {line}",
    ),
    "E255": Entry(
        "error",
        "“等次定为{band}” 只能定为最高或最低一档",
        "“等次定为{band}” may only name the highest or the lowest band",
        "要把等次限定为 {band} 这一档，写 等次最高为{band}，等次最低为{band}",
        "to hold the grade at {band}, write 等次最高为{band}，等次最低为{band}",
    ),
    "E256": Entry(
        "error",
        "“{written}” 与数据项 【{name}】 对不上：平均值只能是本条款所比数据项的平均值",
        "“{written}” does not name fact 【{name}】: the average is that of the fact compared",
        "写 平均值（即本批【{name}】的平均值）；要用别的数作标准，在 参数： 中给出，写成【参数名】",
        "write 平均值 (the batch average of 【{name}】); for another standard, "
        "declare it under 参数: and write 【name】",
    ),
    "E252": Entry(
        "error",
        "“{text}” 读不准：百分比数据与平均值相差 {value}%，可以是相差{value}个百分点，"
        "也可以是平均值的{value}%",
        "“{text}” is unclear: a rate {value}% from the average may be {value} percentage "
        "points from it, or {value}% of the average",
        "相差{value}个百分点写 {points}；指平均值的{value}%（相对差：平均值80%时相差{example}个百分点）时，"
        "这一界限随本批而变，请把每个单位是否{word}这一界限作为是否型数据填报，"
        "如 数据： 中写 {name}{word}界限：是否，默认否，条款写 【{name}{word}界限】…",
        "for {value} percentage points write {points}; for {value}% of the average (a relative "
        "gap: {example} points when the average is 80%), which moves with the batch, report whether each unit is beyond it as a yes/no fact, e.g. "
        "{name}{word}界限：是否，默认否 and 【{name}{word}界限】…",
    ),
    "E253": Entry(
        "error",
        "“{text}” {why}",
        "“{text}”: {why_en}",
        "{hint}",
        "{hint_en}",
    ),
    "E254": Entry(
        "error",
        "“{text}” 的 “依次” 从哪一头数起读不准：可以按排名的顺序（靠前的名次在先），也可以从最后一名数起",
        "“{text}” with “依次”: the amounts may follow the ranking (the higher place first) or "
        "count from the last place",
        "按排名的顺序写 {listed}；从最后一名数起写 {counted}",
        "in ranking order write {listed}; counting from the last write {counted}",
    ),
    "E236": Entry(
        "error",
        "“按第1名的比例” 找不到第1名得多少分",
        "“按第1名的比例”: nothing says how many points the first place gets",
        "先写第1名的分数，如 第1名得6分，第2至5名按第1名的比例得分；或 最高者得满分，其余按与最高者的比例得分",
        "state the first place's points first, e.g. 第1名得6分，第2至5名按第1名的比例得分",
    ),
    "E237": Entry(
        "error",
        "“依次” 的分数与名次对不上：{places} 个名次，{amounts} 个分数",
        "“依次”: {places} places but {amounts} amounts",
        "从第1名起逐个写出分数，如 排名第1至3名的，依次得3分、2分、1分",
        "list one amount per place from the top, e.g. 排名第1至3名的，依次得3分、2分、1分",
    ),
    "E238": Entry(
        "error",
        "评分项得分的排名互相依赖，无法计算：{cycle}",
        "node rankings depend on each other in a cycle: {cycle}",
        "一个评分项的得分不能依赖它自己（或依赖它的评分项）的排名",
        "a node's score may not depend on its own ranking, directly or through other nodes",
    ),
    "E239": Entry(
        "error",
        "取消考评资格不能依赖本批单位的统计值（平均值、排名）",
        "取消考评资格 may not depend on batch values (averages, ranks)",
        "参加统计的单位不含取消考评资格的单位，所以是否取消资格须先于统计确定；改用固定的数值或参数",
        "the batch excludes disqualified units, so disqualification must be decided first; compare with a fixed value or a parameter",
    ),
    # ---- W3xx: likely mistakes ---------------------------------------------------------
    "W301": Entry(
        "warning",
        "编号不连续：“{marker}” 之前缺少 “{missing}”",
        "numbering gap: “{missing}” is missing before “{marker}”",
        "检查是否漏写了一项",
        "check whether an item was left out",
    ),
    "W302": Entry(
        "warning",
        "单次扣分 {amount} 分超过所在评分项的分值 {budget} 分",
        "one occurrence costs {amount}, more than the node's budget of {budget}",
        "核对原文数字（可能是录入或识别错误）；如属实，扣完为止",
        "check the number against the document (likely a typing or OCR slip); if it is right, the node is simply emptied",
    ),
    "W303": Entry(
        "warning",
        "子项分值之和 {total} 分{relation}上级评分项的 {points} 分",
        "the children's points add up to {total}, {relation_en} the parent's {points}",
        "子项各自为扣分上限；如属原文如此，可忽略本提示",
        "each child is its own budget; if the document says so, ignore this",
    ),
    "W304": Entry(
        "warning",
        "等次 “{first}” 与 “{second}” 都包含分数线 {value} 分",
        "grade bands “{first}” and “{second}” both claim the boundary {value}",
        "在表头写明 “边界：以上含本数，以下不含本数”",
        "state the rule in the header: “边界：以上含本数，以下不含本数”",
    ),
    "W305": Entry(
        "warning",
        "“{first}…{last}” 含义不明确，按 “{first}” 理解（不含本数）",
        "“{first}…{last}” is ambiguous; read as “{first}” (exclusive)",
        "不含本数的删去 “{last}”，含本数的删去 “{first}”（如 20人{last}）",
        "exclusive: drop “{last}”; inclusive: drop “{first}” (e.g. 20人{last})",
    ),
    "W306": Entry(
        "warning",
        "本项对 【{fact}】 既给分又扣分：没做到时既得不到分，又被扣分，重复计算",
        "the item both earns and deducts for 【{fact}】: a miss loses the points and is deducted again",
        "只保留一种写法：在该项分值内写扣分（如 “每缺1项扣1分”），或只写得分",
        "keep one of the two: deductions within the item's points (e.g. “每缺1项扣1分”), or earning alone",
    ),
    "W307": Entry(
        "warning",
        "标题中的 “{text}” 像是写错的修饰语",
        "“{text}” in the title looks like a mistyped modifier",
        "您是不是要写 “{suggestion}”？",
        "did you mean “{suggestion}”?",
    ),
    "W308": Entry(
        "warning",
        "说明中的数字 {number} 没有被本项任何条款使用",
        "the number {number} in 说明 is not used by any clause of this node",
        "核对条款是否与说明一致",
        "check that the clauses say what the 说明 says",
    ),
    "W309": Entry(
        "warning",
        "数据项 【{name}】 已定义但未被使用",
        "fact 【{name}】 is declared but never used",
        "删除该定义，或补写使用它的条款",
        "remove it, or write the clause that uses it",
    ),
    "W310": Entry(
        "warning",
        "数据项 【{name}】 未在 数据： 中定义，已按用法推断为 “{type}”",
        "fact 【{name}】 is not declared under 数据:; inferred as “{type}”",
        "在 数据： 中写上 “{name}：{type}”",
        "declare “{name}: {type}” under 数据:",
    ),
    "W311": Entry(
        "warning",
        "各得分条款合计 {total} 分，与本项分值 {points} 分不符",
        "the earning clauses add up to {total}, not the node's {points}",
        "全部达标时应得满分；核对各条款分值{formula}",
        "meeting every criterion should earn full points; check the amounts{formula_en}",
    ),
    "W320": Entry(
        "warning",
        "条款用 “{used}”，数据项 【{name}】 以 “{declared}” 计：按 “{declared}” 计算",
        "the clause says “{used}” but 【{name}】 is counted in “{declared}”: counted in “{declared}”",
        "每一{declared}算一次；原文确指另一种计数的，请另设一个以 “{used}” 计的数据项",
        "each {declared} counts once; if the document means the other count, declare a fact "
        "counted in “{used}”",
    ),
    "W321": Entry(
        "warning",
        "除数 【{name}】 可能为0：为0的单位无法计分，将报数据错误",
        "the divisor 【{name}】 may be 0: a unit where it is 0 cannot be scored (a data error)",
        "在 数据： 中写明它的范围（如 范围1至50），或确认每个单位都不为0",
        "state its range in 数据： (e.g. 范围1至50), or make sure no unit has 0",
    ),
    "W322": Entry(
        "warning",
        "加分没有规定上限：加的分不封顶，计入总分",
        "a bonus with no stated cap: it is added to the total without a limit",
        "原文规定了上限的（如 “另设奖励分3分”），把加分条款写在下一级 “(1)奖励分，加分项，最高加3分” 中",
        "if the document states a cap (另设奖励分3分), put the clause in a sub-item "
        "“(1)奖励分，加分项，最高加3分”",
    ),
    "W331": Entry(
        "warning",
        "“每{verb}” 数的是没做的次数，但 【{name}】 的名称说的是做了的次数：若填报的是做了的次数，做满的单位反而扣得最多",
        "“每{verb}” counts what was not done, but 【{name}】 is named for what was done: if the "
        "count of what was done is entered, the unit that did it all loses the most",
        "填报的是做了的次数时，写明应做多少次，如 【{name}】不得少于12次，每{verb}1次扣1分；"
        "填报的是没做的次数时，把数据项改名为 【未{name}】 一类的名称",
        "if the count of what was done is entered, state what was due, e.g. 【{name}】不得少于12次，"
        "每{verb}1次扣1分; if it counts what was missed, rename the fact (e.g. 【未{name}】)",
    ),
    "W330": Entry(
        "warning",
        "按【{name}】排名按{order}（{name}{sense}，由名称推断）",
        "ranking by 【{name}】 {order_en} (a {sense_en} 【{name}】 is better, inferred from "
        "its name)",
        "如不是，请写明 按【{name}】{opposite}排名 或在 数据： 中声明 {name}：{type}，{opposite_sense}",
        "if not, write 按【{name}】{opposite}排名 or declare {name}：{type}，{opposite_sense} "
        "under 数据:",
    ),
    "W312": Entry(
        "warning",
        "加分项的分值 ({points}分) 不计入满分，以 “最高加{cap}分” 为准",
        "the points ({points}) of a bonus node do not count; “最高加{cap}分” is its limit",
        "删去加分项标题中的分值",
        "remove the points from the bonus node's line",
    ),
}

# Words that diagnostics insert into their messages (E210's {what}, E211's {problem},
# hints), in both languages: key → (zh, en).  Kept here so that this module stays the
# one place where diagnostics are put into words.
DETAILS: dict[str, tuple[str, str]] = {
    # E210: which part of a declaration
    "what.default": ("默认值", "default"),
    "what.low": ("范围下限", "lower bound"),
    "what.high": ("范围上限", "upper bound"),
    "what.range": ("范围", "range"),
    # what each fact type accepts
    "expect.bool": ("应为 是/否（也可写 √/×、有/无、1/0）", "expected 是/否 (or √/×, 有/无, 1/0)"),
    "expect.count": ("应为不小于0的整数", "expected a whole number ≥ 0"),
    "expect.percent": (
        "应为0到100之间的百分数，如 85 或 85.5%",
        "expected a percentage 0–100, e.g. 85 or 85.5%",
    ),
    "expect.number": ("应为数值，如 12.5", "expected a number, e.g. 12.5"),
    "expect.points": ("应为分值，如 2.5", "expected points, e.g. 2.5"),
    "expect.date": (
        "应为日期，如 2023-01-09、2023年1月9日 或 1月9日",
        "expected a date, e.g. 2023-01-09, 2023年1月9日 or 1月9日",
    ),
    "expect.range": ("范围的下限不能大于上限", "the lower bound cannot exceed the upper bound"),
    "expect.within": ("应在 {low} 至 {high} 之间", "expected between {low} and {high}"),
    "expect.at_least": ("应不小于 {low}", "expected at least {low}"),
    "expect.at_most": ("应不大于 {high}", "expected at most {high}"),
    "expect.no_range": ("“{type}” 类型不设范围", "a “{type}” fact takes no range"),
    # E215: where a parameter cannot stand
    "role.truth": ("条件", "a condition"),
    "role.subject": ("计扣对象", "the counted subject"),
    "role.missing": ("缺项事项", "a missing-item fact"),
    "role.discretionary": ("酌情扣分/给分的录入项", "the entered points of a discretionary clause"),
    # E211: what is wrong in a test block
    "test.unknown_fact": ("没有名为 【{name}】 的数据项", "there is no fact 【{name}】"),
    "test.param": (
        "【{name}】 是参数，测试中不能赋值",
        "【{name}】 is a parameter and cannot be set in a test",
    ),
    "test.duplicate_fact": ("【{name}】 赋值了两次", "【{name}】 is given twice"),
    "test.bad_value": (
        "【{name}】 的值 “{value}” 不符合其类型 “{type}”",
        "the value “{value}” of 【{name}】 does not fit its type “{type}”",
    ),
    "test.no_average": (
        "没有条款使用 【{name}】 的平均值",
        "no clause uses the average of 【{name}】",
    ),
    "test.unknown_unit": (
        "期望中的单位 “{unit}” 不在本测试的单位之列",
        "the unit “{unit}” in 期望 is not one of this test's units",
    ),
    "test.duplicate_unit": (
        "单位 “{unit}” 写了两次",
        "the unit “{unit}” is listed twice",
    ),
    "test.stat_in_batch": (
        "列出了几个单位的测试自行计算 {stat}，不能另行给出",
        "a test that lists its units computes {stat} itself; it cannot be given",
    ),
    "test.no_stat": (
        "没有条款使用 {stat}【{name}】",
        "no clause uses {stat}【{name}】",
    ),
    "test.bad_stat": (
        "{stat} 的值 “{value}” 无效：应为{expected}",
        "the value “{value}” of {stat} is not {expected_en}",
    ),
    "test.bad_average": (
        "平均值【{name}】 的值 “{value}” 不是数值",
        "the average “{value}” of 【{name}】 is not a number",
    ),
    "test.unknown_target": (
        "期望中的 “{target}” 不是评分项路径",
        "“{target}” in 期望 is not a node path",
    ),
    "test.duplicate_target": ("期望中的 “{target}” 写了两次", "“{target}” is expected twice"),
    "test.bad_number": (
        "期望 {target} 的值 “{value}” 不是数值",
        "the expected {target} “{value}” is not a number",
    ),
    "test.unknown_band": (
        "期望的等次 “{value}” 未在 等次： 中定义",
        "the expected grade “{value}” is not a band",
    ),
    "test.unknown_status": (
        "期望的状态 “{value}” 无法识别",
        "the expected status “{value}” is unknown",
    ),
    "test.unknown_label": (
        "期望的标签 “{value}” 没有条款会列入",
        "no clause attaches the expected label “{value}”",
    ),
    # E253: batch wordings whose meaning is unclear or that the language cannot express
    "why.decline": (
        "没有说按什么比例：按最好单位的比例（最好者的数值与本单位数值之比），还是在最好与最差之间按差距折算",
        "does not say which proportion: to the best unit (the best value over the unit's), or "
        "spread by distance between the best and the worst",
    ),
    "hint.decline": (
        "按最好单位的比例写 其余按与{best}的比例得分；"
        "在最好与最差之间按差距折算本语言不能直接写，请在表外算出后作为 分 型数据填报",
        "for a share of the best write 其余按与{best}的比例得分; a spread between the best "
        "and the worst cannot be written: compute it outside and report it as a 分 fact",
    ),
    "why.convert": (
        "没有说怎样折算：按与最高者的比例（本单位 ÷ 最高值），还是按数值本身（如得分率 80% 得 80% 的分）",
        "does not say how to convert: as a share of the highest (the unit's over the highest), "
        "or by the value itself (a rate of 80% earns 80% of the points)",
    ),
    "hint.convert": (
        "按与{best}的比例写 其余按与{best}的比例得分；按数值本身写成算式，如 得(【{name}】×10÷100)分"
        "（10换成本项的分值）",
        "for a share of the best write 其余按与{best}的比例得分; for the value itself write "
        "a formula, e.g. 得(【{name}】×10÷100)分 (10 being the item's points)",
    ),
    "why.share_places": (
        "按名次的百分比取单位，但单位数乘百分比除不尽时取几个原文没有说（16个单位的前20%是3个还是4个）",
        "takes places by a percentage, but not how a fraction of units rounds (is the top 20% "
        "of 16 units 3 or 4?)",
    ),
    "hint.share_places": (
        "按本批的单位数写成名次，如 排名第1至3名的得10分，第4至8名的得8分，其余得6分",
        "write the places for the batch's number of units, e.g. 排名第1至3名的得10分，第4至8名的得8分，其余得6分",
    ),
    "why.times": (
        "与平均值的倍数比较：“超过平均值1倍以上” 可读作平均值的2倍以上，也可读作高于平均值；"
        "与前一档是累加还是只取一档也读不准",
        "compares with a multiple of the average: “超过平均值1倍以上” may mean twice the "
        "average or more, or just above it; whether it adds to the band before is unclear too",
    ),
    "hint.times": (
        "按与平均值相差多少分档写 【{name}】超过平均值N以内扣2分，N以外扣5分（只扣所在一档；N带数据的单位）；"
        "按平均值的倍数请把是否达到这一倍数作为是否型数据填报",
        "for bands of distance write 【{name}】超过平均值N以内扣2分，N以外扣5分 (only the band "
        "reached; N in the fact's unit); for a multiple of the average, report whether each "
        "unit reaches it as a yes/no fact",
    ),
    "why.spread": (
        "在最高与最低之间按差距折算（最低得0分、最高得满分），本语言不能直接写",
        "spreads the points by distance between the lowest and the highest (the lowest 0, the "
        "highest full); the language cannot express it",
    ),
    "hint.spread": (
        "在表外算出每个单位的分数，作为 分 型数据填报；按最高者的比例（本单位 ÷ 最高值，另一种算法）"
        "才写 其余按与最高者的比例得分",
        "compute each unit's points outside and report them as a 分 fact; only a share of the "
        "highest (the unit's over the highest, another rule) is 其余按与最高者的比例得分",
    ),
    "why.both_ways": (
        "没有说高于平均值时是加还是扣",
        "does not say whether being above the average adds or deducts",
    ),
    "hint.both_ways": (
        "分两句写：低者为好时 【{name}】高于平均值的，每高1个百分点扣0.5分；低于平均值的，每低1个百分点加0.5分"
        "（高者为好时把 扣 与 加 对调）",
        "write two clauses: when lower is better 【{name}】高于平均值的，每高1个百分点扣0.5分；"
        "低于平均值的，每低1个百分点加0.5分 (swap 扣 and 加 when higher is better)",
    ),
    "why.floor_step": (
        "给按名次递减的分数设了下限；下限要写成到下限为止的名次规则",
        "sets a floor under points that step down by place; the floor is written as a rule "
        "for the places that reach it",
    ),
    "hint.floor_step": (
        "写 {rule}：第{place}名起得{floor}分，前面的名次照样从第1名每名递减",
        "write {rule}: from place {place} on a unit earns {floor}, the places before it still "
        "step down from the first",
    ),
    "why.floor_step_plain": (
        "给按名次递减的分数设了下限；下限要写成到下限为止的名次规则",
        "sets a floor under points that step down by place; the floor is written as a rule "
        "for the places that reach it",
    ),
    "hint.floor_step_plain": (
        "写出分数减到下限的第一个名次K，如 第1名得10分，第8名及以后得3分，其后每下降一个名次扣1分"
        "（K 是 10 − 1 ×（K − 1）不高于3的最小名次）",
        "name the first place K where the points reach the floor, e.g. "
        "第1名得10分，第8名及以后得3分，其后每下降一个名次扣1分 (K the least place with "
        "10 − 1 × (K − 1) at or below 3)",
    ),
    "why.floor_share": (
        "给按比例的得分设了下限，本语言不能直接写",
        "sets a floor under a share of the best; the language cannot express it",
    ),
    "hint.floor_share": (
        "不设下限时写 其余按与{best}的比例得分；设下限请在表外算出每个单位的分数，作为 分 型数据填报",
        "without the floor write 其余按与{best}的比例得分; with it, compute each unit's points "
        "outside and report them as a 分 fact",
    ),
    "why.place_list": (
        "几个名次用 “、” 连写（如 倒数第2位、第3位），后面的名次是否也从后往前数读不准",
        "several places joined by “、” (倒数第2位、第3位): whether the later ones also count "
        "from the bottom is unclear",
    ),
    "hint.place_list": (
        "每个名次各写一条，方向写全：都从后往前数写 倒数第2名的扣2分，倒数第3名的扣2分；"
        "后一个从前往后数写 倒数第2名的扣2分，第3名的扣2分（从倒数第一起一名接一名写的 "
        "倒数第一、第二、第三 都从后往前数，可以照写；前面已从倒数第一写起的扣分名次接着写的 "
        "倒数第二、第三 也是）",
        "write one rule per place with its direction: both from the bottom 倒数第2名的扣2分，"
        "倒数第3名的扣2分; the second from the top 倒数第2名的扣2分，第3名的扣2分 (a list going "
        "on place by place from 倒数第一, 倒数第一、第二、第三, counts from the bottom as written, "
        "and so does a penalising 倒数第二、第三 after rules from 倒数第一 on)",
    ),
    "why.interpolate": (
        "在两端的分数之间按名次或数值等差（插值）计分，本语言不能直接写",
        "interpolates between the two ends' points by place or value; the language cannot "
        "express it",
    ),
    "hint.interpolate": (
        "单位数固定时按名次写 第1名得10分，其后每下降一个名次扣N分（N = 两端分差 ÷（单位数 − 1））；"
        "否则在表外算出每个单位的分数，作为 分 型数据填报",
        "with a fixed number of units write 第1名得10分，其后每下降一个名次扣N分 (N = the gap "
        "between the ends ÷ (units − 1)); otherwise compute each unit's points outside and "
        "report them as a 分 fact",
    ),
    "why.after_rest": (
        "写在 “其余” 之后，给部分名次扣分（加分）：是从其余单位的分数里扣（加），还是这些名次只扣（加）这一项，读不准",
        "comes after “其余” and deducts (adds) for some places: from the points the rest get, "
        "or instead of them?",
    ),
    "hint.after_rest": (
        "这些名次另得一个分数的，写在 “其余” 之前，如 第1名得5分，末位得1分，其余得3分；在其余的分数上再扣（加）的，"
        "另写一条条款，如 按【X】排名，末位扣1分",
        "if these places get points of their own, write them before 其余 (第1名得5分，末位得1分，"
        "其余得3分); if they lose (gain) on top, write a clause of its own (按【X】排名，末位扣1分)",
    ),
    "why.two_ends": (
        "给最高、最低两头都定了分数，其余 “按比例” 读不准：可以是按与最高者的比例（本单位 ÷ 最高值），"
        "也可以是在两头的分数之间按数值折算（插值）",
        "gives points to both ends, so “按比例” for the rest is unclear: a share of the best (the "
        "unit's value over the highest) or a spread between the two ends' points (interpolation)",
    ),
    "hint.two_ends": (
        "按与最高者的比例写 其余按与最高者的比例得分，并删去最低者一句；在两头之间折算写成算式，"
        "如 其余得((【X】−最低值)÷(最高值−最低值)×10)分（【X】、10 换成本条的数据项与分差，再加最低者的分数）",
        "for a share of the best write 其余按与最高者的比例得分 and drop the lowest's rule; for a "
        "spread write a formula, e.g. 其余得((【X】−最低值)÷(最高值−最低值)×10)分",
    ),
    "why.gap": (
        "“按与最优值的差距比例” 没有说差距与什么相比（与最优值之比，还是与最高最低之差之比），"
        "“最优” 也没有说哪头为好",
        "“按与最优值的差距比例” does not say what the gap is compared with (the best value, or "
        "the spread between the highest and the lowest), nor which end is best",
    ),
    "hint.gap": (
        "按最优者的比例得分写 【{name}】最低者得满分，其余按与最低者的比例得分（高者为好时写 最高者）；"
        "按差距在最高与最低之间折算本语言不能直接写，请在表外算出后作为 分 型数据填报",
        "for a share of the best write 【{name}】最低者得满分，其余按与最低者的比例得分 (最高者 "
        "when higher is better); a spread between the ends cannot be written: compute it "
        "outside and report it as a 分 fact",
    ),
    "why.from_best": (
        "按与最高（最低）值的差距扣分，这样写读不准：最高者得的不是本项分值，或差距的方向、分档读不准",
        "deducts by the gap to the best value as written here: the best does not earn the "
        "item's points, or the gap's side or bands are unclear",
    ),
    "hint.from_best": (
        "按差距每一步扣分写 【{name}】每低于最高值1个百分点扣1分（最低者为好时 每高于最低值1个百分点扣1分），"
        "最高者差距为0、得本项分值；按差距分档写 【{name}】与最高值相差5个百分点以内的得4分，相差超过5个百分点的得2分"
        "（各档相接，界上的值只归一档）；"
        "按与最高者的比例得分（另一种算法）写 其余按与{best}的比例得分",
        "for steps write 【{name}】每低于最高值1个百分点扣1分 (when lower is better "
        "每高于最低值1个百分点扣1分): the best's gap is 0 and it keeps the item's points; for bands of the "
        "gap write 【{name}】与最高值相差5个百分点以内的得4分，相差超过5个百分点的得2分 (bands that meet, "
        "each bound in one band); a share of the best (another "
        "rule) is 其余按与{best}的比例得分",
    ),
    "why.formula_average": (
        "用算式写出按平均值的比例得分",
        "writes a share of the average as a formula",
    ),
    "hint.formula_average": (
        "写 【{name}】达到平均值的得满分，低于平均值的按本单位{name}占平均{name}的比例计分",
        "write 【{name}】达到平均值的得满分，低于平均值的按本单位{name}占平均{name}的比例计分",
    ),
    "why.tie_rule": (
        "给并列的单位另定了名次（不占后续名次、取靠后的名次或平均名次）；本语言只按竞争排名：并列的名次相同，"
        "其后的名次顺延（1、2、2、4）",
        "sets another place for tied units (no gap after them, the worse place, the mean place); "
        "the language ranks by competition only: tied units share a place and the next one skips "
        "(1, 2, 2, 4)",
    ),
    "hint.tie_rule": (
        "照原文的排法把各单位的名次作为一项数据填报（如 【{name}名次】），按名次写条款（如 "
        "【{name}名次】等于1的得5分）；原文并列时其后名次顺延的，删去这一句即可",
        "enter each unit's place by the document's rule as a fact (e.g. 【{name}名次】) and score "
        "by it (e.g. 【{name}名次】等于1的得5分); if ties skip the next places, drop this sentence",
    ),
    "why.lone_count": (
        "是恰好这个数，还是这个数及以上，读不准（旁边没有更高一档可以对照）",
        "may mean exactly this count or this count and more (no higher tier beside it)",
    ),
    "hint.lone_count": (
        "恰好这个数写 【{name}】等于{count}的；这个数及以上写 【{name}】达到{count}的（或 {count}及以上的）",
        "exactly: write 【{name}】等于{count}的; this count or more: 【{name}】达到{count}的 (or "
        "{count}及以上的)",
    ),
    "why.round_step": (
        "在条款里说保留几位小数，但这一条款的分数是逐步（或按次）算出的：本语言只在给定分数、算式和按比例得分的条款里"
        "按条款取舍，其余按表头的 精度 在公布得分时取舍",
        "says how many decimals to keep, but this clause's points come by steps or counts: "
        "only a clause with fixed points, a formula or a share of the best rounds them itself; "
        "the others are rounded as published, by the header's 精度",
    ),
    "hint.round_clause": (
        "删去这一句，在表头写 精度：0.01（保留两位小数；一位写 0.1）",
        "drop it and write 精度：0.01 in the header (two decimals; one: 0.1)",
    ),
    "why.formula": (
        "用算式写出按最高值的比例得分",
        "writes a share of the best as a formula",
    ),
    "hint.formula": (
        "写 【{name}】最高者得满分，其余按与最高者的比例得分（本单位数值 ÷ 最高值 × 本项分值）",
        "write 【{name}】最高者得满分，其余按与最高者的比例得分 (the unit's value ÷ the highest × "
        "the item's points)",
    ),
    "why.best_places": (
        "“最…” 说的一头与 前/后 说的一头不同（如最短的在前时写 最长的前两名）：是最长的两名，还是排在前面的两名，读不准",
        "the best word names the other end than 前/后 (最长的前两名 when the shortest rank "
        "first): the two longest, or the first two?",
    ),
    "hint.best_places": (
        "写明方向和名次：最长的两名写 按【X】从低到高排名，后两名得N分；排在前面的两名写 前两名得N分"
        "（最短、最少、最低在前为 从低到高，最长、最多、最高在前为 从高到低）",
        "state the order and the places: the two longest are 后两名 in 按【X】从低到高排名; the "
        "first two are 前两名 (shortest first is 从低到高, longest first 从高到低)",
    ),
    "why.place_cond": (
        "带条件的名次（排名第一且……）之后按名次递减或按第1名的比例计分，从哪个名次、哪个分数算起读不准",
        "a place with a condition (第一且…) beside a step down by place or a share of the first "
        "place: which place and points they count from is unclear",
    ),
    "hint.place_cond": (
        "名次计分写一条（第1名得10分，其后每下降一个名次扣0.5分），带条件的名次另写一条，只写它另外的后果"
        "（如 排名第一且高于全市平均水平5个百分点以上的，等次确定为优秀）",
        "score the places in one clause and write the place with a condition as another, with "
        "only its own outcome",
    ),
    "why.floor_above": (
        "按名次递减的下限不低于递减起点的分数，递减不起作用",
        "the floor of the step down by place is not below the points it steps down from",
    ),
    "hint.floor_above": (
        "下限写得比 {top} 分低（如 最低得4分），或不写递减、直接写 其余得N分",
        "write a floor below {top} points (e.g. 最低得4分), or no step and 其余得N分",
    ),
    "why.cap_earning": (
        "限的是扣分，这一条却只得分：是这一条最多得这么多，还是本项最多失去这么多，读不准",
        "caps a deduction, but the clause only earns: at most this much earned, or at most "
        "this much of the item lost?",
    ),
    "hint.cap_earning": (
        "这一条最多得N分：写 ，最高得N分；按比例得分、最多失去N分：写 ，最低得M分（M 为本项分值减N）",
        "this clause earns at most N: write ，最高得N分; a share losing at most N: write "
        "，最低得M分 (M the item's points less N)",
    ),
    "why.override_points": (
        "只能写在有分值的评分项中（加分项、没有分值的项没有 “满分” 可按）",
        "only an item with points has full marks to score (not a bonus item, not one without points)",
    ),
    "hint.override_points": (
        "写在它所说的那一项（有分值的最末一级）下面",
        "write it under the item it speaks of (the lowest item with points)",
    ),
    "why.override_children": (
        "这一项下面还有评分项：按满分计后，下面各项的得分与它对不上",
        "the item has items under it, whose scores would no longer add up to it",
    ),
    "hint.override_children": (
        "写在下面的某一项中，或在每一项中各写一次",
        "write it under the item below it meant, or once in each",
    ),
    "why.override_alone": (
        "须单独成一条条款（有条件、只有这一个结果，不写 否则 或上限）",
        "must be a clause of its own (a condition and this one effect, no 否则 or cap)",
    ),
    "hint.override_alone": (
        "拆开写：- 【X】的，本项按满分计；其余的扣分、得分各写一条",
        "split it: - 【X】的，本项按满分计; the other points each in a clause of their own",
    ),
    "why.override_share": ("比例须在0%到100%之间", "the share must be between 0% and 100%"),
    "hint.override_share": ("核对原文的比例", "check the share against the document"),
    "why.override_shares": (
        "同一项里按不同比例计分的几条条款同时成立时按哪一条读不准",
        "the item is scored at different shares by several clauses: which one when both hold?",
    ),
    "hint.override_shares": (
        "照原文写明先后，如把其中一条的条件写成 “【A】且未【B】的”",
        "say which comes first, e.g. write one condition as “【A】且未【B】的”",
    ),
    "why.quota_lowest": (
        "定在最低一档 “{band}” 上：名额之外的单位没有更低的一档可落",
        "is on the lowest band “{band}”: a unit beyond it has no band to fall to",
    ),
    "hint.quota_lowest": (
        "名额写在要限定人数的那一档后面（通常是最高一档，如 “优秀：90分以上，不超过参加考核单位总数的30%”）",
        "write the quota after the band it limits (usually the highest: “优秀：90分以上，"
        "不超过参加考核单位总数的30%”)",
    ),
    "why.quota_twice": (
        "“{band}” 已经有一个名额，两个名额用哪一个读不准",
        "“{band}” has a quota already: which of the two applies?",
    ),
    "hint.quota_twice": ("只保留原文的一个名额", "keep the one quota of the document"),
    "why.quota_size": (
        "一个单位也评不上 “{band}”，或名额超过了全部单位（比例须大于0%、不超过100%，个数至少1个）",
        "leaves no unit in “{band}”, or more than all units (a share above 0% and at most 100%, "
        "a count of at least 1)",
    ),
    "hint.quota_size": ("核对原文的比例或个数", "check the share or count against the document"),
    "why.quota_floor": (
        "有条款把单位直接定为 “{band}” 或更高一档（等次最低为、直接确定为）：这样的单位占不占名额，原文没有说",
        "some clause sets a unit to “{band}” or above outright (等次最低为, 直接确定为): does such a "
        "unit take a place of the quota or not? The document does not say",
    ),
    "hint.quota_floor": (
        "照原文二选一：直接确定的单位不受名额限制的，删去名额并在 说明： 中写明按名额人工复核；"
        "或删去直接确定等次的条款，改为加分",
        "follow the document: if such units stand outside the quota, drop the quota and note a "
        "review by hand under 说明：; or drop the clause that sets the grade and give points instead",
    ),
    "why.doing_step": (
        "比较之后按做到的次数计分，有两种读法：每做到一次都计（比较的数是目标），还是达到这个数之后才每次计？",
        "a step of things done after a comparison reads two ways: each one counts (the number "
        "is a target), or each counts only once the number is reached?",
    ),
    "hint.doing_step": (
        "每做到一次都计的，去掉比较，写 “【X】每完成1项得1分，最高得N分”；达到之后才计的，写 "
        "“【X】达到5项的，每项得1分”（“的” 表示条件）并核对原文",
        "each counts: drop the comparison, “【X】每完成1项得1分，最高得N分”; only once reached: "
        "“【X】达到5项的，每项得1分” (的 marks a condition), checked against the document",
    ),
    "why.cap_bonus": (
        "限的是扣分，这一条却只加分：是这一条最多加这么多，还是别的上限，读不准",
        "caps a deduction, but the clause only adds: at most this much added, or another cap?",
    ),
    "hint.cap_bonus": (
        "这一条最多加N分：写 ，最高加N分；加分项的上限写在加分项一行（加分项，最高加N分）",
        "this clause adds at most N: write ，最高加N分; a bonus item's cap goes on its line "
        "(加分项，最高加N分)",
    ),
    "why.cap_not_earning": (
        "限的是得分，这一条却不（只）是得分：是这一条最多扣（加）这么多，还是本项最多得这么多，读不准",
        "caps what is earned, but the clause does not only earn: at most this much deducted "
        "(added) by the clause, or at most this much earned in the item?",
    ),
    "hint.cap_not_earning": (
        "这一条最多扣N分：写 ，最多扣N分；加分最多N分：写 ，最高加N分；本项最多得N分：把N写作评分项的分值",
        "this clause deducts at most N: write ，最多扣N分; adds at most N: ，最高加N分; the item "
        "earns at most N: make N the item's points",
    ),
    "why.cap_not_bonus": (
        "限的是加分，这一条却不（只）是加分：是这一条最多扣（得）这么多，还是加分最多这么多，读不准",
        "caps a bonus, but the clause does not only add: at most this much deducted (earned) "
        "by the clause, or a bonus of at most this much?",
    ),
    "hint.cap_not_bonus": (
        "这一条最多扣N分：写 ，最多扣N分；最多得N分：写 ，最高得N分；加分项的上限写在加分项一行（加分项，最高加N分）",
        "this clause deducts at most N: write ，最多扣N分; earns at most N: ，最高得N分; a bonus "
        "item's cap goes on its line (加分项，最高加N分)",
    ),
    "why.floor_share_above": (
        "按比例得分的下限不低于第1名的分数，按比例不起作用",
        "the floor of the share is not below the first place's points",
    ),
    "hint.floor_share_above": (
        "下限写得比 {top} 分低（如 最低得3分），或不写按比例、直接写 其余得N分",
        "write a floor below {top} points (e.g. 最低得3分), or no share and 其余得N分",
    ),
    "why.rest_nothing": (
        "“其余不扣分”“第N名及以后不计分” 只在前面的规则都扣分（或都得分、且正好说到第1至第N−1名）时"
        "才只是重述，这里可能另有所指",
        "“其余不扣分” / “第N名及以后不计分” only restate the rules before them when those all "
        "take points off (or all earn, naming exactly places 1 to N−1); here they may mean more",
    ),
    "hint.rest_nothing": (
        "删去这一句：没有规则说到的单位，在只扣分的条款中不扣分，在得分的条款中不得分；"
        "要给其余单位分数时写 其余得N分",
        "drop it: a unit no rule names loses nothing in a clause that only takes points off and "
        "earns nothing in a clause that earns; to give the rest points write 其余得N分",
    ),
    "why.onward": (
        "“第N名以后” 可能不含第N名",
        "“第N名以后” may leave out place N itself",
    ),
    "hint.onward": (
        "含第N名写 第N名及以后；不含写 第N+1名及以后；前面各条都没有说到的单位写 其余",
        "with place N write 第N名及以后; without it 第N+1名及以后; every unit no earlier rule "
        "named is 其余",
    ),
    "why.place_subject": (
        "名次规则前面没有写按哪一项排名（前一句说的是另一件事）",
        "a rule by place with no ranking before it (the sentence before says something else)",
    ),
    "hint.place_subject": (
        "在 “；” 后另起一条，写出排名的【数据项】和方向，如 ；【{name}】从高到低排名，末位扣3分（另加、再扣 的分与前一条分别计算）",
        "start another clause after “；” with the ranked 【fact】 and the direction, e.g. "
        "；【{name}】从高到低排名，末位扣3分 (an extra amount counts apart from the clause before)",
    ),
    "why.base": (
        "条款里另写的基础分：评分项从它的分值算起，没有另外的基础分",
        "a base score inside a clause: an item starts from its own points",
    ),
    "hint.base": (
        "把基础分与可加的分合成评分项的分值（基础分8分、最多加2分的项写 (10分)），再用扣分写出拿不到的部分",
        "make the item's points the base plus what may be added (a base of 8 with up to 2 "
        "more is (10分)), and write what is not earned as deductions",
    ),
    "why.ratio_high": (
        "写的比是最高值与本单位数值之比（不小于1）；最高者为好时，按比例得分是本单位数值占最高值的比例",
        "the ratio written is the highest over the unit's value (1 or more); when the highest "
        "is best, a share is the unit's value over the highest",
    ),
    "hint.ratio_high": (
        "写 其余按与最高者的比例得分（本单位数值 ÷ 最高值）",
        "write 其余按与最高者的比例得分 (the unit's value ÷ the highest)",
    ),
    "why.ratio_low": (
        "写的比是本单位数值与最低值之比（不小于1）；最低者为好时，按比例得分是最低值与本单位数值之比",
        "the ratio written is the unit's value over the lowest (1 or more); when the lowest "
        "is best, a share is the lowest over the unit's value",
    ),
    "hint.ratio_low": (
        "写 其余按与最低者的比例得分（最低值 ÷ 本单位数值）",
        "write 其余按与最低者的比例得分 (the lowest ÷ the unit's value)",
    ),
    # E250, E251, W330: a fact's better end (words the language itself uses stay Chinese)
    "sense.both": (
        "同时写了 越高越好 和 越低越好",
        "both 越高越好 and 越低越好 are written",
    ),
    "sense.no_order": (
        "“{type}” 类型的数据没有高低",
        "a “{type}” fact has no higher or lower",
    ),
    "sense.declared": ("数据中声明 {name}{sense}", "数据 declares it {sense}"),
    "sense.name": ("按名称 {name}{sense}", "its name says {sense}"),
    "sense.word": ("{sense}", "{sense}"),
    "order.high": ("从高到低", "highest first (从高到低)"),
    "order.low": ("从低到高", "lowest first (从低到高)"),
    "better.high": ("越高越好", "higher"),
    "better.low": ("越低越好", "lower"),
    "hint.did_you_mean": ("您是不是要写 “{suggestion}”？", "did you mean “{suggestion}”?"),
    "hint.did_you_mean_ref": ("您是不是要写 【{suggestion}】？", "did you mean 【{suggestion}】?"),
    "hint.targets": (
        "期望可写：总分、等次、状态、标签，或评分项路径（如 {example}）",
        "期望 may name 总分, 等次, 状态, 标签, or a node path (e.g. {example})",
    ),
    "hint.statuses": ("状态可为：正常、取消考评资格", "status is 正常 or 取消考评资格"),
    "hint.bands": ("可用等次：{bands}（无等次写 “无”）", "bands: {bands} (write “无” for none)"),
    "hint.number": ("写成数值，如 8 或 8.5", "write a number, e.g. 8 or 8.5"),
    "hint.remove_one": ("删除其中一处", "remove one of them"),
    "hint.units": (
        "写成 期望 “单位名称” 总分 = …，单位：{units}",
        "write 期望 “unit” 总分 = …; units: {units}",
    ),
    "hint.average": ("删去这一行，或检查名称", "remove the line, or check the name"),
}


def detail(key: str, lang: str = "zh", **args: object) -> str:
    """One entry of DETAILS in one language, with its arguments filled in."""
    zh, en = DETAILS[key]
    return (en if lang == "en" else zh).format(**args)


def details(key: str, suffix: str = "", **args: object) -> dict[str, str]:
    """Both languages of a DETAILS entry as diagnostic arguments: `{x}` and `{x_en}`
    where x is `suffix` (e.g. details("what.default", "what") → what, what_en)."""
    name = suffix or key.split(".")[0]
    return {name: detail(key, "zh", **args), f"{name}_en": detail(key, "en", **args)}


def entry(code: str) -> Entry:
    return MESSAGES[code]
