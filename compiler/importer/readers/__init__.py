"""The sentence readers of the importer, one shape family a module: each takes one
normalised sentence (and at most the item's points or words) and gives a `shapes.Reading`
— fact names and the clause written with them in `【】` — or None when the sentence is not
of its shape.  `clauses.Drafter` tries them in turn and keeps a reading only when its
clause compiles (`trial`); `draft` uses a few of them to decide where a sentence goes in
the outline.  Readers import only `names` and `shapes` from the importer (and each other),
never the drafter, so that a new shape is a new module here and one line in the drafter.
"""
