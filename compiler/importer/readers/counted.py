"""Earnings counted before their object is named: `每完成一项上级部署的专项行动并按时报送总结
的得1分`, `组织老年人开展志愿服务，每组建1支互助服务队得0.5分，最高得3分`.

The language counts a fact of its own (`【完成上级部署的专项行动并按时报送总结】每项得1分`):
the verb and its object make the fact's name, the step keeps its unit, and what the
sentence says before `每` (the work the teams are formed for) stays in the fact's note.
Only the doing verbs the language counts with (keywords.COUNT_VERBS) and a step of one;
a negated object (`每完成一项未…`) or a comparison is not a thing done, and is left to
the other readers.
"""

from __future__ import annotations

import re

from ...source.text import normalise
from ...syntax import keywords as kw
from ..names import legal_name
from ..shapes import DECIMAL, Reading

_DOING = ("完成", "开展", "组织开展", "组织", "组建", "举办", "召开", "建成")
_UNITS = ("项", "支", "个", "次", "场", "期", "组")
_N = DECIMAL
_COUNTED = re.compile(
    rf"^(?:(?P<lead>[^,;。]{{2,40}}?)\s*,\s*)?每\s*(?P<verb>{'|'.join(sorted(_DOING, key=len, reverse=True))})"
    rf"\s*(?:一|1)\s*(?P<unit>{'|'.join(_UNITS)})(?P<obj>[^,;。\d]{{2,30}}?)\s*的?\s*,?\s*"
    rf"(?P<rest>[得计记]\s*{_N}\s*分(?:\s*,\s*(?:最高|最多)[得计]\s*{_N}\s*分)?)$"
)
#: An object that is no thing done: a negation, a comparison, or a scoring word.
_NOT_DONE = re.compile(r"未|不|没有|无|缺|低于|高于|超过|少于|扣|加|得")


def read_counted_object(sentence: str) -> Reading | None:
    """`每完成一项上级部署的消防专项行动并按时报送总结的得1分，最高得3分` →
    `【完成上级部署的消防专项行动并按时报送总结】每项得1分，最高得3分`."""
    m = _COUNTED.match(normalise(sentence).strip().rstrip("。;, "))
    if m is None or m.group("verb") not in kw.COUNT_VERBS:
        return None
    obj = m.group("obj").strip()
    # `每完成1期（次）得0.5分`: a remark on the unit, no object — the general reading's
    if _NOT_DONE.search(obj) or not re.match(r"[\u4e00-\u9fff“\"]{2}", obj):
        return None
    name = legal_name(m.group("verb") + obj)
    rest = m.group("rest").replace(" ", "").replace(",", "，")
    clause = f"【{name}】每{m.group('unit')}{rest}"
    lead = (m.group("lead") or "").strip()
    note = f"{lead}：{m.group('verb')}{obj}的{m.group('unit')}数" if lead else ""
    return Reading((name,), clause, (m.group("unit"),), description=note, default="0")
