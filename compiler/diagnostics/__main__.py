"""`python -m xize.compiler.diagnostics > docs/errors.md`: the error catalogue as Markdown."""

import sys

from .catalogue import errors_markdown

sys.stdout.write(errors_markdown())
