"""The source stage: .rule text as the compiler sees it.

Takes the bytes-decoded text of a policy; gives a `Source` whose full-width forms are
normalised one for one (so columns still match the file), line/column spans, display
widths for carets, and official punctuation for writers' tools.  Imports nothing of
xize: every later stage stands on it.
"""

from .text import Source, Span, display_width, normalise

__all__ = ["Source", "Span", "display_width", "normalise"]
