"""Placing a stored figure in its article: the sentence and paragraph around its span, cut to
bounded windows so that placing every figure of an article stays linear in its length, then
:func:`~sma_tui.core.positions.placement.place`.

The extractor knows its exact sentence bounds and passes them; a store migration (figures
stored before placement existed) only has the body and the span, and finds the sentence with
the simple rule below (a full stop, question or exclamation mark followed by a space, or a
line break).
"""

from __future__ import annotations

import re

from .placement import Placement, place

SENTENCE_BEFORE = 600
"""Characters of the figure's sentence kept before it (real sentences are far shorter)."""
SENTENCE_AFTER = 300
"""Characters of the sentence kept after the figure."""
PARAGRAPH_BEFORE = 1500
"""Characters of the paragraph before the sentence searched for the actor a pronoun names."""

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")
_PARAGRAPH_END = re.compile(r"\n\s*\n")


def _back(text: str, pattern: re.Pattern[str], start: int, floor: int) -> int:
    """The start of the unit containing ``start`` (after the last ``pattern`` match), not
    before ``floor``."""
    last = floor
    for m in pattern.finditer(text, floor, start):
        last = m.end()
    return last


def place_in_body(
    body: str,
    start: int,
    end: int,
    article_date: str | None,
    measure: str | None,
    bounds: tuple[int, int] | None = None,
    paragraph_start: int | None = None,
) -> Placement:
    """Place the figure ``body[start:end]``. ``bounds``: its sentence's (start, end) when the
    caller knows them; ``paragraph_start``: where its paragraph begins."""
    if bounds is None:
        floor = max(0, start - SENTENCE_BEFORE)
        s = _back(body, _SENTENCE_END, start, floor)
        m = _SENTENCE_END.search(body, end, min(len(body), end + SENTENCE_AFTER))
        e = m.start() + 1 if m else min(len(body), end + SENTENCE_AFTER)
    else:
        s, e = bounds
    s = max(s, start - SENTENCE_BEFORE)
    e = min(max(e, end), end + SENTENCE_AFTER)
    if paragraph_start is None:
        paragraph_start = _back(body, _PARAGRAPH_END, s, max(0, s - PARAGRAPH_BEFORE))
    p = max(paragraph_start, s - PARAGRAPH_BEFORE)
    sentence = body[s:e]
    paragraph = body[min(p, s) : e]
    return place(body[start:end], sentence, paragraph, article_date, measure, at=start - s)
