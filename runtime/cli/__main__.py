"""`python -m xize.runtime.cli`: the `xize` command (the same as `python -m xize`)."""

from .main import main

main()
