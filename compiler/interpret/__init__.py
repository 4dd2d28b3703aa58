"""The reference interpreter: IR → the same results as a compiled module, obviously.

The oracle for differential tests against every backend.  May import `source`,
`diagnostics`, `ir` and `support`.
"""
