"""“您是不是要写…”: the closest candidate by edit distance, for typo hints."""

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance over code points (one CJK character is one edit)."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
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
            best = (d, cand)
    return best[1] if best else None
