"""`parse(source)`: .rule text → AST and diagnostics, for any input whatsoever.

The pipeline is `lexical.prepare` (hidden characters, comments) → one Lark LALR parse
of the whole file (run by `lalr.Driver`), whose reductions call `transform.Builder`
(AST, clause classification) directly, with no parse tree in between →
`transform.build` → `outline.build` (the node tree).  A syntax error costs one line:
the parser drops what it had read of that line (and the builder what it reported
about it), restarts the lexer at the next line break, and goes on, so that one run
reports the errors of many lines.
"""

from __future__ import annotations

import re
import threading
from copy import copy

from ..diagnostics.diagnostic import Diagnostic, sort_diagnostics
from ..source.gcpause import paused_gc
from ..source.text import Source, Span
from . import ast
from .build.transform import Builder, build
from .grammar import parser as lark_parser
from .lalr import Driver, reducers
from .lark_import import (
    InteractiveParser,
    Lark,
    LexerState,
    LineCounter,
    ParserState,
    Token,
    UnexpectedInput,
    UnexpectedToken,
)
from .lexical import Prepared, prepare

#: After this many reported syntax errors the file is not worth reading further.
MAX_SYNTAX_ERRORS = 100
#: Nor after this many broken lines, reported or not.
MAX_FAILED_LINES = 20000

_NEWLINES = ("_NL", "_NL_INDENT")
_EMPTY = Source("", "<none>")
_EMPTY_PREPARED = Prepared("")
_LINE_BREAK = re.compile(r"\n[ \t\n]*")


def parse(source: Source) -> tuple[ast.PolicyFile | None, list[Diagnostic]]:
    """The file's AST (None when nothing usable could be built) and its diagnostics.

    Never raises: every problem of the text is a diagnostic.
    """
    with paused_gc():  # the parse makes many small objects and no cycles worth collecting
        try:
            return _parse(source)
        except RecursionError:
            return None, [_internal(source, "RecursionError")]
        except Exception as error:  # the contract is "never raises"; tests look for this
            return None, [_internal(source, type(error).__name__)]


_LOCAL = threading.local()


def _builder(lark: Lark, source: Source, prepared: Prepared) -> tuple[Builder, dict, list]:
    """This thread's builder, started on `source`, with its callbacks (rule → bound
    method) in Lark's form and in the driver's."""
    kept = getattr(_LOCAL, "builder", None)
    if kept is None or kept[0] is not lark:
        builder = Builder(source, prepared)
        callbacks = builder.callbacks(lark)
        kept = (lark, builder, callbacks, reducers(lark, callbacks))
        _LOCAL.builder = kept
    _, builder, callbacks, driven = kept
    builder.reset(source, prepared)
    return builder, callbacks, driven


def _parse(source: Source) -> tuple[ast.PolicyFile | None, list[Diagnostic]]:
    prepared = prepare(source)
    diags = list(prepared.diagnostics)
    lark = lark_parser()
    builder, callbacks, driven = _builder(lark, source, prepared)
    try:
        entries, syntax = _run(prepared, source, lark, builder, callbacks, driven)
        diags += syntax
        if entries is None:
            return None, sort_diagnostics(diags)
        policy, more = build(entries, builder, source, prepared)
    finally:
        builder.reset(_EMPTY, _EMPTY_PREPARED)  # keep no file alive between parses
    diags += more
    return policy, sort_diagnostics(diags)


def _internal(source: Source, what: str) -> Diagnostic:
    return Diagnostic(
        "E101",
        Span(1, 1, 1, 2),
        {
            "found": f"“{source.filename}”",
            "found_en": f"“{source.filename}”",
            "expected": f"可解析的文本（解析器内部错误 {what}）",
            "expected_en": f"parseable text (internal parser error {what})",
            "did_you_mean": "",
            "did_you_mean_en": "",
            "internal": what,
        },
    )


# --------------------------------------------------------------------------- driver


def _run(
    prepared: Prepared,
    source: Source,
    lark: Lark,
    builder: Builder,
    callbacks: dict,
    driven: list,
) -> tuple[list | None, list[Diagnostic]]:
    """Parse the whole text, recovering line by line; (the file's entries or None, E1xx
    diagnostics)."""
    text = prepared.text
    interactive = lark.parse_interactive(text)
    interactive.parser_state.parse_conf.callbacks = callbacks
    driver = Driver(lark, interactive, driven)
    diags: list[Diagnostic] = []
    last_failure = (-1, -1)
    cascade = _Cascade(prepared)
    reported = failures = 0
    while True:
        try:
            return driver.resume(), diags
        except UnexpectedInput as error:
            # Imported here: a file without syntax errors never needs the messages.
            from .syntax_errors import describe, where

            failures += 1
            line = where(error, text)[1]
            if not cascade.covers(line):
                reported += 1
                expected = _expected(error, interactive)
                diags.append(describe(error, expected, text, source.line_text(line)))
                cascade.start(line)
            if reported > MAX_SYNTAX_ERRORS or failures > MAX_FAILED_LINES:
                return None, diags
            resume = _resume_offset(error, text)
            failure = (resume, len(interactive.parser_state.state_stack))
            if failure <= last_failure:
                # the same place twice: skip one more line (or stop at the end)
                after = text.find("\n", max(resume, last_failure[0]) + 1)
                if after < 0:
                    return None, diags
                resume = after
            last_failure = (resume, len(interactive.parser_state.state_stack))
            _drop_line(interactive, builder)
            resume = _feed_line_break(interactive, prepared, resume)
            _restart_lexer(interactive, prepared, resume)


