"""The domain: plain records, the corpus in memory, search, the overview numbers and the
checks. Imports neither Textual, Rich nor TinyDB."""
