"""The corpus in memory: every record of the store, indexed for the views.

The store reads TinyDB once and hands back a :class:`Corpus`; the CLI and the TUI query
this object (plain Python, no I/O), never the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .models import Actor, Article, Event, Figure, Measure, Quote
from .positions.claims import Claim
from .positions.disputes import Dispute, disputes
from .positions.stored import claims_of, comparable, position, source_labeller
from .text import name_key, normalise, squash

R = TypeVar("R")


class LookupError_(KeyError):
    """An id or name that matches nothing (or too many things)."""

    def __str__(self) -> str:  # KeyError quotes its message; we want it plain
        return str(self.args[0]) if self.args else ""


@dataclass(slots=True)
class ValueGroup:
    """One distinct value of a measure, with every figure that states it."""

    value: float
    unit: str
    figures: list[Figure]


@dataclass(slots=True)
class FigureGroup:
    """All figures that measure the same thing, with the disputes among them: same measure,
    same period and side, incompatible values (see :mod:`sma_tui.core.positions.disputes`).
    Different values of one side's position over time are a trajectory, not a dispute."""

    measure: Measure
    figures: list[Figure]
    values: list[ValueGroup]
    disputes: list[Dispute] = field(default_factory=list)

    @property
    def dispute(self) -> Dispute | None:
        return self.disputes[0] if self.disputes else None

    @property
    def conflict(self) -> bool:
        """Kept for compatibility: whether some sources of this measure disagree."""
        return self.dispute is not None


