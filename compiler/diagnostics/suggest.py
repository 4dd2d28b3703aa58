"""“您是不是要写…”: the closest candidate by edit distance, for typo hints.

A hint is followed as written, so it may only mend a slip of the pen: it never offers
a word that negates or turns round what was typed (`same_sense`)."""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str) -> int:
    """Edit distance over code points (one CJK character is one edit), two neighbours
    swapped counting as one (`到达` for `达到`, `会缺次数` for `缺会次数`): the slip of a
    pen that writes both characters, in the wrong order."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and ca != cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]


def typo_limit(a: str, b: str) -> int:
    """How many edits still look like a slip of the pen rather than another word.

    One edit in a short name (`缺会次数` / `缺席次数`), one more for every four
    characters of the shorter name beyond that.
    """
    return max(1, min(len(a), len(b)) // 4)


def closest(name: str, candidates: Iterable[str], limit: int | None = None) -> str | None:
    """The candidate nearest to `name` within the typo limit, ties broken by order."""
    best: tuple[int, str] | None = None
    for cand in candidates:
        if cand == name:
            continue
        d = edit_distance(name, cand)
        allowed = typo_limit(name, cand) if limit is None else limit
        # at least one character must survive: 【X】 is not a slip for 【A】
        if d <= allowed and d < min(len(name), len(cand)) and (best is None or d < best[0]):
            if same_sense(name, cand):
                best = (d, cand)
    return best[1] if best else None


#: Characters that carry a sentence's polarity, direction or scope.  A typo hint may
#: change any other character, never one of these: `达不到` is not a slip for `达到`,
#: `新增` (count every case) is not `增加` (more than a baseline), `最少扣` is not
#: `最多扣`, `未整改` is not `已整改`, `不在90%以下` (at least 90) is not `不足90%` (below
#: it), `不落后于` is not `不足后于`, `不得评优` (no 优秀) is not `不得分` (no points),
#: `直接评为不合格` (a grade) is not `直接列为` (a label), `介于` (between) is not `小于` (below),
#: `底于` (低于 mistyped) is not `短于`,
#: `本大项不得分` (the whole section) is not
#: `本项不得分` (this item), `本条` (this clause) is not `本项`, `超期` (days late, each
#: counted) is not `超出` (past a number), `不比90%低` (at least 90) is not `不到90%`, `不是100%`
#: (any other value) is not `不到100%` (below it), `大与等于` (≥ mistyped) is not `大于` (>),
#: `过于` is not `等于`, and `每次扣` (per
#: occurrence) or `各扣` (for each) is not `扣` (once).  Negations count as one class
#: (`达不到` may become `未达到`).
NEGATIONS = frozenset("不未无没非否勿莫")
SENSE_CHARS = frozenset(
    "增加减扣多少缺超低高上下降升晚迟早前后新漏差满达得失已免内外余最"
    + "大每各条项"
    + "足在落"
    + "评列"
    + "介小"
    + "短长"
    + "期时"
    + "比是"
    + "等"
)
#: Slips of the pen by sound that carry no sense of their own, read as the character meant
#: when senses are compared: `底于` is offered `低于` (and never `高于` or `短于`).
HOMOPHONES = str.maketrans({"底": "低"})


def sense(word: str) -> tuple[str, ...]:
    """The polarity- and direction-bearing characters of a word, in order, with every
    negation written as `¬`."""
    return tuple(
        "¬" if ch in NEGATIONS else ch
        for ch in word.translate(HOMOPHONES)
        if ch in NEGATIONS or ch in SENSE_CHARS
    )


def same_sense(typed: str, suggested: str) -> bool:
    """Whether a suggestion keeps the typed text's negations and directions."""
    return sense(typed) == sense(suggested)
