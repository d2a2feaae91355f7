"""Untrusted text kept harmless: control characters cleaned span-preservingly, every
stored record validated by type, plain-text cells for CSV and Markdown."""
