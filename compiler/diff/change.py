"""One revision of a policy, as the diff reports it, and the helpers every part shares."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import nodes as ir
from ..source.text import normalise


@dataclass(frozen=True)
class Change:
    """One revision. `kind` names what changed (see KINDS); `text` says it in Chinese.

    `path` is the node's marker path in the new version (the old one for a removal),
    "" for policy-level changes; `old`/`new` are the values as shown to a reader."""

    kind: str
    path: str
    title: str
    old: str
    new: str
    text: str
    subject: str = ""


KINDS = (
    "header",
    "node_added",
    "node_removed",
    "node_renamed",
    "node_moved",
    "points",
    "budget",
    "floor",
    "bonus_cap",
    "take_max",
    "clause_added",
    "clause_removed",
    "clause_rewritten",
    "amount",
    "threshold",
    "step",
    "rounding",
    "cap",
    "fact_added",
    "fact_removed",
    "fact_changed",
    "band_added",
    "band_removed",
    "band_changed",
)


def as_ir(policy: object) -> ir.Policy:
    """Accept an `api.Policy` (has `.ir`) or an `ir.Policy`."""
    return policy.ir if hasattr(policy, "ir") else policy  # type: ignore[return-value]


def same_text(a: str, b: str) -> bool:
    """Equal up to the full-width/ASCII spellings the language treats as one."""
    return normalise(a).strip() == normalise(b).strip()


def label(node: ir.Node) -> str:
    """`(五)3 “个人上访”`: how a revision note names a node."""
    return f"{node.path} “{node.title}”"
