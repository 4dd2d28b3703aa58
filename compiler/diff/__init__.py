"""`xize diff`: two IRs → revision notes, and with data, whose score and rank move.

A writers' tool on top of the pipeline: may import `source`, `diagnostics`, `ir` and
`render` (for its Markdown conventions).
"""

from .compare import Change, diff
from .md import diff_markdown
from .scores import ScoreChange, rank_text, score_changes

__all__ = ["Change", "ScoreChange", "diff", "diff_markdown", "rank_text", "score_changes"]
