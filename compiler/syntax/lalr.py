"""A faster main loop for Lark's LALR parser with the contextual lexer and `LineBreaks`.

`Driver(lark, interactive).resume()` does what `interactive.resume_parse()` does — lex with the lexer
of the parser's current state, turn `NEWLINE` into `_NL` / `_NL_INDENT`, feed each
token, reduce with the builder's callbacks — in one Python function instead of a chain
of generators and method calls per token (lexer thread, postlexer, `next_token`,
`LineCounter.feed`, `feed_token`, rules hashed by a Python `__hash__`).  That was two
thirds of the time of a parse.

Everything observable is Lark's: the same tables, lexers and compiled patterns, the
same tokens (type, value, positions), the same reductions in the same order, and the
same exceptions with the parser's stacks in the same state.  Whatever is rare stays
with Lark: a character no terminal matches is handed to Lark's own lexer (which raises
its usual `UnexpectedCharacters` / `UnexpectedToken`), and the end of input is fed by
`ParserState.feed_token`.
"""

from __future__ import annotations

import threading
from typing import Any

from .grammar import line_break_kind
from .lark_import import (
    ExpandSingleChild,
    InteractiveParser,
    Lark,
    Shift,
    Token,
    UnexpectedToken,
)

_new_token = str.__new__  # Token(...) without the keyword handling of Token.__new__


class _Tables:
    """Lark's parse table recast for the loop: per state, terminal or rule name → the
    next state (an int) for a shift, or `(rule index, size, rule name)` for a reduce;
    and per parser state, its lexer's patterns and sets, built on first use (compiling
    a lexer's patterns is what Lark also defers)."""

    def __init__(self, lark: Lark):
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        self.rules: list = []
        index: dict[int, int] = {}
        # a list indexed by state (Lark numbers them 0…n-1): faster than a dict
        self.states: list[dict[str, Any]] = [{} for _ in range(max(table.states) + 1)]
        for state, actions in table.states.items():
            row: dict[str, Any] = {}
            for name, (action, arg) in actions.items():
                if action is Shift:
                    assert isinstance(arg, int)  # Lark's IntParseTable, cached or not
                    row[name] = arg
                else:
                    key = id(arg)
                    if key not in index:
                        index[key] = len(self.rules)
                        self.rules.append(arg)
                    row[name] = (index[key], len(arg.expansion), arg.origin.name)
            self.states[state] = row
        self.contextual = frontend.lexer.lexer
        self._lexers: dict[int, tuple] = {}
        self._lock = threading.Lock()
        self.size = len(self.states)

    def lexer(self, state: int) -> tuple:
        """(the first pattern's match, the other patterns, types skipped without a token,
        ignored types, types that may hold a line break, callbacks)."""
        found = self._lexers.get(state)
        if found is None:
            with self._lock:
                basic = self.contextual.lexers[state]
                scanner = basic.scanner  # builds the scanner and basic.callback
                found = (
                    scanner._mres[0].match,
                    tuple(scanner._mres[1:]),
                    frozenset(basic.ignore_types) - set(basic.callback),
                    basic.ignore_types,
                    basic.newline_types,
                    basic.callback,
                )
                self._lexers[state] = found
        return found


_TABLES: dict[int, tuple[Lark, _Tables]] = {}


def _tables(lark: Lark) -> _Tables:
    entry = _TABLES.get(id(lark))
    if entry is None or entry[0] is not lark:
        entry = (lark, _Tables(lark))
        _TABLES[id(lark)] = entry
    return entry[1]


class Driver:
    """Runs one parse: `resume()` is `interactive.resume_parse()`, as often as the
    error recovery needs (what it sets up is done once, not once per broken line)."""

    def __init__(self, lark: Lark, interactive: InteractiveParser, reducers: list | None = None):
        """`reducers`: what `reducers(lark, callbacks)` made of the parser's callbacks,
        if the caller keeps it."""
        self.tables = _tables(lark)
        self.interactive = interactive
        if reducers is None:
            callbacks = interactive.parser_state.parse_conf.callbacks
            reducers = _reducers(self.tables, callbacks) if callbacks else None
        self.reducers = reducers
        self.lexers: list[tuple | None] = [None] * self.tables.size

    def resume(self) -> Any:
        return _drive(self.tables, self.interactive, self.reducers, self.lexers)


