"""Regenerate the official document from a rule file: `md`, `html` or `docx`.

A reader must accept the output as the 细则 itself (LANGUAGE.md §1): the outline,
markers, points and 说明 as written, the grade table, and an appendix that says what
each input fact is.  This module only dispatches; the document model and each output
format live in their own modules.
"""

from __future__ import annotations

import io
from typing import IO

from .html import render_html
from .md import render_markdown
from .model import Document, build, document_for

FORMATS = ("md", "html", "docx")


def render(policy: object, fmt: str) -> str | bytes:
    """Render an `api.Policy` (or a ready `Document`): text for md/html, bytes for docx."""
    doc = policy if isinstance(policy, Document) else document_for(policy)
    if fmt == "md":
        return render_markdown(doc)
    if fmt == "html":
        return render_html(doc)
    if fmt == "docx":
        from .docx import render_docx  # python-docx loads only when a .docx is asked for

        buffer = io.BytesIO()
        render_docx(doc, buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def render_to(policy: object, fmt: str, out: str | IO[bytes]) -> None:
    """Render straight to a file path (or a binary stream)."""
    data = render(policy, fmt)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if isinstance(out, str):
        with open(out, "wb") as fh:
            fh.write(data)
    else:
        out.write(data)


__all__ = ["FORMATS", "Document", "build", "document_for", "render", "render_to"]
