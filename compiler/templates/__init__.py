"""Jinja2 templates and the verbatim prelude that every generated module carries."""