def _expected(error: UnexpectedInput, interactive: InteractiveParser) -> set[str]:
    """The terminals that really fit here.

    An LALR state's table also lists terminals that only fit after reductions that
    would fail later (merged lookaheads); each candidate is tried on a copy of the
    stacks, without building trees, and kept only if the parser takes it.
    """
    if isinstance(error, UnexpectedToken) and error.state is not None:
        state = error.state
        candidates = set(error.expected)
    else:
        state = interactive.parser_state
        candidates = {name for name in interactive.choices() if name.isupper()}
    if "NEWLINE" in candidates:  # the lexer's name for what the postlexer makes of it
        candidates |= {"_NL", "_NL_INDENT"}
    candidates -= {"NEWLINE", "WS"}
    conf = copy(state.parse_conf)
    conf.callbacks = {}
    fitting = set()
    for name in candidates:
        trial = ParserState(conf, state.lexer, list(state.state_stack), list(state.value_stack))
        try:
            trial.feed_token(Token(name, ""), is_end=name == "$END")
        except UnexpectedInput:
            continue
        except Exception:  # a table entry the trial cannot follow: keep the word
            pass
        fitting.add(name)
    return fitting or candidates


def _resume_offset(error: UnexpectedInput, text: str) -> int:
    """Where the lexer starts again: at the line break that ends the broken line."""
    from .syntax_errors import where

    start, _, _, token = where(error, text)
    if token is not None and token.type in _NEWLINES:
        return start
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _drop_line(interactive: InteractiveParser, builder: Builder) -> None:
    """Forget everything read since the line break before the broken line, and what the
    builder reported about it.

    Line breaks occur only between lines in the grammar, so the parser's stacks hold
    the break that started the current line until that line is complete.
    """
    state = interactive.parser_state
    values = state.value_stack
    keep = 0
    first_line = 1
    for index in range(len(values) - 1, -1, -1):
        value = values[index]
        if isinstance(value, Token) and value.type in _NEWLINES:
            keep = index
            first_line = value.end_line
            break
    del values[keep:]
    del state.state_stack[keep + 1 :]
    builder.forget_from(first_line)


def _feed_line_break(interactive: InteractiveParser, prepared: Prepared, offset: int) -> int:
    """Feed the line break at `offset` as a kind the parser can take here; where to lex next.

    Dropping a line can leave the parser where only one kind of break fits (after a
    completed header line an indented line cannot continue it any more): the next line
    then starts afresh, and an error in it is reported against that line.
    """
    match = _LINE_BREAK.match(prepared.text, offset)
    if match is None:
        return offset
    natural = "_NL_INDENT" if match.group()[-1] in " \t" else "_NL"
    choices = {name for name in interactive.choices() if name in _NEWLINES}
    if natural in choices or not choices:
        return offset
    kind = "_NL" if "_NL" in choices else "_NL_INDENT"
    line, column = prepared.position(offset)
    end_line, end_column = prepared.position(match.end())
    token = Token(
        kind,
        match.group(),
        start_pos=offset,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        end_pos=match.end(),
    )
    try:
        interactive.feed_token(token)
    except UnexpectedInput:
        return offset  # the loop's guard skips this line
    return match.end()


def _restart_lexer(interactive: InteractiveParser, prepared: Prepared, offset: int) -> None:
    counter = LineCounter("\n")
    line, column = prepared.position(offset)
    counter.char_pos = offset
    counter.line = line
    counter.column = column
    counter.line_start_pos = offset - column + 1
    old = interactive.lexer_thread.state
    assert old is not None
    interactive.lexer_thread.state = LexerState(old.text, counter, old.last_token)


def _indent(prepared: Prepared, line: int) -> int:
    """How far a line's code is indented (a blank line counts as not indented)."""
    start = prepared.line_starts[line - 1] if line - 1 < len(prepared.line_starts) else 0
    end = prepared.text.find("\n", start)
    code = prepared.text[start : end if end >= 0 else len(prepared.text)]
    return len(code) - len(code.lstrip(" \t")) if code.strip() else 0


class _Cascade:
    """Errors on lines indented under a line that failed repeat that line's error (a
    mistyped `数据：` makes every line of its body fail); they are not reported.  Lines
    are looked at once each, however many errors follow."""

    def __init__(self, prepared: Prepared):
        self.prepared = prepared
        self.base: int | None = None  # indentation of the failed line
        self.checked = 0  # lines up to here lie under it

    def start(self, line: int) -> None:
        self.base = _indent(self.prepared, line)
        self.checked = line

    def covers(self, line: int) -> bool:
        if self.base is None or line <= self.checked:
            return False
        for below in range(self.checked + 1, line + 1):
            if self._has_code(below) and _indent(self.prepared, below) <= self.base:
                self.base = None
                return False
        self.checked = line
        return True

    def _has_code(self, line: int) -> bool:
        text = self.prepared.text
        start = self.prepared.line_starts[line - 1]
        end = text.find("\n", start)
        return bool(text[start : end if end >= 0 else len(text)].strip())
