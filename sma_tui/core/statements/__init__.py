"""Statements: the quotes that report the same words across outlets, grouped
incrementally, with word-by-word differences and attribution by agreement."""
