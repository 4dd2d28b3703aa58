"""Documents that name their facts: the data appendix of a document `xize render` wrote.

A rendered 细则 ends with a table of its data items (数据项, 类型, 默认值, 范围, 说明,
用于).  With the names known, a sentence is read by putting `【】` around the names it
mentions, or in front of it for the facts used in its node, and a candidate is kept
only when it compiles *and* is rendered back to the very sentence it was read from —
so the clause says what the document says.  When two different clauses render to the
same sentence (two facts of one node that the sentence does not name), the sentence
is left `待处理`: never a guess between them.
"""

from __future__ import annotations

import re

from ..render.sentences import Sentences, _strip_count
from ..render.standards import shape
from ..source.punct import official
from ..source.text import normalise
from .clauses import Drafted, is_scoring
from .trial import try_clause


def _same_text(a: str) -> str:
    return normalise(official(a)).strip().rstrip("。；;，, ")


class KnownFacts:
    def __init__(self, rows: list[tuple[str, ...]]):
        self.rows = [tuple(r) + ("",) * (6 - len(r)) for r in rows if r and r[0].strip()]
        self.names = [r[0].strip() for r in self.rows]
        self.decls = "\n".join(f"  {spec}" for spec in (self._spec(r) for r in self.rows))
        self.render = Sentences()
        self.points: str | None = "1000"

    @staticmethod
    def _spec(row: tuple[str, ...]) -> str:
        name, type_word, default, rng = (c.strip() for c in row[:4])
        default = default.removesuffix("%") if default.endswith("%") else default
        spec = f"{name}：{type_word}"
        if default:
            spec += f"，默认{default}"
        rng = _range(rng)
        if rng:
            spec += f"，范围{rng}"
        return spec

    def declarations(self) -> list[tuple[str, str, str, str, str]]:
        out = []
        for row in self.rows:
            name, type_word, default, rng, description = (c.strip() for c in row[:5])
            out.append((name, type_word, default.removesuffix("%"), _range(rng), description))
        return out

    def used_in(self, path: str) -> list[str]:
        printed = normalise(path)
        out = []
        for row in self.rows:
            places = [normalise(p.strip()) for p in row[5].split("、")]
            if printed in places:
                out.append(row[0].strip())
        return out

    def sentence(
        self, sentence: str, path: str, bonus: bool, points: str | None = "1000"
    ) -> Drafted | None:
        self.points = points
        s = sentence.strip().rstrip("。；;")
        if not is_scoring(s):
            return None
        found: dict[object, str] = {}
        for candidate in self._candidates(s, path):
            trial = try_clause(candidate, bonus, self.decls, self.points)
            if trial is None:
                continue
            if _same_text(self.render.clause(trial.clause)) != _same_text(s):
                continue
            found.setdefault(shape(trial.clause), candidate)
        if not found:
            found = self._by_tail(s, path, bonus)
        if len(found) == 1:
            return Drafted(sentence, (next(iter(found.values())),), ())
        reason = "读法不止一种（句中没有写出是哪个数据项）" if found else "句式未能识别为条款"
        return Drafted(sentence, (), (), reason)

    def _by_tail(self, s: str, path: str, bonus: bool) -> dict[object, str]:
        """The sentence's scoring phrase (after a comma, `的` or its subject) read with each
        fact of its node: `查阅会议记录，每缺1次扣1分` → `【缺会次数】每缺1次扣1分`.

        A candidate counts when its rendering, less the fact's own name, is that phrase,
        the units agree (the checker refuses `每批次` on a fact counted in 件次), and the
        words before the phrase say `未`/`不`/`没有`/`无` exactly when the clause does."""
        found: dict[object, str] = {}
        n = normalise(s)
        names = self.used_in(path)
        for j in range(len(n)):
            if j and not (n[j - 1] in "，,的" or n[j] in "每扣得不未应"):
                continue
            tail, before = s[j:].lstrip("，, "), n[:j]
            if not is_scoring(tail):
                continue
            for name in names:
                candidate = f"【{name}】{tail}"
                trial = try_clause(candidate, bonus, self.decls)
                if trial is None:
                    continue
                rendered = _same_text(self.render.clause(trial.clause))
                head = _head(rendered, _same_text(tail), name)
                if head is None or _negated(head) != _negated(before):
                    continue
                if head.strip("的，, ") and not before.strip("，, "):
                    continue  # the clause names a fact the sentence does not mention
                if _CONDITION.search(before):
                    continue  # a condition before the phrase is part of the clause
                if before.strip("，, ") and not _overlap(_last_piece(before), name):
                    continue  # the words before the phrase name something else
                found.setdefault(shape(trial.clause), candidate)
        return found

    def _candidates(self, s: str, path: str) -> list[str]:
        out: list[str] = []
        named = _bracket(s, self.names)
        if named != s:
            out.append(named)
            summed = re.sub(r"】与【", "】+【", named).replace("合计", "")
            if summed != named:
                out.append(summed)
        for name in self.used_in(path):
            out.append(f"【{name}】{s}")
            if "的，" in s:
                out.append(f"【{name}】{s.split('的，', 1)[1]}")
            stripped = _strip_count(name)
            for cut in {
                stripped,
                *(_strip_count(name, u) for u in ("批次", "人次", "件次", "个月", "小时")),
            }:
                if cut and s.startswith(cut):
                    out.append(f"【{name}】{s[len(cut) :]}")
        return list(dict.fromkeys(out))


