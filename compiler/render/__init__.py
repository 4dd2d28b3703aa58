"""`xize render`: a policy → the official document (md, html, docx).

A writers' tool on top of the pipeline: may import `source`, `diagnostics`, `syntax`
and `ir`.
"""

from .formats import FORMATS, render

__all__ = ["FORMATS", "render"]
