"""The policy's own tests: 测试 blocks run, clause coverage, JUnit output.

Takes the IR (and the interpreter for neutral-value search); gives test results and
coverage reports.  A tool on top of the pipeline: may import `source`, `diagnostics`,
`ir`, `support` and `interpret`.
"""

from .coverage import coverage_report, format_coverage
from .junit import junit_xml

__all__ = ["coverage_report", "format_coverage", "junit_xml"]
