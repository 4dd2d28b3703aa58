"""The Python backend: IR → one standalone, deterministic scoring module.

Emitters write straight-line code per node and clause, Jinja2 lays out the module
(`templates/module.py.j2`) around the prelude, the result is parsed and checked for
floats before it is compiled, and `registry` keeps loaded modules importable while
their policy lives.  `intpath` decides whether a module computes in Python ints (every
amount whole) or in Decimal.  May import `source`, `diagnostics`, `ir` and `support`.
"""
