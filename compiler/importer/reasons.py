"""Why a sentence was left `待处理`: the likely cause, in words a policy writer acts on.

The importer never corrects the document; it says what looks wrong.  Recognition
errors of scanned or converted text are common (`否那么` for `否则`), as are page numbers
run into the text and sentences that state several facts at once.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..source.text import normalise
from ..syntax import keywords as kw
from .readers.proportions import proportion_trouble
from .readers.repeats import listed_missing, open_missing

#: A requirement stated per quarter, month, week, semester or day (`每季度…不少于1次`, `每月召开1次`):
#: the shortfall is counted period by period, which no single count over the year gives.
PER_PERIOD = re.compile(
    r"每(?:个)?(?:季度|季|月|周|星期|旬|半年|学期|天|日)[^，,；;。]{0,12}?"
    r"(?:不少于|不得少于|至少|少于|不足|\d+\s*(?:次|篇|条|户|天|期|份|件))"
)
#: The same, with the number in words (`每季度开展一次风险隐患排查`): a title that states
#: such a requirement is the subject of the step after it.
PER_PERIOD_ANY = re.compile(
    r"每(?:个)?(?:季度|季|月|周|星期|旬|半年|学期|天|日)[^，,；;。]{0,12}?"
    r"(?:不少于|不得少于|至少|少于|不足|(?:\d+|[一二两三四五六七八九十]+)\s*(?:次|篇|条|户|天|期|份|件))"
)

#: Recognition errors seen in converted 细则: (as found, probably meant).
OCR = (("否那么", "否则"), ("细那么", "细则"), ("但凡", "凡是"), ("到达", "达到"), ("缺乏", "不足"))
#: `到达现场`: arriving at a place, no misread `达到` (the sentence speaks of arriving).
_ARRIVED = re.compile(r"到达(?=现场|事发地|事发现场|指定|岗位|目的地|地点)")


_MEASURES = "|".join(sorted((re.escape(u) for u in kw.MEASURE_UNITS), key=len, reverse=True))
#: `每损失1万元`, `每超过0.5天`: a step of a measured quantity.
_MEASURED_STEP = re.compile(rf"每[^\d，,]{{1,4}}?(\d+(?:\.\d+)?\s*(?:{_MEASURES}))")


def _has(pattern: str, *more: str):
    """A test on the normalised sentence: every pattern is found in it."""
    compiled = [re.compile(p) for p in (pattern, *more)]
    return lambda n: all(c.search(n) for c in compiled)


_COMPOUND = re.compile(r"\d\s*([^\d\s，,/]{1,3}/[^\d\s，,]{1,4})")


def _unknown_compound(n: str) -> bool:
    """A number with a compound unit the language does not know (`毫克/千克`; the rates
    per head of population `件/万人`, `批次/千人` it knows, a longest spelling first)."""
    for found in _COMPOUND.finditer(n):
        unit = found.group(1)
        if not any(unit.startswith(known) for known in kw.UNITS if "/" in known):
            return True
    return False


def _ranked(n: str) -> bool:
    if "其余" not in n:
        return False
    if "排名" in n:
        return "比值" not in n
    return bool(re.search(r"第\s*[1一]\s*名", n))


def _odd_unit(n: str) -> str:
    odd = re.search(r"每(?:缺|少)?\s*[一1]\s*([^\d\s，,扣减得计记加]{1,2}?)\s*[扣减]", n)
    word = odd.group(1) if odd else ""
    if word[:1] in ("个", "家", "所") and word[:1] in kw.COUNT_UNITS and len(word) == 2:
        # `每少1个村`: a count word and the thing counted; the count word is the unit
        return (
            f"“{word}” 是计数单位 “{word[0]}” 加上所数的 “{word[1:]}”：请以这些{word[1:]}的数目为数据项"
            f"（类型 {word[0]}），写成 “【…的{word[1:]}】每{word[0]}扣…分”"
        )
    if odd and odd.group(1) not in kw.COUNT_UNITS and odd.group(1) not in kw.MEASURE_UNITS:
        return f"“{odd.group(1)}” 不是本语言的计数单位：请写 “每缺1项扣…分”，数据项类型用 项"
    return ""


def _measured(n: str) -> str:
    measured = _MEASURED_STEP.search(n)
    if not measured:
        return ""
    return (
        f"按{measured.group(1)}逐步计扣：不足一步的部分算不算，原文没有写明——只算整步的写 "
        f"“【数据项】每{measured.group(1)}扣…分”，按比例的在句末加 “，按比例”（language.md 第11节）"
    )


_SHARED_POINTS = re.compile(
    r"率(?:达到|不低于)\s*\d+(?:\.\d+)?\s*%、[^,;]*?(?:达到|不低于)\s*\d+(?:\.\d+)?\s*%[^,;]*?"
    r"得\s*\d+(?:\.\d+)?\s*分\s*,.*每"
)


def _several_facts(n: str) -> str:
    if _SHARED_POINTS.search(n):
        return (
            "几项标准共得一个分值、又各自按差额扣分：这个分值是本项分值的，在本项下每项写一条扣分"
            "（如 “【A率】低于90%的，每低1个百分点扣0.5分”“【未达标的X】每个扣1分”），不写得分；"
            "不是本项分值的，把这几条写成分值为这个分值的子项"
        )
    return "一句中有几个数据项，须分别写出各自的条款"


def _each_listed(n: str) -> str:
    said = (
        "“分别…”对每一项分别计分，须为每一项写出数据项（如 “未【A】、【B】、【C】的，分别扣1分”"
        "“【被省级通报】、【被市级通报】每次分别扣2分、1分”）"
    )
    if re.search(r"加满\s*\d+(?:\.\d+)?\s*分为止|(?:最多|最高)加\s*\d", n):
        said += (
            "；句末的加分上限是几项合计的，不能写在分项的条款末尾（language.md 9.14）：在加分项中，"
            "把上限写在加分项行上；在有分值的评分项中，加的分是只补回本项的扣分，还是在总分外另加"
            "（写成下一级评分项 “1、奖励分，加分项，最高加N分”，其下写 “【A】、【B】每次分别加2分、1分”，"
            "language.md 9.21），原文没有写明，请照发文单位的本意改写"
        )
    if re.search(r"(?:全部|均)[^,;]*、[^,;]*的?\s*,\s*分别得", n):
        said += (
            "；“全部…、…的，分别得N分” 说的是每一项全部做到得N分：原文另按个数扣分的（“每有1个…未…的扣…”），"
            "扣的是这一项的N分，请把每一项写成分值为N分的子项，子项下写 “【未做到A的…】每个扣…分”；"
            "没有的，写 “【…全部A】、【…全部B】的，分别得N分”"
        )
    return said


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _missing_listed(n: str) -> str:
    """`有专职人员、有工作经费的得3分，缺一项扣1.5分` left 待处理: per item when the listed
    things together lose the points (the points are then a part of the item: a sub-item),
    else the two readings (readers/repeats.py)."""
    m = listed_missing(n)
    if m is None:
        if not open_missing(n):
            return ""
        return (
            "没有“每”字，列举的有几项原文没有写明（“等”，或一项中又有 “和”“及”）：缺一项扣的分是按项计还是"
            "只扣一次读不准。按项计的写 “【…缺少的项】每项扣N分”（language.md 9.3），只扣一次的写 "
            "“未【…】的，扣N分”；“得M分” 不是本项分值的，写在分值为M分的子项下"
        )
    u, a, p = m.unit, m.amount, m.points
    name = m.name
    every = _plain(m.count * Decimal(a))
    if m.reaches:
        return (
            f"“缺一{u}扣{a}分” 按{u}计（共{m.count}{u}，都缺时扣{every}分，失去全部{p}分；只扣一次的读法，"
            f"一{u}也没有的单位仍得{_plain(Decimal(p) - Decimal(a))}分）。“得{p}分” 不是本项分值："
            f"请写成分值为{p}分的子项，子项下只写 “- 【{name}】每{u}扣{a}分”（language.md 9.3、5.1）"
        )
    left = _plain(Decimal(p) - m.count * Decimal(a))
    return (
        f"没有“每”字，两种读法得分不同：按{u}计，{m.count}{u}都缺只扣{every}分、仍得{left}分；"
        f"只扣一次，缺几{u}都只扣{a}分。按{u}计的写 “【{name}】每{u}扣{a}分”，"
        f"只扣一次的写 “【{name}】1{u}以上的，扣{a}分”（“得{p}分” 不是本项分值的，写在分值为{p}分的子项下）"
    )


#: (test on the normalised sentence, the hint), in the order the hints are given; a
#: callable hint says its own words (empty: none).
_HINTS = (
    (lambda n: True, proportion_trouble),
    (
        lambda n: (
            "一票否决" in n
            and bool(re.search(r"取消[^,，。；;]{0,12}?评(?:先评优|优评先|优|先)资格", n))
            and not re.search(r"不合格|等次为|确定为|定为", n)
        ),
        "“实行一票否决，取消…评优评先资格”：一票否决是评为最低等次，还是只是取消评优资格，原文读不准："
        "前者写 “【X】实行一票否决”，后者写 “【X】不得评为优秀，列为取消评先评优资格单位”",
    ),
    (_has(r"\d\s+\d|扣\s+\d+\s+\d"), "数字中间夹有空格或页码，可能是分页造成的识别错误"),
    (
        _has(r"在相应(?:分值|项目|项)(?:得分)?中", r"或|、"),
        "“在相应分值中扣”：几种情形各从哪一部分的分值中扣，几种都有的扣一次还是各扣一次，原文读不准："
        "只从本项扣、每个只扣一次的写 “【…未A或未B的…】每个扣0.5分”；各从自己那部分扣的，"
        "请把每部分写成子项，每种情形一个数据项写在各自的子项下",
    ),
    (_has(r"扣分\s*\d"), "“扣分N分”应写作“扣N分”"),
    (
        _has(r"[、和及]", r"率[、和及]|率(?:达到|不低于)\s*\d+(?:\.\d+)?\s*%、"),
        lambda n: _several_facts(n),
    ),
    (
        lambda n: bool(re.search(r"每超\s*\d", n) and not re.search(r"(不得|不能|不)超过", n)),
        "“每超…”未写明以什么为标准",
    ),
    (lambda n: True, lambda n: _missing_listed(n)),
    (
        lambda n: (
            bool(re.search(r"(?<!每)[一1]\s*[次件项起]\s*扣", n))
            and "每" not in n
            and listed_missing(n) is None
        ),
        "没有“每”字，不能确定是按次计还是只扣一次",
    ),
    (
        lambda n: bool(PER_PERIOD.search(n)),
        "要求按季度（月、周、学期）提出，扣分须逐期计算，请写明数据项按什么计数",
    ),
    (_has("分别", "、"), lambda n: _each_listed(n)),
    (_has("酌情"), "酌情扣分须由考评人员评定，请写成“【…】酌情扣0至N分”"),
    (
        _has(r"(?:最多|最高)(?:加|奖)\s*\d|加分(?:上限|不超过|最多|最高)"),
        "句中的加分上限只能写在加分项上：请把这条加分写成下一级评分项"
        "（如 “1、奖励分，加分项，最高加N分”，N 照原文），再在其下写加分条款",
    ),
    (_has("得满分"), "“得满分”按本项分值计：本项没有标分值的，请先照原文写上分值（如 “(5分)”）"),
    (
        _has(r"评先|评优", "取消"),
        "“取消评先评优资格”既不是取消考评资格，也不只是等次上限：若本意是不得评为最高等次，"
        "写 “【…】不得评为优秀”；若是取消考评资格，写 “【…】取消考评资格”；若只是不能参加"
        "评先评优、分数和等次不变，写 “【…】列为取消评先评优资格单位”",
    ),
    (
        _has(r"比上年(?:上升|下降|增加|减少|增长)"),
        "与上年比较须写明比较对象：增设上年的数据项，写 “【X】与【上年X】相比，每上升1…扣…分”；"
        "次数“上升N个百分点”指增长率的，把增长率作为百分比数据项",
    ),
    (
        _has("平均分", r"每(?:低|少|高|多)\s*[\d一二两三四五六七八九十.]+\s*分"),
        "按“分”与平均分比较的每一步本语言尚不能直接写出：请把低于平均分的分数作为数据项"
        "（类型 数值），写 “扣(取整(【低于平均分的分数】)×0.5)分” 一类的算式",
    ),
    (
        _has("加倍扣分|加倍扣除"),
        "本语言没有 “加倍” 的写法：请为这类情形另设数据项，照前句的分值再写一条条款"
        "（两条合计即为加倍）",
    ),
    (
        _has(r"以此类推|第[二三四2-4]起"),
        "逐起递增的扣分本语言不能直接写：请按原文逐起写出，或把合计扣分写成算式",
    ),
    (
        _has(r"每失\s*\d"),
        "按别处失去的分数计扣：请把失去的分数作为数据项（类型 分），写成算式"
        "（如 “扣(【失分】÷0.1×2)分”，数字照原文）",
    ),
    (
        _ranked,
        lambda n: (
            (
                "按名次计分的 “其余” 须写明名次"
                if "排名" in n
                else "按名次计分须写明按什么排名、“其余” 是第几名"
            )
            + "：写 “按【指标】从高到低排名，第1名得…，第4至12名得…”（名次照参评单位数，language.md 9.9）"
        ),
    ),
    (
        _has(r"加分后(?:本项)?(?:得分)?不超过"),
        "评分项里的加分在本语言中计入总分、不计入本项（language.md 9.21），"
        "“加分后本项不超过分值” 写不出：请与发文单位确认，或把加分写成本项的得分条款",
    ),
    (
        _has(r"每(?:下降|降低|减少)[^，,]{0,8}加", r"每(?:上升|增加|提高)"),
        "以基准值上下双向计分：请写成算式（如 “得(3+(30−【X】)×0.5)分”，数字照原文；"
        "算出的分不低于0、不超过本项分值），不足一步是否按比例请照原文确认",
    ),
    (
        _has(r"[,，](?:本项)?(?:最高|最多)(?:得|计)\s*\d+(?:\.\d+)?\s*分$"),
        "句末的得分上限小于本项分值，而此句没有起草为一条按次得分的条款（一条按次得分可以带自己的上限："
        "“【X】每篇得0.5分，最高得3分”，language.md 第7节）：请照原文写出条款和上限；几条共用一个上限的，"
        "把它们写成分值为该上限的子项（如 “(1)编研材料(3分)”），条款写在子项下",
    ),
    (
        _has(r"(?:最高|最多)加至\s*\d"),
        "在基准分上加到某个上限（“最高加至N分”）本语言不能直接写：请写成算式，上限照原文",
    ),
    (lambda n: True, _odd_unit),
    (
        _has(r"每(?:低于|高于|少于)[^\d，,]{2,10}\d"),
        "标准是原文点名的数（如省定进度）：请把它设为数据项，写 “【X】每低于【省定进度】"
        "1个百分点扣…分”",
    ),
    (
        _has(r"每(?:减少|增加|下降|上升)\s*\d+(?:\.\d+)?\s*%"),
        "“每减少1%” 是与某个值相比的变化率：请写明比较对象（如 “【X】与【上年X】相比，"
        "每减少1个百分点扣…分”），或把变化率作为百分比数据项",
    ),
    (
        _unknown_compound,
        "复合单位（如 “毫克/千克”）本语言没有（按人口计的比率 “件/万人”、“批次/千人” 等有）："
        "请用类型 数值 的数据项，条款中只写数",
    ),
    (lambda n: True, _measured),
)


def reason_for(sentence: str) -> str:
    n = normalise(sentence).strip()
    if re.fullmatch(r"[\d\s]+", n):
        return "孤立的数字，可能是混入正文的页码"
    if re.match(r"^(?:未达到|未达|低于|高于|超过|不足|少于|多于)\s*(?:\d|平均)", n):
        return (
            "句首没有写明比较的是哪一项数据：请在句首写上 “【数据项】”；若是前句的指标，而前句"
            "已按同一标准给分（“达到…的，得N分”），两句须合写成一条，否则低于标准时会重复失分"
        )
    hints = [
        f"“{found}”疑为“{meant}”的识别错误"
        for found, meant in OCR
        if found in n and not (found == "到达" and _ARRIVED.search(n))
    ]
    for test, hint in _HINTS:
        if test(n):
            said = hint(n) if callable(hint) else hint
            if said:
                hints.append(said)
    return "；".join(hints) or "句式未能识别为条款"
