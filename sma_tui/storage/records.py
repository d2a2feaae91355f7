"""From the store's raw tables (lists of dicts) to the domain objects of :mod:`sma_tui.core`."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from operator import is_
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.models import RECORD_TYPES, Actor, Article, Event, Figure, Measure, Record
from ..core.overview import Overview, QuoteCounts, actor_rows, event_rows
from ..core.overview_update import (
    OverviewState,
    QuoteChange,
    claim_key,
    merge_groups,
    merge_positions,
    updated_counts,
    value_rows,
)
from ..core.positions.rows import position_rows
from .files import StoreError
from .migrations import Tables


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while reading or rewriting the store: at 10,000 articles
    that allocates about a million objects and frees no cycles, so every collection it
    triggered would be wasted, each one scanning everything alive (a quarter of a load, and
    more once a large corpus is already in memory).

    ``freeze`` (after a load): move every object alive now, the corpus included, to the
    permanent generation, so that later collections no longer scan the corpus either.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def release_memory() -> None:
    """After a reload, once the previous corpus is dropped: free it for good.

    :func:`gc_paused` freezes everything alive after a load, the corpus on screen then
    included. The old corpus is still shown while the new one loads, so it is frozen
    again with it, and the screens that showed it are reference cycles that only the
    collector frees: without this, every reload kept one more corpus for ever (276 MB
    to 2 GB over ten reloads of the 10,000-article store). Unfreeze, collect, give the
    freed pages back to the system (glibc's ``malloc_trim``, where there is one) and
    freeze what is alive now, so later collections still skip the corpus.
    """
    gc.unfreeze()
    gc.collect()
    _malloc_trim()
    gc.freeze()


def _malloc_trim() -> None:
    import ctypes  # only here: kept off every command's start

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the pages stay with the process, reused by the next load
        pass


def compact(doc: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty optional fields: fewer keys to parse in every record."""
    return {k: v for k, v in doc.items() if v is not None and v != [] and v is not False}


def changed_rows(old: list[Any], rows: list[Any]) -> tuple[list[Any], set[int]]:
    """What a change did to one table: the records of ``rows`` that ``old`` did not hold,
    and the ``id()`` of those of ``old`` that ``rows`` no longer holds (records are told
    apart by identity: an edit in place is TinyDB's own document already). The common
    case, records appended, takes one C-level pass over 100,000 records."""
    if len(rows) >= len(old) and all(map(is_, old, rows)):
        return rows[len(old) :], set()
    before, after = set(map(id, old)), set(map(id, rows))
    return [d for d in rows if id(d) not in before], before - after


def records(path: Path, rtype: type[Record], rows: list[dict[str, Any]]) -> list[Record]:
    try:
        return [rtype.from_dict(d) for d in rows]
    except TypeError as exc:
        raise StoreError(
            f"the store {path} has a malformed {rtype.TABLE} record ({exc}); "
            "run 'sma-tui check' or 'sma-tui build --force'"
        ) from None


def load_corpus(path: Path, tables: Tables) -> Corpus:
    """The corpus of ``tables`` whose articles carry their ``body``; the tables are emptied
    one by one as their records are built (peak memory)."""
    built: dict[str, list[Record]] = {}
    for rtype in RECORD_TYPES:
        rows = tables.pop(rtype.TABLE)
        built[rtype.TABLE] = records(path, rtype, rows)
        del rows
    return Corpus.from_records(built, tables["meta"][0] if tables["meta"] else {})


def corpus_of(
    path: Path, tables: Tables, *, claims: tuple[str, ...] = ("quotes", "figures"), articles: bool = True
) -> Corpus:
    """A corpus of the raw ``tables`` (as :meth:`Store.update` hands them to its change),
    without reading the article bodies (their ``body`` is empty), and with only the
    ``claims`` tables named: with none, it is all that ingesting new articles needs, at
    a fraction of a full load (``articles=False``: none of the articles either, which an
    add dedupes against from the records themselves). The dicts are not changed."""
    built: dict[str, list[Record]] = {}
    for rtype in RECORD_TYPES:
        rows = tables[rtype.TABLE]
        if rtype.TABLE == "articles":
            rows = [{**d, "body": ""} for d in rows] if articles else []
        elif rtype.TABLE in ("quotes", "figures") and rtype.TABLE not in claims:
            continue
        built[rtype.TABLE] = records(path, rtype, rows)
    return Corpus.from_records(built, tables["meta"][0] if tables["meta"] else {})


def overview_of(path: Path, tables: Tables) -> Overview:
    """The :class:`Overview` of raw ``tables``: it needs no bodies, and of the 100,000
    quotes (at 10,000 articles) only their counts, taken from the dicts."""
    return overview_and_state(path, tables)[0]


def overview_and_state(path: Path, tables: Tables) -> tuple[Overview, OverviewState]:
    """:func:`overview_of`, and the state that :func:`overview_after_add` updates."""
    with gc_paused():
        corpus = corpus_of(path, tables, claims=("figures",))
        counts = QuoteCounts.of(tables["quotes"])
        state = OverviewState.of(counts, ((d.get("measure"), claim_key(d)) for d in tables["figures"]))
        return Overview.of(corpus, counts), state


def overview_after_add(
    path: Path, tables: Tables, kept: tuple[Overview, OverviewState], change: QuoteChange, first_figure: int
) -> tuple[Overview, OverviewState]:
    """The overview (and state) of ``tables`` after an add, from ``kept``, those of the tables
    before it: equal to :func:`overview_and_state` of the tables written, without rebuilding
    the figures or counting every quote (see :mod:`sma_tui.core.overview_update`).
    ``change``: what the add did to the quotes; ``first_figure``: the first new figure's index."""
    old, state = kept
    figures = tables["figures"]
    new = figures[first_figure:]
    small = Corpus.from_records({t: records(path, r, tables[t]) for t, r in _SMALL.items()})
    touched = {d["measure"] for d in new if d.get("measure")}  # as Corpus.figure_groups: no group for ""
    pairs = {str(d["id"]): (str(d["publisher"]), d.get("date")) for d in tables["articles"]}
    values = value_rows(figures, {(d["measure"], d["value"], d["unit"]) for d in new if d.get("measure")}, pairs)
    wanted = [d for d in figures if d.get("measure") in touched and d.get("period") is not None
              and not d.get("exchange_rate")]  # fmt: skip
    chosen = {id(d) for d in wanted}
    wanted += [d for d in new if id(d) not in chosen]  # for their positions
    sub = corpus_of_figures(path, tables, wanted, small)
    disputes: dict[str, list[str]] = {m: [] for m in touched}
    for d in sub.disputes():
        if d.measure in disputes:
            disputes[d.measure].append(d.why)
    new_ids = {d["id"] for d in new}
    counts = updated_counts(state.quotes, change)
    state = OverviewState(counts, dict(state.first))
    state.see((d.get("measure"), claim_key(d)) for d in new)
    overview = Overview(
        counts={**small.counts(), "articles": len(tables["articles"]), "figures": len(figures),
                "quotes": counts.total, "statements": counts.statements},  # fmt: skip
        events=event_rows(small, counts.statements_for_event, counts.for_event),
        actors=actor_rows(small, counts.statements_for_actor, counts.for_actor),
        groups=merge_groups(old.groups, small.measures, disputes, values, state.first),
        positions=merge_positions(old.positions, (r for r in position_rows(sub, False) if r.id in new_ids)),
    )
    return overview, state


_SMALL = {"events": Event, "actors": Actor, "measures": Measure}


def corpus_of_figures(path: Path, tables: Tables, figures: list[dict[str, Any]], small: Corpus) -> Corpus:
    """A corpus of ``figures`` (raw records), their articles (without bodies) and ``small``'s
    events, actors and measures."""
    needed = {d["article"] for d in figures}
    articles = [{**d, "body": ""} for d in tables["articles"] if d.get("id") in needed]
    return Corpus.from_records(
        {
            "articles": records(path, Article, articles),
            "figures": records(path, Figure, figures),
            "events": small.events.values(),
            "actors": small.actors.values(),
            "measures": small.measures.values(),
        }
    )
