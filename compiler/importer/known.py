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

import dataclasses
import re

from ..render.sentences import Sentences, _strip_count
from ..source.punct import official
from ..source.text import normalise
from .clauses import Drafted, is_scoring
from .trial import try_clause


def _same_text(a: str) -> str:
    return normalise(official(a)).strip().rstrip("。；;，, ")


def shape(value: object) -> object:
    """An AST value without spans and source text: what the clause means."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                (f.name, shape(getattr(value, f.name)))
                for f in dataclasses.fields(value)
                if f.name not in ("span", "text")
            ),
        )
    if isinstance(value, (tuple, list)):
        return tuple(shape(v) for v in value)
    return value


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
        if rng:
            spec += f"，范围{rng.replace('%', '')}"
        return spec

    def declarations(self) -> list[tuple[str, str, str, str, str]]:
        out = []
        for row in self.rows:
            name, type_word, default, rng, description = (c.strip() for c in row[:5])
            out.append(
                (name, type_word, default.removesuffix("%"), rng.replace("%", ""), description)
            )
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
        if len(found) == 1:
            return Drafted(sentence, (next(iter(found.values())),), ())
        reason = "读法不止一种（句中没有写出是哪个数据项）" if found else "句式未能识别为条款"
        return Drafted(sentence, (), (), reason)

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
