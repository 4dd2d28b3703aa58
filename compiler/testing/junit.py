"""JUnit XML for `xize test --junit FILE`: policy tests in a CI system's test view.

One <testsuite> a policy, one <testcase> a 测试 block; a failed 期望 is a <failure>
naming expected and actual, a test that could not run is an <error>.  The file and
line of each test are attributes, so a CI annotation points at the .rule line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.etree import ElementTree as ET


def junit_xml(suites: Iterable[tuple[object, object]], name: str = "xize") -> str:
    """`suites`: (policy, outcomes) pairs — an api.Policy or ir.Policy and the test
    runner's `TestReport` (or its outcomes).  Returns the XML document as text."""
    root = ET.Element("testsuites", name=name)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for policy, outcomes in suites:
        suite = _suite(policy, list(getattr(outcomes, "outcomes", outcomes)))  # type: ignore[arg-type]
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(policy: object, outcomes: Sequence[object]) -> ET.Element:
    ir_policy = policy.ir if hasattr(policy, "ir") else policy
    filename = getattr(ir_policy, "filename", "")
    suite = ET.Element("testsuite", name=getattr(ir_policy, "title", filename), file=filename)
    failures = errors = 0
    for outcome in outcomes:
        case = ET.SubElement(
            suite,
            "testcase",
            name=str(getattr(outcome, "name", "")),
            classname=_classname(filename),
            file=filename,
            line=str(getattr(outcome, "line", 0)),
        )
        error = getattr(outcome, "error", "")
        if error:
            errors += 1
            ET.SubElement(case, "error", message=str(error)).text = str(error)
        elif not getattr(outcome, "passed", True):
            failures += 1
            lines = [
                f"第{c.line}行 {c.target}：期望 {c.expected}，实际 {c.actual}"
                for c in getattr(outcome, "checks", ())
                if not c.passed
            ]
            message = lines[0] if lines else "测试未通过"
            ET.SubElement(case, "failure", message=message).text = "\n".join(lines)
    suite.set("tests", str(len(outcomes)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return suite


def _classname(filename: str) -> str:
    """`policies/a.rule` → `policies.a` (CI tools group test cases by class name)."""
    stem = filename[:-5] if filename.endswith(".rule") else filename
    return stem.replace("\\", "/").strip("/").replace("/", ".") or "policy"