def _drive(
    tables: _Tables,
    interactive: InteractiveParser,
    reducers: list | None,
    lexers: list[tuple | None],
) -> Any:
    pstate = interactive.parser_state
    states = tables.states
    lexer_of = tables.lexer
    state_stack = pstate.state_stack
    value_stack = pstate.value_stack
    lex_state = interactive.lexer_thread.state
    assert lex_state is not None
    text = lex_state.text.text
    end = lex_state.text.end
    counter = lex_state.line_ctr
    pos = counter.char_pos
    line = counter.line
    line_start = counter.line_start_pos
    last = lex_state.last_token
    token = last  # the last token fed (for the position of $END)

    def sync() -> None:
        counter.char_pos = pos
        counter.line = line
        counter.line_start_pos = line_start
        counter.column = pos - line_start + 1
        lex_state.last_token = last

    in_lark = False  # Lark's lexer has the counter: leave it as Lark leaves it
    try:
        while pos < end:
            state = state_stack[-1]
            scan = lexers[state]
            if scan is None:
                scan = lexers[state] = lexer_of(state)
            first, more, skipped, ignored, multiline, lexer_callbacks = scan
            match = first(text, pos, end)
            if match is None:
                for mre in more:
                    match = mre.match(text, pos, end)
                    if match:
                        break
            if match is None:
                # No terminal of this state matches: Lark's lexer raises its error
                # (trying its other terminals first, for a better message).
                sync()
                in_lark = True
                token = next(tables.contextual.lex(lex_state, pstate))
                in_lark = False
                pos = counter.char_pos
                line = counter.line
                line_start = counter.line_start_pos
                last = lex_state.last_token
                if token.type == "NEWLINE":
                    token = Token.new_borrow_pos(line_break_kind(token.value), token.value, token)
                pstate.feed_token(token)
                continue
            value = match.group(0)
            kind = match.lastgroup
            start = pos
            start_line = line
            column = pos - line_start + 1
            if kind in multiline:
                breaks = value.count("\n")
                if breaks:
                    line += breaks
                    line_start = pos + value.rindex("\n") + 1
            pos += len(value)
            if kind in skipped:
                continue
            token = _new_token(Token, value)
            token.type = kind
            token.start_pos = start
            token.value = value
            token.line = start_line
            token.column = column
            token.end_line = line
            token.end_column = pos - line_start + 1
            token.end_pos = pos
            if kind in lexer_callbacks:
                token = lexer_callbacks[kind](token)
                if kind in ignored:
                    continue
            last = token
            if token.type == "NEWLINE":
                token = Token.new_borrow_pos(line_break_kind(value), value, token)

            # ---- feed the token: ParserState.feed_token, inlined
            kind = token.type
            while True:
                row = states[state_stack[-1]]
                if kind not in row:
                    expected = {s for s in row if s.isupper()}
                    raise UnexpectedToken(token, expected, state=pstate, interactive_parser=None)
                action = row[kind]
                if type(action) is int:
                    state_stack.append(action)
                    value_stack.append(token)
                    break
                rule, size, name = action
                if reducers is not None:
                    reducer = reducers[rule]
                    if reducer is None:  # `?rule` of one symbol: the value stays
                        state_stack[-1] = states[state_stack[-2]][name]
                        continue
                else:
                    reducer = list
                if size:
                    children = value_stack[-size:]
                    del state_stack[-size:]
                    del value_stack[-size:]
                else:
                    children = []
                state_stack.append(states[state_stack[-1]][name])
                value_stack.append(reducer(children))
    except BaseException:
        if not in_lark:
            sync()
        raise
    sync()
    if token is not None:
        end_token = Token.new_borrow_pos("$END", "", token)
    else:
        end_token = Token("$END", "", 0, 1, 1)
    return pstate.feed_token(end_token, True)


def reducers(lark: Lark, callbacks: dict) -> list:
    """The rule callbacks in the form `Driver` uses."""
    return _reducers(_tables(lark), callbacks)


def _reducers(tables: _Tables, callbacks: dict) -> list:
    """The callback of each rule by index; None for a `?rule` with one symbol, whose
    callback (`ExpandSingleChild`) would hand back the child itself."""
    out: list = []
    for rule in tables.rules:
        callback = callbacks[rule]
        if isinstance(callback, ExpandSingleChild) and len(rule.expansion) == 1:
            out.append(None)
        else:
            out.append(callback)
    return out
