"""The rendered document as one self-contained HTML file with print-ready A4 CSS.

Everything (styles included) is inline so that the file can be mailed or archived
alone; the page box follows GB/T 9704-2012 (A4, margins 37/26/35/28 mm, 16pt body).
Text is autoescaped: policy text is data and never markup.
"""

from __future__ import annotations

import hashlib
from importlib import resources

import jinja2

from .md import _joint, meta_lines
from .model import NO_FACTS, Document


def _template() -> jinja2.Template:
    text = (
        resources.files("xize.compiler.render.templates")
        .joinpath("render_html.j2")
        .read_text("utf-8")
    )
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    return env.from_string(text)


def anchor(path: str) -> str:
    """A stable ASCII id for a node (marker paths are Chinese and contain parentheses)."""
    return "n-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:10]


def render_html(doc: Document) -> str:
    top = doc.top_heading
    return _template().render(
        doc=doc,
        meta=meta_lines(doc),
        top_heading=top,
        anchor=anchor,
        joint=_joint,
        no_facts=NO_FACTS,
    )
