"""Batch scoring: every unit of a dataset, in one process or several, with ranks,
batch statistics and repeated names kept in bounded memory.

May import `text`, `io`, `report` and the public compiler API.
"""
