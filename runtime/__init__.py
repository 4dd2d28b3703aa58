"""xize.runtime: spreadsheets in, workbooks and explanations out, and the command line."""
