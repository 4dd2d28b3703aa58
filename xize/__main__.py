"""`python -m xize`: the `xize` command, for a machine where the script is not on PATH.

This folder holds only this file: `xize` is a namespace package whose parts are
`compiler/` (xize.compiler), `runtime/` (xize.runtime) and `grammar/` (xize.grammar).
"""

from xize.runtime.cli.main import main

main()
