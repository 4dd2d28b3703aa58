"""Fact names: taken from the sentence, short, unique, and the same on every import.

The name is the event or indicator the sentence counts — the words before its scoring
phrase, without the connectives around them (`发生…的`, `因…`, `凡…`).  A subject of
several comma-separated parts is named by its last part (the event), and the whole
subject goes into the declaration's comment, so that a condition written earlier in the
sentence (`集体访超过20人以上的，…未按时到场的`) stays with the fact.  Evidence notes
(`查阅会议记录`) are not events: the node title names the fact instead.  The name
depends only on the words (and, for a clash, on the node's path), so importing a
slightly edited document again gives the same names — `xize diff` works on imports.
"""

from __future__ import annotations

import re

from ..source.text import normalise

LEADING = (
    "但凡",
    "凡是",
    "凡",
    "因此",
    "因",
    "对于",
    "对",
    "其中",
    "并且",
    "并",
    "且",
    "如",
    "若",
    "发生",
    "出现",
)
#: (`经查`, `经核实`: how it was found; `经市级以上督办` is no evidence but the event itself.)
EVIDENCE = (
    "查阅",
    "查看",
    "现场查看",
    "检查",
    "抽查",
    "暗访",
    "以",
    "根据",
    "按照",
    "经查",
    "经核查",
    "经核实",
    "经检查",
    "经调查",
    "经抽查",
)
#: Counting verbs that say what a count is of (`每少报一次`): added to a name without them.
COUNT_VERBS = ("缺", "缺少", "少报", "漏报", "迟报", "瞒报", "晚报", "延长", "延迟")
#: Words that join a second event to the first: either of them is the event.
ALTERNATIVE = ("或者", "或是", "或")
#: Longest name kept whole; a longer subject is cut at a word-like boundary.
MAX_NAME = 40


def clean_subject(text: str) -> str:
    """`发生赴京非正常上访初访的，` → `赴京非正常上访初访`."""
    s = text.strip().strip("，,、；;：: ")
    changed = True
    while changed and s:
        changed = False
        for word in LEADING:
            if s.startswith(word) and len(s) > len(word) + 1:
                s, changed = s[len(word) :].lstrip("，, "), True
        if s.endswith("的") and len(s) > 1:
            s, changed = s[:-1].rstrip("，, "), True
    return s


def pieces(subject: str) -> list[str]:
    return [p for p in (clean_subject(x) for x in re.split(r"[，,]", subject)) if p]


def is_evidence(piece: str) -> bool:
    """`查阅会议记录` says where to look; `检查记录不完整` states a failure: an event."""
    if re.search(r"率|数$|量$", piece):  # `检查合格率`: an indicator, not where to look
        return False
    return piece.startswith(EVIDENCE) and not re.search(r"不|未|没有|缺|无|迟|漏|瞒|错|差", piece)


def name_from(subject: str, title: str, verb: str = "") -> tuple[str, str]:
    """(name, description) for a subject (may be empty) in a node titled `title`."""
    parts = pieces(subject)
    if len(parts) >= 2 and parts[-1].startswith(ALTERNATIVE):
        # `电话无法接通，或者投诉未按时答复的`: either event, one fact named by both
        parts = [*parts[:-2], parts[-2] + parts[-1]]
    event = next((p for p in reversed(parts) if not is_evidence(p)), "")
    if not event:
        base = clean_subject(title) or "未命名"
        name = base + (verb if verb and verb not in base else "")
    else:
        name = event
        if verb in COUNT_VERBS and verb not in name:
            name += verb  # `…材料，每少报一次` counts what was 少报
    name = re.sub(r"(每年|全年|年内)$", "", name) or name  # `党课每年…`: the year is the period
    name = re.sub(r"(?:应|须|要)?(?:控制在|保持在)$", "", name) or name  # `浓度控制在35…以内`
    # `按期结案率达到95%以上` (a title that states the standard): the indicator
    name = _STANDARD_END.sub("", name) or name
    name = re.sub(r"(?<=[率数量度])在$", "", name)  # `满意率在95%以上`: the rate
    name = legal_name(name)
    return name, clean_subject(subject)


_STANDARD_END = re.compile(
    r"(?:应|须|要)?(?:达到|不低于|不少于|不超过|不高于|低于|高于|超过)\s*\d+(?:\.\d+)?\s*"
    r"(?:%|％|‰|个百分点)(?:及?以上|及?以下)?$"
)


def legal_name(name: str) -> str:
    """A name the language accepts: no brackets, no line breaks, no comment sign."""
    name = re.sub(r"[【】\[\]#\s“”〞〝\"‘’']", "", name)
    name = name.strip("，,。；;、：:")
    # inside a name, a comma, semicolon or colon would end the 数据 line's name
    name = re.sub(r"[，,；;：:]", "", name)
    if len(name) > MAX_NAME:
        name = name[:MAX_NAME]
    return name or "未命名"


class NameBook:
    """The facts of one draft: each name once, with its type and description."""

    def __init__(self) -> None:
        self.facts: dict[str, tuple[str, str, str]] = {}  # name → (type, default, description)
        self._keys: dict[tuple[str, str, str, str], str] = {}

    def claim(self, name: str, type_word: str, default: str, description: str, path: str) -> str:
        """The name to use for this fact: `name` if free, else one made unique by the path
        (always one the language accepts, whatever the caller built it from)."""
        name = legal_name(name)
        key = (path, normalise(name), type_word, description)
        if key in self._keys:
            return self._keys[key]
        for (p, n, t, _), final in self._keys.items():
            if (p, n, t) == key[:3]:  # the same indicator named again in the same item
                self._keys[key] = final
                return final
        candidate = name
        if candidate in self.facts:
            candidate = f"{path}{name}"
        k = 2
        while candidate in self.facts:
            candidate = f"{path}{name}{k}"
            k += 1
        self.facts[candidate] = (type_word, default, description)
        self._keys[key] = candidate
        return candidate

    def release(self, name: str) -> None:
        """Forget a fact claimed for a clause that was not kept after all."""
        self.facts.pop(name, None)
        for key in [k for k, v in self._keys.items() if v == name]:
            del self._keys[key]
