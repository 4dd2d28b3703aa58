"""Comparison words → operators (LANGUAGE.md §4.8).

Chinese legal usage (民法典 第1259条) decides whether a word includes the number it
is attached to: `以上 以下 以内 达到 不低于 不超过 不少于 至少` include it, `超过 不满
不足 低于 高于 少于` exclude it.  A document may state its own rule in the header
(`边界：以上含本数，以下不含本数`); that list overrides the table word by word.

Every operator reads "subject OP number": `【参与人数】20人以上` is `参与人数 >= 20`.
Date words read "fact OP date": `不晚于D` and `D前` / `D之前` / `D以前` mean on time
by that day (`<=`), `晚于D` is `>`, `早于D` is `<`.

The word table itself lives in the keyword table (compiler/keywords.py), so that
adding a word is a one-line change there; grade bands (`9分以上`, `6分至9分`) are read
into intervals here with the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..syntax import ast
from ..syntax.keywords import (
    AMBIGUOUS_PAIRS,
    COMPARE_AFTER,
    COMPARE_BEFORE,
    MODAL_PREFIXES,
    RANGE_SEPARATORS,
    Comparison,
    requirement_words,
)

# The word table is the keyword table's (compiler/keywords.py): words written before
# the number (`超过3次`, `晚于1月9日`) and after it (`20人以上`, `1月9日前`), each with
# its direction ("ge": the subject is at least / above the number, "le", "eq"), whether
# it includes the number, and whether it speaks of dates.
WORDS: dict[str, Comparison] = {**COMPARE_BEFORE, **COMPARE_AFTER}
_REQUIREMENTS = requirement_words()  # `应达到` → `达到`, `不得少于` → `不少于`

SYMBOLS: dict[str, str] = {
    ">=": ">=",
    "≥": ">=",
    "<=": "<=",
    "≤": "<=",
    ">": ">",
    "<": "<",
    "=": "==",
    "==": "==",
    "!=": "!=",
    "≠": "!=",
}

# Words for the two ends of a range (`6分至9分`): both ends are included.
RANGE_WORDS = RANGE_SEPARATORS


def _base(word: str) -> str:
    """The table word behind a requirement: `应达到` → `达到`, `不得少于` → `不少于`."""
    word = word.strip()
    if word in WORDS or word in SYMBOLS:
        return word
    if word in _REQUIREMENTS:
        return _REQUIREMENTS[word]
    for modal in sorted(MODAL_PREFIXES, key=len, reverse=True):
        if word.startswith(modal) and word[len(modal) :] in WORDS:
            return word[len(modal) :]
    if word.startswith("不得") and "不" + word[2:] in WORDS:
        return "不" + word[2:]
    return word


def ambiguous_pair(word: str) -> tuple[str, str] | None:
    """`超过…以上`, `高于…以上`, `低于…以下` (however the parser spelled the gap): the two
    words, read as the first (exclusive), with a warning (W305); None for any other."""
    w = word.strip()
    first, _, last = w.partition("…")
    pair = (_base(first), last)
    return pair if pair in AMBIGUOUS_PAIRS else None


def is_ambiguous(word: str) -> bool:
    return ambiguous_pair(word) is not None


def ambiguity(word: str) -> dict[str, str]:
    """W305's words: the exclusive word it is read as, and the inclusive one after it."""
    pair = ambiguous_pair(word)
    assert pair is not None
    first, last = pair
    return {"first": first, "last": last}


def is_date_word(word: str) -> bool:
    found = WORDS.get(_base(word))
    return found is not None and found.date


def _op(direction: str, inclusive: bool) -> str:
    if direction == "eq":
        return "==" if inclusive else "!="
    if direction == "ge":
        return ">=" if inclusive else ">"
    return "<=" if inclusive else "<"


def overrides_of(boundary: Iterable[tuple[str, bool]]) -> dict[str, bool]:
    """The header's `边界` list as a mapping word → includes the number."""
    return {word.strip(): bool(inc) for word, inc in boundary}


