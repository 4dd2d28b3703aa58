"""The shape of a report: one unit's result as table rows, sentences and a tree.

May import `text`, `io` and the public compiler API.
"""
