"""The runtime's words, in Chinese and English, in one table.

Diagnostics about policy text live in `xize.compiler.messages`; this table holds
what the command line and the reports say about data, outputs and results.
`t(key, lang, **args)` picks the language and fills in the arguments.
"""

from __future__ import annotations

from xize.compiler.support import prelude

LANGS = ("zh", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- data files
    "file_missing": ("找不到文件 {path}", "file not found: {path}"),
    "file_is_dir": ("{path} 是文件夹，不是数据文件", "{path} is a folder, not a data file"),
    "file_format": (
        "无法读取 {path}：不支持 “{suffix}” 格式（可用 .xlsx、.csv、.json、.parquet）",
        "cannot read {path}: “{suffix}” files are not supported"
        " (use .xlsx, .csv, .json or .parquet)",
    ),
    "file_old_excel": (
        "无法读取 {path}：这是旧版 Excel（或 WPS）格式，请在 Excel/WPS 中另存为 .xlsx 后再试",
        "cannot read {path}: an old Excel (or WPS) workbook; save it as .xlsx and try again",
    ),
    "file_unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "file_encoding": (
        "无法读取 {path}：文件编码既不是 UTF-8 也不是 GB18030",
        "cannot read {path}: the file is neither UTF-8 nor GB18030 text",
    ),
    "json_syntax": (
        "无法读取 {path}：第{line}行第{column}列 JSON 格式错误（{reason}）",
        "cannot read {path}: JSON syntax error at line {line}, column {column} ({reason})",
    ),
    "json_duplicate_key": (
        "无法读取 {path}：JSON 对象中的键 “{name}” 出现了两次，无法确定取哪一个值",
        "cannot read {path}: the key “{name}” appears twice in one JSON object;"
        " it is unclear which value counts",
    ),
    "json_too_deep": (
        "无法读取 {path}：JSON 嵌套过深（数据文件应为对象列表）",
        "cannot read {path}: the JSON is nested too deeply (a data file is a list of objects)",
    ),
    "json_number": (
        "无法读取 {path}：JSON 中有超过4300位的整数",
        "cannot read {path}: the JSON holds an integer of more than 4300 digits",
    ),
    "csv_unclosed_quote": (
        "无法读取 {path}：第{row}行的引号没有配对，从这里到文件末尾都会被读成一个单元格。"
        '请检查该行的引号（单元格内的引号应写成两个 ""）',
        "cannot read {path}: the quote opened in row {row} is never closed, so the rest of"
        " the file would be read as one cell. Check the quotes of that row (a quote inside"
        ' a cell is written twice: "")',
    ),
    "xlsx_too_large": (
        "无法读取 {path}：其中的 {part} 解压后有 {size}，超过上限 {limit}",
        "cannot read {path}: its part {part} unpacks to {size}, more than the limit of {limit}",
    ),
    "xlsx_ratio": (
        "无法读取 {path}：其中的 {part} 解压后是压缩时的 {ratio} 倍（上限 {limit} 倍），像是“压缩炸弹”",
        "cannot read {path}: its part {part} unpacks to {ratio} times its packed size"
        " (the limit is {limit}); it looks like a zip bomb",
    ),
    "xlsx_too_many_strings": (
        "无法读取 {path}：文本单元格的不同取值超过 {limit} 个",
        "cannot read {path}: more than {limit} distinct texts",
    ),
    "xlsx_too_many_cells": (
        "无法读取 {path}：工作表的单元格超过 {limit} 个",
        "cannot read {path}: the sheet has more than {limit} cells",
    ),
    "xlsx_row_limit": (
        "无法读取 {path}：第{row}行超出了 Excel 的最大行数 {limit}，文件可能已损坏",
        "cannot read {path}: row {row} is past Excel's last row {limit}; the file may be damaged",
    ),
    "json_shape": (
        '无法读取 {path}：JSON 文件应为对象列表，如 [{{"单位": "一中", …}}]',
        'cannot read {path}: a JSON data file is a list of objects, e.g. [{{"单位": "一中", …}}]',
    ),
    "policy_missing": ("找不到细则文件 {path}", "policy file not found: {path}"),
    "policy_encoding": (
        "无法读取细则文件 {path}：既不是 UTF-8 也不是 GB18030 编码，请另存为 UTF-8",
        "cannot read policy file {path}: neither UTF-8 nor GB18030; save it as UTF-8",
    ),
    "policy_gb18030": (
        "{path} 不是 UTF-8 编码，已按 GB18030（GBK，Windows 的“ANSI”）读取；建议另存为 UTF-8",
        "{path} is not UTF-8; read as GB18030 (GBK, Windows “ANSI”); consider saving it as UTF-8",
    ),
    "policy_unreadable": (
        "无法读取细则文件 {path}：{reason}",
        "cannot read policy file {path}: {reason}",
    ),
    # ---- columns
    "cell_formula_no_value": (
        "单元格 {cell} 是公式 {formula}，但文件中没有保存它的计算结果（程序生成、未经 Excel 计算保存的文件常见此情况）。"
        "请在 Excel 或 WPS 中打开该文件、保存后再试，或直接填入数值",
        "cell {cell} holds the formula {formula} but the file stores no result for it (usual"
        " for files written by programs and never recalculated). Open and save the file in"
        " Excel or WPS, or type the value in",
    ),
    "column_unknown": (
        "列 “{column}” 不是本细则的数据项，已忽略",
        "column “{column}” is not a fact of this policy and is ignored",
    ),
    "column_unknown_close": (
        "列 “{column}” 不是本细则的数据项，已忽略（您是不是要写 “{fact}”？）",
        "column “{column}” is not a fact of this policy and is ignored (did you mean “{fact}”?)",
    ),
    "column_twice": (
        "数据项 【{fact}】 出现在两列（第{first}列和第{second}列）",
        "fact 【{fact}】 appears in two columns ({first} and {second})",
    ),
    "column_no_unit": (
        "找不到单位列：表头中应有 “{names}” 之一",
        "no unit column: the header needs one of “{names}”",
    ),
    "column_missing": (
        "缺少数据项 【{fact}】 的列，且该项没有默认值",
        "no column for fact 【{fact}】, which has no default",
    ),
    "column_default": (
        "没有 【{fact}】 列，各单位按默认值 {default} 计",
        "no column for 【{fact}】: every unit takes its default {default}",
    ),
    # ---- cells and rows
    "cell_not_scalar": ("单元格应为单个值", "a cell must hold a single value"),
    "cell_not_finite": ("数值 {value} 无效", "invalid number {value}"),
    "quota_tie": (
        "{band}的名额是 {places} 个（细则第{line}行），但最后一个名次由几个总分相同的单位并列："
        "并列的名次相同（与排名一样），它们都评为{band}，共 {kept} 个，超出名额。细则没有说并列时"
        "取谁，请人工核定",
        "the quota of {band} is {places} (policy line {line}), but units with equal totals "
        "share its last place: sharing the place (as in 排名), all of them are given {band}, "
        "{kept} units, more than the quota. The policy does not say how ties are parted: "
        "decide by hand",
    ),
    "percent_fractions": (
        "列 “{column}” 的值都不大于1（如 {example}）：百分比按百分点读，{example} 即 "
        "{example}%。如果本意是 {percent}%，请写 {percent} 或 {percent}%",
        "no value of column “{column}” is above 1 (e.g. {example}): a "
        "percentage is read in points, so {example} is {example}%. If {percent}% is meant, "
        "write {percent} or {percent}%",
    ),
    "row_refused": ("{text}", "{english}"),
    "row_no_unit": ("该行没有填写单位名称", "the row has no unit name"),
    "row_missing": (
        "缺少数据：{facts}（这些数据项没有默认值，必须填写）",
        "missing values: {facts} (these facts have no default and must be filled in)",
    ),
    "no_good_rows": (
        prelude.NO_MEAN_MESSAGE,  # the generated module's own words for it
        "no valid rows to compute the batch average from",
    ),
    "too_few_to_trim": (
        prelude.NO_TRIMMED_MESSAGE,
        "fewer than 3 valid rows: nothing remains to average once the highest and the lowest "
        "are left out",
    ),
    "data_changed": (
        "数据文件在计分过程中被修改：{path}（按排名或最高值计分须把数据读多遍），请在文件不再变化后重新计分",
        "the data file changed while it was being scored: {path} (scoring by rank or best value "
        "reads the data more than once); score again once it no longer changes",
    ),
    "unit_twice": (
        "单位 “{unit}” 出现多次（第{first}行、第{row}行）",
        "unit “{unit}” appears more than once (rows {first} and {row})",
    ),
    "blank_rows": ("跳过 {count} 个空行", "skipped {count} blank rows"),
    "no_units": (
        "数据文件中没有任何单位（表头以下没有数据行）",
        "no units: the data files have no rows below the header",
    ),
    # ---- amounts in sentences
    "sentence": ("{inputs}：{body}", "{inputs}: {body}"),
    "list_sep": ("，", ", "),
    "amount_deduct": ("扣{applied}分", "−{applied} points"),
    "amount_missed": ("未得{applied}分", "{applied} points not earned"),
    "amount_due": ("应扣{nominal}分", "{nominal} points due"),
    "amount_clause_cap": (
        "应扣{raw}分，本条最多扣{nominal}分",
        "{raw} points due, this clause deducts at most {nominal}",
    ),
    "amount_budget_cut": (
        "本项扣完为止，实扣{applied}分",
        "the item's points are used up, {applied} deducted",
    ),
    "amount_applied": ("实扣{applied}分", "{applied} deducted"),
    "amount_outcome": ("结果：{outcome}", "outcome: {outcome}"),
    "amount_bonus": ("加{applied}分", "+{applied} points"),
    "amount_bonus_cut": (
        "应加{nominal}分，已达加分上限，实加{applied}分",
        "{nominal} points earned, bonus cap reached, {applied} added",
    ),
    # ---- explain
    "explain_total": ("总分", "total"),
    "explain_grade": ("等次", "grade"),
    "explain_rank": ("排名", "rank"),
    "explain_status": ("状态", "status"),
    "explain_labels": ("标签", "labels"),
    "explain_label_line": ("标签：{labels}", "labels: {labels}"),
    "explain_points": ("{p}分", "{p} points"),
    "explain_score": ("得{s}分", "scored {s}"),
    "explain_lost": ("扣{d}分", "−{d}"),
    "explain_lost_cut": ("应扣{d}分，实扣{a}分", "{d} due, {a} deducted"),
    "explain_bonus": ("加分项，最高加{cap}分：加{b}分", "bonus, at most {cap}: +{b}"),
    "explain_no_grade": ("无", "none"),
    "explain_unranked": ("不排名", "unranked"),
    "explain_of": ("{rank}/{count}", "{rank} of {count}"),
    "explain_unit_points": ("分", ""),
    # ---- template
    "type_bool": ("是否", "yes/no"),
    "type_count": ("次数", "count"),
    "type_percent": ("百分比", "percentage"),
    "type_number": ("数值", "number"),
    "type_points": ("分", "points"),
    "type_date": ("日期", "date"),
    "range": ("{low}至{high}", "{low} to {high}"),
    "note_unit": ("被考评单位的名称，每行一个单位", "the unit's name, one unit a row"),
    "note_type": ("类型：{type}", "type: {type}"),
    "note_default": (
        "默认：{default}（不填按默认值计）",
        "default: {default} (used when left blank)",
    ),
    "note_percent": (
        "按百分点填：85 或 85% 表示 85%（0.85 表示 0.85%）",
        "in points: 85 or 85% means 85% (0.85 means 0.85%)",
    ),
    "note_required": ("必填（没有默认值）", "required (no default)"),
    "note_range": ("范围：{range}", "range: {range}"),
    "expect_bool": ("请选择 是 或 否", "choose 是 (yes) or 否 (no)"),
    "expect_count": ("应为不小于0的整数", "a whole number ≥ 0"),
    "expect_percent": (
        "应为0到100之间的百分数，如 85 或 85%",
        "a percentage 0–100, e.g. 85 or 85%",
    ),
    "expect_number": ("应为范围内的数值", "a number within the range"),
    "expect_points": ("应为范围内的分值", "points within the range"),
    "expect_date": ("应为日期，如 2023-01-09", "a date, e.g. 2023-01-09"),
    "validation_title": ("数据不符合要求", "invalid entry"),
    "guide_fact": ("数据项", "fact"),
    "guide_type": ("类型", "type"),
    "guide_default": ("默认值", "default"),
    "guide_range": ("范围", "range"),
    "guide_description": ("说明", "description"),
    "guide_none": ("必填", "required"),
    # ---- score summary
    "count_rows": ("读入行数", "rows read"),
    "count_scored": ("已评分单位", "units scored"),
    "count_failed": ("数据错误行数", "rows with errors"),
    "count_blank": ("跳过空行", "blank rows skipped"),
    "count_disqualified": ("取消考评资格", "disqualified"),
    "count_vetoed": ("一票否决", "vetoed"),
    "summary_title": ("{title}（{year}年度）", "{title} ({year})"),
    "summary_counts": (
        "读入 {rows} 行：已评分 {scored} 个单位，数据错误 {failed} 行，跳过空行 {blank} 行",
        "{rows} rows read: {scored} units scored, {failed} rows with errors, {blank} blank rows skipped",
    ),
    "summary_disqualified": (
        "取消考评资格 {n} 个单位（不评等次、不排名）",
        "{n} unit{s} disqualified (no grade, no rank)",
    ),
    "summary_vetoed": (
        "一票否决 {n} 个单位（排在其余单位之后）",
        "{n} unit{s} vetoed (ranked after all others)",
    ),
    "flagged_line": ("{unit}：{status}（{reason}）", "{unit}: {status} ({reason})"),
    "flagged_more": (
        "……另有 {n} 个，见输出文件 “汇总” 表的 “状态”“原因” 列",
        "… and {n} more (see the 状态 and 原因 columns of the 汇总 table)",
    ),
    "grade_vetoed": ("{grade}（一票否决）", "{grade} (vetoed)"),
    "summary_grades": ("等次分布", "grades"),
    "summary_top": ("前{n}名", "top {n}"),
    "summary_bottom": ("后{n}名", "bottom {n}"),
    "col_grade": ("等次", "grade"),
    "col_units": ("单位数", "units"),
    "col_rank": ("排名", "rank"),
    "col_unit": ("单位", "unit"),
    "col_total": ("总分", "total"),
    "no_grade": ("无等次", "no grade"),
    "errors_more": (
        "……另有 {n} 行数据错误，见输出文件的 “错误” 表",
        "… and {n} more rows with errors (see the “错误” table of the output)",
    ),
    "error_line": ("{where}（{unit}）：{problem}", "{where} ({unit}): {problem}"),
    "where_row": ("第{row}行", "row {row}"),
    "where_file_row": ("{path} 第{row}行", "{path} row {row}"),
    # ---- commands
    "policy_failed": ("{path}：{n} 个错误，无法编译", "{path}: {n} error{s}, cannot compile"),
    "policy_warnings": (
        "{path} 有 {n} 个警告（运行 xize check {path} 查看）",
        "{path} has {n} warning{s} (run xize check {path} to see them)",
    ),
    "check_tests_passed": ("测试：{n} 个，全部通过", "tests: {n}, all passed"),
    "check_tests_failed": (
        "测试：{n} 个，{failed} 个失败（xize test 查看全部测试与覆盖率）",
        "tests: {n}, {failed} failed (xize test shows every test and the coverage)",
    ),
    "check_clean": ("未发现问题（{n} 个文件）", "no problems found ({n} file{s})"),
    "n_errors": ("{n} 个错误", "{n} error{s}"),
    "n_warnings": ("{n} 个警告", "{n} warning{s}"),
    "written": ("已写出 {path}", "wrote {path}"),
    "bad_epoch": (
        "环境变量 SOURCE_DATE_EPOCH 的值 “{value}” 不是秒数（整数）",
        "SOURCE_DATE_EPOCH “{value}” is not a number of seconds",
    ),
    "not_written": (
        "未写出文件：要保存汇总、扣分明细、错误和说明，请加 -o 结果.xlsx（或 .csv、.json）",
        "no file written: add -o results.xlsx (or .csv, .json) to save the 汇总, 扣分明细, 错误 and 说明 tables",
    ),
    "cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "no_folder": ("文件夹 {path} 不存在", "folder {path} does not exist"),
    "output_is_input": (
        "不能写出 {output}：它就是输入文件 {input}，写出会覆盖它。请用 -o 指定另一个文件名",
        "will not write {output}: it is the input file {input}, which would be overwritten;"
        " choose another name with -o",
    ),
    "notices_more": (
        "……另有 {n} 条同类{label}未列出",
        "… and {n} more {label}s of the same kind",
    ),
    "output_is_dir": (
        "不能写出 {path}：这是一个文件夹。请用 -o 指定文件名",
        "cannot write {path}: it is a folder; give a file name with -o",
    ),
    "data_twice": (
        "数据文件 {path} 给出了两次（{first} 与 {second} 是同一个文件），各单位会被重复计分。请只给一次",
        "the data file {path} is given twice ({first} and {second} are the same file);"
        " its units would be scored twice. Give it once",
    ),
    "output_suffix": (
        "无法写出 {path}：结果文件应为 .xlsx、.csv 或 .json",
        "cannot write {path}: the report must be .xlsx, .csv or .json",
    ),
    "template_suffix": (
        "无法写出 {path}：模板应为 .xlsx 文件",
        "cannot write {path}: the template is an .xlsx file",
    ),
    "engine_unsupported": (
        "{path}：DuckDB 引擎无法计算这份细则（{reason}）；请改用 --engine python 计分",
        "{path}: the DuckDB engine cannot score this policy ({reason});"
        " score it with --engine python",
    ),
    "engine_differs_empty_line": (
        "{path}：CSV 文件的数据中有空行（DuckDB 跳过空行，行号会与 Python 读取器不同），"
        "已改用 Python 引擎计分",
        "{path}: the CSV file has an empty line among its rows (DuckDB skips it and the row"
        " numbers would differ); scored with the Python engine instead",
    ),
    "engine_differs_cr": (
        "{path}：CSV 文件以单独的 CR 换行，已改用 Python 引擎计分",
        "{path}: the CSV file ends lines with a lone CR; scored with the Python engine instead",
    ),
    "engine_differs_unit_type": (
        "{path}：单位列的类型为 {kind}，DuckDB 引擎只读文本或整数的单位列，已改用 Python 引擎计分",
        "{path}: the unit column is of type {kind} (the DuckDB engine reads text or integer"
        " unit columns only); scored with the Python engine instead",
    ),
    "engine_differs_csv": (
        "DuckDB 无法按 Python 读取器的方式读取数据（{reason}），已改用 Python 引擎计分",
        "DuckDB cannot read the data exactly as the Python readers do ({reason});"
        " scored with the Python engine instead",
    ),
    "engine_duckdb_slow_plan": (
        "DuckDB 在 {seconds} 秒内未能规划好这份细则的查询，已改用 Python 引擎计分",
        "DuckDB could not plan this policy's queries within {seconds} s; scored with the "
        "Python engine instead",
    ),
    "engine_duckdb_failed": (
        "DuckDB 计分时出错（{reason}），已改用 Python 引擎计分",
        "DuckDB failed while scoring ({reason}); scored with the Python engine instead",
    ),
    "engine_differs_cell": (
        "{path}：第{row}行有 SQL 查询不认、Python 引擎能读的单元格（如中文数字），"
        "而细则用到全体单位的数值，已改用 Python 引擎计分",
        "{path}: row {row} has a cell the SQL query refuses but the Python engine reads"
        " (a Chinese numeral, say), and the policy reads values of the whole batch;"
        " scored with the Python engine instead",
    ),
    "engine_differs_trimmed": (
        "细则用到去极值平均值，SQL 只能保留12位小数，明细中的这个数会与 Python 引擎不同，已改用 Python 引擎计分",
        "the policy reads a trimmed mean (去极值平均值), which SQL keeps to 12 decimal places only,"
        " so the details would differ; scored with the Python engine instead",
    ),
    "engine_differs_means": (
        "没有可计算平均值的单位（如全部取消考评资格），而细则按本批排名，已改用 Python 引擎计分",
        "no unit is in the batch to take the means over (all disqualified, say) and the"
        " policy ranks the batch; scored with the Python engine instead",
    ),
    "engine_differs_row": (
        "{path}：第{row}行 SQL 查询照常计分，Python 引擎却判为数据错误，已改用 Python 引擎计分",
        "{path}: the SQL query scored row {row}, which the Python engine calls a data error;"
        " scored with the Python engine instead",
    ),
    "nothing_scored": ("数据有误，未计分", "the data has errors; nothing was scored"),
    "strict_stop": ("有警告（--strict），未计分", "warnings under --strict; nothing was scored"),
    "scoring": ("计分中", "scoring"),
    "label_error": ("错误", "error"),
    "label_warning": ("警告", "warning"),
    "label_info": ("提示", "note"),
    "unit_unknown": (
        "数据中没有单位 “{unit}”。相近的单位：{names}",
        "no unit “{unit}” in the data. Similar names: {names}",
    ),
    "interrupted": ("已中断", "interrupted"),
    "internal_error": (
        "xize 内部错误：{error}\n这不是您的数据或细则的问题，请报告此问题（设置 XIZE_DEBUG=1 可显示详细信息）。",
        "internal error in xize: {error}\nThis is not a problem with your data or policy; please report it (set XIZE_DEBUG=1 for details).",
    ),
    # ---- test
    "test_header": ("{path}", "{path}"),
    "test_none": ("{path}：没有测试", "{path}: no tests"),
    "test_line": ("（第{line}行）", "(line {line})"),
    "test_error": ("无法运行：{error}", "could not run: {error}"),
    "test_check": (
        "{target}：期望 {expected}，实际 {actual}",
        "{target}: expected {expected}, got {actual}",
    ),
    "test_inputs": ("所用数据：", "data used:"),
    "test_input": ("{name} = {value}（{origin}）", "{name} = {value} ({origin})"),
    "test_src_listed": ("测试列出", "listed in the test"),
    "test_src_default": ("默认值", "default"),
    "test_src_neutral": ("中性值", "neutral value"),
    "test_src_own": ("本单位数值", "the unit's own value"),
    "test_fail_under": (
        "{path}：测试覆盖率 {percent}% 低于 --fail-under {limit}%",
        "{path}: coverage {percent}% is below --fail-under {limit}%",
    ),
    "test_summary": (
        "{path}：{n} 个测试，{passed} 个通过，{failed} 个失败",
        "{path}: {n} test{s}, {passed} passed, {failed} failed",
    ),
}


def t(key: str, lang: str = "zh", **args: object) -> str:
    """The message `key` in `lang` ("zh" or "en") with `args` filled in."""
    zh, en = MESSAGES[key]
    text = en if lang == "en" else zh
    if not args:
        return text.replace("{{", "{").replace("}}", "}")
    if "n" in args and "s" not in args:
        args["s"] = "" if args["n"] == 1 else "s"  # English plurals: "{n} warning{s}"
    return text.format(**args)
