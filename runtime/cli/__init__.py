"""The `xize` command line: options in, a command body run, an exit code out.

The top of the runtime: may import every runtime stage and the public compiler API.
"""