def operator(word: str, overrides: dict[str, bool] | None = None) -> str | None:
    """The operator of "subject WORD number", honouring the header's `边界` list.

    Returns one of ">=", ">", "<=", "<", "==", "!=", or None for a word that is not a
    comparison (the checker reports it).
    """
    pair = ambiguous_pair(word)
    if pair is not None:
        return ">" if pair[1].endswith("以上") else "<"
    w = _base(word)
    if w in SYMBOLS:
        return SYMBOLS[w]
    found = WORDS.get(w)
    if found is None:
        return None
    inclusive = found.inclusive
    if overrides and w in overrides and found.direction != "eq":
        inclusive = overrides[w]
    return _op(found.direction, inclusive)


#: Words that compare with the average and a distance (`低于全市平均值5个百分点`):
#: below or above it.  `…以上` after them includes the distance itself.
OFFSET_BELOW = ("低于", "少于", "小于")
OFFSET_ABOVE = ("高于", "超过", "多于", "大于", "高出", "超出")


def offset_operator(word: str) -> tuple[str, str] | None:
    """(operator, side) of "subject WORD 平均值 N": side "below" reads subject OP mean − N,
    "above" subject OP mean + N; None for a word that says no side (`不低于`, `达到`).
    Operator "within" (`低于平均值N以内`) is the band between the mean and mean ∓ N."""
    base, _, post = word.partition("…")
    base = _base(base)
    if post == "以内" and base in OFFSET_BELOW + OFFSET_ABOVE:
        # `低于平均值5个百分点以内`: mean − 5 ≤ subject < mean (the lowering's two bounds)
        return "within", "below" if base in OFFSET_BELOW else "above"
    if post and post not in ("以上", "及以上"):
        return None
    if base in OFFSET_BELOW:
        return ("<=" if post else "<"), "below"
    if base in OFFSET_ABOVE:
        return (">=" if post else ">"), "above"
    return None


def flip(op: str) -> str:
    """The operator with its sides swapped: `a < b` ≡ `b > a`."""
    return {">=": "<=", "<=": ">=", ">": "<", "<": ">"}.get(op, op)


def band_bound(
    word: str, slot: str, overrides: dict[str, bool] | None = None
) -> tuple[str, bool] | None:
    """Which end of a grade band a `(number, word)` pair sets, and whether it is included.

    `slot` is "low" or "high" (where the parser put it); range words (`至`) take their
    side from the slot and include the number.  Returns ("low" | "high", inclusive), or
    None for a word that is not a bound.
    """
    if word.strip() in RANGE_WORDS or not word.strip():
        return (slot, True)
    op = operator(word, overrides)
    if op is None or op in ("==", "!="):
        return None
    return ("low" if op[0] == ">" else "high", op.endswith("="))


@dataclass(frozen=True)
class Interval:
    """lo/hi None mean unbounded; *_inc whether the end itself is included."""

    lo: Decimal | None
    lo_inc: bool
    hi: Decimal | None
    hi_inc: bool

    @property
    def empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_inc and self.hi_inc))


EVERYTHING = Interval(None, False, None, False)


def band_interval(band: ast.Band, overrides: dict[str, bool]) -> tuple[Interval, list[str]]:
    """The scores a band accepts, and any words that are not bounds."""
    if band.rest:
        return EVERYTHING, []
    lo: tuple[Decimal, bool] | None = None
    hi: tuple[Decimal, bool] | None = None
    unknown: list[str] = []
    for slot, pair in (("low", band.low), ("high", band.high)):
        if pair is None:
            continue
        num, word = pair
        bound = band_bound(word, slot, overrides)
        if bound is None:
            unknown.append(word)
            continue
        side, inclusive = bound
        if side == "low" and (lo is None or num.value > lo[0]):
            lo = (num.value, inclusive)
        elif side == "high" and (hi is None or num.value < hi[0]):
            hi = (num.value, inclusive)
    interval = Interval(
        lo[0] if lo else None, lo[1] if lo else False, hi[0] if hi else None, hi[1] if hi else False
    )
    return interval, unknown
