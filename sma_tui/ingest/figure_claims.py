"""The figures of an article with their measure, claimant and date: a figure inside a
quotation is its speaker's; otherwise the subject of the reporting clause before it in its
sentence, or the publisher's own reporting (no claimant)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..core.positions.locate import place_in_body
from ..core.positions.placement import Placement
from .attribution import Attributor, Claimed, Cue
from .figures import FigureSpan, find_figures
from .measures import measure_for
from .quotes import QuoteSpan
from .resolver import Ref
from .text import mask, sentence_bounds

MAX_FIGURES = 500  # no article states more (15 at most in 336 real and written ones): bounded work on hostile text
_OPENING = re.compile(r"\s*(?:(?:Previously|Earlier|Later),\s*)?(?:[Ii]n|[Oo]n)\s")


@dataclass(slots=True)
class FoundFigure:
    span: FigureSpan
    measure: str | None
    claimant: Ref | None
    date: str | None
    placement: Placement | None = None  # whose position, about which year (issue 12)


class FigureFinder:
    def __init__(self, body: str, attributor: Attributor, date_in: Callable[[str], date | None]) -> None:
        self.body = body
        self.attributor = attributor
        self.date_in = date_in
        self.found: list[FoundFigure] = []
        self.quotes: list[Claimed] = []
        self.starts: list[int] = []

    def set_quotes(self, quotes: list[Claimed]) -> None:
        self.quotes = sorted(quotes, key=lambda c: c.span.start)
        self.starts = [c.span.start for c in self.quotes]

    def paragraph(self, start: int, end: int, marked: list[QuoteSpan], day: str | None) -> None:
        body = self.body
        room = MAX_FIGURES - len(self.found)
        found = find_figures(body, start, end, room) if room > 0 else []
        if not found:
            return
        protected = [(q.open, q.close if q.close is not None else q.end) for q in marked]
        masked_all = mask(body, start, end, marked)
        bounds = sentence_bounds(body, start, end, protected)
        prev: tuple[FigureSpan, str | None] | None = None
        k = 0
        cues: tuple[int, list[Cue]] | None = None  # the reporting clauses of the current sentence
        for f in found:
            while k + 1 < len(bounds) and bounds[k][1] <= f.start:
                k += 1
            s, e = bounds[k] if bounds else (start, end)
            measure = measure_for(body, f, s, e, prev)
            prev = (f, measure)
            placed = place_in_body(body, f.start, f.end, day, measure, (s, e), start)
            masked = masked_all[s - start : e - start]
            opening = _OPENING.match(masked)
            when = self.date_in(masked[:40]) if opening else None
            if cues is None or cues[0] != s:
                cues = (s, self._peek(s, masked))
            who = self._claimant(f, cues[1])
            self.found.append(FoundFigure(f, measure, who, when.isoformat() if when else day, placed))

    def _peek(self, s: int, masked: str) -> list[Cue]:
        """The sentence's reporting clauses, leaving the resolver's mentions as they were."""
        subjects = self.attributor.resolver.subjects
        n = len(subjects)
        try:
            return self.attributor.cues(s, masked)
        finally:
            del subjects[n:]

    def _claimant(self, f: FigureSpan, cues: list[Cue]) -> Ref | None:
        k = bisect_right(self.starts, f.start)
        for c in reversed(self.quotes[max(0, k - 3) : k]):
            if c.span.start <= f.start and f.end <= c.span.end:
                return c.ref
        before = [c for c in cues if c.pos < f.start]
        return before[-1].ref if before else None
