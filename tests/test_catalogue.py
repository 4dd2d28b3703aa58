"""The error catalogue: every code documented, every example really reports its code."""

from __future__ import annotations

from pathlib import Path

import pytest
from xize.compiler.diagnostics.catalogue import (
    documented_codes,
    errors_markdown,
    explain,
    normalise_code,
)
from xize.compiler.diagnostics.examples import EXAMPLES
from xize.compiler.diagnostics.messages import MESSAGES

DOC = Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def test_every_code_in_messages_is_in_errors_md():
    documented = documented_codes(DOC.read_text("utf-8"))
    missing = sorted(set(MESSAGES) - documented)
    assert not missing, (
        f"docs/errors.md lacks {missing}; regenerate it (see compiler/diagnostics/catalogue.py)"
    )


def test_every_code_in_errors_md_is_in_messages():
    documented = documented_codes(DOC.read_text("utf-8"))
    extra = sorted(documented - set(MESSAGES))
    assert not extra, f"docs/errors.md documents unknown codes {extra}"


def test_errors_md_is_up_to_date():
    assert DOC.read_text("utf-8") == errors_markdown(), (
        "docs/errors.md differs from the catalogue: "
        "run `python -m xize.compiler.diagnostics > docs/errors.md`"
    )


def test_every_code_has_an_example():
    assert sorted(set(MESSAGES) - set(EXAMPLES)) == []
    assert sorted(set(EXAMPLES) - set(MESSAGES)) == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_explain_names_message_and_example(code):
    zh = explain(code)
    en = explain(code, "en")
    assert zh.startswith(code) and en.startswith(code)
    assert MESSAGES[code].zh in zh
    assert MESSAGES[code].en in en
    assert "示例" in zh and "Example" in en


def test_codes_are_typed_loosely():
    assert normalise_code(" e201 ") == "E201"
    assert normalise_code("302") == "W302"
    with pytest.raises(KeyError):
        explain("E999")


def _codes(text: str) -> set[str]:
    from xize.compiler.check.run import check
    from xize.compiler.source.text import Source
    from xize.compiler.syntax.parser import parse

    source = Source(text, "example.rule")
    tree, diags = parse(source)
    found = {d.code for d in diags}
    if tree is not None and not any(d.is_error for d in diags):
        found |= {d.code for d in check(tree, source)}
    return found


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_example_reports_its_code_and_fix_removes_it(code):
    pytest.importorskip("xize.compiler.check")
    example = EXAMPLES[code]
    expected = example.reported_as or code
    assert expected in _codes(example.bad), f"{code}: the example does not report {expected}"
    assert expected not in _codes(example.good), f"{code}: the fix still reports {expected}"
