"""The author of a post, tweet, letter or statement that a participle reports: "Trump's post
alleging a "…"" (Trump), "X renewed the demand with a tweet saying "…"" (the sentence's subject).

Both look only at the words right before the participle (a bounded window), so the cost is linear."""

from __future__ import annotations

import re

from .clauses import sentence_subject

_DOC = r"(?:tweets?|posts?|statement|letter|message|social\s+media\s+post|video|speech|op-ed)"
_OWNED = re.compile(
    rf"(?<![\w.'’-])(?P<np>(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w'-]*)['’]s\s+(?:[\w-]+\s+){{0,2}}?{_DOC}\s+$"
)
_WITH = re.compile(rf"\b(?:with|in|via|through)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?{_DOC}\s+$")


def posted_by(before: str, masked: str) -> str | None:
    """Who wrote the document named in ``before`` (the words before a participle in ``masked``, its
    sentence): the possessive owner, or the sentence's subject for "with a tweet"; else None."""
    tail = before[-120:]
    owned = _OWNED.search(tail)
    if owned:
        return owned.group("np")
    return sentence_subject(masked) if _WITH.search(tail) else None
