"""Files out: report workbooks, CSV and JSON, the terminal summary, fill-in templates
and the xlsx of a diff.

May import `text`, `io`, `report`, `batch` and the public compiler API.
"""