#: Words that make the text before a scoring phrase a condition of its own.
_CONDITION = re.compile(
    r"[<>=≥≤+×÷\d]|且|或|以上|以下|以内|达到|超过|低于|高于|不足|不满|少于|多于|至少|合计|之前|以前|晚于|早于"
)


def _range(rng: str) -> str:
    """`0%至100%` → `0至100`; a range open on one side (`0至`) is the type's own bound,
    which the declaration need not state."""
    low, _, high = rng.replace("%", "").partition("至")
    return f"{low.strip()}至{high.strip()}" if low.strip() and high.strip() else ""


def _negated(text: str) -> bool:
    """Whether words before a name negate it (`未…`, `没有…`), not a `不` inside a name."""
    text = text.strip("，, ")
    return text.startswith(("未", "不", "没有", "无")) or bool(
        re.search(r"[，,](未|没有|无)", text)
    )


def _last_piece(text: str) -> str:
    return re.split(r"[，,]", text.strip("，, "))[-1]


def _overlap(words: str, name: str) -> bool:
    """The words share two characters in a row with the name (`集体访` / `…引发集体访`)."""
    return any(name[i : i + 2] in words for i in range(len(name) - 1))


def _head(rendered: str, tail: str, name: str) -> str | None:
    """What the rendering says before `tail`, when that is only the fact's name with the
    connecting words a rendered sentence uses (`发生`, `未`, `的，`); None otherwise."""
    if not rendered.endswith(tail):
        return None
    head = rendered[: len(rendered) - len(tail)]
    rest = head
    for word in ("发生", "未", "不", "没有", "无"):
        rest = rest.replace(word, "", 1) if rest.startswith(word) else rest
    for form in (name, _strip_count(name)):
        if rest.startswith(form):
            rest = rest[len(form) :]
            break
    else:
        if rest:
            return None
    return head if rest.strip("的，, ") == "" else None


def _bracket(text: str, names: list[str]) -> str:
    """Put `【】` around every known name in text, longest names first, never nested."""
    spans: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        start = 0
        while True:
            i = text.find(name, start)
            if i < 0:
                break
            end = i + len(name)
            if not any(a < end and i < b for a, b in spans):
                spans.append((i, end))
            start = i + 1
    out, last = [], 0
    for a, b in sorted(spans):
        out.append(text[last:a])
        out.append(f"【{text[a:b]}】")
        last = b
    out.append(text[last:])
    return "".join(out)
