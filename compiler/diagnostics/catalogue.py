"""The error catalogue: `xize explain-error CODE` and `docs/errors.md`, from one source.

Message and hint words come from `messages.py` (the table the diagnostics use), the
meaning, the example and the fix from `error_examples.py`, so the documentation cannot
drift from what the compiler prints.  Regenerate the page with
`python -m xize.compiler.diagnostics > docs/errors.md`.
"""

from __future__ import annotations

import re

from .examples import EXAMPLES, Example
from .messages import MESSAGES, Entry

_INVISIBLE = re.compile(
    r"[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)

_SECTIONS = (
    ("E1", "E1xx 读取文本（语法与字符）", "E1xx reading the text (syntax and characters)"),
    ("E2", "E2xx 含义（名称、类型、分值、等次）", "E2xx meaning (names, types, points, bands)"),
    ("W3", "W3xx 警告（可能的错误）", "W3xx warnings (likely mistakes)"),
)


def codes() -> list[str]:
    """Every diagnostic code, in catalogue order."""
    return sorted(MESSAGES)


def visible(text: str) -> str:
    """Show invisible and control characters as `\\uXXXX`, so an example can be read."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: Example lines shown in full; a longer example (E241's thousand bands) is shown with
#: its middle left out.
SHOWN_LINES = 30


def example_lines(text: str) -> list[str]:
    """An example's lines as shown, control characters visible, the middle of a very
    long example replaced by a line saying how many lines were left out."""
    lines = visible(text).rstrip("\n").split("\n")
    if len(lines) <= SHOWN_LINES:
        return lines
    head, tail = lines[: SHOWN_LINES - 5], lines[-4:]
    return [*head, f"  ……（此处省略 {len(lines) - len(head) - len(tail)} 行）", *tail]


def normalise_code(code: str) -> str:
    """`e201`, `201`, ` E201 ` → `E201` (a user types codes loosely)."""
    code = code.strip().upper()
    if code.isdigit():
        for prefix in ("E", "W"):
            if prefix + code in MESSAGES:
                return prefix + code
    return code


def explain(code: str, lang: str = "zh") -> str:
    """The full explanation of one code as plain text; KeyError for an unknown code."""
    code = normalise_code(code)
    entry = MESSAGES[code]
    example = EXAMPLES.get(code)
    en = lang == "en"
    kind = _severity(entry, en)
    lines = [f"{code} ({kind})" if en else f"{code}（{kind}）", ""]
    lines.append(("Message: " if en else "信息：") + (entry.en if en else entry.zh))
    hint = entry.hint_en if en else entry.hint_zh
    if hint:
        lines.append(("Hint: " if en else "提示：") + hint)
    if example is not None:
        lines += ["", example.meaning_en if en else example.meaning_zh, ""]
        lines.append("Example:" if en else "示例：")
        lines += ["    " + line for line in example_lines(example.bad)]
        lines += ["", ("Fix: " if en else "改正：") + (example.fix_en if en else example.fix_zh)]
        lines += ["    " + line for line in _changed_lines(example)]
        if example.reported_as:
            lines += ["", _reported_note(example.reported_as, en)]
    return "\n".join(lines) + "\n"


def _severity(entry: Entry, en: bool) -> str:
    if entry.severity == "error":
        return "error" if en else "错误"
    return "warning" if en else "警告"


def _changed_lines(example: Example) -> list[str]:
    """The lines of the fixed file that differ from the example: the fix at a glance."""
    bad = set(example.bad.split("\n"))
    changed = [line for line in example.good.split("\n") if line and line not in bad]
    return [visible(line) for line in changed] or ["（删除出错的行）"]


def errors_markdown() -> str:
    """The whole of docs/errors.md."""
    out = [
        "# 诊断代码一览 / Diagnostic codes",
        "",
        "`xize check` 报告的每个代码：信息、提示、含义、最小示例与改法。",
        "`xize explain-error CODE [--lang en]` 在命令行中给出同样的内容。",
        "",
        "Every code `xize check` reports: message, hint, meaning, a minimal example and the fix.",
        "`xize explain-error CODE [--lang en]` prints the same on the command line.",
        "",
        "本页由 `python -m xize.compiler.diagnostics > docs/errors.md` 生成。",
        "",
    ]
    for prefix, zh, en in _SECTIONS:
        section = [c for c in codes() if c.startswith(prefix)]
        if section:
            out += [f"## {zh} / {en}", ""]
            for code in section:
                out += _markdown_entry(code)
    other = [c for c in codes() if not any(c.startswith(p) for p, _, _ in _SECTIONS)]
    for code in other:
        out += _markdown_entry(code)
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_entry(code: str) -> list[str]:
    entry = MESSAGES[code]
    example = EXAMPLES.get(code)
    out = [f"### {code}", ""]
    out.append(f"- **{_severity(entry, False)} / {_severity(entry, True)}**")
    out.append(f"- 信息：{_md_inline(entry.zh)}")
    out.append(f"- Message: {_md_inline(entry.en)}")
    if entry.hint_zh:
        out.append(f"- 提示：{_md_inline(entry.hint_zh)}")
    if entry.hint_en:
        out.append(f"- Hint: {_md_inline(entry.hint_en)}")
    out.append("")
    if example is None:
        return out
    out += [example.meaning_zh, "", example.meaning_en, "", "```"]
    out += example_lines(example.bad)
    out += ["```", "", f"改正 / Fix: {example.fix_zh} {example.fix_en}", "", "```"]
    out += _changed_lines(example)
    out += ["```", ""]
    if example.reported_as:
        out += [
            _reported_note(example.reported_as, False),
            "",
            _reported_note(example.reported_as, True),
            "",
        ]
    return out


def _reported_note(code: str, en: bool) -> str:
    if en:
        return (
            f"Note: for this example the parser stops first with {code}, because the word "
            "is outside the keyword table; this code is reported when the tree is built otherwise."
        )
    return f"注：上例中的用语不在关键词表内，语法分析阶段会先报告 {code}；本代码用于其他途径构造的语法树。"


def _md_inline(text: str) -> str:
    """Keep `{placeholders}` and the odd `*` from being read as Markdown."""
    return text.replace("*", "\\*")


def documented_codes(markdown: str) -> set[str]:
    """The codes that have a `### CODE` heading in a rendered errors page."""
    return set(re.findall(r"^### ([EW]\d{3})\s*$", markdown, flags=re.M))
