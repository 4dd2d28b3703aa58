"""`xize import`: a 细则 as it arrives (.docx, .txt, .md) → a draft `.rule` file.

A tool on top of the pipeline.  Takes a document; gives the text of a draft and a
summary (nodes, points, sentences drafted, sentences left `待处理`).  `reading` reads
Word (paragraphs and tables, merged cells) and text (UTF-8 or GB18030); `tables`
turns the 项目/分值/考核内容/评分标准 layout into nodes; `outline` finds the header,
the GB/T 9704 outline with points, grade bands and notes; `clauses` drafts each
scoring sentence and keeps a clause only when the real front end compiles it
(`trial`); `names` makes fact names; `known` reads documents that list their facts
(a rendered 细则's appendix); `draft` writes the file and settles it against the
checker; `earned` gives the earning clauses that cannot fill their item a sub-item;
`readers/` holds the sentence shapes, one family a module (`shapes` the first ones and
the `Reading` they give).
May import `source`, `diagnostics`, `syntax`, `check` (to try a clause) and
`render` (to read a rendered document back); never the runtime.
"""

from __future__ import annotations

from pathlib import Path

from .draft import Draft, Summary, write_draft
from .outline import read_outline
from .reading import ImportFailure, read_document


def import_document(path: str | Path) -> Draft:
    """Read a .docx/.txt/.md 细则 and draft a .rule file from it.  Raises ImportFailure."""
    path = Path(path)
    return write_draft(read_outline(read_document(path)), path.name)


__all__ = ["Draft", "ImportFailure", "Summary", "import_document"]
