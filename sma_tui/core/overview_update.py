"""The overview after an ``add``, from the overview before it and what the add changed.

At 10,000 articles recomputing :meth:`~sma_tui.core.overview.Overview.of` from the whole
store costs more than half of one add's budget (building 50,000 figures and counting
100,000 quotes), yet an add changes little: it appends articles, quotes and figures, and
regroups a few stored quotes into statements. So ``add`` keeps beside the overview a small
:class:`OverviewState` and updates both, equal to a full rebuild of the store written:

* quote and statement counts: the old counts, minus what the quotes the add regrouped
  counted before, plus what they and the new quotes count now (:func:`updated_counts`);
* a measure's group: recomputed only for the measures of the new figures, each value only
  when a new figure states it (:func:`value_rows` reads those values' figures), the disputes
  from every comparable figure of the measure; the groups' order again as
  :meth:`~sma_tui.core.corpus.Corpus.figure_groups` sorts it (:func:`merge_groups`);
* positions: the new figures' rows merged into the old in the trajectory's order.

Everything else (events, actors, the counts of records) is small and rebuilt. Each step is
linear in the store at worst (one pass over the figure records), no step regroups or
rebuilds the corpus. Plain data; no Textual, Rich or TinyDB.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import Measure
from .overview import GroupRow, QuoteCounts, Triple, ValueRow, source_rows
from .positions.placement import SIDES
from .positions.rows import PositionRow

ClaimKey = tuple[str, str, int]
"""A figure's place in claim order: (date or "", article, start)."""
ValueKey = tuple[str, float, str]
"""One value of one measure: (measure, value, unit)."""


def claim_key(figure: Mapping[str, Any]) -> ClaimKey:
    """The claim order of a stored figure record (see ``Corpus.figure_list``)."""
    return (figure.get("date") or "", figure["article"], figure["start"])


@dataclass(slots=True)
class OverviewState:
    """What updating an overview needs beyond the overview: the quote counts (by event and
    speaker, raw and as statements) and each measure's first figure in claim order (the tie
    order of the groups)."""

    quotes: QuoteCounts
    first: dict[str, ClaimKey] = field(default_factory=dict)

    @classmethod
    def of(cls, quotes: QuoteCounts, figures: Iterable[tuple[str | None, ClaimKey]]) -> OverviewState:
        """The state of a store whose figures are ``(measure, claim key)`` in stored order."""
        state = cls(quotes)
        state.see(figures)
        return state

    def see(self, figures: Iterable[tuple[str | None, ClaimKey]]) -> None:
        """Take figures stored after the ones seen so far (a tie keeps the earlier figure)."""
        for measure, key in figures:
            if measure and (measure not in self.first or key < self.first[measure]):  # as the corpus: no ""
                self.first[measure] = key

    def to_dict(self) -> dict[str, Any]:
        return {"quotes": self.quotes.to_dict(), "first": {m: list(k) for m, k in self.first.items()}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OverviewState:
        """The inverse of :meth:`to_dict`; raises ``TypeError``/``KeyError``/``ValueError`` on a bad shape."""
        first = {str(m): (str(k[0]), str(k[1]), int(k[2])) for m, k in data["first"].items()}
        return cls(QuoteCounts.from_dict(data["quotes"]), first)


@dataclass(frozen=True, slots=True)
class QuoteChange:
    """What an add did to the quotes, as ``(event, speaker, statement)`` triples: the stored
    quotes it regrouped before and after (``after`` also holds the new quotes), and the
    quotes it left alone in the statements concerned (see :func:`concerned`)."""

    before: list[Triple]
    after: list[Triple]
    others: list[Triple]


def concerned(before: Iterable[Triple], after: Iterable[Triple]) -> set[str]:
    """The statements whose counts an add may change: those of the changed quotes, before and after."""
    return {t[2] for t in before} | {t[2] for t in after}


def updated_counts(old: QuoteCounts, change: QuoteChange) -> QuoteCounts:
    """``old`` minus what the statements concerned counted before, plus what they count now."""
    was = QuoteCounts.of_triples([*change.others, *change.before])
    now = QuoteCounts.of_triples([*change.others, *change.after])
    out = QuoteCounts(old.total + now.total - was.total, Counter(), Counter(), Counter(), Counter())
    out.statements = old.statements + now.statements - was.statements
    for name in ("events", "actors", "event_statements", "actor_statements"):
        counter: Counter[str | None] = getattr(out, name)
        counter.update(getattr(old, name))
        counter.update(getattr(now, name))
        counter.subtract(getattr(was, name))
        counter.pop(None, None)  # as stored: no row reads it
    return out


def value_rows(
    figures: Iterable[Mapping[str, Any]], touched: set[ValueKey], articles: Mapping[str, tuple[str, str | None]]
) -> dict[ValueKey, ValueRow]:
    """The value rows of the ``touched`` values from every stored figure record (in stored
    order) stating one; ``articles``: an article id's (publisher, date)."""
    amounts = {v for _, v, _ in touched}
    found: dict[ValueKey, list[Mapping[str, Any]]] = {}
    for d in [d for d in figures if d["value"] in amounts]:  # the few values touched, first
        if (key := (d.get("measure"), d["value"], d["unit"])) in touched:
            found.setdefault(key, []).append(d)
    out: dict[ValueKey, ValueRow] = {}
    for key, figs in found.items():
        keys = [(d.get("date") or "", d["article"], d["start"]) for d in figs]  # claim_key, inlined
        figs = [figs[n] for n in sorted(range(len(figs)), key=keys.__getitem__)]  # stable: ties keep stored order
        pairs = [articles.get(d["article"]) or (d["article"], d.get("date")) for d in figs]
        out[key] = ValueRow(figs[0]["value"], figs[0]["unit"], len(figs), *source_rows(pairs))
    return out


def merge_groups(
    old: Sequence[GroupRow],
    measures: Mapping[str, Measure],
    disputes: Mapping[str, list[str]],
    values: Mapping[ValueKey, ValueRow],
    first: Mapping[str, ClaimKey],
) -> list[GroupRow]:
    """The groups after an add: those of the measures in ``disputes`` (each touched measure's
    disputes, in id order) rebuilt with their new ``values``, the others kept, all sorted as
    ``Corpus.figure_groups`` sorts them (disputed first, then the measures' stored order,
    then each measure's first figure)."""
    by_measure = {g.measure: g for g in old}
    for measure, whys in disputes.items():
        kept = by_measure.get(measure)
        rows = {(v.value, v.unit): v for v in (kept.values if kept else [])}
        rows.update(((v.value, v.unit), v) for (m, _, _), v in values.items() if m == measure)
        label = measures[measure].label if measure in measures else measure
        by_measure[measure] = GroupRow(measure, label, bool(whys), [rows[k] for k in sorted(rows)], list(whys))
    order = list(measures)

    def key(g: GroupRow) -> tuple[bool, int, ClaimKey]:
        return (not g.conflict, order.index(g.measure) if g.measure in order else 99, first[g.measure])

    return sorted(by_measure.values(), key=key)


def merge_positions(old: Sequence[PositionRow], new: Iterable[PositionRow]) -> list[PositionRow]:
    """Old and new position rows in the trajectory's order (date, side, measure, value, id)."""
    return sorted([*old, *new], key=lambda p: (p.date or "9999", SIDES.index(p.side), p.measure or "", p.value, p.id))
