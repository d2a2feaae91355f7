"""Quote search: the query language and a matcher over the in-memory corpus.

Query language (used by ``sma-tui quotes QUERY`` and the TUI's ``/`` search)::

    walked out                 every word must occur (case-insensitive, prefix-free substring)
    "fair and equitable"       an exact phrase
    speaker:esper              speaker id, name or alias contains "esper"
    side:rok                   US | ROK | other
    round:3                    quotes linked to round 3 (event:ID for any event)
    article:yonhap             article id prefix
    after:2020-01-01           on or after a date (YYYY, YYYY-MM or YYYY-MM-DD)
    before:2020-04-01          on or before a date

Pure Python; no Textual, Rich or TinyDB.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .corpus import Corpus
from .models import Quote

KEYS = ("speaker", "side", "round", "event", "article", "after", "before", "kind")
_TOKEN = re.compile(r'(\w+):"([^"]*)"?|(\w+):(\S+)|"([^"]*)"?|(\S+)')
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


class QueryError(ValueError):
    """A query that cannot mean anything (bad date, unknown side...)."""


def fold(text: str) -> str:
    """Case- and typography-insensitive form used for matching."""
    return text.translate(_FOLD).casefold()


@dataclass(slots=True)
class Query:
    terms: list[str] = field(default_factory=list)  # folded words and phrases
    speaker: list[str] = field(default_factory=list)
    side: str | None = None
    round: int | None = None
    event: str | None = None
    article: str | None = None
    after: str | None = None
    before: str | None = None
    kind: str | None = None

    @property
    def empty(self) -> bool:
        return not (
            self.terms or self.speaker or self.side or self.round is not None or self.event
            or self.article or self.after or self.before or self.kind
        )


def _date_bound(value: str, key: str) -> str:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        raise QueryError(f"{key}: expects a date like 2020-01-31, 2020-01 or 2020, not {value!r}")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise QueryError(f"{key}: {value!r} is not a valid date")
    if key == "after":
        return f"{year}-{month or '01'}-{day or '01'}"
    return f"{year}-{month or '12'}-{day or '31'}"


def parse_query(text: str) -> Query:
    """Parse the query language; raises :class:`QueryError` for meaningless filters."""
    q = Query()
    for m in _TOKEN.finditer(text):
        key = (m.group(1) or m.group(3) or "").lower()
        value = m.group(2) if m.group(1) else m.group(4)
        if key and key in KEYS:
            value = (value or "").strip()
            if not value:
                continue
            if key == "speaker":
                q.speaker.append(fold(value))
            elif key == "side":
                sides = {"us": "US", "usa": "US", "rok": "ROK", "korea": "ROK", "sk": "ROK", "other": "other"}
                if value.lower() not in sides:
                    raise QueryError(f"side: expects us, rok or other, not {value!r}")
                q.side = sides[value.lower()]
            elif key == "round":
                if not value.isdigit():
                    raise QueryError(f"round: expects a round number, not {value!r}")
                q.round = int(value)
            elif key in ("after", "before"):
                setattr(q, key, _date_bound(value, key))
            else:
                setattr(q, key, fold(value))
            continue
        if m.group(5) is not None:  # "exact phrase"
            phrase = fold(m.group(5)).strip()
            if phrase:
                q.terms.append(phrase)
        else:
            word = fold(m.group(0)).strip()
            if word:
                q.terms.append(word)
    return q


class QuoteMatcher:
    """Precomputed folded texts and speaker names so each keystroke is a cheap scan."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.quotes = corpus.quote_list()
        self._text = {q.id: fold(q.text) for q in self.quotes}
        self._speaker_names: dict[str | None, str] = {None: ""}
        for a in corpus.actors.values():
            self._speaker_names[a.id] = fold(" | ".join([a.id, a.name, *a.aliases]))
        self._round_ids = {e.number: e.id for e in corpus.rounds()}

    def search(self, query: Query, pool: Iterable[Quote] | None = None, limit: int | None = None) -> list[Quote]:
        c = self.corpus
        round_id = None
        if query.round is not None:
            round_id = self._round_ids.get(query.round, "\0no such round")
        out: list[Quote] = []
        for q in self.quotes if pool is None else pool:
            if query.speaker:
                names = self._speaker_names.get(q.speaker, "")
                if not all(s in names for s in query.speaker):
                    continue
            if query.side:
                actor = c.actors.get(q.speaker or "")
                if actor is None or actor.side != query.side:
                    continue
            if round_id is not None and q.event != round_id:
                continue
            if query.event and (q.event or "") != query.event:
                continue
            if query.article and not q.article.startswith(query.article):
                continue
            if query.kind and q.kind != query.kind:
                continue
            date = q.date or ""
            if query.after and date < query.after:
                continue
            if query.before and (not date or date > query.before):
                continue
            if query.terms:
                text = self._text.get(q.id) or fold(q.text)
                if not all(t in text for t in query.terms):
                    continue
            out.append(q)
            if limit is not None and len(out) >= limit:
                break
        return out


def search_quotes(corpus: Corpus, query: Query, pool: Iterable[Quote] | None = None) -> list[Quote]:
    return QuoteMatcher(corpus).search(query, pool)


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's words and phrases occur in ``text`` (for highlighting)."""
    folded = fold(text)
    if len(folded) != len(text):  # a character folded to several (e.g. "ß"): fold per char
        folded = "".join(ch if len(f := fold(ch)) != 1 else f for ch in text)
    spans: list[tuple[int, int]] = []
    for term in query.terms:
        start = folded.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
