"""Helpers shared by the property tests: compiling with a cache, the reference
interpreter, and comparing results with the independent model of `strategies.py`."""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal
from pathlib import Path

from xize.compiler import PolicyError, compile_policy
from xize.compiler.interpret.engine import Interpreter

ROOT = Path(__file__).resolve().parent.parent
POLICY_DIR = ROOT / "policies"
_CACHE: OrderedDict = OrderedDict()


def seed_policies() -> list[Path]:
    return sorted(POLICY_DIR.glob("*.rule"))


def compiled(text: str):
    """compile_policy(text), remembered (a handful of properties share policies)."""
    policy = _CACHE.get(text)
    if policy is None:
        policy = compile_policy(text, filename="<generated>")
        _CACHE[text] = policy
        while len(_CACHE) > 64:
            _CACHE.popitem(last=False)
    return policy


def interpreter(policy) -> Interpreter:
    return Interpreter(policy.ir)


def node_view(result) -> dict:
    return {
        path: (n.points, n.deduction, n.score, bool(n.bonus)) for path, n in result.nodes.items()
    }


def item_nominals(result) -> dict:
    """Σ nominal of the deduction items by path."""
    sums: dict = {}
    for item in result.items:
        if item.kind == "deduct":
            sums[item.path] = sums.get(item.path, Decimal(0)) + item.nominal
    return sums


def assert_same_result(a, b, where: str = "") -> None:
    """Two results of the same unit are identical in every field."""
    assert a.to_dict() == b.to_dict(), where
    assert a.total == b.total and type(a.total) is type(b.total), where
    assert a.exact_total == b.exact_total, where
    assert node_view(a) == node_view(b), where
    assert tuple(a.items) == tuple(b.items), where


def assert_matches_model(result, model, where: str = "") -> None:
    """The implementation's result equals the model's (LANGUAGE.md §4 by hand)."""
    assert isinstance(result.total, Decimal), where
    assert result.total == model.total, (where, result.total, model.total)
    assert result.exact_total == model.exact_total, (where, result.exact_total, model.exact_total)
    assert result.status == model.status, where
    assert bool(result.vetoed) == model.vetoed, where
    assert result.grade == model.grade, (where, result.grade, model.grade)
    assert tuple(result.labels) == model.labels, (where, result.labels, model.labels)
    assert set(result.nodes) == set(model.nodes), (where, sorted(result.nodes), sorted(model.nodes))
    nominals = item_nominals(result)
    for path, m in model.nodes.items():
        n = result.nodes[path]
        got = (n.points, n.deduction, n.score, bool(n.bonus))
        want = (m.points, m.deduction, m.score, m.bonus)
        assert got == want, (where, path, got, want)
        if not m.bonus:
            assert nominals.get(path, Decimal(0)) == m.item_nominal, (
                where,
                path,
                nominals.get(path),
                m.item_nominal,
            )


def assert_invariants(result, policy_full_marks: Decimal, no_floor: set, where: str = "") -> None:
    """Bounds and attribution (LANGUAGE.md §4.11, NOTES)."""
    for path, n in result.nodes.items():
        # the exact score is points − deduction; the reported one is rounded to 精度
        # (and so may pass the points when they are not a multiple of the step)
        if n.points is not None and n.score is not None and not n.bonus:
            if path not in no_floor:
                assert 0 <= n.points - n.deduction <= n.points, (where, path, n)
            else:
                assert n.points - n.deduction <= n.points, (where, path, n)
        if n.bonus:
            assert n.deduction == 0 and n.score >= 0, (where, path, n)
        assert n.deduction >= 0, (where, path, n)
    deducted = Decimal(0)
    added = Decimal(0)
    for item in result.items:
        assert item.kind in ("deduct", "bonus", "outcome"), item
        assert 0 <= item.applied <= item.nominal, (where, item)
        assert item.nominal <= item.raw, (where, item)
        if item.kind == "deduct":
            deducted += item.applied
        elif item.kind == "bonus":
            added += item.applied
        else:
            assert item.applied == 0, (where, item)
    assert deducted - added == policy_full_marks - result.exact_total, (
        where,
        deducted,
        added,
        result.exact_total,
    )
    assert 0 <= result.exact_total, where


def import_text(tmp_path: Path, text: str, name: str = "细则.txt"):
    """(draft, compiled policy) of a 细则 written as `name` in `tmp_path` and imported:
    the import tests score the draft a policy writer would get."""
    from xize.compiler.importer import import_document

    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    draft = import_document(source)
    return draft, compile_policy(draft.text, filename="<draft>")


def pending_lines(text: str) -> list[str]:
    """The sentences a draft left `待处理`, each with its reason, in draft order."""
    return [line.split("待处理：", 1)[1] for line in text.splitlines() if "待处理：" in line]


def one_item(clause: str, facts: str, title: str = "测试", points: int = 6) -> str:
    """A policy of one item worth `points` holding `clause`, over the `facts` lines (each
    `  名称：类型` and a newline): the smallest text a sentence of the language compiles in."""
    return (
        f"细则：{title}\n年度：2024\n满分：{points}分\n\n数据：\n{facts}\n"
        f"一、测试（{points}分）\n  - {clause}\n"
    )


def both_totals(policy, rows: list[dict]) -> list:
    """Each unit's total of a batch, after checking that the module and the interpreter
    give the very same results."""
    compiled_results = policy.score_batch(rows)
    interpreted = policy.interpreter.score_batch(rows)
    assert [r.to_dict() for r in compiled_results] == [r.to_dict() for r in interpreted]
    return [r.total for r in compiled_results]


def both_total(policy, facts: dict):
    """One unit's total, after checking that the module and the interpreter agree."""
    result = policy.score(facts)
    assert result.to_dict() == policy.interpreter.score(facts).to_dict()
    return result.total


def one_refusal(text: str):
    """The one error a policy text is refused with (its warnings aside)."""
    try:
        compile_policy(text)
    except PolicyError as refused:
        (diagnostic,) = [d for d in refused.diagnostics if d.is_error]
        return diagnostic
    raise AssertionError("the text compiled")


def item_totals(text: str, name: str, values) -> list[str]:
    """Each unit's total, written without trailing zeros, for units that differ only in
    the fact `name` (module and interpreter checked equal)."""
    policy = compile_policy(text)
    rows = [{"单位": str(i), name: v} for i, v in enumerate(values)]
    return [format(total.normalize(), "f") for total in both_totals(policy, rows)]
