"""Backends: IR → code that scores units.

One folder per target language: `python` (a standalone module) and `sql` (one query
for DuckDB, Spark SQL or PostgreSQL).  A backend reads only the IR (plus `source`,
`diagnostics` and `support`), never the AST.  The SQL backend's names are loaded
on first use, so that scoring with Python never imports sqlglot.
"""

__all__ = [
    "CLEAN_COLUMN",
    "DIALECTS",
    "SqlUnsupported",
    "build_query",
    "clean_columns",
    "compile_sql",
    "render_sql",
    "value_column",
]


def __getattr__(name: str):
    if name in __all__:
        from . import sql

        return getattr(sql, name)
    raise AttributeError(name)
