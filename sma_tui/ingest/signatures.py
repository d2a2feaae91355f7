"""Speakers a line's layout names rather than a reporting clause: a pull quote signed after a
dash, and a name-colon label before a quotation."""

from __future__ import annotations

import re

from .gazetteer import Ref
from .names import person_name
from .quotes import QuoteSpan
from .resolver import Resolver

# a pull quote signed after a dash: '"…" — Jeong Eun-bo, Seoul's chief negotiator'
_SIGNED = re.compile(r"[\"”]?\s*(?:[—–]{1,2}|(?<=\n)-)\s*(?P<np>[A-Z][^\n\"“”,]{2,60})(?:,[^\n\"“”]{0,100})?\s*$")
# a line that is a name, an optional description and a colon before its quotation
_NAME_LABEL = re.compile(r"\s*(?P<np>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,[^\n:\"“”]{1,100})?:\s*")


def name_label(body: str, resolver: Resolver, q: QuoteSpan) -> Ref | None:
    """A name-colon line: 'Jeong Eun-bo, Seoul's chief negotiator: "…"', 'DeHart, to reporters: "…"'."""
    start = max(0, q.open - 160)
    m = _NAME_LABEL.fullmatch(body, body.rfind("\n", start, q.open) + 1 or start, q.open)
    return resolver.resolve(m.group("np"), q.open) if m else None


def signed_below(body: str, resolver: Resolver, q: QuoteSpan) -> tuple[Ref | None, str] | None:
    """A pull quote signed after a dash on its line, or on the next line with a hyphen too:
    '"…" — Jeong Eun-bo, chief negotiator', '"…"\\n-Jane Holt, interview with a network, 2016'."""
    if q.close is None:
        return None
    nl = body.find("\n", q.close)
    below = nl >= 0 and not body[q.close + 1 : nl].strip(' "”') and body.startswith("-", nl + 1)
    nl = body.find("\n", nl + 1) if below else nl  # the signature's own line: a name and no more
    m = _SIGNED.match(body, q.close + 1, nl if nl >= 0 else len(body))
    if m is None or not person_name(m.group("np")) or below and person_name(m.group("np")) != m.group("np").strip():
        return None
    ref = resolver.resolve(m.group("np"), q.open)
    return (ref, "explicit") if ref is not None else (None, "unknown")
