"""The IR: the meaning of a policy, independent of how it was written.

A closed set of clause kinds over exact decimals, with budgets per node (`nodes.py`),
and helpers every consumer shares: traversal (`util`), clause text (`text`) and an
IR comparison that ignores lines (`normalise`).  Produced by `lower`, read by the
backends, the interpreter and the tools.  May import only `source`.
"""

from . import nodes, util
from .nodes import Fact

__all__ = ["Fact", "nodes", "util"]
