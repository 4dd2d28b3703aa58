"""The Lark parser of the .rule language: the grammar template filled from the keyword table.

`grammar/xize.lark` names its keyword terminals as `@@NAME@@`; `grammar_text` replaces
each with an alternation from `keywords.py` (longest word first), so the table stays
the one place where words live.  The parser is built once, lazily, and shared.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import importlib.util
import os
import re
import threading
from collections.abc import Iterator

from . import keywords as kw
from . import mean_bands, ordinals
from .lark_import import Lark, Token, enable_strict, lark
from .numerals import TENTHS
from .patterns import StoredPatterns, cache_name

_NUMBER = r"(?:\d+(?:\.\d+)?|[" + kw.CN_NUMERAL_CHARS + r"]+)"


def _alt(words) -> str:
    # Inside a Lark /regex/ literal a slash must be escaped.
    return kw.alternation(words).replace("/", "\\/")


#: Words that compare only right before their number (`达90%`, not the 达 of 达标).
_BEFORE_NUMBER_ONLY = tuple(kw.ALIASES)


def _compare_before() -> str:
    """The comparison words before a number.  满 (and 不满, 未满) compares only where it
    is not 满意: `【X】满意率低于…` is no `满` (at least) followed by a satisfaction rate;
    a bare 达 only right before a number (`达3次的`)."""
    words = [w for w in kw.comparison_words_before() if w not in _BEFORE_NUMBER_ONLY]
    bare = "|".join(
        f"{re.escape(w)}(?=[ \\t]*[0-9０-９〇零一二两三四五六七八九十百半])"
        for w in _BEFORE_NUMBER_ONLY
    )
    return "(?:" + _alt(words).replace("满", "满(?!意)") + "|" + bare + ")"


def _code_point(ch: str) -> str:
    """`\\ue000`: a character as its escape, so that the grammar's text stays readable."""
    return f"\\u{ord(ch):04x}"


def _round_ceil() -> str:
    """`不足1天按1天计`: the three words with up to 12 characters between them."""
    short, by, count = (re.escape(w) for w in kw.ROUND_CEIL)
    return f"{short}[^,;\\n{by}]{{1,12}}{by}[^,;\\n{count}]{{1,12}}{count}"


