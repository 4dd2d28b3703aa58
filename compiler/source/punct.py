"""Official punctuation: the full-width marks a Chinese official text is printed with.

A writer may type `(一)`, `:` or `,` in ASCII (the language reads both spellings as
one); the formatted file and the rendered document show `（一）`, `：` and `，`.
Text inside `【】` and `“”` is a name or a quotation: it is never touched.
"""

from __future__ import annotations

from .text import normalise

#: ASCII → full-width for the marks an official text prints full-width.
FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})

_OPEN = {"【": "】", "“": "”"}


def official(text: str, protect: bool = True) -> str:
    """Full-width punctuation outside `【…】` and `“…”`; other full-width forms → ASCII.

    Digits, letters, `%`, `-`, `+`, `/`, `=` and `<>` stay ASCII, as in printed 细则.
    With `protect`, bracketed names and quotations are copied unchanged.
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _OPEN.get(ch) if protect else None
        if close is not None:
            end = text.find(close, i + 1)
            if end != -1:
                out.append(text[i : end + 1])
                i = end + 1
                continue
        out.append(normalise(ch).translate(FULL))
        i += 1
    return "".join(out)
