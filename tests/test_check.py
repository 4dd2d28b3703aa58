"""Golden tests of the checker: for every E2xx / W3xx code, a minimal `.rule` file that
reports it — code, line, column and the rendered Chinese message (English for some) —
and files that must stay clean."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from helpers import one_item
from layout_example import LAYOUT_EXAMPLE
from xize.compiler.check.passes.notes import note_numbers
from xize.compiler.check.passes.outline import suggest_modifier
from xize.compiler.check.run import check
from xize.compiler.diagnostics.diagnostic import render
from xize.compiler.diagnostics.messages import MESSAGES
from xize.compiler.source.text import Source
from xize.compiler.syntax import ast
from xize.compiler.syntax.parser import parse

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE_MD = ROOT.parent / "shared" / "LANGUAGE.md"

HEAD = "细则：示例考评细则\n年度：2023\n满分：{full}分\n\n"
D = "数据：\n  缺会次数：次，默认0\n\n"
C = "  - 【缺会次数】每缺1次扣1分\n"
N = "(一)领导重视程度(5分)\n"
DG = "数据：\n  缺会次数：次，默认0\n  通报批评：是否，默认否\n\n"
BANDS = "\n等次：\n  优秀：4.5分以上\n  合格：3分以上\n  不合格：其余\n"
THOUSAND_BANDS = [
    f"  第{i}档：{(5000 - 4 * i) // 1000}.{(5000 - 4 * i) % 1000:03d}分以上\n" for i in range(1001)
]


def policy(body: str, full: str = "5") -> str:
    return HEAD.format(full=full) + body


def parsed(text: str) -> tuple[ast.PolicyFile, Source]:
    source = Source(text, "t.rule")
    tree, diags = parse(source)
    assert tree is not None and not [d for d in diags if d.is_error], [
        render(d, source) for d in diags
    ]
    return tree, source


def diagnostics(text: str):
    tree, source = parsed(text)
    return check(tree, source)


def codes(text: str) -> list[str]:
    return [d.code for d in diagnostics(text)]


# code, body, 满分, line, column, Chinese message
GOLDEN = [
    (
        "E111",
        "数据：\n  A：是否\n  B：是否\n\n" + N + "  - 【A】、【B】扣1分\n",
        "5",
        10,
        5,
        "多个事项并列后直接扣分，含义不明确",
    ),
    (
        "E112",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】每低于1个百分点扣0.03分\n",
        "5",
        9,
        10,
        "“每低于” 需要一个比较标准（目标值、日期或平均值）",
    ),
    (
        "E201",
        D + N + "  - 【缺会次数数】每缺1次扣1分\n",
        "5",
        9,
        5,
        "未定义的数据项或参数 【缺会次数数】",
    ),
    (
        "E202",
        "数据：\n  按时上报：是否\n\n" + N + "  - 【按时上报】每缺1次扣1分\n",
        "5",
        9,
        5,
        "数据项 【按时上报】 的用法与其类型 “是否” 不符（此处按 “次” 使用）",
    ),
    (
        "E203",
        "数据：\n  赴省集体访：批次，默认0\n\n(一)越级上访(80分)\n  - 【赴省集体访】每人次扣30分\n",
        "80",
        9,
        13,
        "单位不一致：条款用 “人次”，数据项 【赴省集体访】 的单位是 “批次”",
    ),
    (
        "E204",
        D + "(一)基础工作(5分)\n  1、制度建设(2分)\n" + C + "  1、源头预防(3分)\n" + C,
        "5",
        11,
        3,
        "同级评分项编号 “1、” 重复（第9行已使用）",
    ),
    ("E205", D + N + C, "10", 3, 4, "满分 10 分与各一级评分项分值之和 5 分不符"),
    (
        "E258",
        "考评对象：全县各乡镇人民政府\n数据：\n  化解率：百分比\n\n"
        + N
        + "  - 【化解率】低于全市平均水平的，扣2分\n",
        "5",
        10,
        12,
        "“全市平均水平” 是全市的平均水平，而考评对象是 “全县各乡镇人民政府”：本批的平均值只是这些单位自己的平均，不是全市的",
    ),
    (
        "E262",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】低于上年全市平均水平的，扣2分\n",
        "5",
        9,
        12,
        "“上年全市平均水平” 不是本批的平均值：“上年全市” 说的不只是哪些单位——上年、近几年、先进单位、前几名的平均值都是另一个数",
    ),
    (
        "E263",
        "考评对象：全市各县（市、区）\n数据：\n  化解率：百分比\n\n"
        + N
        + "  - 【化解率】全省排名后三位的，扣2分\n",
        "5",
        10,
        10,
        "“全省” 的名次（最高值、最低值）不是本批的：考评对象是 “全市各县（市、区）”，本批只在这些单位之间比较，全省的是另一个数",
    ),
    (
        "E264",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】应达到95%以下，每低1个百分点扣1分\n",
        "5",
        9,
        5,
        "“应达到…以下” 前后说的是相反的两边：“应达到” 与 “以下” 各指数的一侧，哪一侧算没有达到标准原文没有说清",
    ),
    (
        "E265",
        D + N + "  - 【缺会次数】低于全市平均值80%的，扣2分\n",
        "5",
        9,
        5,
        "“低于全市平均值80%” 读不准：可以是比平均值低80%（不到平均值的20%），也可以是不到平均值的80%",
    ),
    (
        "E266",
        "数据：\n  化解率：百分比\n\n"
        + N
        + "  - 【化解率】低于96%的，每低1个百分点扣0.25分；低于90%的，每低1个百分点扣0.5分\n",
        "5",
        9,
        31,
        "【化解率】 越过 90% 之后，两条按步扣分的条款同时在扣：照写是两者相加，而原文常指分段（到 90% 为止按前一条，越过 90% 的按后一条）",
    ),
    (
        "E268",
        "数据：\n  达标率：百分比\n\n" + N + "  - 得(70×【达标率】-63)分\n",
        "5",
        9,
        7,
        "“得(70×【达标率】-63)分” 把百分比当作小数乘进分数：算式中的百分比是百分数本身（95% 即 95，不是 0.95）",
    ),
    (
        "E267",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】低于90%的扣1分；低于80%的扣2分\n",
        "5",
        9,
        20,
        "“低于80%的扣2分” 与 “【化解率】低于90%的扣1分” 两档都满足的单位，照写是两档的分相加；这样写的多是分档，只算达到的最深一档",
    ),
    (
        "E269",
        "数据：\n  化解率：百分比\n\n"
        + N
        + "  - 【化解率】达到90%的得5分，达到80%且低于90%的得3分\n",
        "5",
        9,
        5,
        "“【化解率】达到90%的得5分，达到80%且低于90%的得3分” 用逗号连起的各档没有说到【化解率】低于80%的单位",
    ),
    (
        "E271",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】高于90%且低于80%的扣2分\n",
        "5",
        9,
        5,
        "“【化解率】高于90%且低于80%”：没有一个【化解率】的值能满足这个条件，这一条永远不会用上",
    ),
    (
        "E270",
        "数据：\n  化解率：百分比\n  缺会次数：次，默认0\n\n"
        + N
        + "  - 【化解率】达到90%的得3分；低于90%的不得分\n"
        + C,
        "5",
        10,
        20,
        "“低于90%的不得分” 使整个评分项不得分，本项其他条款的分也一并没有；跟在得分的各档之后，原文多指只是这几档的分不得",
    ),
    (
        "E257",
        D + N + C + "\n等次：\n  优秀：4.5分以上\n  合格：3分至4.4分\n  不合格：其余\n",
        "5",
        13,
        3,
        "等次 “合格” 到 4.4 分为止，“优秀” 从 4.5 分起，中间的总分（如 4.45 分）不属于任何等次",
    ),
    (
        "E206",
        D + N + C + "\n等次：\n  合格：3分以上\n  优秀：4分以上\n  不合格：其余\n",
        "5",
        13,
        3,
        "等次 “优秀” 永远不会被评定（前面的等次已覆盖其全部分数）",
    ),
    (
        "E207",
        "数据：\n  缺会次数：次，默认0\n  缺会次数：次\n\n" + N + C,
        "5",
        7,
        3,
        "数据项或参数 【缺会次数】 重复定义（第6行已定义）",
    ),
    (
        "E208",
        "数据：\n  缺会次数：次，默认0\n  发生责任事故：是否，默认否\n\n一、基础工作\n"
        "  - 【发生责任事故】不得分\n  (一)制度建设(5分)\n  " + C,
        "5",
        10,
        13,
        "“不得分” 所在的评分项没有分值",
    ),
    (
        "E209",
        "数据：\n  缺会次数：次，默认0\n  获省级表彰：次，默认0\n\n一、基础\n"
        + N
        + C
        + "二、其他\n  - 【获省级表彰】每次加2分\n",
        "5",
        13,
        14,
        "加分条款只能写在加分项或有分值的评分项中",
    ),
    (
        "W322",
        "数据：\n  缺会次数：次，默认0\n  获省级表彰：次，默认0\n\n"
        + N
        + C
        + "  - 【获省级表彰】每次加2分\n",
        "5",
        11,
        14,
        "加分没有规定上限：加的分不封顶，计入总分",
    ),
    (
        "E210",
        "数据：\n  按时上报：是否，默认3\n\n" + N + "  - 未【按时上报】扣1分\n",
        "5",
        6,
        3,
        "【按时上报】 的 默认值 “3” 不符合其类型 “是否”",
    ),
    (
        "E211",
        D + N + C + "\n测试 “缺会两次”：\n  【缺会次数】= 2\n  期望 总分 = 3，(九) = 3\n",
        "5",
        13,
        13,
        "测试 “缺会两次” 中：期望中的 “(九)” 不是评分项路径",
    ),
    (
        "E212",
        "数据：\n  预案工作扣分：次\n\n" + N + "  - 【预案工作扣分】酌情扣0至5分\n",
        "5",
        9,
        5,
        "酌情扣分/给分须使用类型为 “分” 的数据项，【预案工作扣分】 的类型是 “次”",
    ),
    (
        "E213",
        D + N + C + "\n等次：\n  合格：3分以上\n  合格：其余\n",
        "5",
        13,
        3,
        "等次名称 “合格” 重复",
    ),
    (
        "E214",
        "数据：\n  隐患化解率：百分比\n\n(一)隐患化解(5分)\n  - 【隐患化解率】晚于1月9日的，扣1分\n",
        "5",
        9,
        5,
        "条款需要比较两个可比的量，此处为 “百分比” 与 “日期”",
    ),
    (
        "E215",
        D + "参数：\n  会议次数目标 = 4\n\n" + N + "  - 【会议次数目标】每缺1次扣1分\n",
        "5",
        12,
        5,
        "【会议次数目标】 是参数（常量），不能用作计扣对象",
    ),
    (
        "E218",
        "数据：\n  缺会次数：次，默认0\n  获省级表彰：次，默认0\n\n"
        + N
        + C
        + "(二)表彰奖励，加分项，最高加2分\n  - 【获省级表彰】每次扣2分\n",
        "5",
        12,
        14,
        "加分项中不能写 “扣2分”",
    ),
    (
        "E219",
        D + N + "  - 【缺会次数】每缺0次扣1分\n",
        "5",
        9,
        11,
        "“每缺0次” 的步长为0，无法计数",
    ),
    (
        "E220",
        "数据：\n  回流次数：次\n\n" + N + "  - 【回流次数】不得超过3次，每低于1次扣1分\n",
        "5",
        9,
        18,
        "“不得超过” 与 “每低于” 方向相反：照此计分，会给达到要求的单位扣分",
    ),
    (
        "E221",
        "数据：\n  巡查次数：次\n\n" + N + "  - 【巡查次数】达到4次，每缺1次扣1分\n",
        "5",
        9,
        5,
        "“达到…，每缺…” 有两种读法：“达到” 是应达到的标准，还是扣分的条件？",
    ),
    (
        "E222",
        "数据：\n  巡查次数：次\n\n" + N + "  - 【巡查次数】少于4次的，每缺1次扣1分\n",
        "5",
        9,
        5,
        "“少于…的，每缺…” 不清楚是按差额扣分，还是按全部次数扣分",
    ),
    (
        "E223",
        D + "(一)领导重视程度(5分)，就高不就低\n" + C,
        "5",
        8,
        15,
        "“就高不就低” 在此不起作用：本项没有两条以上可取最高的得分（或加分）条款",
    ),
    (
        "E230",
        DG + N + C + "  - 【通报批评】不得评为优等\n" + BANDS,
        "5",
        11,
        11,
        "等次 “优等” 不在 等次： 中",
    ),
    (
        "E231",
        DG + N + C + "  - 【通报批评】不得评为不合格\n" + BANDS,
        "5",
        11,
        11,
        "“不合格” 是最低一档，“不得评为不合格” 无档可评",
    ),
    (
        "E232",
        DG + N + C + "  - 【通报批评】一票否优\n\n等次：\n  不合格：低于3分\n  合格：3分以上\n",
        "5",
        11,
        11,
        "等次 “合格” 排在 “不合格” 之后却高于它：限定等次要求等次从高到低排列",
    ),
    (
        "E259",
        D + N + C + "\n等次：\n  优秀：4.5分以上\n  合格：其余，不超过3个\n",
        "5",
        13,
        9,
        "等次名额 “不超过3个”：定在最低一档 “合格” 上：名额之外的单位没有更低的一档可落",
    ),
    (
        "E260",
        DG + N + C + "  - 【通报批评】的，本项按满分计，列为免检单位\n",
        "5",
        11,
        13,
        "“本项按满分计”：须单独成一条条款（有条件、只有这一个结果，不写 否则 或上限）",
    ),
    (
        "E261",
        D + N + C + "  - 得((单位数−名次+1)÷单位数×2)分\n",
        "5",
        10,
        8,
        "“单位数” 只能写在按名次计分的条款中：没有说按哪一项、从高到低还是从低到高排名",
    ),
    (
        "E240",
        D + N + "  - 【缺会次数】每缺1次扣0.1111111111111111111111111111111分\n",
        "5",
        9,
        16,
        "数字 0.1111111111111111111111111111111 的有效数字超过 30 位",
    ),
    (
        "E241",
        D + N + C + "\n等次：\n" + "".join(THOUSAND_BANDS) + "  末档：其余\n",
        "5",
        1012,
        3,
        "等次有 1002 档，超过上限 1000 档",
    ),
    (
        "E242",
        D + N + C,
        "5分\n精度：0.000000000000000000001",
        4,
        4,
        "精度 0.000000000000000000001分 过细：最多到小数点后 20 位",
    ),
    (
        "E243",
        "数据：\n  缺会次数：次，默认0\n  缺会 次数：次，默认0\n\n"
        + N
        + C
        + "  - 【缺会 次数】每缺1次扣1分\n",
        "5",
        7,
        3,
        "数据项 【缺会 次数】 与 【缺会次数】 只差空格、全角字符或括号，数据表的列无法区分它们",
    ),
    (
        "E245",
        "数据：\n  发生事故：是否，默认否\n\n一、安全(5分)\n(一)事故(5分)\n"
        "  - 【发生事故】的，本大项不得分，否则得1分\n",
        "5",
        10,
        13,
        "“本大项不得分” 须单独成条：同一条款中不能再有别的扣分、得分或加分",
    ),
    (
        "E233",
        "数据：\n  受理率：百分比\n\n" + N + "  - 【受理率】不低于全市平均值5个百分点的，扣1分\n",
        "5",
        9,
        5,
        "“不低于” 与平均值相差若干的写法不明确",
    ),
    (
        "E234",
        D + N + "  - 按【(二)得分】排名，第1名得1分\n(二)会议\n" + C,
        "5",
        9,
        6,
        "【(二)得分】 不能排名：排名的对象须是数值型数据项或有分值的评分项得分",
    ),
    (
        "E235",
        "数据：\n  调处指数：数值\n\n" + N + "  - 按【调处指数】排名，第1名得5分\n",
        "5",
        9,
        6,
        "按【调处指数】排名时不知道高者在前还是低者在前",
    ),
    (
        "E250",
        "数据：\n  通报批评：是否，越低越好\n\n" + N + "  - 【通报批评】扣1分\n",
        "5",
        6,
        3,
        "数据项 【通报批评】 不能这样声明哪一端好：“是否” 类型的数据没有高低",
    ),
    (
        "E251",
        "数据：\n  化解率：百分比，越高越好\n\n"
        + N
        + "  - 按【化解率】排名，第1名得5分\n  - 【化解率】超过90%的，扣1分\n",
        "5",
        9,
        6,
        "按【化解率】排名的方向前后矛盾：数据中声明 化解率越高越好，而第10行的条款把它当作越低越好",
    ),
    (
        "E255",
        DG + N + C + "  - 【通报批评】考核等次定为合格\n" + BANDS,
        "5",
        11,
        11,
        "“等次定为合格” 只能定为最高或最低一档",
    ),
    (
        "E256",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】低于全市平均办结率的，扣1分\n",
        "5",
        9,
        12,
        "“全市平均办结率” 与数据项 【化解率】 对不上：平均值只能是本条款所比数据项的平均值",
    ),
    (
        "E252",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】低于全市平均值10%的，扣2分\n",
        "5",
        9,
        17,
        "“低于全市平均值10%” 读不准：百分比数据与平均值相差 10%，可以是相差10个百分点，"
        "也可以是平均值的10%",
    ),
    (
        "E254",
        "数据：\n  化解率：百分比\n\n"
        + N
        + "  - 按【化解率】从高到低排名，后三名依次扣1分、2分、3分\n",
        "5",
        9,
        18,
        "“后三名” 的 “依次” 从哪一头数起读不准：可以按排名的顺序（靠前的名次在先），也可以从最后一名数起",
    ),
    (
        "W331",
        "数据：\n  巡查次数：次\n\n" + N + "  - 【巡查次数】每未巡查1次扣1分\n",
        "5",
        9,
        11,
        "“每未巡查” 数的是没做的次数，但 【巡查次数】 的名称说的是做了的次数：若填报的是做了的次数，做满的单位反而扣得最多",
    ),
    (
        "W330",
        "数据：\n  发案率：百分比\n\n" + N + "  - 按【发案率】排名，第1名得5分\n",
        "5",
        9,
        6,
        "按【发案率】排名按从低到高（发案率越低越好，由名称推断）",
    ),
    (
        "E236",
        "数据：\n  化解率：百分比\n\n"
        + N
        + "  - 按【化解率】从高到低排名，第2至5名按第1名的比例得分\n",
        "5",
        9,
        18,
        "“按第1名的比例” 找不到第1名得多少分",
    ),
    (
        "E247",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】达到90%的得5分，低于80%的不得分\n",
        "5",
        9,
        20,
        "“低于80%的不得分” 不是 “【化解率】达到90%” 的反面：两个条件之间（或重叠）的情况原文没有说",
    ),
    (
        "E246",
        "数据：\n  化解率：百分比\n\n"
        + N
        + "  - 按【化解率】从高到低排名，每下降一个名次扣0.5分\n",
        "5",
        9,
        18,
        "“每下降一个名次扣N分” 找不到从多少分往下减",
    ),
    (
        "E237",
        "数据：\n  化解率：百分比\n\n"
        + N
        + "  - 按【化解率】从高到低排名，排名第1至3名的，依次得3分、2分\n",
        "5",
        9,
        18,
        "“依次” 的分数与名次对不上：3 个名次，2 个分数",
    ),
    (
        "E238",
        D
        + "(一)领导重视程度(2分)\n  - 按【(二)得分】排名，第1名得2分\n"
        + "(二)会议(3分)\n  - 按【(一)得分】排名，末位扣1分\n",
        "5",
        11,
        6,
        "评分项得分的排名互相依赖，无法计算：(一) → (二) → (一)",
    ),
    (
        "E239",
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】低于平均值的，取消考评资格\n",
        "5",
        9,
        17,
        "取消考评资格不能依赖本批单位的统计值（平均值、排名）",
    ),
    (
        "W301",
        D + "(一)领导重视程度(2分)\n" + C + "(三)值班及信息报告(3分)\n" + C,
        "5",
        10,
        1,
        "编号不连续：“(三)” 之前缺少 “(二)”",
    ),
    (
        "W302",
        "数据：\n  个人上访：批次，默认0\n\n(一)个人上访(80分)\n  - 【个人上访】每批次扣2023分\n",
        "80",
        9,
        15,
        "单次扣分 2023 分超过所在评分项的分值 80 分",
    ),
    (
        "W303",
        D + "(一)基础工作(5分)\n  1、制度建设(2分)\n" + C + "  2、源头预防(2分)\n" + C,
        "5",
        8,
        8,
        "子项分值之和 4 分未达到上级评分项的 5 分",
    ),
    (
        "W304",
        D + N + C + "\n等次：\n  合格：3分以上\n  不合格：3分以下\n",
        "5",
        13,
        3,
        "等次 “合格” 与 “不合格” 都包含分数线 3 分",
    ),
    (
        "W305",
        "数据：\n  参与人数：人，默认0\n\n(一)集体访处置(5分)\n  - 【参与人数】超过20人以上的，扣0.2分\n",
        "5",
        9,
        5,
        "“超过…以上” 含义不明确，按 “超过” 理解（不含本数）",
    ),
    (
        "W306",
        "数据：\n  落实化解方案：是否\n\n(一)化解方案(3分)\n"
        "  - 【落实化解方案】得3分，否则不得分\n  - 未【落实化解方案】扣1分\n",
        "3",
        10,
        5,
        "本项对 【落实化解方案】 既给分又扣分：没做到时既得不到分，又被扣分，重复计算",
    ),
    (
        "W307",
        D + "(一)领导重视程度(5分)，扣完位止\n" + C,
        "5",
        8,
        15,
        "标题中的 “扣完位止” 像是写错的修饰语",
    ),
    (
        "W308",
        D + N + "  说明：查阅会议记录，每缺1次扣2分。\n" + C,
        "5",
        9,
        18,
        "说明中的数字 2 没有被本项任何条款使用",
    ),
    (
        "W309",
        "数据：\n  缺会次数：次，默认0\n  值班次数：次\n\n" + N + C,
        "5",
        7,
        3,
        "数据项 【值班次数】 已定义但未被使用",
    ),
    (
        "W310",
        N + C,
        "5",
        6,
        5,
        "数据项 【缺会次数】 未在 数据： 中定义，已按用法推断为 “次”",
    ),
    (
        "W320",
        "数据：\n  上访人次：人次，默认0\n\n" + N + "  - 【上访人次】每人扣1分\n",
        "5",
        9,
        12,
        "条款用 “人”，数据项 【上访人次】 以 “人次” 计：按 “人次” 计算",
    ),
    (
        "W321",
        "数据：\n  事故起数：起，默认0\n  所辖县数：个\n\n"
        + N
        + "  - 【事故起数】每起扣1分，扣分按【所辖县数】平均计算\n",
        "5",
        10,
        20,
        "除数 【所辖县数】 可能为0：为0的单位无法计分，将报数据错误",
    ),
    (
        "W311",
        "数据：\n  日程表公示：是否\n  登记记录规范：是否\n\n(一)领导接访(5分)\n"
        "  - 【日程表公示】得1分，否则不得分\n  - 【登记记录规范】得1分，否则不得分\n",
        "5",
        9,
        8,
        "各得分条款合计 2 分，与本项分值 5 分不符",
    ),
    (
        "W312",
        "数据：\n  缺会次数：次，默认0\n  获省级表彰：次，默认0\n\n"
        + N
        + C
        + "(二)表彰奖励(2分)，加分项，最高加2分\n  - 【获省级表彰】每次加2分\n",
        "5",
        11,
        8,
        "加分项的分值 (2分) 不计入满分，以 “最高加2分” 为准",
    ),
]


@pytest.mark.parametrize(
    "code, body, full, line, column, message", GOLDEN, ids=[g[0] for g in GOLDEN]
)
def test_golden(code, body, full, line, column, message):
    found = [d for d in diagnostics(policy(body, full)) if d.code == code]
    assert found, f"{code} not reported"
    first = found[0]
    assert (first.span.line, first.span.column) == (line, column)
    assert first.message() == message


def test_every_checker_code_has_a_golden_case():
    """Every E2xx / W3xx code the checker owns is covered above (E216 and E217 concern
    words the grammar already refuses; they are exercised on edited trees below; E244 is
    reported while the tree is built, in tests/test_average_offset.py; E253 when the
    parser stops on a batch wording, in tests/test_batch_wordings.py)."""
    owned = {c for c in MESSAGES if c[:2] in ("E2", "W3")} | {"E111", "E112"}
    covered = {g[0] for g in GOLDEN} | {"E216", "E217", "E244", "E253"}
    assert owned <= covered


def test_golden_cases_report_nothing_else_that_is_an_error():
    for code, body, full, *_ in GOLDEN:
        errors = {d.code for d in diagnostics(policy(body, full)) if d.is_error}
        assert errors <= {code}, (code, errors)


@pytest.mark.parametrize(
    "code, message",
    [
        ("E201", "unknown fact or parameter 【缺会次数数】"),
        (
            "E203",
            "unit mismatch: the clause counts in “人次” but 【赴省集体访】 is counted in “批次”",
        ),
        ("E210", "the default “3” of 【按时上报】 does not fit its type “是否”"),
        ("E211", "in test “缺会两次”: “(九)” in 期望 is not a node path"),
        ("W303", "the children's points add up to 4, less than the parent's 5"),
    ],
)
def test_english_messages(code, message):
    body, full = next((g[1], g[2]) for g in GOLDEN if g[0] == code)
    found = next(d for d in diagnostics(policy(body, full)) if d.code == code)
    assert found.message("en") == message


def test_rendering_has_location_caret_and_hint():
    body, full = next((g[1], g[2]) for g in GOLDEN if g[0] == "E201")
    text = policy(body, full)
    source = Source(text, "t.rule")
    diag = next(d for d in diagnostics(text) if d.code == "E201")
    out = render(diag, source)
    assert out.splitlines()[0] == "t.rule:9:5: 错误[E201]: 未定义的数据项或参数 【缺会次数数】"
    assert "   9 |   - 【缺会次数数】每缺1次扣1分" in out
    # the caret sits under the name, two columns for each CJK character
    assert out.splitlines()[2] == "     |     " + "^" * 14
    assert "提示: 您是不是要写 【缺会次数】？" in out
    assert "hint: did you mean 【缺会次数】?" in render(diag, source, "en")


def test_hints_use_the_catalogue_in_both_languages():
    body, full = next((g[1], g[2]) for g in GOLDEN if g[0] == "E210")
    diag = next(d for d in diagnostics(policy(body, full)) if d.code == "E210")
    assert diag.hint() == "应为 是/否（也可写 √/×、有/无、1/0）"
    assert diag.hint("en") == "expected 是/否 (or √/×, 有/无, 1/0)"


def test_a_hint_whose_words_hold_an_ellipsis_is_shown():
    """`否则……` is the hint's text, not a missing argument: the hint must reach the writer
    (a second condition and 否则 after it were refused with no hint at all)."""
    text = one_item("【化解率】达到90%的得6分，低于80%的得3分，否则不得分", "  化解率：百分比\n")
    (found,) = parse(Source(text, "t.rule"))[1]
    assert found.code == "E101"
    assert found.hint() == "此处应为：两条条款（用“；”分开，各写【数据项】），或 “否则……”"
    missing = dataclasses.replace(
        found, code="E201", args={}
    )  # no `suggestion`: nothing useful to say
    assert missing.hint() == ""


# ------------------------------------------------------------------ edited trees


def _first_compare(tree: ast.PolicyFile) -> ast.Compare:
    clause = tree.nodes[0].clauses[0]
    assert isinstance(clause, ast.ConditionClause)
    assert isinstance(clause.condition, ast.Compare)
    return clause.condition


def test_e216_unknown_comparison_word():
    tree, source = parsed(
        policy("数据：\n  人数：人，默认0\n\n" + N + "  - 【人数】20人以上的，扣1分\n")
    )
    cmp = _first_compare(tree)
    clause = dataclasses.replace(
        tree.nodes[0].clauses[0], condition=dataclasses.replace(cmp, word="往上")
    )
    node = dataclasses.replace(tree.nodes[0], clauses=(clause,))
    diags = check(dataclasses.replace(tree, nodes=(node,)), source)
    found = [d for d in diags if d.code == "E216"]
    assert [(d.span.line, d.span.column, d.message()) for d in found] == [
        (9, 5, "无法识别的比较用语 “往上”")
    ]


def test_e217_unknown_type_word():
    tree, source = parsed(policy(D + N + C))
    fact = dataclasses.replace(tree.facts[0], type_word="回")
    diags = check(dataclasses.replace(tree, facts=(fact,)), source)
    found = [d for d in diags if d.code == "E217"]
    assert [(d.span.line, d.message()) for d in found] == [
        (6, "数据项 【缺会次数】 的类型或单位 “回” 无法识别")
    ]


# ------------------------------------------------------------------ must stay clean


def test_language_design_layout_example_is_clean():
    assert diagnostics(LAYOUT_EXAMPLE) == []
    if LANGUAGE_MD.exists():  # beside the repository: the copy above is still the design's
        text = LANGUAGE_MD.read_text("utf-8")
        example = re.search(r"## 3\. File layout.*?```\n(.*?)```", text, re.S).group(1)
        assert example == LAYOUT_EXAMPLE


def test_seed_policies_report_only_the_intended_warnings():
    seed1 = (ROOT / "policies" / "shuangjie_lianghui_2023.rule").read_text("utf-8")
    found = diagnostics(seed1)
    assert [d.code for d in found] == ["W302"]
    assert found[0].args["amount"] == "2023" and found[0].args["budget"] == "80"
    seed2 = (ROOT / "policies" / "xinfang_kaoping_shizhi.rule").read_text("utf-8")
    found = diagnostics(seed2)
    assert [(d.code, d.args["total"], d.args["points"]) for d in found] == [
        ("W303", "0.95", "0.5"),
        ("W303", "0.35", "0.3"),
    ]


def test_typo_or_inferred_fact():
    # one slip from a declared name: an error with a suggestion
    assert "E201" in codes(policy(D + N + "  - 【缺席次数】每缺1次扣1分\n"))
    # far from every declared name: a new, inferred fact
    found = codes(policy(D + N + C + "  - 【值班漏报次数】每漏报1次扣1分\n"))
    assert "E201" not in found and "W310" in found
    # a one-character name is not a slip for another one-character name
    text = policy("数据：\n  A：是否\n\n" + N + "  - 【A】扣1分\n  - 【B】扣1分\n")
    assert "E201" not in codes(text)


def test_inferred_fact_used_two_ways_is_an_error():
    text = policy(N + "  - 【A】每缺1次扣1分\n  - 【A】得1分，否则不得分\n")
    found = [d for d in diagnostics(text) if d.code == "E202"]
    assert [(d.span.line, d.args["declared"], d.args["used"]) for d in found] == [(7, "次", "是否")]


def test_unit_equivalences_are_not_mismatches():
    body = (
        "数据：\n  天数：天，默认0\n  月数：个月，默认0\n  人次数：人次，默认0\n\n"
        + N
        + "  - 【天数】每延长1日扣1分\n  - 【月数】每1月扣1分\n  - 【人次数】每人每次扣1分\n"
    )
    assert "E203" not in codes(policy(body))


def test_numbering_may_run_continuously_through_the_document():
    body = (
        D
        + "(一)甲(2分)\n  1、a(1分)\n"
        + C
        + "  2、b(1分)\n"
        + C
        + "(二)乙(3分)\n  3、c(1分)\n"
        + C
        + "  4、d(2分)\n"
        + C
    )
    assert "W301" not in codes(policy(body))
    gap = body.replace("4、d", "5、d")
    found = [d for d in diagnostics(policy(gap)) if d.code == "W301"]
    assert [d.args["missing"] for d in found] == ["4、"]


def test_numbering_restarting_under_each_parent():
    body = (
        D
        + "(一)甲(2分)\n  1、a(2分)\n"
        + C
        + "(二)乙(3分)\n  1、b(1分)\n"
        + C
        + "  3、c(2分)\n"
        + C
    )
    found = [d for d in diagnostics(policy(body)) if d.code == "W301"]
    assert [(d.args["marker"], d.args["missing"]) for d in found] == [("3、", "2、")]


def test_title_parts_that_are_ordinary_text():
    assert "W307" not in codes(policy(D + "(一)领导重视程度(5分)，逐项扣分\n" + C))
    assert suggest_modifier("最多扣5份") == "最多扣5分"
    assert suggest_modifier("不设下线") == "不设下限"
    assert suggest_modifier("扣完为止") is None


def test_boundary_override_silences_w304():
    body = D + N + C + "\n等次：\n  合格：3分以上\n  不合格：3分以下\n"
    text = policy(body).replace("满分：5分\n", "满分：5分\n边界：以上含本数，以下不含本数\n")
    assert "W304" not in codes(text)


def test_bands_that_all_match_something():
    body = D + N + C + "\n等次：\n  优秀：4.5分以上\n  合格：3分至4.5分\n  不合格：低于3分\n"
    found = codes(policy(body))
    assert "E206" not in found
    # 其余 after bands that already cover every score can never match
    covered = body + "  其他：其余\n"
    assert "E206" in codes(policy(covered))


def test_w302_respects_clause_caps_and_no_floor():
    body = "数据：\n  个人上访：批次，默认0\n\n(一)个人上访(80分)\n  - 【个人上访】每批次扣100分，最多扣80分\n"
    assert "W302" not in codes(policy(body, "80"))
    body = "数据：\n  个人上访：批次，默认0\n\n(一)个人上访(80分)，不设下限\n  - 【个人上访】每批次扣100分\n"
    assert "W302" not in codes(policy(body, "80"))


def test_w308_ignores_dates_years_ordinals_and_fact_names():
    numbers = [
        (str(v), text[a:b])
        for text in ("2023年1月9日前上报；第3项；1、见(2)；二○一二年一月四日；电话12345；十分重要",)
        for v, a, b in note_numbers(text)
    ]
    assert numbers == []
    assert [str(v) for v, *_ in note_numbers("每周召开一次会议，每低于1个百分点扣0.03分")] == [
        "1",
        "1",
        "0.03",
    ]
    assert [str(v) for v, *_ in note_numbers("化解率达到百分之八十以上")] == ["80"]
    # a number folded into a fact's name or description counts as used
    body = (
        "数据：\n  超过20人未到场：次，默认0   # 未在30分钟内到达现场的次数\n\n"
        + N
        + "  说明：集体访超过20人的，30分钟内未到场的每次扣1分。\n"
        + "  - 【超过20人未到场】每次扣1分\n"
    )
    assert "W308" not in codes(policy(body))


def test_w306_needs_the_same_facts():
    body = (
        "数据：\n  A：是否\n  B：次，默认0\n\n(一)x(3分)\n"
        "  - 【A】得3分，否则不得分\n  - 【B】每次扣1分\n"
    )
    assert "W306" not in codes(policy(body, "3"))


def test_tests_blocks():
    body = (
        "数据：\n  缺会次数：次，默认0\n  按时：是否\n\n"
        + N
        + C
        + "  - 【按时】得1分，否则不得分\n"
        + "\n测试 “t”：\n  【缺会次数】= 2.5\n  【按时】= 也许\n  【缺会次速】= 1\n"
        + "  平均值【缺会次数】= 3\n  期望 总分 = 3分，等次 = 优秀，状态 = 良好，标签 = 重点\n"
    )
    found = [d for d in diagnostics(policy(body)) if d.code == "E211"]
    problems = [d.args["problem"] for d in found]
    assert problems == [
        "【缺会次数】 的值 “2.5” 不符合其类型 “次”",
        "【按时】 的值 “也许” 不符合其类型 “是否”",
        "没有名为 【缺会次速】 的数据项",
        "没有条款使用 【缺会次数】 的平均值",
        "期望的等次 “优秀” 未在 等次： 中定义",
        "期望的状态 “良好” 无法识别",
        "期望的标签 “重点” 没有条款会列入",
    ]
    assert found[2].hint() == "您是不是要写 【缺会次数】？"


def test_diagnostics_are_sorted_and_unique():
    text = policy(N + "  - 【A】、【B】扣1分\n  - 【C】、【D】扣1分\n")
    found = diagnostics(text)
    keys = [(d.span.line, d.span.column, d.code) for d in found]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_a_formula_counts_with_the_most_it_can_earn():
    """`得(最小(【完成数】÷【任务数】, 1)×6)分` earns at most 6: in an item of 10 the
    earning clauses are 4 short (W311), in an item of 6 they fill it; a formula whose
    most is unknown (`【完成数】÷【任务数】×6`) leaves the item unchecked, as before."""
    decls = "数据：\n  完成数：个\n  任务数：个\n  迟报：次，默认0\n\n"
    capped = "  - 得(最小(【完成数】÷【任务数】, 1)×6)分\n  - 【迟报】每次扣1分\n"
    short = [
        d
        for d in diagnostics(policy(decls + "(一)任务(10分)\n" + capped, "10"))
        if d.code == "W311"
    ]
    assert [d.message() for d in short] == ["各得分条款合计 6 分，与本项分值 10 分不符"]
    full = diagnostics(policy(decls + "(一)任务(6分)\n" + capped, "6"))
    assert not [d for d in full if d.code == "W311"]
    open_ended = capped.replace("最小(【完成数】÷【任务数】, 1)", "【完成数】÷【任务数】")
    unknown = diagnostics(policy(decls + "(一)任务(10分)\n" + open_ended, "10"))
    assert not [d for d in unknown if d.code == "W311"]


def test_a_count_of_kinds_is_a_count_unit():
    """`每有一类未归档扣1分`: 类 counts kinds, as 种 and 项 do."""
    body = "数据：\n  未归档：类，默认0\n\n(一)归档(3分)\n  - 【未归档】每类扣1分\n"
    assert not [d for d in diagnostics(policy(body, "3")) if d.is_error]


def test_a_percentage_in_a_formula_is_its_number():
    """`得(【达标率】×8)分` in an item of 8 may earn 800 (80% is 80 in a formula): W311,
    whose hint says to divide by 100; `÷100×8` earns at most 8, and a declared range
    sets the top (`范围0至50`: `×0.16` earns at most 8)."""

    def w311(decl: str, clause: str) -> list[str]:
        text = policy(f"数据：\n  达标率：{decl}\n\n(一)达标(8分)\n  - {clause}\n", "8")
        return [d.message() for d in diagnostics(text) if d.code == "W311"]

    assert w311("百分比", "得(【达标率】×8)分") == ["各得分条款合计 800 分，与本项分值 8 分不符"]
    assert w311("百分比", "得(【达标率】÷100×8)分") == []
    assert w311("百分比，范围0至50", "得(【达标率】×0.16)分") == []
    (found,) = [
        d
        for d in diagnostics(
            policy("数据：\n  达标率：百分比\n\n(一)达标(8分)\n  - 得(【达标率】×8)分\n", "8")
        )
        if d.code == "W311"
    ]
    assert "÷100" in found.hint()
    (plain,) = [
        d
        for d in diagnostics(
            policy("数据：\n  达标率：百分比\n\n(一)达标(8分)\n  - 【达标率】达到90%的得3分\n", "8")
        )
        if d.code == "W311"
    ]
    assert "÷100" not in plain.hint()  # no formula: the note about formulas is not shown


@pytest.mark.parametrize(
    ("clauses", "warned"),
    [
        # dates in bands that do not meet: a unit earns one of them
        (
            "  - 【印发日期】不晚于5月31日的得3分\n"
            "  - 【印发日期】晚于5月31日且【印发日期】不晚于6月15日的得1分\n",
            False,
        ),
        # the same dates overlapping: both can be earned
        ("  - 【印发日期】不晚于5月31日的得3分\n  - 【印发日期】不晚于6月15日的得1分\n", True),
        # bands of a change against last year
        (
            "  - 【治理率】−【上年治理率】3个百分点以上的得3分\n"
            "  - 【治理率】高于【上年治理率】且【治理率】−【上年治理率】低于3个百分点的得1分\n",
            False,
        ),
    ],
)
def test_bands_of_one_value_written_with_qie_are_tiers(clauses, warned):
    """W311 adds up the earning clauses of an item, but bands of one value that do not
    meet (dates, a difference of facts; 且 joining the ends) are tiers: the most counts."""
    decls = "数据：\n  印发日期：日期，默认12月31日\n  治理率：百分比\n  上年治理率：百分比\n\n"
    text = policy(decls + "(一)本项(3分)\n" + clauses, "3")
    found = [d for d in diagnostics(text) if d.code == "W311"]
    assert bool(found) == warned, found


@pytest.mark.parametrize(
    ("title", "reported"),
    [
        ("某某县2024年度乡镇工作考核细则", True),  # the county's townships
        ("某某市某某区街道工作考核细则", True),  # a city's district: its streets
        ("某某市2024年度县区工作考核细则", False),  # the city's own batch
        ("某某市社区工作考核细则", False),  # 社区 names no district
    ],
)
def test_a_county_title_gives_the_target_its_scope(title, reported):
    """E258 when the 考评对象 says no scope (`各乡镇`) but the title names a county: the
    batch mean of its townships is no 全市平均."""
    text = (
        f"细则：{title}\n年度：2024\n满分：5分\n考评对象：各乡镇人民政府\n\n"
        "数据：\n  化解率：百分比\n\n" + N + "  - 【化解率】低于全市平均水平的，扣2分\n"
    )
    codes = [d.code for d in diagnostics(text)]
    assert ("E258" in codes) == reported