def substitutions() -> dict[str, str]:
    """What each @@NAME@@ of the template stands for."""
    return {
        "HEADER_FIELDS": _alt(kw.HEADER_FIELDS),
        "DATA_BLOCK": _alt([kw.DATA_BLOCK]),
        "PARAM_BLOCK": _alt([kw.PARAM_BLOCK]),
        "GRADE_BLOCK": _alt([kw.GRADE_BLOCK]),
        "TEST_BLOCK": _alt([kw.TEST_BLOCK]),
        "NOTE": _alt([kw.NOTE]),
        "EXPECT": _alt([kw.EXPECT]),
        "AVERAGE_KW": _alt(kw.AVERAGE_WORDS[:1]),
        "CN_MARKER_CHARS": kw.CN_DIGITS + "十百千",
        "CN_NUMERAL_CHARS": kw.CN_NUMERAL_CHARS,
        "CN_DIGITS": kw.CN_DIGITS,
        "NUMBER": _NUMBER,
        "NUMBER_ARABIC": r"\d+(?:\.\d+)?",
        "OTHERWISE": _alt([kw.OTHERWISE]),
        "UNTIL_ZERO": _alt(kw.UNTIL_ZERO),
        "CAP_WORDS": _alt(kw.CAP_WORDS),
        "NODE_CAP_WORDS": _alt(kw.NODE_CAP_WORDS),
        "ROUND_RATIO": _alt(kw.ROUND_RATIO),
        "ROUND_CEIL": _round_ceil(),
        "POINTS": _alt([kw.POINTS_UNIT]),
        "PERCENT_CN_PREFIX": _alt([kw.PERCENT_CN_PREFIX]),
        "PERCENT_TENTHS": TENTHS,
        "NO_FLOOR": _alt(kw.NO_FLOOR),
        "BONUS_NODE": _alt([kw.BONUS_NODE]),
        "BONUS_CAP_WORDS": _alt(kw.BONUS_CAP_WORDS),
        "TAKE_MAX": _alt(kw.TAKE_MAX),
        "EVERY": _alt([kw.EVERY]),
        "BEYOND_PART": _alt(kw.BEYOND_PART),
        "VERBS": _alt([*kw.STEP_VERBS, *kw.COUNT_VERBS]),
        "COUNT_VERB_NOT": _alt([kw.COUNT_VERB_NOT]),
        "UNITS": _alt(u for u in kw.UNITS if u != kw.POINTS_UNIT),
        "TYPE_WORDS": _alt(kw.TYPE_WORDS),
        "EFFECTS": _alt(kw.EFFECTS),
        "FULL_MARKS": _alt([kw.FULL_MARKS]),
        "NO_SCORE": _alt(kw.NO_SCORE),
        "DISQUALIFY": _alt(kw.DISQUALIFY),
        "VETO": _alt(kw.VETO),
        "LABEL": _alt(kw.LABEL),
        "GRADE_LIMITS": _alt(kw.GRADE_LIMITS),
        "VETO_TOP": _alt(kw.VETO_TOP),
        "RANK_BY": _alt(kw.RANK_BY),
        "TIE_BY": _alt(kw.TIE_BY),
        "OCCUR_WORDS": _alt(kw.OCCUR_WORDS),
        "RANK_ORDERS": _alt(kw.RANK_ORDERS),
        "RANK_WORDS": _alt(kw.RANK_WORDS),
        "PLACE_PREFIXES": _alt(kw.PLACE_PREFIXES),
        "PLACE_SCOPES": _alt(kw.PLACE_SCOPES),
        "PLACE_NUMBER": r"(?:\d+|[" + kw.CN_NUMERAL_CHARS + r"]+)",
        "PLACES_ONWARD": _alt(kw.PLACES_ONWARD),
        "PLACES_TOP": _alt(kw.PLACES_TOP),
        "LAST_PLACE": _alt(kw.LAST_PLACE),
        "FIRST_PLACE": _alt(kw.FIRST_PLACE),
        "UNIT_NOUNS": _alt(kw.UNIT_NOUNS),
        "STEP_DOWN_BEFORE": _alt(kw.STEP_DOWN_BEFORE),
        "STEP_DOWN_VERBS": _alt(kw.STEP_DOWN_VERBS),
        "STEP_DOWN_WORDS": _alt(kw.STEP_DOWN_WORDS),
        "STEP_FLOOR": _alt(kw.STEP_FLOOR),
        "BEST_WORDS": _alt(kw.BEST_WORDS),
        "IN_TURN": _alt([kw.IN_TURN]),
        "PROPORTION_TO": _alt(kw.PROPORTION_TO),
        "PROPORTION_WORDS": _alt(kw.PROPORTION_WORDS),
        "STAT_WORDS": _alt(kw.STAT_WORDS),
        "UNIT_LINE": _alt([kw.UNIT_LINE]),
        "DISCRETION": _alt([kw.DISCRETION]),
        "SCORE_FROM": _alt(kw.SCORE_FROM),
        "HALF": _alt(kw.HALF),
        "EVERY_ITEM": _alt(kw.EVERY_ITEM),
        "RATIO_EARN": _alt(kw.RATIO_EARN),
        "SHARE_POST": _alt(kw.SHARE_POST),
        "RESPECTIVELY": _alt(kw.RESPECTIVELY),
        "VERSUS_PRE": _alt(kw.VERSUS_PRE),
        "VERSUS_POST": _alt(kw.VERSUS_POST),
        "VERSUS_BY": _alt(kw.VERSUS_BY),
        "ONCE_PRE": _alt([kw.ONCE_PRE]),
        "ONCE_POST": _alt(kw.ONCE_POST),
        "COUNT_VERBS": _alt(kw.COUNT_VERBS),
        "ONCE_VERBS": _alt(kw.ONCE_VERBS),
        "DECORATION_DE": _alt([kw.DECORATION_DE]),
        "NOT_WORDS": _alt(kw.NOT_WORDS),
        "AND_WORDS": _alt(kw.AND_WORDS),
        "OR_WORDS": _alt(kw.OR_WORDS),
        # the placeholders the passes before the lexer put in place of what they read
        "BAND_PLACEHOLDER": _code_point(mean_bands.PLACEHOLDER),
        "TIER_PLACEHOLDER": _code_point(ordinals.PLACEHOLDER),
        "SO_ON_PLACEHOLDER": _code_point(ordinals.SO_ON_PLACEHOLDER),
        "COMPARE_BEFORE": _compare_before(),
        # the words before an average never hold a comparison: `满意率低于全区平均水平`
        # is not `满` with the average `意率低于全区平均水平`
        "COMPARE_IN_WORDS": _alt(w for w in kw.comparison_words_before() if len(w) > 1),
        "MODAL": _alt(kw.MODAL_PREFIXES),
        "COMPARE_AFTER": _alt(kw.COMPARE_AFTER),
        "AVERAGE_WORDS": _alt(kw.AVERAGE_WORDS),
        "AVERAGE_NAMED": _alt(w for w in kw.AVERAGE_WORDS if w != "平均")
        + "|平均"
        + kw.AVERAGE_NOUN
        + "{1,8}?"
        + kw.AVERAGE_NOUN_FOLLOW
        + "|平均",
        "DE_BEFORE": _alt(kw.DE_BEFORE_NOUNS),
        "AVERAGE_SHARE": kw.average_share_pattern(),
        "DE_SUBJECT": _alt(kw.DE_SUBJECT_NOUNS),
        "FUNCTIONS": _alt(kw.FUNCTIONS),
        "PLACE_IN_FORMULA": _alt(kw.PLACE_IN_FORMULA),
        "COUNT_IN_FORMULA": _alt(kw.COUNT_IN_FORMULA),
        "REST_BAND": _alt(kw.REST_BAND),
        "QUOTA_AT_MOST": _alt(kw.QUOTA_AT_MOST),
        "QUOTA_SUBJECT": _alt(kw.QUOTA_SUBJECT),
        "QUOTA_BASES": _alt(kw.QUOTA_BASES),
        "QUOTA_ORDER": _alt(kw.QUOTA_ORDER),
        "DEFAULT_WORDS": _alt(kw.DEFAULT_WORDS),
        "RANGE_WORDS": _alt(kw.RANGE_WORDS),
        "FACT_SENSES": _alt(kw.FACT_SENSES),
        "BAND_BEYOND_PRE": _alt(kw.BAND_BEYOND_PRE),
        "BAND_BEYOND_POST": _alt(kw.BAND_BEYOND_POST),
        "POINT_UNITS": _alt(u for u, canon in kw.PERCENT_UNITS.items() if canon == "个百分点"),
        "RANGE_SEPARATORS": _alt(kw.RANGE_SEPARATORS),
    }


