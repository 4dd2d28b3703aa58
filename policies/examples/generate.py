"""Write synthetic example data for the two seed policies.

    python policies/examples/generate.py

For each policy in POLICIES this writes `<policy-stem>.csv` (UTF-8 with BOM, so that
Excel opens it correctly) and `<policy-stem>.xlsx` next to this script: one row per unit,
a header row `单位` followed by one column per fact declared in the policy's `数据：` block.

The data are invented.  A fixed seed makes every run produce the same files, byte for
byte (the .xlsx timestamps are pinned too).  Values are exact: integers for counts,
"是"/"否" for yes/no facts, and percentages as integers or strings with one decimal
("85.5"), never binary floats.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
POLICY_DIR = HERE.parent
SEED = 20230104
FIXED_ZIP_TIME = (2023, 1, 4, 0, 0, 0)
FIXED_W3CDTF = "2023-01-04T00:00:00Z"

# ----------------------------------------------------------------------------- helpers


def declared_facts(policy: Path) -> list[str]:
    """Fact names of the policy's `数据：` block, in declaration order."""
    names: list[str] = []
    inside = False
    for raw in policy.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not raw[:1].isspace():
            inside = stripped in ("数据：", "数据:")
            continue
        if inside:
            match = re.match(r"([^：:]+)[：:]", stripped)
            if match:
                names.append(match.group(1).strip())
    return names


def yes(rng: random.Random, p: float) -> str:
    return "是" if rng.random() < p else "否"


def count(rng: random.Random, weights: list[float]) -> int:
    """A small count: weights[i] is the relative chance of the value i."""
    return rng.choices(range(len(weights)), weights=weights)[0]


def percent(rng: random.Random, low: float, high: float) -> int | str:
    """A percentage with one decimal, as an int or an exact string such as "92.5"."""
    tenths = rng.randint(round(low * 10), round(high * 10))
    whole, tenth = divmod(tenths, 10)
    return whole if tenth == 0 else f"{whole}.{tenth}"


def quality_for(rng: random.Random, n: int) -> list[str]:
    """A spread of units: mostly good, some fair, a few poor."""
    levels = ["好"] * round(n * 0.55) + ["中"] * round(n * 0.3)
    levels += ["差"] * (n - len(levels))
    rng.shuffle(levels)
    return levels


# ------------------------------------------------------------- 双节两会 (100-point policy)

# fmt: off
SCHOOLS = [
    "城关镇中心校", "东城街道办事处中心校", "西城街道办事处中心校", "南关镇中心校",
    "北关镇中心校", "柳河镇中心校", "大王庄镇中心校", "李集镇中心校", "石桥镇中心校",
    "高庙乡中心校", "黄土岗乡中心校", "白沙镇中心校", "杨树湾乡中心校", "青龙镇中心校",
    "马店镇中心校", "三里河乡中心校", "新集镇中心校", "张堤乡中心校", "刘庄乡中心校",
    "河口镇中心校", "桃园乡中心校", "双庙镇中心校", "前进乡中心校", "红旗镇中心校",
    "五里铺乡中心校", "赵楼镇中心校", "孙寨乡中心校", "官庄镇中心校",
    "县第一高级中学", "县第二高级中学", "县第三高级中学", "县实验高级中学",
    "县第一初级中学", "县实验中学", "县实验小学", "县第二实验小学", "县职业教育中心",
    "县特殊教育学校", "县幼儿园", "县教师进修学校",
]
# fmt: on


def shuangjie_row(rng: random.Random, level: str) -> dict[str, object]:
    good, fair = level == "好", level == "中"
    p_yes = 0.97 if good else 0.85 if fair else 0.6
    small = (
        [0.85, 0.13, 0.02]
        if good
        else [0.5, 0.3, 0.15, 0.05]
        if fair
        else [0.2, 0.3, 0.25, 0.15, 0.1]
    )
    row: dict[str, object] = {
        "缺会次数": count(rng, small),
        "统计表按时上报": yes(rng, p_yes),
        "落实包案领导": yes(rng, p_yes),
        "落实化解方案": yes(rng, p_yes),
        "落实稳控措施": yes(rng, p_yes),
        "接访日程表公示": yes(rng, p_yes),
        "接访登记记录规范": yes(rng, p_yes),
        "有接访批示案件台帐": yes(rng, p_yes),
        "按日程接访": yes(rng, p_yes),
        "制定应急预案": yes(rng, min(0.99, p_yes + 0.05)),
        "应急预案及时上报": yes(rng, p_yes),
        "日报告漏报次数": count(rng, small),
    }
    # (五): events are rare, and rarer the more serious they are.
    scale = 0.2 if good else 1.0 if fair else 2.5
    events = {
        "赴京非正常初访": 0.02,
        "赴京非正常重复访": 0.005,
        "来县集体初访及时疏散": 0.12,
        "来县集体初访滞留1小时以上": 0.05,
        "来县重复集体访或到市集体访": 0.04,
        "赴省集体访及时疏散": 0.02,
        "赴省集体访被登记或造成影响": 0.01,
        "赴京集体访被登记": 0.004,
        "赴国家及省信访局个访": 0.004,
        "赴省委省政府及两会驻地个访": 0.03,
    }
    for name, p in events.items():
        n = 0
        while n < 3 and rng.random() < p * scale:
            n += 1
        row[name] = n
    return row


