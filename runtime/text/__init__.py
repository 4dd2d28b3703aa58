"""The runtime's words and value text: the i18n table, exact value formatting, and
data problems as values rendered at the edge.

The bottom of the runtime: may import only the public `xize.compiler` API.
"""