def grammar_text() -> str:
    """The grammar with every @@NAME@@ filled in."""
    template = importlib.resources.files("xize.grammar").joinpath("xize.lark").read_text("utf-8")
    subs = substitutions()
    return re.sub(r"@@([A-Z_]+)@@", lambda m: subs[m.group(1)], template)


def line_break_kind(value: str) -> str:
    """What a NEWLINE token (`\n[ \t\n]*`) becomes: `_NL_INDENT` when the line after it
    is indented, else `_NL`."""
    return "_NL_INDENT" if value[-1] in " \t" else "_NL"


class LineBreaks:
    """Postlexer: a run of line breaks becomes `_NL`, or `_NL_INDENT` when the line after
    it is indented.  The decision needs only the token itself (its text ends with the
    next line's indentation), so the lexer can be restarted anywhere after an error.
    (`lalr.Driver` does the same inline.)"""

    always_accept = ("NEWLINE",)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        for token in stream:
            if token.type == "NEWLINE":
                yield Token.new_borrow_pos(line_break_kind(token.value), token.value, token)
            else:
                yield token


_LOCK = threading.Lock()
_PARSER: Lark | None = None


def strict_available() -> bool:
    """Lark's strict mode (no shift/reduce conflict, no two terminals that can match the
    same text in one parser state) needs the `interegular` package."""
    return importlib.util.find_spec("interegular") is not None


def build_parser(strict: bool = True, cache: str | bool = False) -> Lark:
    """A new parser; `strict=True` (the test suite's) needs `interegular`, which the
    compiler otherwise keeps out of Lark (see `lark_import`)."""
    if strict:
        enable_strict()
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        strict=strict,
        postlex=LineBreaks(),
        maybe_placeholders=False,
        cache=cache,
    )


def _cache_folder() -> str | None:
    """The user's private cache directory for the parser (None if there is none safe)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "xize")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.stat(folder)
        if info.st_uid != os.getuid() or info.st_mode & 0o077:
            return None
    except (OSError, AttributeError):
        return None
    return folder


@functools.cache
def _grammar_digest() -> str:
    return hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()[:16]


def _cache_file() -> str | bool:
    """A private, per-user cache of the built parser tables.

    Building the contextual lexer checks every pair of terminals for collisions, which
    costs seconds; Lark can store the finished tables.  They are pickled, so they live
    only in a directory that belongs to the user (mode 0700), never in a shared temp
    directory, and Lark reloads them only when the grammar's hash matches."""
    folder = _cache_folder()
    if folder is None:
        return False
    return os.path.join(folder, f"parser-{_grammar_digest()}-lark{lark.__version__}.pickle")


def _patterns_file() -> str | None:
    """Where the compiled lexer patterns of this grammar and interpreter are kept."""
    folder = _cache_folder()
    name = cache_name()
    if folder is None or name is None:
        return None
    return os.path.join(folder, f"lexers-{_grammar_digest()}-{name}.marshal")


def _install_patterns(built: Lark) -> None:
    """Let every lexer of `built` compile its pattern from the stored code
    (`patterns.py`); the first time, compile them all and store them."""
    store = StoredPatterns(_patterns_file())
    contextual = built.parser.lexer.lexer
    lexers = {id(basic): basic for basic in contextual.lexers.values()}
    lexers[id(contextual.root_lexer)] = contextual.root_lexer
    for basic in lexers.values():
        basic.re = store
    if store.path is not None and not store.complete:
        for basic in lexers.values():
            basic.scanner  # noqa: B018  (compiles the pattern, through the store)
        store.save()


def parser() -> Lark:
    """The shared LALR parser, built on first use.

    The grammar is kept conflict-free by the test suite, which builds it with
    `strict=True` (Lark then refuses any shift/reduce conflict or terminal collision);
    at run time the finished tables come from the per-user cache when possible."""
    global _PARSER
    with _LOCK:
        if _PARSER is None:
            cache = _cache_file()
            try:
                built = build_parser(strict=False, cache=cache)
            except Exception:  # an unreadable or stale cache must never stop a parse
                built = build_parser(strict=False)
            try:
                _install_patterns(built)
            except Exception:  # the lexers then compile their patterns as Lark does
                pass
            _PARSER = built
        return _PARSER
