"""xize.runtime: spreadsheets in, workbooks and explanations out, and the command line.

The stages, bottom to top: `text` (words and value text) → `io` (data in) → `report`
(a result as rows and sentences) → `batch` (every unit, ranks and batch statistics) →
`output` (files and the summary) → `cli`.  The runtime uses the compiler only through
its public API: `xize.compiler`, `xize.compiler.api`, and the names each compiler
package lists in its `__all__`.
"""
