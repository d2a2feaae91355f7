"""Corrections a person makes to extracted claims: the record format, applying them on
load, building them from intent, and the review queue of doubtful claims."""
