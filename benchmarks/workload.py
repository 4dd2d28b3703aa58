"""Random units for the seed policy, with a realistic distribution, and generated policies.

Facts: most units are clean (counts 0, every 是否 fact 是); some have a few small counts
(1–3) or a missing item; a rare few have large counts that exhaust a category's budget.
The serious events of (五) are rarer than the routine ones of (一)–(四).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from handwritten import BOOL_FACTS, COUNT_FACTS

# Counts of (五) (越级上访) are much rarer than missed meetings or reports.
SERIOUS = frozenset(COUNT_FACTS[2:])


def _count(rng: random.Random, serious: bool) -> int:
    r = rng.random()
    if serious:
        if r < 0.99:
            return 0
        if r < 0.999:
            return rng.randint(1, 3)
        return rng.randint(4, 12)
    if r < 0.75:
        return 0
    if r < 0.97:
        return rng.randint(1, 3)
    return rng.randint(4, 20)


def random_unit(rng: random.Random, index: int) -> dict:
    facts: dict = {"单位": f"单位{index:07d}"}
    for name in BOOL_FACTS:
        facts[name] = rng.random() >= 0.12
    for name in COUNT_FACTS:
        facts[name] = _count(rng, name in SERIOUS)
    return facts


def random_units(n: int, seed: int = 2023) -> list[dict]:
    rng = random.Random(seed)
    return [random_unit(rng, i) for i in range(n)]


def write_csv(path: Path, rows: int, seed: int = 7) -> None:
    """A CSV of `rows` random units as a spreadsheet export would have it (是/否, integers)."""
    rng = random.Random(seed)
    header = ["单位", *BOOL_FACTS, *COUNT_FACTS]
    serious = [name in SERIOUS for name in COUNT_FACTS]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        chunk = []
        for i in range(rows):
            row = [f"单位{i:07d}"]
            row += ["是" if rng.random() >= 0.12 else "否" for _ in BOOL_FACTS]
            row += [_count(rng, s) for s in serious]
            chunk.append(row)
            if len(chunk) == 10_000:
                writer.writerows(chunk)
                chunk.clear()
        writer.writerows(chunk)


# ------------------------------------------------------------------ generated policies

_FORMS = (
    # (fact type, clause template); {f} is the fact name
    ("次，默认0", "【{f}】每缺1次扣0.5分"),
    ("是否，默认是", "【{f}】得2分，否则不得分"),
    ("百分比，默认100", "【{f}】应达到80%，每低于1个百分点扣0.05分"),
    ("件，默认0", "【{f}】超过3件的，扣1分"),
    ("是否，默认是", "未【{f}】扣1分"),
)
_CN = "一二三四五六七八九十"


def generated_policy(clauses: int, per_category: int = 10) -> str:
    """A valid policy of `clauses` clauses: categories (一)… of `per_category` items, each
    item 2分 with one clause, cycling through five common clause forms."""
    categories = (clauses + per_category - 1) // per_category
    facts, outline = [], []
    k = 0
    for c in range(categories):
        items = min(per_category, clauses - k)
        outline.append(f"({_marker(c + 1)})类别{c + 1}({2 * items}分)")
        for i in range(items):
            ftype, template = _FORMS[k % len(_FORMS)]
            name = f"指标{k + 1}"
            facts.append(f"  {name}：{ftype}")
            outline.append(f"  {i + 1}、评分项{k + 1}(2分)")
            outline.append(f"    - {template.format(f=name)}")
            k += 1
    head = [
        f"细则：生成的{clauses}条细则",
        "年度：2023",
        f"满分：{2 * clauses}分",
        "",
        "数据：",
    ]
    return "\n".join(head + facts + [""] + outline) + "\n"


def _marker(n: int) -> str:
    """Chinese numeral for (n): 1 → 一, 12 → 十二, 345 → 三百四十五, 1000 → 一千."""
    if n < 10:
        return _CN[n - 1]
    parts = []
    for value, word in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, value)
        if digit:
            parts.append(
                ("" if (value == 10 and digit == 1 and not parts) else _CN[digit - 1]) + word
            )
        elif parts and n:
            if not parts[-1].endswith("零"):
                parts.append("零")
    if n:
        parts.append(_CN[n - 1])
    return "".join(parts)
