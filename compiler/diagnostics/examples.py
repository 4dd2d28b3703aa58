"""For each diagnostic code: what it means, a minimal `.rule` file that triggers it, and the fix.

The words of the messages themselves live in `messages.py`; this table adds what a
reader of `docs/errors.md` or `xize explain-error` needs beyond the one-line message.
Each example is a whole file, so that the tests can compile it and confirm the code
really is reported (and that the fixed file no longer reports it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    """`reported_as` names the code the compiler reports for `bad` today when that is
    not the entry's own code (a word outside the keyword table stops the parser with
    E101 before the checker can name it)."""

    meaning_zh: str
    meaning_en: str
    bad: str
    good: str
    fix_zh: str
    fix_en: str
    reported_as: str = ""


_HEADER = "细则：示例考评细则\n年度：2023\n满分：{full}分\n"


def _file(body: str, facts: str = "  缺会次数：次，默认0\n", full: str = "5") -> str:
    """A minimal policy: header, one 数据 block and the given outline/body."""
    head = _HEADER.format(full=full)
    data = f"\n数据：\n{facts}" if facts else ""
    return f"{head}{data}\n{body.rstrip()}\n"


_NODE = "(一)领导重视程度(5分)\n"
_CLAUSE = "  - 【缺会次数】每缺1次扣1分\n"
_GOOD = _file(_NODE + _CLAUSE)
_GRADES = "\n等次：\n  优秀：4.5分以上\n  合格：3分以上\n  不合格：其余\n"
_REPORTED = "  通报批评：是否，默认否\n  缺会次数：次，默认0\n"
_EXEMPT = "  免检：是否，默认否\n  缺会次数：次，默认0\n"
_RATE = "  化解率：百分比\n  缺会次数：次，默认0\n"
_INDEX = "  调处指数：数值\n"
_TWO_RATES = "  化解率：百分比\n  调处率：百分比\n"

EXAMPLES: dict[str, Example] = {
    "E101": Example(
        "这一行不符合规则语言的语法：解析器读到某个词时，它不在此处允许出现的词之列。",
        "The line does not follow the grammar: a word appears where none of the allowed words fit.",
        _file(_NODE + "  - 【缺会次数】每缺1次扣\n"),
        _GOOD,
        "按提示中列出的可选写法补全条款，如补上扣分值 “1分”。",
        "Complete the clause with one of the expected words, e.g. add the amount “1分”.",
    ),
    "E102": Example(
        "文件中出现了规则语言不使用的字符（不在 【】、“” 或注释之内）。",
        "A character the language does not use appears outside 【】, “” and comments.",
        _file(_NODE + "  - 【缺会次数】每缺1次扣1分 @\n"),
        _GOOD,
        "删除该字符；如需备注，请写在 # 之后。",
        "Delete the character; put remarks after #.",
    ),
    "E103": Example(
        "文件含有零宽字符或改变文字方向的控制字符。审阅者看到的文字可能与实际计分的规则不同。",
        "The file holds a zero-width or bidirectional-control character: what a reviewer sees may "
        "differ from what is scored.",
        _file("(一)领导重视\u202e程度(5分)\n" + _CLAUSE),
        _GOOD,
        "删除该字符（编辑器中常不可见，可用 xize check 给出的列号定位）。",
        "Delete the character (often invisible in editors; use the column xize check reports).",
    ),
    "E104": Example(
        "数据项名称以 【 开始，但在行尾之前没有 】。",
        "A fact name opens with 【 and is not closed by 】 before the end of the line.",
        _file(_NODE + "  - 【缺会次数每缺1次扣1分\n"),
        _GOOD,
        "在名称末尾补上 】。",
        "Close the name with 】.",
    ),
    "E105": Example(
        "“1.” 式编号后紧跟数字（如 “1.1月9日前”），编号与正文无法区分。",
        "A “1.” marker is followed by a digit (“1.1月9日前”), so marker and text run together.",
        _file(
            "(一)矛盾纠纷排查化解(5分)\n  1.1月9日前上报统计表(5分)\n    - 未【按时上报】扣5分\n",
            facts="  按时上报：是否\n",
        ),
        _file(
            "(一)矛盾纠纷排查化解(5分)\n  1、1月9日前上报统计表(5分)\n    - 未【按时上报】扣5分\n",
            facts="  按时上报：是否\n",
        ),
        "改用顿号编号 “1、”，或在编号后加空格。",
        "Use the enumeration comma “1、”, or put a space after the marker.",
    ),
    "E106": Example(
        "一个评分项行只能有一个分值；第二个 “(N分)” 通常说明原文把两个子项写在了一行。",
        "A node line carries one point value; a second “(N分)” usually means two sub-items share a line.",
        _file("(一)领导重视程度(3分)(2分)\n" + _CLAUSE),
        _GOOD,
        "把它拆成两个子项，各写各的分值。",
        "Split the line into two sub-items, each with its own points.",
    ),
    "E107": Example(
        "缺少必填的表头项（细则、年度、满分）。",
        "A required header field (细则, 年度, 满分) is missing.",
        "细则：示例考评细则\n满分：5分\n\n数据：\n  缺会次数：次，默认0\n\n" + _NODE + _CLAUSE,
        _GOOD,
        "在文件开头补上该表头项，如 “年度：2023”。",
        "Add the field at the top of the file, e.g. “年度：2023”.",
    ),
    "E108": Example(
        "文件中有控制字符或不是有效的 UTF-8 编码。",
        "The file holds a control character or is not valid UTF-8.",
        _file("(一)领导重视\x07程度(5分)\n" + _CLAUSE),
        _GOOD,
        "以 UTF-8 保存文件并删除该字符。",
        "Save the file as UTF-8 and delete the character.",
    ),
    "E109": Example(
        "条款（“- ” 开头）或 “说明：” 行必须属于某个评分项，不能出现在第一个评分项之前。",
        "A clause (“- ”) or “说明：” line belongs to a node and cannot come before the first node.",
        _file("- 【缺会次数】每缺1次扣1分\n\n" + _NODE + _CLAUSE),
        _GOOD,
        "先写评分项行，再在其下写条款。",
        "Write the node line first, then its clauses under it.",
    ),
    "E110": Example(
        "数字写法无法识别。中文数字只用于整数；小数须用阿拉伯数字。",
        "A number cannot be read. Chinese numerals are for integers; decimals are written in Arabic.",
        _file(_NODE + "  - 【缺会次数】每缺1次扣零点五分\n"),
        _file(_NODE + "  - 【缺会次数】每缺1次扣0.5分\n"),
        "改用阿拉伯数字书写小数，如 0.5。",
        "Write the decimal in Arabic digits, e.g. 0.5.",
    ),
    "E111": Example(
        "几个事项并列后直接 “扣N分”：是每缺一项扣N分、分别扣N分，还是同时缺少才扣？含义不明确。",
        "Several facts listed before “扣N分”: per missing item, each separately, or only when all "
        "are missing? The meaning is ambiguous.",
        _file(
            "(一)落实包案领导和化解方案(2分)\n  - 【落实包案领导】、【落实化解方案】扣1分\n",
            facts="  落实包案领导：是否\n  落实化解方案：是否\n",
            full="2",
        ),
        _file(
            "(一)落实包案领导和化解方案(2分)\n  - 【落实包案领导】、【落实化解方案】每缺1项扣1分\n",
            facts="  落实包案领导：是否\n  落实化解方案：是否\n",
            full="2",
        ),
        "写明 “每缺1项扣1分” 或 “分别扣1分”，或用 “且” / “或” 连接条件。",
        "Write “每缺1项扣1分” or “分别扣1分”, or join the conditions with “且” / “或”.",
    ),
    "E112": Example(
        "“每低于”“每超过”“每晚” 等比较动词需要一个比较标准（目标值、日期或平均值）。",
        "Step verbs such as 每低于, 每超过 and 每晚 need a threshold, a date or an average.",
        _file(
            "(一)隐患化解(5分)\n  - 【隐患化解率】每低于1个百分点扣0.03分\n",
            facts="  隐患化解率：百分比\n",
        ),
        _file(
            "(一)隐患化解(5分)\n  - 【隐患化解率】应达到80%，每低于1个百分点扣0.03分\n",
            facts="  隐患化解率：百分比\n",
        ),
        "写明标准（“应达到80%，”），或改用计数动词（“每缺1次”）。",
        "State the threshold (“应达到80%，”), or use a counting verb (“每缺1次”).",
    ),
    "E113": Example(
        "表头项的值无效（如年度不是年份、精度不是正数、计分不是 减分制/得分制）。",
        "A header field has an invalid value (a year that is not a year, a non-positive 精度, a "
        "计分 other than 减分制/得分制).",
        _GOOD.replace("满分：5分\n", "满分：5分\n计分：倒扣制\n"),
        _GOOD.replace("满分：5分\n", "满分：5分\n计分：减分制\n"),
        "按提示改为有效的值。",
        "Change it to a valid value, as the hint says.",
    ),
    "E114": Example(
        "名次只在本批单位之间排出；与上年名次的比较（前进、后退几位）需要上年的名次，"
        "本批数据中没有，xize 不去猜它。",
        "Places are ranked within this batch; comparing with last year's place (moved up or "
        "down so many places) needs last year's place, which the batch does not hold.",
        _file(_NODE + "  - 【化解率】排名比上年后退5位以上扣1分\n", _RATE),
        _file(
            _NODE + "  - 【化解率名次后退】5名以上的，扣1分\n",
            "  化解率名次后退：名，默认0\n",
        ),
        "把名次的变化作为一项数据填报。",
        "Report the change of place as a fact.",
    ),
    "E115": Example(
        "“超过平均值5个点以内扣1分，5个点以外扣2分” 按与平均值相差多少分档扣分：以内含5个点，以外不含，"
        "只扣所在一档。写成 “5个点以内…，5个点以上…” 时，恰好5个点落在两档里；两档的距离不同、"
        "或后一档既没有 以外 也没有 超过 时，也读不准。",
        "“超过平均值5个点以内扣1分，5个点以外扣2分” deducts by how far above the average a value "
        "lies (以内 includes 5, 以外 does not; only the band reached deducts). With "
        "“5个点以内…，5个点以上…” exactly 5 points would be in both bands; two different "
        "distances, or a second band with neither 以外 nor 超过, are unclear too.",
        _file(
            _NODE + "  - 【发案率】超过平均值5个点以内扣1分，5个点以上扣2分\n", "  发案率：百分比\n"
        ),
        _file(
            _NODE + "  - 【发案率】超过平均值5个点以内扣1分，5个点以外扣2分\n", "  发案率：百分比\n"
        ),
        "按提示写成 以内…以外。",
        "Write 以内… 以外 as the hint shows.",
    ),
    "E119": Example(
        "评分项写了 “最多扣N分”，又有条款说 “本项不得分”（或 “本大项不得分”）时，上限会让本项仍保留分值减N，"
        "而原文说的是本项得0分；两种读法都可能，检查器不替您选。",
        "An item with 最多扣N分 and a clause saying 本项不得分: the cap would keep points − N, "
        "while the sentence says the item scores 0; never chosen for the writer.",
        _file(
            "(一)领导重视程度(5分)，最多扣3分\n" + _CLAUSE + "  - 【通报批评】的，本项不得分\n",
            _REPORTED,
        ),
        _file(
            "(一)领导重视程度(5分)\n  - 【缺会次数】每缺1次扣1分，最多扣3分\n"
            "  - 【通报批评】的，本项不得分\n",
            _REPORTED,
        ),
        "去掉评分项上的上限，把它写到所管的条款上；或把 “不得分” 写成扣多少分。",
        "Move the item's cap onto the clauses it limits, or write how many points are lost.",
    ),
    "E120": Example(
        "几项数据并列后写 “有一项…的” “任一项…的”，可以是其中有一项就扣一次，也可以是每有一项扣一次"
        "（不写 “每” 的按次扣分常这样写）；检查器不替您选，给出两种写法。",
        "Facts listed, then 有一项… or 任一项…: once when any of them does, or once for each "
        "(a step is often written without 每); never chosen for the writer.",
        _file(_NODE + "  - 【化解率】、【调处率】有一项低于80%的扣1分\n", _TWO_RATES),
        _file(_NODE + "  - 【化解率】低于80%或【调处率】低于80%的扣1分\n", _TWO_RATES),
        "只算一次的用 “或” 连接；每项各算的写 “…、…的，每项扣1分”。",
        "Join with 或 for once; write “…、…的，每项扣1分” for once each.",
    ),
    "E121": Example(
        "“缺会一次不扣分，两次以上每次扣1分” 可以是两次扣2分（从第二次起每一次都算），也可以是两次扣1分"
        "（只算超过一次的部分）；检查器不替您选，给出两种写法。",
        "“the first is free, two or more deduct 1 each”: 2 may lose 2 points (every occurrence "
        "counts from the second on) or 1 (only those past the first); never chosen for the writer.",
        _file(_NODE + "  - 【缺会次数】缺会一次不扣分，两次以上每次扣1分\n"),
        _file(_NODE + "  - 【缺会次数】超过1次的，每超1次扣1分\n"),
        "只扣超过部分的写 “超过1次的，每超1次扣1分”；每一次都扣的写 “达到2次的，每次扣1分”。",
        "Only those past the first: 超过1次的，每超1次扣1分; every one: 达到2次的，每次扣1分.",
    ),
    "E123": Example(
        "“达到90%的不扣分，否则扣2分”：不扣分的一档不写，没有条款说到的单位本来不扣分；只写扣分的一档。",
        "A case that deducts nothing is not written: a unit no clause speaks of loses nothing; "
        "write only the case that deducts.",
        _file(_NODE + "  - 【化解率】达到90%的不扣分，否则扣2分\n", _TWO_RATES),
        _file(_NODE + "  - 【化解率】未达到90%的扣2分\n", _TWO_RATES),
        "照提示只写扣分的一档。",
        "Write the case that deducts, as the hint says.",
    ),
    "E122": Example(
        "“达到100%的得4分，在此基础上每超1个百分点加0.5分，最高得6分”：基础分、超过部分的加分和总分的上限写在一句里，"
        "拆成两条：达到标准的得基础分；超过标准的按步加分，最多加到上限减去基础分。",
        "Base points, steps past the standard and a top written in one sentence: two clauses — the "
        "base at the standard, and steps past it adding at most the top less the base.",
        _file(
            _NODE + "  - 【完成率】达到100%的得3分，在此基础上每超1个百分点加0.5分，最高得5分\n",
            "  完成率：百分比，范围0至300\n",
        ),
        _file(
            _NODE
            + "  - 【完成率】达到100%的得3分；【完成率】超过100%的，每超1个百分点加0.5分，最多加2分\n",
            "  完成率：百分比，范围0至300\n",
        ),
        "照提示拆成两条。",
        "Split it as the hint says.",
    ),
    "E118": Example(
        "列为 给单位加一个标签（如 “信访工作重点管理单位”），不改变等次。标签的名称若是 等次： 中的一档，"
        "一个100分的单位会是 “优秀”，旁边却标着 “不合格”——这既不是原文的意思，也没有报错，所以不允许。",
        "列为 tags a unit (e.g. 信访工作重点管理单位) without changing its grade. A tag named "
        "after a band would show a unit of 100 points as 优秀 tagged 不合格: refused.",
        _file(_NODE + _CLAUSE + "  - 【通报批评】的，直接列为不合格\n" + _GRADES, _REPORTED),
        _file(_NODE + _CLAUSE + "  - 【通报批评】的，等次定为不合格\n" + _GRADES, _REPORTED),
        "写 等次定为X（最高或最低一档）、等次最高为X 或 不得评为X。",
        "Write 等次定为X (the highest or lowest band), 等次最高为X or 不得评为X.",
    ),
    "E117": Example(
        "评分项标题中逗号后面的部分若写着分值或上限（“最高加5分”、“扣满6分为止”、“每项最多扣2分”），"
        "却不是本语言认识的修饰语，照写只会成为标题文字，上限不起作用；检查器不替您猜它管什么。",
        "A part of an item's title after a comma that states points or a cap but is no modifier "
        "the language reads would only be title text, its cap not applied; never guessed.",
        _file("(一)领导重视程度(5分)，扣满3分为止\n" + _CLAUSE),
        _file("(一)领导重视程度(5分)，最多扣3分\n" + _CLAUSE),
        "写成本语言的修饰语：最多扣N分、加分项，最高加N分、扣完为止、不设下限。",
        "Write one of the language's modifiers: 最多扣N分, 加分项，最高加N分, 扣完为止, 不设下限.",
    ),
    "E116": Example(
        "有些与本批比较的写法照原文读不出唯一的算法（“持平” 是否按公布精度、“…但…” 分档时界上的单位、"
        "降一个等次、以平均值为基准另给基准分、以一个数为基准逐步加减分而没说基准上得几分等）。"
        "检查器指出是哪一种，并给出可以照写的句子。",
        "Some sentences about the batch or a base have no single reading as written (持平, bands "
        "joined by 但, lowering a grade, a base score at the average, steps both ways from a "
        "fixed value without the score at it…); the checker names which and gives the "
        "sentences to write.",
        _file(
            _NODE + "  - 【化解率】高于平均值的得5分，与全市平均水平持平的得4分\n",
            _RATE,
        ),
        _file(
            _NODE + "  - 【化解率】高于平均值的得5分；等于平均值的得4分；低于平均值的得2分\n",
            _RATE,
        ),
        "照提示改写；原文意思不清的，先向发文单位确认。",
        "Rewrite as the hint shows; where the document is unclear, ask the issuer first.",
    ),
    "E201": Example(
        "条款引用的 【名称】 既不是已定义的数据项，也不是参数（常见原因：错别字）。",
        "The 【name】 is neither a declared fact nor a parameter (usually a typo).",
        _file(_NODE + "  - 【缺会次数数】每缺1次扣1分\n"),
        _GOOD,
        "改为已定义的名称，或在 数据： 中定义它。",
        "Use the declared name, or declare it under 数据:.",
    ),
    "E202": Example(
        "数据项的用法与其定义的类型不符，如把 “是否” 类型的事项按次数计扣。",
        "The fact is used in a way its declared type does not allow, e.g. a 是否 fact counted per time.",
        _file(_NODE + "  - 【按时上报】每缺1次扣1分\n", facts="  按时上报：是否\n"),
        _file(_NODE + "  - 未【按时上报】扣1分\n", facts="  按时上报：是否\n"),
        "修改 数据： 中的类型，或改写条款。",
        "Change its type under 数据:, or rewrite the clause.",
    ),
    "E203": Example(
        "条款的计数单位与数据项的单位不同（如 “人次” 与 “批次”），按次数扣分会算错。",
        "The clause counts in a different unit from the fact (人次 versus 批次).",
        _file(
            "(一)越级上访(80分)\n  - 【赴省集体访】每人次扣30分\n",
            facts="  赴省集体访：批次，默认0\n",
            full="80",
        ),
        _file(
            "(一)越级上访(80分)\n  - 【赴省集体访】每批次扣30分\n",
            facts="  赴省集体访：批次，默认0\n",
            full="80",
        ),
        "统一单位，或为不同单位的事项分别设数据项。",
        "Use one unit, or declare a separate fact for the other unit.",
    ),
    "E204": Example(
        "同一上级下两个评分项编号相同，它们的路径（如 “(一)1”）会冲突。",
        "Two siblings share a marker, so their paths (e.g. “(一)1”) would clash.",
        _file(
            "(一)基础工作(5分)\n  1、制度建设(2分)\n    - 【缺会次数】每缺1次扣1分\n"
            "  1、源头预防(3分)\n    - 【缺会次数】每缺1次扣1分\n"
        ),
        _file(
            "(一)基础工作(5分)\n  1、制度建设(2分)\n    - 【缺会次数】每缺1次扣1分\n"
            "  2、源头预防(3分)\n    - 【缺会次数】每缺1次扣1分\n"
        ),
        "修改其中一个编号。",
        "Renumber one of them.",
    ),
    "E205": Example(
        "表头的满分与各一级评分项分值之和不一致（加分项不计入）。",
        "满分 differs from the sum of the top-level points (bonus nodes excluded).",
        _file(_NODE + _CLAUSE, full="10"),
        _GOOD,
        "核对满分与各项分值。",
        "Check 满分 against the points of the top-level nodes.",
    ),
    "E206": Example(
        "等次按顺序匹配、先匹配者优先；前面的等次已覆盖这一等次的全部分数，它永远不会被评定。",
        "Bands are tried in order and the first match wins; earlier bands cover every score of "
        "this one, so it can never be given.",
        _GOOD + "\n等次：\n  合格：3分以上\n  优秀：4分以上\n  不合格：其余\n",
        _GOOD + "\n等次：\n  优秀：4分以上\n  合格：3分以上\n  不合格：其余\n",
        "把分数线高的等次写在前面，或调整分数线。",
        "Put the higher band first, or change the limits.",
    ),
    "E257": Example(
        "两个等次之间留了空档：原文常写 “良好：80分至89.9分”，上一档从90分起，总分89.95分就不属于任何等次"
        "（有 “其余” 一档时还会落进它）。等次从上到下比对，写 “80分以上” 就是不到90分的都归良好。",
        "Two bands leave a gap: documents often write 良好：80分至89.9分 under a band from 90, so a "
        "total of 89.95 belongs to no band (or falls to the 其余 band). Bands are tried top down: "
        "80分以上 takes everything below 90.",
        _file(_NODE + "  - 【缺会次数】每缺1次扣0.05分\n")
        + "\n等次：\n  优秀：4.5分以上\n  合格：3分至4.4分\n  不合格：其余\n",
        _file(_NODE + "  - 【缺会次数】每缺1次扣0.05分\n")
        + "\n等次：\n  优秀：4.5分以上\n  合格：3分以上\n  不合格：其余\n",
        "把下一档写成 “3分以上”，或在表头写 精度：0.1。",
        "Write the lower band as 3分以上, or set 精度：0.1 in the header.",
    ),
    "E259": Example(
        "等次名额限定一档最多评几个单位，名额之外的单位落到下一档。名额写在最低一档上没有下一档可落；"
        "一档写了两个名额、名额为0或超过100%、或有条款把单位直接定为这一档（它占不占名额读不准），"
        "都读不出原文的意思。",
        "A grade quota limits how many units a band may hold; units beyond it fall to the band "
        "below. On the lowest band there is none; two quotas for a band, a share of 0 or above "
        "100%, or a clause setting units to the band outright (in the quota or not?) cannot be "
        "read either.",
        _file(_NODE + _CLAUSE)
        + "\n等次：\n  优秀：4.5分以上\n  合格：3分以上\n  不合格：其余，不超过3个\n",
        _file(_NODE + _CLAUSE)
        + "\n等次：\n  优秀：4.5分以上，不超过参加考核单位总数的30%\n  合格：3分以上\n  不合格：其余\n",
        "把名额写在它所限的那一档后面（通常是最高一档）。",
        "Write the quota after the band it limits (usually the highest).",
    ),
    "E260": Example(
        "“本项按满分计”“本项按分值的80%计分” 使这一项按分值（或分值的几成）计分，不论本项其他条款；"
        "它只能写在有分值、下面没有评分项的一项中，单独成一条条款，同一项中的几条比例相同。",
        "`本项按满分计` / `本项按分值的80%计分` score the item at its points (or a share of them) "
        "whatever its other clauses say; only in an item with points and no items under it, as a "
        "clause of its own, one share per item.",
        _file(_NODE + _CLAUSE + "  - 【免检】的，本项按满分计，列为免检单位\n", _EXEMPT),
        _file(
            _NODE + _CLAUSE + "  - 【免检】的，本项按满分计\n  - 【免检】列为免检单位\n", _EXEMPT
        ),
        "把其他结果另写一条。",
        "Write the other effect as a clause of its own.",
    ),
    "E261": Example(
        "算式中的 “名次” 是单位按某一项数据排出的名次，“单位数” 是本批参加考评的单位数；"
        "只有在写明按哪一项、从高到低还是从低到高排名的条款中才有意义。",
        "In a formula, 名次 is the unit's place by some fact and 单位数 the units in the batch; "
        "they mean something only in a clause that says by which fact, and which way, it ranks.",
        _file(_NODE + "  - 得((单位数−名次+1)÷单位数×5)分\n", _INDEX),
        _file(_NODE + "  - 按【调处指数】从高到低排名，得((单位数−名次+1)÷单位数×5)分\n", _INDEX),
        "在算式前写上 按【X】从高到低排名，。",
        "Write 按【X】从高到低排名， before the formula.",
    ),
    "E263": Example(
        "考评对象是一个市的县区，条款却按全省的排名扣分：本批只在这些县区之间排名，全省排名后三位"
        "是省里排出的另一个名次。",
        "The units are one city's counties but the clause deducts by the province's ranking: the "
        "batch ranks only these counties; the province's place is another ranking.",
        _HEADER.format(full="5")
        + "考评对象：全市各县（市、区）\n\n数据：\n  化解率：百分比\n\n"
        + "(一)矛盾化解(5分)\n  - 【化解率】全省排名后三位的，扣2分\n",
        _HEADER.format(full="5")
        + "考评对象：全市各县（市、区）\n\n数据：\n  化解率：百分比\n  全省排名后三位：是否\n\n"
        + "(一)矛盾化解(5分)\n  - 【全省排名后三位】的，扣2分\n",
        "全省的名次作为一项数据填报，条款按这项数据扣分。",
        "Enter the province's place as a fact and deduct by it.",
    ),
    "E264": Example(
        "“应达到95%以下” 的两个词各指一边：应达到说不少于95%，以下说不多于95%。只读前一个词，"
        "就会从以下一侧的单位扣分——检查器不替您选。",
        "“应达到95%以下” names both sides: 应达到 at least 95%, 以下 at most. Reading the first "
        "word alone would deduct from the units the second word keeps; never chosen for the writer.",
        _file(_NODE + "  - 【化解率】应达到95%以下，每低1个百分点扣1分\n", _TWO_RATES),
        _file(_NODE + "  - 【化解率】应达到95%，每低1个百分点扣1分\n", _TWO_RATES),
        "去掉与前一个词方向相反的 “以下”，或改写前一个词。",
        "Drop the 以下 that points the other way, or change the first word.",
    ),
    "E265": Example(
        "“低于平均值80%” 可以是比平均值低80%（不到平均值的五分之一），也可以是不到平均值的80%，"
        "两个界限差四倍；检查器不替您选。",
        "“低于平均值80%” may be 80% below the mean (under a fifth of it) or under 80% of it — "
        "thresholds four times apart; never chosen for the writer.",
        _file(_NODE + "  - 【缺会次数】低于全市平均值80%的，扣2分\n"),
        _file(_NODE + "  - 【缺会次数】不足全市平均值80%的，扣2分\n"),
        "不到平均值的80%写 “不足平均值80%”。",
        "Under 80% of the mean: 不足平均值80%.",
    ),
    "E266": Example(
        "“低于96%每降1个百分点扣0.25分；低于90%每降1个百分点扣0.5分”：照写时低于90%的每个百分点扣0.75分（两条相加），"
        "原文多指分段。检查器不替您选。",
        "Two per-step deductions with nested standards add up below the inner one as written; "
        "documents usually mean tiers. Never chosen for the writer.",
        _file(
            _NODE
            + "  - 【化解率】低于96%的，每低1个百分点扣0.25分；低于90%的，每低1个百分点扣0.5分\n",
            _TWO_RATES,
        ),
        _file(
            _NODE
            + "  - 【化解率】低于96%的，每低1个百分点扣0.25分，最多扣1.5分；低于90%的，每低1个百分点扣0.5分\n",
            _TWO_RATES,
        ),
        "分段的给前一条加上限；相加的在后一条写 “另扣”。",
        "Tiers: cap the first; adding up: 另扣 in the second.",
    ),
    "E267": Example(
        "“低于90%的扣1分；低于80%的扣2分”：照写时75%的单位两条都扣（3分）；这样的分档原文多指只扣达到的最深一档（2分）。",
        "Two bounds on one fact, one inside the other: as written both apply; such lines are "
        "usually tiers, the deepest reached.",
        _file(_NODE + "  - 【化解率】低于90%的扣1分；低于80%的扣2分\n", _TWO_RATES),
        _file(
            _NODE + "  - 【化解率】低于90%且不低于80%的扣1分；低于80%的扣2分\n",
            _TWO_RATES,
        ),
        "把较宽的一档限在两个界之间；两档相加的，后一档写 “另扣”。",
        "Bound the wider tier by the other; if they add up, write 另扣.",
    ),
    "E271": Example(
        "“高于90%且低于80%” 没有一个值能满足：这一条永远不会用上，多是把上下限写反了，或原意是 “或”。",
        "“高于90%且低于80%” holds for no value: the clause never applies — the bounds swapped, or "
        "或 meant.",
        _file(_NODE + "  - 【化解率】高于90%且低于80%的扣2分\n", _RATE),
        _file(_NODE + "  - 【化解率】高于80%且低于90%的扣2分\n", _RATE),
        "一个范围的写 高于80%且低于90%；两头各算的写 高于90%或低于80%。",
        "A range: 高于80%且低于90%; either end: 高于90%或低于80%.",
    ),
    "E270": Example(
        "单独成条的 “不得分” 使整个评分项不得分。跟在得分的各档之后（“达到90%的得3分；低于90%的不得分”），"
        "原文多指这几档的分不得，本项的其他条款照常计分；评分项还有别的条款时两种读法不同，须写明。",
        "A clause of its own saying 不得分 takes the whole item. After tiers that earn, documents "
        "usually mean none of those tiers' points; with other clauses in the item the readings "
        "differ, so say which.",
        _file(
            _NODE + "  - 【化解率】达到90%的得3分；低于90%的不得分\n  - 【缺会次数】每缺1次扣1分\n",
            _RATE,
        ),
        _file(
            _NODE + "  - 【化解率】达到90%的得3分；低于90%的得0分\n  - 【缺会次数】每缺1次扣1分\n",
            _RATE,
        ),
        "只是这几档的分不得的写 得0分；整个评分项不得分的写 本项不得分。",
        "None of the tiers' points: 得0分; the whole item: 本项不得分.",
    ),
    "E269": Example(
        "用逗号连起的几档是一张表：每个单位落在且只落在一档。“达到90%的得5分，达到80%且低于90%的得3分”"
        "没有说低于80%的单位——照写是得0分还是原文漏了一档，这一句说不清。",
        "Tiers joined by commas are a table: every unit in exactly one. “达到90%的得5分，达到80%且"
        "低于90%的得3分” does not say what a unit below 80% gets.",
        _file(_NODE + "  - 【化解率】达到90%的得5分，达到80%且低于90%的得3分\n", _RATE),
        _file(
            _NODE + "  - 【化解率】达到90%的得5分，达到80%且低于90%的得3分，低于80%的不得分\n",
            _RATE,
        ),
        "补上没说到的一档；不在各档的单位确实不得分的，各档用 “；” 分开。",
        "Add the tier left out; if units outside every tier truly get nothing, separate the tiers "
        "with ；.",
    ),
    "E268": Example(
        "算式中的百分比是百分数本身（95% 即 95）。“得分=70×达标率−63” 里的达标率是小数（0.95），"
        "照写成 得(70×【达标率】-63)分 算出的是 6587 分。",
        "In a formula a percentage is its percent number (95% is 95). In “得分=70×达标率−63” "
        "the rate is a fraction (0.95); written as is it would give 6587 points.",
        _HEADER.format(full="5")
        + "数据：\n  达标率：百分比\n\n"
        + "(一)达标情况(5分)\n  - 得(70×【达标率】-63)分\n",
        _HEADER.format(full="5")
        + "数据：\n  达标率：百分比\n\n"
        + "(一)达标情况(5分)\n  - 得(70×(【达标率】÷100%)-63)分\n",
        "除以 100%（小数）或 1%（每个百分点）写明百分比怎样乘。",
        "Divide by 100% (a fraction) or by 1% (per percentage point) to say how it multiplies.",
    ),
    "E262": Example(
        "平均值前面的文字只能说是哪些单位的平均（全市、全县各乡镇、参评单位）。上年的、近几年的、"
        "先进单位的平均值是另一个数，算成本批的平均值就改了细则的意思。",
        "Before 平均值 only the units may be said (全市, 全县各乡镇, 参评单位). Last year's, recent "
        "years' or the best units' mean is another number; scoring it as the batch mean would change "
        "the rule.",
        _HEADER.format(full="5")
        + "数据：\n  化解率：百分比\n\n"
        + "(一)矛盾化解(5分)\n  - 【化解率】低于上年全市平均水平的，扣2分\n",
        _HEADER.format(full="5")
        + "数据：\n  化解率：百分比\n\n参数：\n  上年全市平均水平 = 85%\n\n"
        + "(一)矛盾化解(5分)\n  - 【化解率】低于【上年全市平均水平】的，扣2分\n",
        "上年的数已知时写进 参数：，条款与它比较。",
        "Declare last year's known figure under 参数： and compare with it.",
    ),
    "E258": Example(
        "考评对象是一个县的乡镇，条款却比的是 “全市平均水平”：本批的平均值只是这些乡镇自己的平均，"
        "算出来的是另一个数。全市的数已知时写成参数。",
        "The units are one county's townships but the clause compares with the city average: the "
        "batch mean is the townships' own, another number. A known city figure is a parameter.",
        _HEADER.format(full="5")
        + "考评对象：全县各乡镇人民政府\n\n数据：\n  化解率：百分比\n\n"
        + "(一)矛盾化解(5分)\n  - 【化解率】低于全市平均水平的，扣2分\n",
        _HEADER.format(full="5")
        + "考评对象：全县各乡镇人民政府\n\n数据：\n  化解率：百分比\n\n参数：\n  全市平均水平 = 85%\n\n"
        + "(一)矛盾化解(5分)\n  - 【化解率】低于【全市平均水平】的，扣2分\n",
        "全市的数已知时写进 参数：，条款与它比较。",
        "Declare the known city figure under 参数： and compare with it.",
    ),
    "E207": Example(
        "同一名称在 数据： 或 参数： 中定义了两次（数据项与参数共用一个命名空间）。",
        "A name is declared twice under 数据: or 参数: (facts and parameters share one namespace).",
        _file(_NODE + _CLAUSE, facts="  缺会次数：次，默认0\n  缺会次数：次\n"),
        _GOOD,
        "删除其中一处定义。",
        "Remove one of the declarations.",
    ),
    "E208": Example(
        "“得满分”“不得分” 依赖所在评分项的分值，而该评分项没有写分值。",
        "“得满分” and “不得分” refer to the node's points, and the node has none.",
        _file(
            "一、基础工作\n  - 【发生责任事故】不得分\n  (一)制度建设(5分)\n    - 【缺会次数】每缺1次扣1分\n",
            facts="  缺会次数：次，默认0\n  发生责任事故：是否，默认否\n",
        ),
        _file(
            "一、基础工作\n  (一)制度建设(5分)\n    - 【缺会次数】每缺1次扣1分\n    - 【发生责任事故】不得分\n",
            facts="  缺会次数：次，默认0\n  发生责任事故：是否，默认否\n",
        ),
        "把条款移到有分值的评分项下，或为该项写上分值。",
        "Move the clause under a node with points, or give the node its points.",
    ),
    "E209": Example(
        "“加N分” 要写在标为 “加分项，最高加N分” 的评分项中（或有分值的评分项中，见 W322）；"
        "写在没有分值的评分项下，无处可加。",
        "“加N分” belongs in a node marked “加分项，最高加N分” (or in an item with points, see "
        "W322); under a node without points it has nowhere to go.",
        _file(
            "一、基础工作\n" + _NODE + _CLAUSE + "二、其他\n  - 【获省级表彰】每次加2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        _file(
            "一、基础工作\n"
            + _NODE
            + _CLAUSE
            + "二、其他\n  (一)表彰奖励，加分项，最高加2分\n    - 【获省级表彰】每次加2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        "把它放在加分项下。",
        "Put it under a bonus node.",
    ),
    "E210": Example(
        "数据项的默认值或范围不符合其类型（如 “是否” 类型默认为 3）。",
        "A fact's default or range does not fit its type (a 是否 fact defaulting to 3).",
        _file(_NODE + "  - 未【按时上报】扣1分\n", facts="  按时上报：是否，默认3\n"),
        _file(_NODE + "  - 未【按时上报】扣1分\n", facts="  按时上报：是否，默认是\n"),
        "按类型改写默认值或范围。",
        "Write a default or range that fits the type.",
    ),
    "E211": Example(
        "测试块有误：引用了不存在的数据项或评分项、值无法转换，或缺少必须列出的数据。",
        "A test block is wrong: it names an unknown fact or node, a value does not convert, or a "
        "needed fact is not listed.",
        _GOOD + "\n测试 “缺会两次”：\n  【缺会次数】= 2\n  期望 总分 = 3，(九) = 3\n",
        _GOOD + "\n测试 “缺会两次”：\n  【缺会次数】= 2\n  期望 总分 = 3，(一) = 3\n",
        "按提示改正测试中的名称或数值。",
        "Correct the name or value in the test, as the hint says.",
    ),
    "E212": Example(
        "酌情扣分（“酌情扣0至5分”“扣1-5分”）由考评人员录入分值，须使用类型为 “分” 的数据项。",
        "A discretionary clause takes points entered by an evaluator: its fact must be of type 分.",
        _file(_NODE + "  - 【预案工作扣分】酌情扣0至5分\n", facts="  预案工作扣分：次\n"),
        _file(_NODE + "  - 【预案工作扣分】酌情扣0至5分\n", facts="  预案工作扣分：分\n"),
        "把该数据项声明为 “分” 类型。",
        "Declare the fact with type 分.",
    ),
    "E213": Example(
        "两个等次同名。",
        "Two grade bands have the same name.",
        _GOOD + "\n等次：\n  合格：3分以上\n  合格：其余\n",
        _GOOD + "\n等次：\n  合格：3分以上\n  不合格：其余\n",
        "删除或改名其中一个等次。",
        "Remove or rename one of the bands.",
    ),
    "E214": Example(
        "比较两边的量不可比，如把百分比与日期比较。",
        "The two sides of a comparison cannot be compared, e.g. a percentage with a date.",
        _file(
            "(一)隐患化解(5分)\n  - 【隐患化解率】晚于1月9日的，扣1分\n",
            facts="  隐患化解率：百分比\n",
        ),
        _file(
            "(一)隐患化解(5分)\n  - 【隐患化解率】低于80%的，扣1分\n",
            facts="  隐患化解率：百分比\n",
        ),
        "百分比与百分比比较，日期与日期比较。",
        "Compare percentages with percentages and dates with dates.",
    ),
    "E215": Example(
        "参数是本年度规则中的常量，只能写在数值的位置，不能当作逐单位录入的事项（条件或计数对象）。",
        "A parameter is a constant of this year's rules: it stands where a number may, never as "
        "a fact entered per unit (a condition or a counted subject).",
        _file(
            "(一)领导重视程度(5分)\n  - 【会议次数目标】每缺1次扣1分\n",
            facts="  缺会次数：次，默认0\n\n参数：\n  会议次数目标 = 4\n",
        ),
        _file(
            "(一)领导重视程度(5分)\n  - 【会议次数】不得少于【会议次数目标】次，每少1次扣1分\n",
            facts="  会议次数：次\n\n参数：\n  会议次数目标 = 4\n",
        ),
        "把逐单位录入的事项定义为数据项，参数只用作标准值或分值。",
        "Declare what is entered per unit as a fact; use the parameter only as a threshold or amount.",
    ),
    "E216": Example(
        "比较用语不在用语表中，无法确定是否包含本数。",
        "The comparison word is not in the table, so whether it includes the number is unknown.",
        _file(
            "(一)集体访处置(5分)\n  - 【参与人数】20人往上的，扣0.2分\n",
            facts="  参与人数：人，默认0\n",
        ),
        _file(
            "(一)集体访处置(5分)\n  - 【参与人数】20人以上的，扣0.2分\n",
            facts="  参与人数：人，默认0\n",
        ),
        "改用表中的比较用语（以上、以下、超过、低于……）或符号 ≥ ≤ > <。",
        "Use a word from the table (以上, 以下, 超过, 低于…) or a symbol ≥ ≤ > <.",
        reported_as="E101",
    ),
    "E217": Example(
        "数据项的类型既不是 是否、百分比、数值、分、日期，也不是单位表中的计数或计量单位。",
        "A fact's type is none of 是否, 百分比, 数值, 分, 日期 nor a count or measure unit.",
        _file(_NODE + _CLAUSE, facts="  缺会次数：回，默认0\n"),
        _GOOD,
        "改用可识别的类型或单位（如 次）；单位表中没有的词改用 数值。",
        "Use a known type or unit (e.g. 次); for a word not in the tables use 数值.",
    ),
    "E219": Example(
        "“每N…” 按N个一步计数，N为0时无法计数。",
        "“每N…” counts in steps of N; a step of 0 counts nothing.",
        _file(_NODE + "  - 【缺会次数】每缺0次扣1分\n"),
        _GOOD,
        "把步长改为大于0的数，通常是1。",
        "Make the step greater than 0, usually 1.",
    ),
    "E220": Example(
        "比较词定下的标准与 “每…” 计数的方向相反：照原样计分会给达到要求的单位扣分（或给未达到要求的单位加分），所以拒绝编译。",
        "The standard set by the comparison and the direction of “每…” disagree: scoring it as written would penalise the units that meet the requirement (or reward those that miss it), so it is refused.",
        _file(_NODE + "  - 【回流次数】不得超过3次，每低于1次扣1分\n", facts="  回流次数：次\n"),
        _file(_NODE + "  - 【回流次数】不得超过3次，每超过1次扣1分\n", facts="  回流次数：次\n"),
        "“不得超过” 是上限，按超出的部分扣分：写 “每超过1次”。下限（“不得少于”、“应达到”）写 “每少1次”、“每低于1个百分点”。",
        "“不得超过” is an upper limit: deduct per unit above it with “每超过1次”. For a lower bound (“不得少于”, “应达到”) write “每少1次” or “每低于1个百分点”.",
    ),
    "E221": Example(
        "“达到”、“满”、“≥” 之后紧接 “每缺1次扣…”，既可读作应达到的标准（按差额扣分），也可读作扣分的条件（按全部次数扣分），两种读法分数不同。",
        "After “达到”, “满” or “≥”, a deduction “每缺1次扣…” can read as a standard to reach (deduct per unit short of it) or as the condition for the deduction (deduct per occurrence); the scores differ.",
        _file(_NODE + "  - 【巡查次数】达到4次，每缺1次扣1分\n", facts="  巡查次数：次\n"),
        _file(_NODE + "  - 【巡查次数】应达到4次，每缺1次扣1分\n", facts="  巡查次数：次\n"),
        "是标准就在前面加 “应”（“应达到4次，每缺1次扣1分”：做了2次扣2分）；是条件就加 “的”（“达到3次的，每次扣1分”）。",
        "For a standard add “应” (“应达到4次，每缺1次扣1分”: 2 done, 2 deducted); for a condition add “的” (“达到3次的，每次扣1分”).",
    ),
    "E222": Example(
        "“少于4次的，每缺1次扣1分” 中的 “每缺1次” 可以指比4次少的那几次，也可以指数据中记录的每一次，两种读法分数不同。",
        "In “少于4次的，每缺1次扣1分”, “每缺1次” may mean each one short of 4, or each one the fact records; the scores differ.",
        _file(_NODE + "  - 【巡查次数】少于4次的，每缺1次扣1分\n", facts="  巡查次数：次\n"),
        _file(_NODE + "  - 【巡查次数】少于4次的，每少1次扣1分\n", facts="  巡查次数：次\n"),
        "按与标准的差额扣分写 “每少1次扣1分”（做了1次扣3分）；按全部次数扣分写 “每次扣1分”。",
        "Per unit short of the standard: “每少1次扣1分” (1 done, 3 deducted); per occurrence: “每次扣1分”.",
    ),
    "E223": Example(
        "“就高不就低”（“不重复计分”）在几条得分条款中只取最高的一条；在加分项中，取最高的一条加分。本项没有两条这样的条款时，它不改变任何分数，多半是原文另有所指，所以拒绝编译。",
        "“就高不就低” (“不重复计分”) keeps the highest of several earning clauses (in a bonus node, of several bonus clauses). Where an item has fewer than two, it changes no score and the writer probably meant something else, so it is refused.",
        _file("(一)领导重视程度(5分)，就高不就低\n" + _CLAUSE),
        _GOOD,
        "删去修饰语；要限制本项扣分，写 “最多扣N分” 或 “扣完为止”。",
        "Remove the modifier; to limit the item's deductions write “最多扣N分” or “扣完为止”.",
    ),
    "E230": Example(
        "不得评为、等次最高为、等次最低为 后面的名称须是 等次： 中的一档。",
        "The band after 不得评为, 等次最高为 or 等次最低为 must be one of 等次:.",
        _file(_NODE + _CLAUSE + "  - 【通报批评】不得评为优等\n" + _GRADES, _REPORTED),
        _file(_NODE + _CLAUSE + "  - 【通报批评】不得评为优秀\n" + _GRADES, _REPORTED),
        "改写为 等次： 中已有的名称。",
        "Use a band name that 等次: declares.",
    ),
    "E231": Example(
        "不得评为X 表示等次最高只能是X以下的一档；X是最低一档时没有可评的等次。",
        "不得评为X caps the grade at the band below X; below the lowest band there is none.",
        _file(_NODE + _CLAUSE + "  - 【通报批评】不得评为不合格\n" + _GRADES, _REPORTED),
        _file(_NODE + _CLAUSE + "  - 【通报批评】一票否决\n" + _GRADES, _REPORTED),
        "要定为最低一档，写 一票否决。",
        "To give the lowest band, write 一票否决.",
    ),
    "E232": Example(
        "等次的高低按 等次： 中的先后确定（先写的高），所以使用限定等次的细则须把各档从高到低排列。",
        "Grade limits read the order of 等次: (earlier is higher), so the bands must run "
        "from the highest to the lowest.",
        _file(
            _NODE
            + _CLAUSE
            + "  - 【通报批评】不得评为优秀\n"
            + "\n等次：\n  不合格：低于3分\n  优秀：4.5分以上\n  合格：3分以上\n",
            _REPORTED,
        ),
        _file(_NODE + _CLAUSE + "  - 【通报批评】不得评为优秀\n" + _GRADES, _REPORTED),
        "把各档按从高到低重排。",
        "Reorder the bands from the highest to the lowest.",
    ),
    "E244": Example(
        "“低于平均值5个百分点的，每低1个百分点扣0.5分”有两种读法：差额从平均值算起（平均值90%、"
        "本单位84%扣3分），或只算超出5个百分点的部分（扣0.5分）。须写明是哪一种。",
        "“低于平均值5个百分点的，每低1个百分点扣0.5分” reads two ways: steps from the average "
        "(average 90%, unit 84%: 3 points) or only the part beyond the 5 points (0.5 points). "
        "Say which.",
        _file(
            _NODE + "  - 【受理率】低于全市平均值5个百分点的，每低1个百分点扣0.5分\n",
            "  受理率：百分比\n",
        ),
        _file(
            _NODE + "  - 【受理率】低于全市平均值5个百分点的，超出部分每低1个百分点扣0.5分\n",
            "  受理率：百分比\n",
        ),
        "写 每低于平均值1个百分点（从平均值算起）或 超出部分每低1个百分点（只算超出的部分）。",
        "Write 每低于平均值1个百分点 (from the average) or 超出部分每低1个百分点 (the part beyond).",
    ),
    "E245": Example(
        "“本大项不得分” 扣去条款所在大项（一、二…）的全部分值，而不只是所在小项的分值；"
        "同一条款里别的扣分、得分（包括 否则 之后的）就分不清该算在大项还是小项，所以须单独成条。",
        "“本大项不得分” takes all the points of the top-level item (一、二…) the clause is "
        "under, not only its sub-item's; other points in the same clause (an 否则 branch "
        "included) would have no clear level, so it stands alone.",
        _file(
            "一、安全工作(5分)\n(一)领导重视程度(5分)\n"
            "  - 【通报批评】的，本大项不得分，否则得1分\n",
            _REPORTED,
        ),
        _file(
            "一、安全工作(5分)\n(一)领导重视程度(5分)\n"
            "  - 【通报批评】的，本大项不得分\n"
            "  - 【缺会次数】每缺1次扣1分\n",
            _REPORTED,
        ),
        "把其他分值另写成一条。",
        "Put the other points in a clause of their own.",
    ),
    "E233": Example(
        "与平均值相差若干（平均值5个百分点）只能跟在 低于、少于、高于、超过 等说明方向的词后面，"
        "比较的一方须是一个数据项。",
        "A distance from the average (平均值5个百分点) follows only a word that says the side "
        "(低于, 少于, 高于, 超过), with one fact on the left.",
        _file(_NODE + "  - 【受理率】不低于全市平均值5个百分点的，扣1分\n", "  受理率：百分比\n"),
        _file(_NODE + "  - 【受理率】低于全市平均值5个百分点的，扣1分\n", "  受理率：百分比\n"),
        "改用 低于 或 高于（要包括恰好相差5个百分点的，加 以上）。",
        "Use 低于 or 高于 (add 以上 to include a distance of exactly 5).",
    ),
    "E234": Example(
        "排名、最高者、按比例得分的对象须是数值型数据项（百分比、数值、次数、分），或有分值的评分项得分 【(二)得分】。",
        "Ranks, the best unit and shares need a numeric fact (percentage, number, count, "
        "points) or the score of a node with points (【(二)得分】).",
        _file(_NODE + "  - 按【通报批评】从高到低排名，第1名得5分\n", _REPORTED),
        _file(_NODE + "  - 按【缺会次数】从低到高排名，第1名得5分\n", _REPORTED),
        "改按数值型数据项或评分项得分排名。",
        "Rank by a numeric fact or a node's score.",
    ),
    "E235": Example(
        "排名要知道数值高者在前还是低者在前。没有写明、数据中没有声明（越高越好、越低越好）、"
        "无法从其他条款看出（如 “每低于…扣分” 说明高者为好），名称也不在常见指标之列时，须写明方向。",
        "A ranking needs to know whether higher or lower values come first; when it is "
        "neither written, declared (越高越好, 越低越好), implied by other clauses, nor known "
        "from the indicator's name, write it.",
        _file(_NODE + "  - 按【调处指数】排名，第1名得5分\n", _INDEX),
        _file(_NODE + "  - 按【调处指数】从高到低排名，第1名得5分\n", _INDEX),
        "在排名前写 从高到低 或 从低到高；或在 数据： 中写 调处指数：数值，越高越好。",
        "Write 从高到低 or 从低到高 before 排名, or declare 调处指数：数值，越高越好.",
    ),
    "E250": Example(
        "越高越好、越低越好 说明一项数据哪一端好（不写方向的排名照此排），只能给数值型数据写，且只写一个。",
        "越高越好 / 越低越好 say which end of a fact is better (a ranking with no stated "
        "direction follows it); only a numeric fact takes one, and only one.",
        _file(_NODE + "  - 【通报批评】扣1分\n", "  通报批评：是否，越低越好\n"),
        _file(_NODE + "  - 【通报批评】扣1分\n", "  通报批评：是否\n"),
        "删去是否、日期型数据的 越高越好/越低越好；两个都写了的，留下原文的那一个。",
        "Remove it from a 是否 or 日期 fact; of two, keep the one the document means.",
    ),
    "E251": Example(
        "排名没有写方向时按数据的声明（或名称）排；若细则的其他条款把这项数据当作另一端好，"
        "两者不能替您选一个，须在排名条款中写明方向。",
        "A ranking with no stated direction follows the fact's declared (or named) better "
        "end; when another clause treats the fact the other way, neither is picked for you.",
        _file(
            _NODE + "  - 按【化解率】排名，第1名得5分\n  - 【化解率】超过90%的，扣1分\n",
            "  化解率：百分比，越高越好\n",
        ),
        _file(
            _NODE + "  - 按【化解率】从高到低排名，第1名得5分\n  - 【化解率】超过90%的，扣1分\n",
            "  化解率：百分比，越高越好\n",
        ),
        "在排名条款中写明 从高到低 或 从低到高，并核对另一条条款。",
        "Write 从高到低 or 从低到高 in the ranking, and check the other clause.",
    ),
    "E255": Example(
        "“等次定为X” 不看分数，把等次定在X这一档。定为最低一档（常与一票否决连写）时就是最低一档，"
        "定为最高一档（`直接确定为优秀`）时就是最高一档；定为中间一档，既是最高也是最低，须把两条限定都写出来。",
        "“等次定为X” sets the band whatever the score. The lowest band (often written with "
        "一票否决) is just that, and so is the highest (`直接确定为优秀`); a middle band is "
        "both a ceiling and a floor, written as both.",
        _file(_NODE + _CLAUSE + "  - 【通报批评】考核等次定为合格\n" + _GRADES, _REPORTED),
        _file(
            _NODE + _CLAUSE + "  - 【通报批评】等次最高为合格，等次最低为合格\n" + _GRADES,
            _REPORTED,
        ),
        "写 等次最高为X，等次最低为X。",
        "Write 等次最高为X，等次最低为X.",
    ),
    "E256": Example(
        "“全市平均增速” 这类写法中，平均 后面的名称是所比数据项名称的末尾，指本批这项数据的平均值；"
        "名称对不上时，可能是把另一项数据的平均值当作标准，xize 不替您猜。",
        "In “全市平均增速” the words after 平均 end the compared fact's name and stand for its "
        "batch average; a name that does not may mean another fact's average, never guessed.",
        _file(_NODE + "  - 【化解率】低于全市平均办结率的，扣1分\n", _RATE),
        _file(_NODE + "  - 【化解率】低于全市平均值的，扣1分\n", _RATE),
        "写 平均值，或把作为标准的数写进 参数： 并写成【参数名】。",
        "Write 平均值, or declare the standard under 参数: and write 【name】.",
    ),
    "E252": Example(
        "百分比数据写 “低于平均值10%” 有两种读法：相差10个百分点（平均值80% → 70%），或平均值的10%"
        "（80% → 72%）。金额、次数等数据没有这种歧义（“平均值10%” 就是平均值的10%）；百分比数据请写 个百分点。",
        "“低于平均值10%” on a rate reads two ways: 10 percentage points below (80% → 70%) or "
        "10% of the average below (80% → 72%). An amount or a count has no such doubt (10% of "
        "its average); on a rate write 个百分点.",
        _file(_NODE + "  - 【化解率】低于全市平均值10%的，扣2分\n", _RATE),
        _file(_NODE + "  - 【化解率】低于全市平均值10个百分点的，扣2分\n", _RATE),
        "相差若干个百分点写 个百分点；指平均值的百分之几时，把是否低于这一界限作为是否型数据填报。",
        "Write 个百分点 for a gap in points; for a share of the average, report whether each "
        "unit is beyond it as a yes/no fact.",
    ),
    "E253": Example(
        "一些按本批计分的写法读不准或本语言不能表达：“按比例递减”（按最好者的比例还是在最好与最差之间折算）、"
        "“其余按得分率折算”（按最高者的比例还是按数值本身）、“排名前20%”（单位数乘百分比怎样取整）、"
        "“超过平均值1倍以上”、“每相差1个百分点相应加减”、条款里的“基础分”、"
        "在最高与最低之间按差距折算。提示给出每种读法的写法。",
        "Some batch wordings are unclear or cannot be expressed: 按比例递减 (a share of the best, "
        "or spread between the best and the worst?), 其余按得分率折算 (a share of the highest, "
        "or the value itself?), 排名前20% (how a fraction of units rounds), 超过平均值1倍以上, "
        "每相差1个百分点相应加减, a 基础分 inside a clause, a spread between the "
        "lowest and the highest. The hint writes each reading.",
        _file(_NODE + "  - 【化解率】最高的得5分，其余按比例递减\n", _RATE),
        _file(_NODE + "  - 【化解率】最高的得5分，其余按与最高者的比例得分\n", _RATE),
        "照原文的意思选一种读法，按提示写出。",
        "Pick the reading the document means and write it as the hint shows.",
    ),
    "E254": Example(
        "“后三名依次扣1分、2分、3分” 有两种读法：按排名的顺序（倒数第3名扣1分……末位扣3分），"
        "或从最后一名数起（末位扣1分……）。提示把两种都逐个名次写出。",
        "“后三名依次扣1分、2分、3分” reads two ways: in ranking order (the third from last "
        "−1 … the last −3) or counting from the last (the last −1 …). The hint writes both "
        "place by place.",
        _file(_NODE + "  - 按【化解率】从高到低排名，后三名依次扣1分、2分、3分\n", _RATE),
        _file(
            _NODE + "  - 按【化解率】从高到低排名，倒数第3名扣1分，倒数第2名扣2分，末位扣3分\n",
            _RATE,
        ),
        "照原文的意思逐个名次写出分数。",
        "Write the amount of each place as the document means it.",
    ),
    "E236": Example(
        "“按第1名的比例得分” 以第1名的分数为基数；同一条款须先写第1名（或最高者）得多少分。",
        "“按第1名的比例得分” takes a share of the first place's points, which the clause must state.",
        _file(_NODE + "  - 按【化解率】从高到低排名，第2至5名按第1名的比例得分\n", _RATE),
        _file(
            _NODE + "  - 按【化解率】从高到低排名，第1名得5分，第2至5名按第1名的比例得分\n", _RATE
        ),
        "先写 第1名得N分（或 最高者得满分）。",
        "State 第1名得N分 (or 最高者得满分) first.",
    ),
    "E247": Example(
        "“达到90%的得5分，低于90%的不得分” 是一条规则的两半：第二个条件正好是第一个的反面，"
        "所以第二半就是 “否则”。两个条件之间有空档（低于80%）或互相重叠时，空档里的单位得几分原文没有说。",
        "“达到90%的得5分，低于90%的不得分” is one rule in two halves: the second condition "
        "is exactly the first's opposite, so it is the 否则; with a gap (低于80%) or an "
        "overlap the sentence does not say what the units in between get.",
        _file(_NODE + "  - 【化解率】达到90%的得5分，低于80%的不得分\n", _RATE),
        _file(_NODE + "  - 【化解率】达到90%的得5分，低于90%的不得分\n", _RATE),
        "让第二个条件正好是第一个的反面，或写成两条条款。",
        "Make the second condition the exact opposite, or write two clauses.",
    ),
    "E246": Example(
        "“每下降一个名次扣N分” 从前面名次规则的分数往下减：第1名得10分时第2名9.5分、第3名9分……"
        "同一条款须先写第1名（或前几名）得多少分。",
        "“每下降一个名次扣N分” steps down from the points of the places before it, which "
        "the clause must state.",
        _file(_NODE + "  - 按【化解率】从高到低排名，每下降一个名次扣0.5分\n", _RATE),
        _file(
            _NODE + "  - 按【化解率】从高到低排名，第1名得5分，其后每下降一个名次扣0.5分\n", _RATE
        ),
        "先写 第1名得N分。",
        "State 第1名得N分 first.",
    ),
    "E237": Example(
        "“依次” 给每个名次一个分数，从第一个名次起；名次数与分数个数须相等。",
        "“依次” gives one amount per place, from the first place; the counts must match.",
        _file(_NODE + "  - 按【化解率】从高到低排名，排名第1至3名的，依次得3分、2分\n", _RATE),
        _file(_NODE + "  - 按【化解率】从高到低排名，排名第1至3名的，依次得3分、2分、1分\n", _RATE),
        "补齐或删去分数，使之与名次一一对应。",
        "Add or remove amounts so that each place has one.",
    ),
    "E238": Example(
        "评分项得分的排名要先算出各单位该项的得分；一个评分项的得分又依赖这个排名（直接或经由其他"
        "评分项）时，无从算起。",
        "Ranking by a node's score needs that score first; a score that depends on that ranking, "
        "directly or through other nodes, can never be computed.",
        _file(
            "(一)领导重视程度(2分)\n  - 按【(二)得分】排名，第1名得2分\n"
            "(二)会议(3分)\n  - 按【(一)得分】排名，末位扣1分\n",
            _RATE,
        ),
        _file(
            "(一)领导重视程度(2分)\n  - 按【(二)得分】排名，第1名得2分\n"
            "(二)会议(3分)\n  - 【缺会次数】每缺1次扣1分\n",
            _REPORTED,
        ),
        "去掉其中一个排名，或改按数据项排名。",
        "Drop one of the rankings, or rank by a fact.",
    ),
    "E239": Example(
        "参加平均、排名的单位不含取消考评资格的单位，所以是否取消资格必须先于这些统计确定，"
        "不能依赖平均值或排名。",
        "Disqualified units are left out of the batch, so disqualification must be decided "
        "before any batch value, without averages or ranks.",
        _file(_NODE + "  - 【化解率】低于平均值的，取消考评资格\n", _RATE),
        _file(_NODE + "  - 【化解率】低于60%的，取消考评资格\n", _RATE),
        "改与固定的数值或参数比较。",
        "Compare with a fixed number or a parameter.",
    ),
    "E218": Example(
        "加分项只能写 “加N分” 条款；扣分或得分条款放在加分项中没有意义。",
        "A bonus node holds only “加N分” clauses; deducting or earning there has no meaning.",
        _file(
            _NODE + _CLAUSE + "(二)表彰奖励，加分项，最高加2分\n  - 【获省级表彰】每次扣2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        _file(
            _NODE + _CLAUSE + "(二)表彰奖励，加分项，最高加2分\n  - 【获省级表彰】每次加2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        "把扣分或得分条款移到有分值的评分项下。",
        "Move the deducting or earning clause under a node with points.",
    ),
    "E240": Example(
        "数字的有效数字超过30位：分数按60位有效数字精确计算，更长的数字会被舍入。",
        "A number of more than 30 significant digits: scores are exact to 60 digits, "
        "and a longer number would be rounded.",
        _file(_NODE + "  - 【缺会次数】每缺1次扣0.1111111111111111111111111111111分\n"),
        _GOOD,
        "核对原文数字。",
        "Check the number against the document.",
    ),
    "E241": Example(
        "等次超过1000档。",
        "More than 1000 grade bands.",
        _file(
            _NODE
            + _CLAUSE
            + "\n等次：\n"
            + "".join(
                f"  第{i}档：{(5000 - 4 * i) // 1000}.{(5000 - 4 * i) % 1000:03d}分以上\n"
                for i in range(1001)
            )
            + "  末档：其余\n"
        ),
        _file(_NODE + _CLAUSE + _GRADES),
        "核对 等次： 下的内容。",
        "Check what is under 等次:.",
    ),
    "E242": Example(
        "精度最多到小数点后20位。",
        "精度 has at most 20 decimal places.",
        _file(_NODE + _CLAUSE).replace("满分：5分\n", "满分：5分\n精度：0.000000000000000000001\n"),
        _file(_NODE + _CLAUSE).replace("满分：5分\n", "满分：5分\n精度：0.01\n"),
        "把精度改为 0.01 这样的常用值。",
        "Use a usual 精度 such as 0.01.",
    ),
    "E243": Example(
        "数据表按去掉空格、全角字符和外层括号后的表头找数据项，两个只差这些的名称会取到同一列。",
        "A data sheet's header is matched with spaces, full-width forms and outer brackets "
        "ignored, so two names differing only in those would read the same column.",
        _file(
            _NODE + _CLAUSE + "  - 【缺会 次数】每缺1次扣1分\n",
            facts="  缺会次数：次，默认0\n  缺会 次数：次，默认0\n",
        ),
        _GOOD,
        "改用明显不同的名称，或统一写法。",
        "Give them clearly different names, or write them the same way.",
    ),
    "W301": Example(
        "同级编号不连续，可能漏写了一项。",
        "Sibling numbers skip one: an item may have been left out.",
        _file("(一)领导重视程度(2分)\n" + _CLAUSE + "(三)值班及信息报告(3分)\n" + _CLAUSE),
        _file("(一)领导重视程度(2分)\n" + _CLAUSE + "(二)值班及信息报告(3分)\n" + _CLAUSE),
        "补上漏写的项，或改正编号。",
        "Add the missing item, or renumber.",
    ),
    "W302": Example(
        "一次扣分就超过所在评分项的分值，常见于录入或识别错误（原文 “每批次扣2023分”）。",
        "One occurrence costs more than the node's budget: typically a typing or OCR slip "
        "(the seed's “每批次扣2023分”).",
        _file(
            "(一)个人上访(80分)\n  - 【个人上访】每批次扣2023分\n",
            facts="  个人上访：批次，默认0\n",
            full="80",
        ),
        _file(
            "(一)个人上访(80分)\n  - 【个人上访】每批次扣20分\n",
            facts="  个人上访：批次，默认0\n",
            full="80",
        ),
        "核对原文数字；如属实，可忽略（扣完为止）。",
        "Check the number against the document; if it is right, ignore this (the node is emptied).",
    ),
    "W303": Example(
        "子项分值之和与上级评分项分值不同。各子项本身就是扣分上限，这在原文中可能是有意的。",
        "The children's points do not add up to the parent's. Each child is its own budget, so "
        "the document may mean it.",
        _file(
            "(一)基础工作(5分)\n  1、制度建设(2分)\n    - 【缺会次数】每缺1次扣1分\n"
            "  2、源头预防(2分)\n    - 【缺会次数】每缺1次扣1分\n"
        ),
        _file(
            "(一)基础工作(5分)\n  1、制度建设(2分)\n    - 【缺会次数】每缺1次扣1分\n"
            "  2、源头预防(3分)\n    - 【缺会次数】每缺1次扣1分\n"
        ),
        "核对子项分值；如原文如此，可忽略。",
        "Check the children's points; if the document says so, ignore this.",
    ),
    "W304": Example(
        "按法定用语 “以上”“以下” 都包含本数，两个等次都声称拥有同一分数线。",
        "By statutory usage both 以上 and 以下 include the number, so two bands claim one boundary.",
        _GOOD + "\n等次：\n  合格：3分以上\n  不合格：3分以下\n",
        _GOOD.replace("满分：5分\n", "满分：5分\n边界：以上含本数，以下不含本数\n")
        + "\n等次：\n  合格：3分以上\n  不合格：3分以下\n",
        "在表头写明 “边界：以上含本数，以下不含本数”。",
        "State the rule in the header: “边界：以上含本数，以下不含本数”.",
    ),
    "W305": Example(
        "“超过…以上”（以及 “高于…以上”“低于…以下” 等）把不含本数与含本数的两个词叠在一起；按前一个词"
        "（不含本数）理解。",
        "“超过…以上” (and “高于…以上”, “低于…以下”…) stacks an exclusive and an inclusive word; "
        "it is read as the first (exclusive).",
        _file(
            "(一)集体访处置(5分)\n  - 【参与人数】超过20人以上的，扣0.2分\n",
            facts="  参与人数：人，默认0\n",
        ),
        _file(
            "(一)集体访处置(5分)\n  - 【参与人数】超过20人的，扣0.2分\n",
            facts="  参与人数：人，默认0\n",
        ),
        "不含本数的删去 “以上”，含本数的删去 “超过”。",
        "Exclusive: drop 以上; inclusive: drop 超过.",
    ),
    "W306": Example(
        "同一评分项既用 “得…否则…” 给分，又对同一事项扣分：未达标时会被扣两次。",
        "A node both earns with “得…否则…” and deducts for the same fact: a miss would count twice.",
        _file(
            "(一)化解方案(3分)\n  - 【落实化解方案】得3分，否则不得分\n  - 未【落实化解方案】扣1分\n",
            facts="  落实化解方案：是否\n",
            full="3",
        ),
        _file(
            "(一)化解方案(3分)\n  - 【落实化解方案】得3分，否则不得分\n",
            facts="  落实化解方案：是否\n",
            full="3",
        ),
        "只保留一种写法：“得…否则不得分”，或在该项分值内 “每缺1项扣1分”。",
        "Keep one of the two: “得…否则不得分”, or “每缺1项扣1分” within the node's points.",
    ),
    "W307": Example(
        "评分项行中 “，” 之后的部分不是已知的修饰语，却含有 扣、加 或 分，像是写错的修饰语。",
        "A part after “，” on a node line is not a known modifier but contains 扣, 加 or 分: "
        "likely a mistyped modifier.",
        _file("(一)领导重视程度(5分)，扣完位止\n" + _CLAUSE),
        _file("(一)领导重视程度(5分)，扣完为止\n" + _CLAUSE),
        "改为正确的修饰语（扣完为止、最多扣N分、不设下限、加分项，最高加N分）。",
        "Write a known modifier (扣完为止, 最多扣N分, 不设下限, 加分项，最高加N分).",
    ),
    "W308": Example(
        "说明 中的数字没有被该项的任何条款使用，条款可能与原文不一致。",
        "A number in 说明 is used by no clause of the node: the clauses may not say what the "
        "document says.",
        _file(_NODE + "  说明：查阅会议记录，每缺1次扣2分。\n" + _CLAUSE),
        _file(_NODE + "  说明：查阅会议记录，每缺1次扣1分。\n" + _CLAUSE),
        "核对条款与说明。",
        "Check the clauses against the 说明.",
    ),
    "W309": Example(
        "数据项已定义，但没有任何条款使用它。",
        "A fact is declared but no clause uses it.",
        _file(_NODE + _CLAUSE, facts="  缺会次数：次，默认0\n  值班次数：次\n"),
        _GOOD,
        "删除该定义，或补写使用它的条款。",
        "Remove it, or write the clause that uses it.",
    ),
    "W310": Example(
        "条款使用了未在 数据： 中定义的数据项，已按用法推断其类型（check --strict 时报告）。",
        "A clause uses a fact not declared under 数据:; its type was inferred from the use "
        "(reported by check --strict).",
        _file(_NODE + _CLAUSE, facts=""),
        _GOOD,
        "在 数据： 中声明该数据项。",
        "Declare the fact under 数据:.",
    ),
    "W311": Example(
        "得分制评分项各 “得N分” 之和与本项分值不符：全部达标时不能恰好得满分。"
        "算式按它最多能得的分数计（`得(最小(【完成数】÷【任务数】, 1)×4)分` 最多4分）；"
        "最多能得多少看不出的算式（没有用 最小 限定的），这一项不作检查。",
        "The 得 amounts of an earning node do not add up to its points: meeting every criterion "
        "would not give exactly full points. A formula counts with the most it can earn "
        "(`得(最小(【完成数】÷【任务数】, 1)×4)分`: 4); a node with a formula whose most is "
        "not evident (not bounded by 最小) is not checked.",
        _file(
            "(一)领导接访(5分)\n  - 【日程表公示】得1分，否则不得分\n  - 【登记记录规范】得1分，否则不得分\n",
            facts="  日程表公示：是否\n  登记记录规范：是否\n",
        ),
        _file(
            "(一)领导接访(5分)\n  - 【日程表公示】得2分，否则不得分\n  - 【登记记录规范】得3分，否则不得分\n",
            facts="  日程表公示：是否\n  登记记录规范：是否\n",
        ),
        "核对各得分条款的分值。",
        "Check the amounts of the 得 clauses.",
    ),
    "W320": Example(
        "条款与数据项一个用 “人”、一个用 “人次”（或 户 与 户次 等）：按数据项的单位计算。",
        "The clause and the fact use 人 and 人次 (or 户 and 户次…): the fact's unit decides.",
        _file(
            "(一)越级上访(10分)\n  - 【赴省上访】每人扣1分\n",
            facts="  赴省上访：人次，默认0\n",
            full="10",
        ),
        _file(
            "(一)越级上访(10分)\n  - 【赴省上访】每人次扣1分\n",
            facts="  赴省上访：人次，默认0\n",
            full="10",
        ),
        "把条款的单位改成与数据项一致；原文确指另一种计数的，另设数据项。",
        "Use the fact's unit in the clause; if the document means the other count, add a fact.",
    ),
    "W321": Example(
        "条款的分值要除以一个数据项（如 “扣分按【所辖县数】平均计算”），而这个数据项可能为0。",
        "A clause's amount is divided by a fact (扣分按【所辖县数】平均计算) that may be 0.",
        _file(
            "(一)安全生产(10分)\n  - 【事故起数】每起扣3分，扣分按【所辖县数】平均计算\n",
            facts="  事故起数：起，默认0\n  所辖县数：个\n",
            full="10",
        ),
        _file(
            "(一)安全生产(10分)\n  - 【事故起数】每起扣3分，扣分按【所辖县数】平均计算\n",
            facts="  事故起数：起，默认0\n  所辖县数：个，范围1至50\n",
            full="10",
        ),
        "在 数据： 中写明除数的范围，使它不可能为0。",
        "Give the divisor a range in 数据： that excludes 0.",
    ),
    "W322": Example(
        "有分值的评分项中写了 “加N分”，原文没有规定加分上限：加的分不封顶，总分可以超过满分。",
        "A “加N分” clause inside an item with points and no stated cap: the bonus is uncapped.",
        _file(
            _NODE + _CLAUSE + "  - 【获省级表彰】每次加2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        _file(
            _NODE + _CLAUSE + "  (1)奖励分，加分项，最高加2分\n    - 【获省级表彰】每次加2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        "原文有上限的，写成下一级加分项；确实不封顶的，可以不理会这个提示。",
        "If the document states a cap, use a bonus sub-item; if it is truly uncapped, ignore this.",
    ),
    "W331": Example(
        "“每未巡查1次” 数的是没巡查的次数；数据项却叫 【巡查次数】，填报时多半填做了的次数，"
        "巡查做满的单位反而扣分最多。",
        "“每未巡查1次” counts missed patrols, but 【巡查次数】 is likely filled in with those "
        "done: the unit that did them all would lose the most.",
        _file(_NODE + "  - 【巡查次数】每未巡查1次扣1分\n", facts="  巡查次数：次，默认0\n"),
        _file(
            _NODE + "  - 【巡查次数】不得少于4次，每未巡查1次扣1分\n",
            facts="  巡查次数：次，默认0\n",
        ),
        "写明应做多少次（按差额扣分），或把数据项改名为没做的次数（如 【未巡查次数】）。",
        "State what was due (the shortfall is deducted), or rename the fact for what was missed.",
    ),
    "W330": Example(
        "排名没有写方向，数据中也没有声明，xize 按指标名称的中心词推断（化解率、办结率越高越好，"
        "发案率、事故率越低越好），并用这条警告说明所选的方向。",
        "A ranking with no stated or declared direction follows the indicator's name "
        "(化解率 higher is better, 发案率 lower); this warning says which was chosen.",
        _file(_NODE + "  - 按【化解率】排名，第1名得5分\n", _RATE),
        _file(_NODE + "  - 按【化解率】从高到低排名，第1名得5分\n", _RATE),
        "核对方向；写明 从高到低 或 从低到高，或在 数据： 中声明 越高越好 / 越低越好，警告即消失。",
        "Check the direction; stating it, or declaring 越高越好 / 越低越好, silences it.",
    ),
    "W312": Example(
        "加分项不计入满分，其上限由 “最高加N分” 规定；标题中的分值不起作用。",
        "A bonus node does not count towards 满分 and its limit is “最高加N分”; points in its "
        "title have no effect.",
        _file(
            _NODE + _CLAUSE + "(二)表彰奖励(2分)，加分项，最高加2分\n  - 【获省级表彰】每次加2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        _file(
            _NODE + _CLAUSE + "(二)表彰奖励，加分项，最高加2分\n  - 【获省级表彰】每次加2分\n",
            facts="  缺会次数：次，默认0\n  获省级表彰：次，默认0\n",
        ),
        "删去加分项标题中的分值。",
        "Remove the points from the bonus node's line.",
    ),
}
