"""Which timeline event a claim belongs to: by explicit cues in its text ("the third
round", "this week's talks", "next week") and then by the nearest event to its date, not
simply the latest one before it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..core.models import Event

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
}  # fmt: skip
_ROUND = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
    r"\s+round|round\s+(?P<num>one|two|three|four|five|six|seven|eight|\d{1,2})\b)",
    re.I,
)
_AHEAD = re.compile(
    r"\b(?:this\s+week['’]s|this\s+week|tomorrow|upcoming|ahead\s+of|set\s+to\s+(?:begin|open|start))\b",
    re.I,
)
_NEAR_DAYS = 7  # a round starting this soon after a story about "this week's talks" is its round


class EventLinker:
    def __init__(self, events: list[Event]) -> None:
        self.timeline = sorted(events, key=lambda e: (e.start, e.end, e.id))
        self.rounds = [e for e in self.timeline if e.kind == "round"]
        self.by_number = {e.number: e for e in self.rounds if e.number is not None}

    def cue(self, text: str) -> Event | None:
        """A round named in ``text`` ("the third round", "round 5")."""
        m = _ROUND.search(text)
        if not m:
            return None
        word = (m.group("ord") or m.group("num") or "").lower()
        digits = re.sub(r"\D", "", word)
        n = _ORDINALS.get(word) or (int(digits) if digits else None)
        return self.by_number.get(n) if n is not None else None

    def for_day(self, day: str | None, text: str = "") -> Event | None:
        """The event covering ``day``; else, when ``text`` looks ahead ("this week's talks"),
        a round starting within days; else the nearest round before."""
        if not day:
            return None
        covering = [e for e in self.timeline if e.start <= day <= e.end]
        if covering:  # prefer the shortest (most specific) span
            return min(covering, key=lambda e: (e.end > e.start, e.kind != "round"))
        before = [e for e in self.rounds if e.start <= day]
        after = [e for e in self.rounds if e.start > day]
        if after and _AHEAD.search(text):
            try:
                soon = date.fromisoformat(day) + timedelta(days=_NEAR_DAYS)
            except ValueError:
                soon = None
            if soon is not None and after[0].start <= soon.isoformat():
                return after[0]
        return before[-1] if before else None
