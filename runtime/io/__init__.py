"""Data in: data files → rows of raw cells → unit facts, and spools for large batches.

Readers for xlsx, csv and json, header matching and cell normalisation, typed
conversion and the `Dataset` of units.  May import `text` and the public compiler API.
"""