# ------------------------------------------------------ 市直部门信访工作 (2-point policy)

# fmt: off
DEPARTMENTS = [
    "市教育局", "市公安局", "市民政局", "市司法局", "市财政局",
    "市人力资源和社会保障局", "市自然资源和规划局", "市生态环境局", "市住房和城乡建设局",
    "市交通运输局", "市水利局", "市农业农村局", "市商务局", "市文化广电和旅游局",
    "市卫生健康委员会", "市退役军人事务局", "市应急管理局", "市审计局",
    "市市场监督管理局", "市医疗保障局", "市城市管理局", "市发展和改革委员会",
    "市工业和信息化局", "市科学技术局", "市民族宗教事务局", "市林业局", "市统计局",
    "市体育局", "市国有资产监督管理委员会", "市住房公积金管理中心", "市机关事务管理局",
    "市粮食和物资储备局", "市数据资源管理局", "市人民防空办公室", "市总工会", "市残疾人联合会",
    "国家税务总局XX市税务局", "国网XX供电公司", "市气象局", "市烟草专卖局",
]
# fmt: on


def shizhi_row(rng: random.Random, level: str) -> dict[str, object]:
    good, fair = level == "好", level == "中"
    p_yes = 0.97 if good else 0.88 if fair else 0.7
    scale = 0.25 if good else 1.0 if fair else 2.2

    def events(p: float, most: int = 4) -> int:
        n = 0
        while n < most and rng.random() < min(0.9, p * scale):
            n += 1
        return n

    row: dict[str, object] = {
        "学习贯彻信访条例": yes(rng, p_yes),
        "建立信访保障机制": yes(rng, p_yes),
        "设立信访组织机构": yes(rng, min(0.99, p_yes + 0.03)),
        "规范信访工作流程": yes(rng, p_yes),
        "建立健全信访工作制度": yes(rng, p_yes),
        "制定年度工作计划与总结": yes(rng, p_yes),
        "开展风险评估": yes(rng, min(0.99, p_yes + 0.02)),
        "评估不到位引发集体访": events(0.05),
        "评估不到位引发单人访": events(0.15),
        "引发群体性事件": "是" if rng.random() < 0.01 * scale else "否",
        "处置不力造成重大影响": "否",
        "排查情况少报次数": events(0.12),
        "排查情况迟报次数": events(0.25),
        "隐患化解率": percent(rng, 90, 100)
        if good
        else percent(rng, 80, 98)
        if fair
        else percent(rng, 65, 90),
        "漏排引发越级访": events(0.05),
        "工作人员未按时到场": events(0.15),
        "超过20人集体访分管领导未按时到场": events(0.04),
        "未按时出具受理告知单": events(0.2),
        "答复意见未按时出具或不规范": events(0.15),
        "送达回证等材料不规范": events(0.2),
        "单访初信未办理或未反馈": events(0.15),
        "集体访初信未办理或未反馈": events(0.04),
        "来信网投未按期受理": events(0.12),
        "来信网投未按时限出具材料": events(0.08),
        "来信网投迟报": events(0.15),
        "来信网投未按期办结": events(0.06),
        "及时受理率": percent(rng, 95, 100)
        if good
        else percent(rng, 88, 98)
        if fair
        else percent(rng, 78, 93),
        "按期办结率": percent(rng, 93, 100)
        if good
        else percent(rng, 85, 97)
        if fair
        else percent(rng, 72, 90),
        "群众满意率": percent(rng, 88, 99)
        if good
        else percent(rng, 80, 94)
        if fair
        else percent(rng, 68, 86),
        "转交办案件未按时限上报材料": events(0.1),
        "转交办案件迟报": events(0.2),
        "被退回重新办理": events(0.1),
        "处理失当导致越级访重复访": events(0.05),
        "少包案件数": events(0.06),
        "处理意见未按时限落实": events(0.06),
        "未落实决策和会议精神": events(0.05),
        "不落实督查意见": events(0.05),
        "督办事项未妥善处理化解": events(0.1),
        "未按时限完成代拟稿": events(0.08),
        "退回后未按时限重新出具意见": events(0.06),
        "复查复核佐证材料不足": events(0.08),
        "三级终结程序不规范": events(0.05),
        "三级终结意见未落实": events(0.04),
        "被责任追究": events(0.02, 2),
        "重点专项检查未达要求": events(0.05),
        "监察室介入案件": events(0.03),
        "赴省集体访事先未报告": events(0.04),
        "20人以上赴省集体访分管领导未到场": events(0.02),
        "50人以上赴省集体访主要领导未跟踪劝返": events(0.01),
        "5人以上滞留批次": events(0.03),
        "进京工作未达要求": events(0.05),
        "发生进京访未进京工作": events(0.02),
        "5人以上进京集体访分管领导未进京": events(0.015),
        "20人以上进京集体访主要领导未进京": events(0.005),
        "未按要求劝返接回": events(0.02),
        "回流次数": count(rng, [0.5, 0.2, 0.1, 0.08, 0.06, 0.04, 0.02])
        if not good
        else count(rng, [0.8, 0.15, 0.05]),
        "进京访问题未包案": events(0.02),
        "当年进京重复访": events(0.02),
        "进京访佐证材料少报": events(0.03),
        "重复进京非正常上访": events(0.01, 2),
    }
    # Facts that depend on others: overdue cases are among the unresolved ones,
    # extra days of stranding need a stranding, over-time days need a failed return.
    unresolved = row["督办事项未妥善处理化解"]
    row["督办事项超期未办理"] = rng.randint(0, unresolved) if unresolved else 0
    row["滞留延长天数"] = sum(rng.randint(0, 3) for _ in range(row["5人以上滞留批次"]))
    row["劝返接回超时天数"] = sum(rng.randint(0, 2) for _ in range(row["未按要求劝返接回"]))
    return row


