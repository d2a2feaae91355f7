"""What the main screen shows, as plain data small enough to keep beside the store.

At 10,000 articles the store takes about a second to read, but the main screen needs only a
summary of it: the timeline with quote counts, the actors with theirs, each measure's values
with their sources, and the gap chart's positions. :meth:`Overview.of` computes that summary
from a corpus; the store keeps the latest one in ``<name>.overview.json``, stamped with the store
file it describes (see :meth:`~sma_tui.storage.store.Store.read_overview`), so that the app paints
the main screen first and reads the whole corpus behind it. A stale or damaged overview file
is ignored: it is a cache, never a source of truth.

Numbers and ids only, no Textual or Rich and no formatted labels: the panes format these rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from operator import itemgetter, methodcaller
from typing import Any

from .corpus import Corpus
from .models import Figure
from .positions.rows import PositionRow, position_rows

OVERVIEW_VERSION = 5
"""Bumped whenever the shape below or what :meth:`Overview.of` computes changes: an overview
file of another version is ignored (the app trusts one of its own version and stamp)."""

MAX_PUBLISHERS = 4
"""Publishers listed for one value on the main screen (the figure group screen lists more)."""
MAX_DATES = 3
"""Dates listed for one publisher of a value; the rest are counted."""

Triple = tuple[str | None, str | None, str]
"""A quote as the counts see it: ``(event, speaker, statement)`` (its own id when it has no statement)."""
Count = Callable[[str], int]
"""An event's or actor's number of statements (or of reports), by its id."""


@dataclass(slots=True)
class EventRow:
    id: str
    kind: str
    number: int | None
    title: str
    start: str
    end: str
    place: str
    quotes: int  # statements (a remark several outlets reported counts once)
    reports: int = 0  # the quotes reporting them


@dataclass(slots=True)
class ActorRow:
    id: str
    name: str
    side: str
    side_guessed: bool
    kind: str
    role: str
    organisation: str
    quotes: int  # statements, as for events
    reports: int = 0


@dataclass(slots=True)
class SourceRow:
    """One publisher of a value. Up to :data:`MAX_DATES` dates: each ``(date, figures)``
    (``date`` ``None`` for an undated article); beyond that, ``dates`` is empty and ``span``
    holds the first and last date, with ``n_dates`` and ``n_figures`` counting them all."""

    publisher: str
    dates: list[tuple[str | None, int]]
    span: tuple[str | None, str | None] | None = None
    n_dates: int = 0
    n_figures: int = 0


@dataclass(slots=True)
class ValueRow:
    value: float
    unit: str
    figures: int
    sources: list[SourceRow]
    more_publishers: int = 0


@dataclass(slots=True)
class GroupRow:
    """A measure's distinct values; ``conflict`` when sources disagree, and ``disputes``
    says why, one line per dispute (see :class:`~sma_tui.core.corpus.FigureGroup`)."""

    measure: str
    label: str
    conflict: bool
    values: list[ValueRow]
    disputes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuoteCounts:
    """Quotes counted by event and by speaker, from the raw records (``speaker``/``event``);
    ``event_statements``/``actor_statements`` count distinct statements (``statement``)."""

    total: int
    events: Counter[str | None]
    actors: Counter[str | None]
    event_statements: Counter[str | None] = field(default_factory=Counter)
    actor_statements: Counter[str | None] = field(default_factory=Counter)
    statements: int = 0

    @classmethod
    def of(cls, quotes: list[dict[str, Any]]) -> QuoteCounts:
        evs = list(map(methodcaller("get", "event"), quotes))  # C-level passes: 100,000 quotes per add
        speakers = list(map(methodcaller("get", "speaker"), quotes))
        statements = [q.get("statement") or q.get("id") for q in quotes]
        by_event = Counter(map(itemgetter(0), set(zip(evs, statements, strict=True))))
        by_actor = Counter(map(itemgetter(0), set(zip(speakers, statements, strict=True))))
        out = cls(len(quotes), Counter(evs), Counter(speakers), by_event, by_actor)
        out.statements = len(set(statements))
        return out

    @classmethod
    def of_triples(cls, triples: Iterable[Triple]) -> QuoteCounts:
        """:meth:`of` quotes given as ``(event, speaker, statement)`` triples."""
        rows = list(triples)
        out = cls(len(rows), Counter(t[0] for t in rows), Counter(t[1] for t in rows))
        out.event_statements = Counter(e for e, _ in {(t[0], t[2]) for t in rows})
        out.actor_statements = Counter(s for s, _ in {(t[1], t[2]) for t in rows})
        out.statements = len({t[2] for t in rows})
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; the ``None`` keys (quotes of no event or speaker) are left out: no row reads them."""

        def plain(c: Counter[str | None]) -> dict[str, int]:
            return {k: n for k, n in c.items() if k is not None and n}

        return {
            "total": self.total,
            "statements": self.statements,
            "events": plain(self.events),
            "actors": plain(self.actors),
            "event_statements": plain(self.event_statements),
            "actor_statements": plain(self.actor_statements),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteCounts:
        """The inverse of :meth:`to_dict`; raises ``TypeError``/``KeyError``/``ValueError`` on a bad shape."""

        def counter(d: dict[str, Any]) -> Counter[str | None]:
            return Counter({str(k): int(n) for k, n in d.items()})

        return cls(
            int(data["total"]),
            counter(data["events"]),
            counter(data["actors"]),
            counter(data["event_statements"]),
            counter(data["actor_statements"]),
            int(data["statements"]),
        )

    def for_event(self, event_id: str) -> int:
        return self.events[event_id]

    def for_actor(self, actor_id: str) -> int:
        return self.actors[actor_id]

    def statements_for_event(self, event_id: str) -> int:
        return self.event_statements[event_id]

    def statements_for_actor(self, actor_id: str) -> int:
        return self.actor_statements[actor_id]


@dataclass(slots=True)
class Overview:
    counts: dict[str, int] = field(default_factory=dict)
    events: list[EventRow] = field(default_factory=list)
    actors: list[ActorRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    positions: list[PositionRow] = field(default_factory=list)  # the gap chart's points

    @property
    def n_disputes(self) -> int:
        return sum(len(g.disputes) for g in self.groups)

    @classmethod
    def of(cls, corpus: Corpus, quotes: QuoteCounts | None = None) -> Overview:
        """The overview of ``corpus``; ``quotes`` counts the quotes when the corpus was read
        without them (see :meth:`~sma_tui.storage.store.Store.overview_of`)."""
        counts = corpus.counts()
        counts["statements"] = len({q.statement or q.id for q in corpus.quotes.values()})
        by_event, by_actor = corpus.quote_count_for_event, corpus.quote_count_for_actor
        st_event, st_actor = corpus.statement_count_for_event, corpus.statement_count_for_actor
        if quotes is not None:
            counts["quotes"], counts["statements"] = quotes.total, quotes.statements
            by_event, by_actor = quotes.for_event, quotes.for_actor
            st_event, st_actor = quotes.statements_for_event, quotes.statements_for_actor
        return cls(
            counts=counts,
            events=event_rows(corpus, st_event, by_event),
            actors=actor_rows(corpus, st_actor, by_actor),
            groups=[
                GroupRow(
                    g.measure.id,
                    g.measure.label,
                    g.conflict,
                    [ValueRow(v.value, v.unit, len(v.figures), *sources_of(corpus, v.figures)) for v in g.values],
                    [d.why for d in g.disputes],
                )
                for g in corpus.figure_groups()
            ],
            positions=position_rows(corpus),
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Overview:
        """The inverse of :meth:`to_dict`; raises ``TypeError``/``KeyError``/``ValueError`` on a bad shape."""

        def value(v: dict[str, Any]) -> ValueRow:
            sources = [
                SourceRow(
                    s["publisher"],
                    [(d, int(n)) for d, n in s["dates"]],
                    tuple(s["span"]) if s["span"] else None,
                    s["n_dates"],
                    s["n_figures"],
                )
                for s in v["sources"]
            ]
            return ValueRow(v["value"], v["unit"], v["figures"], sources, v["more_publishers"])

        return cls(
            counts={str(k): int(n) for k, n in data["counts"].items()},
            events=[EventRow(**e) for e in data["events"]],
            actors=[ActorRow(**a) for a in data["actors"]],
            groups=[
                GroupRow(g["measure"], g["label"], g["conflict"], [value(v) for v in g["values"]], list(g["disputes"]))
                for g in data["groups"]
            ],
            positions=[PositionRow(**p) for p in data["positions"]],
        )

    def event(self, event_id: str) -> EventRow | None:
        return next((e for e in self.events if e.id == event_id), None)

    def actor(self, actor_id: str) -> ActorRow | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    @property
    def rounds(self) -> int:
        return sum(e.kind == "round" for e in self.events)


def event_rows(corpus: Corpus, statements: Count, reports: Count) -> list[EventRow]:
    """The timeline's rows, each with its statement and report (quote) counts."""
    return [
        EventRow(e.id, e.kind, e.number, e.title, e.start, e.end, e.place, statements(e.id), reports(e.id))
        for e in corpus.timeline()
    ]


def actor_rows(corpus: Corpus, statements: Count, reports: Count) -> list[ActorRow]:
    """The actors' rows in :meth:`Corpus.actor_list` order (by their statement counts)."""
    return [
        ActorRow(a.id, a.name, a.side, a.side_guessed, a.kind, a.role, a.organisation, statements(a.id), reports(a.id))
        for a in corpus.actor_list(statements)
    ]


def sources_of(
    corpus: Corpus, figures: list[Figure], max_publishers: int | None = MAX_PUBLISHERS
) -> tuple[list[SourceRow], int]:
    """The publishers of ``figures`` in order of first appearance, each with its dates (see
    :class:`SourceRow`), and how many publishers are left out beyond ``max_publishers``
    (``None``: none are)."""
    pairs = []
    for f in figures:
        article = corpus.articles.get(f.article)
        pairs.append((article.publisher, article.date) if article else (f.article, f.date))
    return source_rows(pairs, max_publishers)


def source_rows(
    pairs: Iterable[tuple[str, str | None]], max_publishers: int | None = MAX_PUBLISHERS
) -> tuple[list[SourceRow], int]:
    """:func:`sources_of` of the figures' ``(publisher, date)`` pairs, in the figures' order."""
    by_publisher: dict[str, dict[str | None, int]] = {}
    for publisher, when in pairs:
        dates = by_publisher.setdefault(publisher, {})
        dates[when] = dates.get(when, 0) + 1
    rows = []
    for p, dates in by_publisher.items():
        if len(dates) <= MAX_DATES:
            rows.append(SourceRow(p, list(dates.items())))
        else:
            dated = sorted(d for d in dates if d)
            span = (dated[0], dated[-1]) if dated else (None, None)
            rows.append(SourceRow(p, [], span, len(dates), sum(dates.values())))
    if max_publishers is None or len(rows) <= max_publishers + 1:  # "+1 more" saves no room
        return rows, 0
    return rows[:max_publishers], len(rows) - max_publishers
