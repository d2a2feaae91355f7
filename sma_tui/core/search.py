"""Quote search: the query language and a matcher over the in-memory corpus.

Query language (used by ``sma-tui quotes QUERY`` and the TUI's ``/`` search)::

    walked out                 every word must occur (case-insensitive, prefix-free substring)
                               in the quote, its speaker's names or its publisher; quotes whose
                               text holds every word rank first, then speaker, then publisher
    "fair and equitable"       an exact phrase (“curly” quotes too)
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
from .text import fold, is_iso_date, name_key

SEP = "\x00"
KEYS = ("speaker", "side", "round", "event", "article", "after", "before", "kind")
_TOKEN = re.compile(r'(\w+):"([^"]*)"?|(\w+):(\S+)|"([^"]*)"?|(\S+)')


CURLY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
"""Typographic quotation marks read as ``"`` (the app's own citations use them)."""


class QueryError(ValueError):
    """A query that cannot mean anything (bad date, unknown side, unknown filter...)."""


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
            self.terms
            or self.speaker
            or self.side
            or self.round is not None
            or self.event
            or self.article
            or self.after
            or self.before
            or self.kind
        )


def _date_bound(value: str, key: str) -> str:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        raise QueryError(f"{key}: expects a date like 2020-01-31, 2020-01 or 2020, not {value!r}")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12 or day and not is_iso_date(value):
        raise QueryError(f"{key}: {value!r} is not a valid date")
    if day and not _real_day(int(year), int(month), int(day)):
        raise QueryError(f"{key}: {value!r} is not a valid date")
    if key == "after":
        return f"{year}-{month or '01'}-{day or '01'}"
    return f"{year}-{month or '12'}-{day or '31'}"


def _real_day(year: int, month: int, day: int) -> bool:
    import calendar

    return day <= calendar.monthrange(year, month)[1]


def parse_query(text: str) -> Query:
    """Parse the query language; raises :class:`QueryError` for meaningless filters."""
    q = Query()
    for m in _TOKEN.finditer(text.translate(CURLY)):
        key = (m.group(1) or m.group(3) or "").lower()
        value = m.group(2) if m.group(1) else m.group(4)
        if key and key not in KEYS and key.isalpha():
            raise QueryError(
                f"unknown filter {key + ':'!r}; the filters are {', '.join(k + ':' for k in KEYS)} "
                f'(to look for the text itself, put it in quotes: "{key}:{value}")'
            )
        if key and key in KEYS:
            value = (value or "").strip()
            if not value:
                continue
            if key == "speaker":
                if name_key(value).strip():
                    q.speaker.append(name_key(value))
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
    """Column arrays over every quote so that one keystroke is a few C-speed scans.

    Built once per corpus (O(n)); :meth:`search` then filters with list comprehensions
    over precomputed folded texts, speaker haystacks, sides, events and dates. An
    incremental caller (the TUI) passes the previous hits as ``pool`` when the new query
    only narrows the old one, see :func:`narrows`.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.quotes = corpus.quote_list()
        quotes = self.quotes
        self._text = [fold(q.text) for q in quotes]
        haystacks: dict[str | None, str] = {None: ""}
        names: dict[str | None, str] = {None: ""}
        sides: dict[str | None, str | None] = {None: None}
        for a in corpus.actors.values():
            haystacks[a.id] = " |".join(name_key(n) for n in [a.id, a.name, *a.aliases])
            names[a.id] = " | ".join(fold(n) for n in [a.name, *a.aliases])
            sides[a.id] = a.side
        publishers = {ar.id: fold(ar.publisher) for ar in corpus.articles.values()}
        self._names = [names.get(q.speaker, "") for q in quotes]
        # What a word may match, in rank order: the text, the speaker's names, the publisher
        # (one string per quote so that a keystroke is one substring test per quote).
        self._hay = [
            f"{t}{SEP}{n}{SEP}{publishers.get(q.article, '')}"
            for t, n, q in zip(self._text, self._names, quotes, strict=True)
        ]
        self._speaker = [haystacks.get(q.speaker, "") for q in quotes]
        self._side = [sides.get(q.speaker) for q in quotes]
        self._event = [q.event or "" for q in quotes]
        self._article = [q.article for q in quotes]
        self._kind = [q.kind for q in quotes]
        self._date = [q.date or "" for q in quotes]
        self._position = {id(q): i for i, q in enumerate(quotes)}
        self._round_ids = {e.number: e.id for e in corpus.rounds()}

    def __len__(self) -> int:
        return len(self.quotes)

    def search_indices(self, query: Query, pool: Iterable[int] | None = None) -> list[int]:
        """Positions (in :attr:`quotes`) of the quotes matching ``query``, in corpus order."""
        idx: Iterable[int] = range(len(self.quotes)) if pool is None else pool
        # cheapest, most selective filters first; each pass is one comprehension
        rid = None if query.round is None else self._round_ids.get(query.round, "\0no such round")
        for column, want in (
            (self._event, rid),
            (self._event, query.event),
            (self._side, query.side),
            (self._kind, query.kind),
        ):
            if want:
                idx = [i for i in idx if column[i] == want]
        if query.article:
            ar, prefix = self._article, query.article
            idx = [i for i in idx if ar[i].startswith(prefix)]
        dt = self._date
        if query.after:
            idx = [i for i in idx if dt[i] >= query.after]
        if query.before:
            idx = [i for i in idx if dt[i] and dt[i] <= query.before]
        sp = self._speaker
        for name in query.speaker:
            idx = [i for i in idx if name in sp[i]]
        hay = self._hay
        for term in sorted(query.terms, key=len, reverse=True):  # longest = most selective
            idx = [i for i in idx if term in hay[i]]
        idx = idx if isinstance(idx, list) else list(idx)
        if query.terms:  # hits in the text first, then by speaker, then by publisher
            idx = self._ranked(idx, query.terms)
        return idx

    def _ranked(self, idx: list[int], terms: list[str]) -> list[int]:
        """``idx`` (all matching ``terms`` somewhere) as: every term in the quote's text, then
        every term in the text or the speaker's names, then the rest (publisher); each group
        in corpus order. A few comprehensions, no per-hit Python call."""
        tx, nm = self._text, self._names
        first = idx
        for term in terms:
            first = [i for i in first if term in tx[i]]
        if len(first) == len(idx):
            return sorted(idx)
        taken = set(first)
        second = [i for i in idx if i not in taken]
        for term in terms:
            second = [i for i in second if term in tx[i] or term in nm[i]]
        taken.update(second)
        return sorted(first) + sorted(second) + sorted(i for i in idx if i not in taken)

    def search(self, query: Query, pool: Iterable[Quote] | None = None, limit: int | None = None) -> list[Quote]:
        positions = None
        if pool is not None:
            pos = self._position
            positions = sorted(pos[id(q)] for q in pool if id(q) in pos)
        found = self.search_indices(query, positions)
        if limit is not None:
            found = found[:limit]
        quotes = self.quotes
        return [quotes[i] for i in found]


def narrows(old: Query, new: Query) -> bool:
    """True when every quote matching ``new`` also matches ``old`` (so ``old``'s hits
    can be the pool for ``new``): same filters, and every old term is contained in
    some new term."""
    if (old.side, old.round, old.event, old.article, old.after, old.before, old.kind) != (
        new.side,
        new.round,
        new.event,
        new.article,
        new.after,
        new.before,
        new.kind,
    ):
        return False
    if not all(any(o in n for n in new.speaker) for o in old.speaker):
        return False
    return all(any(o in n for n in new.terms) for o in old.terms)


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