def shizhi_adjust(rows: list[dict[str, object]], levels: list[str], rng: random.Random) -> None:
    """One unit whose poor handling caused a major incident: it is disqualified."""
    poor = [i for i, level in enumerate(levels) if level == "差"]
    chosen = rng.choice(poor)
    rows[chosen]["处置不力造成重大影响"] = "是"
    rows[chosen]["引发群体性事件"] = "是"
    rows[chosen]["评估不到位引发集体访"] = max(2, int(rows[chosen]["评估不到位引发集体访"]))


# ------------------------------------------------------------------------------ output

POLICIES: list[tuple[str, list[str], Callable, Callable | None]] = [
    ("shuangjie_lianghui_2023", SCHOOLS, shuangjie_row, None),
    ("xinfang_kaoping_shizhi", DEPARTMENTS, shizhi_row, shizhi_adjust),
]


def build(
    stem: str, units: list[str], make_row: Callable, adjust: Callable | None
) -> tuple[list[str], list[list[object]]]:
    rng = random.Random(f"{SEED}:{stem}")
    facts = declared_facts(POLICY_DIR / f"{stem}.rule")
    levels = quality_for(rng, len(units))
    rows = [make_row(rng, level) for level in levels]
    if adjust is not None:
        adjust(rows, levels, rng)
    produced = set(rows[0])
    if produced != set(facts):
        missing = [f for f in facts if f not in produced]
        extra = sorted(produced - set(facts))
        raise SystemExit(
            f"{stem}: generator and 数据： block disagree; missing {missing}, extra {extra}"
        )
    header = ["单位", *facts]
    table = [[unit, *(row[f] for f in facts)] for unit, row in zip(units, rows, strict=True)]
    return header, table


def write_csv(path: Path, header: list[str], table: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(table)


def write_xlsx(path: Path, header: list[str], table: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "考评数据"
    ws.append(header)
    for row in table:
        ws.append(row)
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 28
    buffer = io.BytesIO()
    wb.save(buffer)
    # Pin the timestamps that openpyxl and zipfile take from the clock, so that the
    # file is the same on every run.
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                    rf"\g<1>{FIXED_W3CDTF}\g<2>",
                    text,
                )
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)


def main() -> None:
    for stem, units, make_row, adjust in POLICIES:
        header, table = build(stem, units, make_row, adjust)
        write_csv(HERE / f"{stem}.csv", header, table)
        write_xlsx(HERE / f"{stem}.xlsx", header, table)
        print(f"{stem}: {len(table)} units, {len(header) - 1} facts")


if __name__ == "__main__":
    main()