@dataclass
class Corpus:
    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    corrected: dict[str, str] = field(default_factory=dict)
    """Records a person corrected (quote, figure or actor id -> the notes of its corrections,
    "" without one): every view marks them (✎). Set when the store's corrections are applied."""

    def __post_init__(self) -> None:
        self.reindex()

    # ----------------------------------------------------------------- indices
    def reindex(self) -> None:
        """(Re)build the secondary indices after the dicts changed."""
        self._quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
        self._quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        self._quotes_by_event: dict[str, list[Quote]] = defaultdict(list)
        self._quotes_by_statement: dict[str, list[Quote]] = {}  # only statements with 2+ reports
        self._figures_by_article: dict[str, list[Figure]] = defaultdict(list)
        self._figures_by_claimant: dict[str, list[Figure]] = defaultdict(list)
        self._figures_by_measure: dict[str, list[Figure]] = defaultdict(list)
        for q in sorted(self.quotes.values(), key=_claim_order):
            self._quotes_by_article[q.article].append(q)
            if q.speaker:
                self._quotes_by_speaker[q.speaker].append(q)
            if q.event:
                self._quotes_by_event[q.event].append(q)
            if q.statement and q.statement[3:] != q.id:  # a report joined to an earlier one
                self._quotes_by_statement.setdefault(q.statement, [])
        for q in self.quotes.values():  # the statements' reports, earliest first (date, then id)
            if q.statement in self._quotes_by_statement:
                self._quotes_by_statement[q.statement].append(q)
        for reports in self._quotes_by_statement.values():
            reports.sort(key=lambda q: (q.date or "9999-99-99", q.id))
        for f in sorted(self.figures.values(), key=_claim_order):
            self._figures_by_article[f.article].append(f)
            if f.claimant:
                self._figures_by_claimant[f.claimant].append(f)
            if f.measure:
                self._figures_by_measure[f.measure].append(f)
        self._disputes: list[Dispute] | None = None  # computed on first use
        self._claims: dict[str, Claim] | None = None
        self._dispute_by_figure: dict[str, Dispute] = {}
        self._alias_index: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            for name in {actor.id, actor.name, *actor.aliases}:
                key = normalise(name)
                if actor.id not in self._alias_index[key]:
                    self._alias_index[key].append(actor.id)

    # ---------------------------------------------------------------- listings
    def timeline(self) -> list[Event]:
        return sorted(self.events.values(), key=lambda e: (e.start, e.end, e.id))

    def rounds(self) -> list[Event]:
        return [e for e in self.timeline() if e.kind == "round"]

    def actor_list(self, quote_count: Callable[[str], int] | None = None) -> list[Actor]:
        """By side, then most quoted first (``quote_count``: an actor id's number of quotes,
        when they are counted elsewhere), then by name."""
        count = quote_count or self.quote_count_for_actor
        side_order = {"US": 0, "ROK": 1, "other": 2}
        return sorted(self.actors.values(), key=lambda a: (side_order.get(a.side, 3), -count(a.id), a.name))

    def article_list(self) -> list[Article]:
        return sorted(self.articles.values(), key=lambda a: (a.date or "9999", a.id))

    def quote_list(self) -> list[Quote]:
        return sorted(self.quotes.values(), key=_claim_order)

    def figure_list(self) -> list[Figure]:
        return sorted(self.figures.values(), key=_claim_order)

    # ----------------------------------------------------------------- related
    def quotes_in_article(self, article_id: str) -> list[Quote]:
        return list(self._quotes_by_article.get(article_id, ()))

    def quotes_by_speaker(self, actor_id: str) -> list[Quote]:
        return list(self._quotes_by_speaker.get(actor_id, ()))

    def quotes_for_event(self, event_id: str) -> list[Quote]:
        return list(self._quotes_by_event.get(event_id, ()))

    def figures_in_article(self, article_id: str) -> list[Figure]:
        return list(self._figures_by_article.get(article_id, ()))

    def figures_by_claimant(self, actor_id: str) -> list[Figure]:
        return list(self._figures_by_claimant.get(actor_id, ()))

    def articles_for_event(self, event_id: str) -> list[Article]:
        """Articles linked to the event, or quoted in it, or cited as its source."""
        event = self.events[event_id]
        ids = {a.id for a in self.articles.values() if a.event == event_id}
        ids |= {q.article for q in self.quotes_for_event(event_id)}
        ids |= {s for s in event.sources if s in self.articles}
        return sorted((self.articles[i] for i in ids), key=lambda a: (a.date or "", a.id))

    def quote_count_for_actor(self, actor_id: str) -> int:
        return len(self._quotes_by_speaker.get(actor_id, ()))

    def quote_count_for_article(self, article_id: str) -> int:
        return len(self._quotes_by_article.get(article_id, ()))

    def quote_count_for_event(self, event_id: str) -> int:
        return len(self._quotes_by_event.get(event_id, ()))

    def statement_reports(self, quote: Quote) -> list[Quote]:
        """Every report of ``quote``'s statement, earliest first (just ``quote`` when it is
        the only one; see :mod:`sma_tui.core.statements`)."""
        return list(self._quotes_by_statement.get(quote.statement or "", ())) or [quote]

    def statement_count_for_actor(self, actor_id: str) -> int:
        """Distinct statements among the actor's quotes (one remark reported by three
        outlets counts once; see :mod:`sma_tui.core.statements`)."""
        return len({q.statement or q.id for q in self._quotes_by_speaker.get(actor_id, ())})

    def statement_count_for_event(self, event_id: str) -> int:
        return len({q.statement or q.id for q in self._quotes_by_event.get(event_id, ())})

    def claims(self) -> dict[str, Claim]:
        """The placed figures that can be compared or charted, as claims, by figure id, in
        date order (computed once per corpus)."""
        if self._claims is None:
            wanted = [f for f in self.figure_list() if comparable(f) or position(f)]
            self._claims = {c.id: c for c in claims_of(wanted)}
        return self._claims

    def disputes(self) -> list[Dispute]:
        """Every dispute among the figures, computed once per corpus (until :meth:`reindex`)."""
        if self._disputes is None:
            label = source_labeller(self.articles, self.actors)
            compared = [c for c in self.claims().values() if c.measure is not None and c.period is not None]
            self._disputes = disputes(compared, label=label)
            self._dispute_by_figure = {c.id: d for d in self._disputes for c in d.claims}
        return self._disputes

    def dispute_of(self, figure_id: str) -> Dispute | None:
        """The dispute a figure belongs to, if any."""
        self.disputes()
        return self._dispute_by_figure.get(figure_id)

    def figure_groups(self) -> list[FigureGroup]:
        by_measure: dict[str, list[Dispute]] = defaultdict(list)
        for d in self.disputes():
            by_measure[d.measure].append(d)
        groups: list[FigureGroup] = []
        for measure_id, figs in self._figures_by_measure.items():
            measure = self.measures.get(measure_id) or Measure(measure_id, measure_id)
            by_value: dict[tuple[float, str], list[Figure]] = defaultdict(list)
            for f in figs:
                by_value[(f.value, f.unit)].append(f)
            values = [ValueGroup(v, u, fs) for (v, u), fs in sorted(by_value.items())]
            groups.append(FigureGroup(measure, list(figs), values, by_measure.get(measure_id, [])))
        order = list(self.measures)
        groups.sort(key=lambda g: (not g.conflict, order.index(g.measure.id) if g.measure.id in order else 99))
        return groups

    def speaker_name(self, actor_id: str | None) -> str:
        if actor_id is None:
            return "unattributed"
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    # ------------------------------------------------------------------ lookup
    def get_article(self, key: str) -> Article:
        return self._get(self.articles, key, "article")

    def get_event(self, key: str) -> Event:
        if key.isdigit():  # "3" means round 3
            for e in self.rounds():
                if e.number == int(key):
                    return e
        return self._get(self.events, key, "event")

    def get_actor(self, key: str) -> Actor:
        if key in self.actors:
            return self.actors[key]
        matches = self._alias_index.get(normalise(key), [])
        if len(matches) == 1:
            return self.actors[matches[0]]
        if not matches:  # substring of the canonical name, e.g. "esper"
            needle = normalise(key)
            matches = [a.id for a in self.actors.values() if needle in normalise(a.name)]
            if len(matches) == 1:
                return self.actors[matches[0]]
        if matches:
            raise LookupError_(f"actor {key!r} is ambiguous: {', '.join(sorted(matches))}")
        raise LookupError_(f"no actor {key!r} (try 'sma-tui actors')")

    def match_actors(self, key: str) -> list[Actor]:
        """Actors with a word of their id, name or an alias starting with ``key``."""
        needle = name_key(key)
        hits = {aid for alias, aids in self._alias_index.items() if needle in name_key(alias) for aid in aids}
        return [self.actors[a] for a in sorted(hits)]

    @staticmethod
    def _get(table: dict[str, R], key: str, what: str) -> R:
        if key in table:
            return table[key]
        prefixed = [k for k in table if k.startswith(key)]
        if len(prefixed) == 1:
            return table[prefixed[0]]
        if len(prefixed) > 1:
            raise LookupError_(f"{what} id {key!r} is ambiguous: {', '.join(sorted(prefixed)[:5])}")
        raise LookupError_(f"no {what} with id {key!r} (try 'sma-tui {_LISTING[what]}')")

    def event_for_date(self, day: str | None) -> Event | None:
        """The event covering ``day``, else the latest round that began before it."""
        if not day:
            return None
        covering = [e for e in self.timeline() if e.covers(day)]
        if covering:  # prefer the shortest (most specific) span
            return min(covering, key=lambda e: (e.end > e.start, e.kind != "round"))
        before = [e for e in self.rounds() if e.start <= day]
        return before[-1] if before else None

    # ----------------------------------------------------------------- summary
    def counts(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "events": len(self.events),
            "rounds": len(self.rounds()),
            "actors": len(self.actors),
            "quotes": len(self.quotes),
            "figures": len(self.figures),
        }

    @classmethod
    def from_records(cls, records: Mapping[str, Iterable[Any]], meta: dict[str, Any] | None = None) -> Corpus:
        return cls(
            articles={r.id: r for r in records.get("articles", ())},
            events={r.id: r for r in records.get("events", ())},
            actors={r.id: r for r in records.get("actors", ())},
            quotes={r.id: r for r in records.get("quotes", ())},
            figures={r.id: r for r in records.get("figures", ())},
            measures={r.id: r for r in records.get("measures", ())},
            meta=dict(meta or {}),
        )


_LISTING = {"article": "articles", "event": "timeline", "actor": "actors"}


def citation(c: Corpus, q: Quote) -> str:
    """“…” — Speaker, Publisher, Date: the form the TUI copies to the clipboard."""
    article = c.articles.get(q.article)
    publisher = article.publisher if article else q.article
    date = q.date or (article.date if article else None) or "undated"
    return f"“{squash(q.text)}” — {c.speaker_name(q.speaker)}, {publisher}, {date}"


def _claim_order(claim: Quote | Figure) -> tuple[str, str, int]:
    return (claim.date or "", claim.article, claim.start)
