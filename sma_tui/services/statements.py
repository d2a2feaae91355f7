"""Statements for the CLI and the TUI: the quotes that report one statement, read back from
the store (``Quote.statement``), grouped on ``add`` without regrouping the whole store, and
their disagreements for the review queue.

How an add stays within its budget at 10,000 articles: the store keeps beside it the lookup
keys of every quote (:mod:`sma_tui.storage.statement_keys`, stamped with the store file).
A new quote's candidates are the stored quotes sharing a key with it; those and every report
of the candidates' statements are grouped again with the new quotes (a few dozen quotes,
not 100,000), and the quotes whose statement or inherited speaker changed are updated in
the same write. A missing or stale key file is rebuilt from the stored quotes (seconds,
once); a store written before statements existed is grouped whole on its next add.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.models import Quote
from ..core.overview import Triple
from ..core.overview_update import QuoteChange, concerned
from ..core.statements.assign import apply_placement, placements, regroup, summarise
from ..core.statements.data import Disagreement, Statement
from ..core.statements.index import StatementIndex
from ..core.statements.wording import DiffOp, word_diff
from ..storage.append import StoredRows
from ..storage.statement_keys import StatementKeys, keys_path, open_keys
from ..storage.store import Stamp, Store, Tables


# ------------------------------------------------------------------ reading
def statement_of(corpus: Corpus, quote: Quote) -> str:
    """The statement id of ``quote`` (its own when the store has none recorded)."""
    return quote.statement or "st:" + quote.id


def reports_of(corpus: Corpus, statement_id: str) -> list[Quote]:
    """The quotes reporting ``statement_id``, earliest first (date, then id)."""
    found = [q for q in corpus.quote_list() if statement_of(corpus, q) == statement_id]
    return sorted(found, key=lambda q: (q.date or "9999-99-99", q.id))


def statement_groups(corpus: Corpus, quotes: Iterable[Quote] | None = None) -> dict[str, list[Quote]]:
    """Every statement with a report among ``quotes`` (default: all), with all its reports,
    earliest first; statements in the order of their earliest report."""
    every: dict[str, list[Quote]] = {}
    for q in corpus.quote_list():
        every.setdefault(statement_of(corpus, q), []).append(q)
    wanted = None if quotes is None else {statement_of(corpus, q) for q in quotes}
    out = {
        sid: sorted(reports, key=lambda q: (q.date or "9999-99-99", q.id))
        for sid, reports in every.items()
        if wanted is None or sid in wanted
    }
    return dict(sorted(out.items(), key=lambda kv: (kv[1][0].date or "9999-99-99", kv[1][0].id)))


def report_counts(corpus: Corpus) -> dict[str, int]:
    """How many reports each statement has (statement id -> N)."""
    counts: dict[str, int] = {}
    for q in corpus.quotes.values():
        sid = statement_of(corpus, q)
        counts[sid] = counts.get(sid, 0) + 1
    return counts


def get_statement(corpus: Corpus, key: str) -> tuple[Statement, list[Quote]]:
    """The statement ``key`` (``st:…``, or the id of any of its reports) and its reports."""
    sid = key if key.startswith("st:") else None
    if sid is None and key in corpus.quotes:
        sid = statement_of(corpus, corpus.quotes[key])
    reports = reports_of(corpus, sid) if sid else []
    if not reports:
        raise LookupError(f"no statement {key!r} (try 'sma-tui statements')")
    return summarise(reports), reports


@dataclass(frozen=True, slots=True)
class Difference:
    """One report's wording against the statement's earliest report, word by word."""

    quote: str
    ops: list[tuple[DiffOp, str]]


def differences(reports: list[Quote]) -> list[Difference]:
    """Each report after the first compared with the first (earliest) report."""
    if not reports:
        return []
    first = reports[0].text
    return [Difference(q.id, word_diff(first, q.text)) for q in reports[1:]]


def disagreements(path: Path) -> list[Disagreement]:
    """Statements that would be one but for the speakers their explicit reports name: for
    the review queue. Groups the whole store (seconds at 100,000 quotes)."""
    return disagreements_of(Store(path).load())


def disagreements_of(corpus: Corpus) -> list[Disagreement]:
    """:func:`disagreements` of a corpus already loaded (each names both statements, the
    first report of each and the two speakers)."""
    return disagreements_with_reports(corpus)[0]


def disagreements_with_reports(corpus: Corpus) -> tuple[list[Disagreement], dict[str, list[Quote]]]:
    """:func:`disagreements_of`, and the reports of every statement they name (earliest first)."""
    index = StatementIndex.build(corpus.quote_list())
    found = index.disagreements()
    named = {sid for d in found for sid in (d.statement_a, d.statement_b)}
    return found, {sid: [corpus.quotes[q] for q in index.get(sid).reports] for sid in sorted(named)}


# ------------------------------------------------------------------ adding
@dataclass(slots=True)
class Grouping:
    """What one ``add`` did to statements; :meth:`commit` after the store is written."""

    store_path: Path
    joined: int = 0  # new quotes now in a statement with other reports
    updated: int = 0  # stored quotes whose statement or inherited speaker changed
    disagreements: list[Disagreement] = field(default_factory=list)
    change: QuoteChange | None = None
    """What the add did to the stored quotes, for the overview's counts (``None``: it regrouped
    every stored quote, so the counts are taken again)."""
    _keys: StatementKeys | None = None

    def group(self, tables: Tables, first_new: int, seen: Stamp | None, stored: StoredRows | None = None) -> None:
        """Group the quotes ``tables["quotes"][first_new:]`` (just appended) into statements.
        ``stored``: the stored quotes are parsed on demand (``None`` in the list until then)."""
        rows = tables["quotes"]
        new = rows[first_new:]
        keys = self._fresh(seen, first_new)
        found = self._by_index(keys, rows, first_new, stored) if keys is not None else None
        if found is None:
            if stored is not None:
                stored.fill_all()
            old = rows[:first_new]
            found = self._by_passes(old, new, None if keys is not None else seen)  # a file that lied: rebuilt
            if found is None:  # a store written before statements: every quote was regrouped
                self._reset_keys(rows)
                return
        existing, others_of = found
        placed, result = regroup([Quote.from_dict(d) for d in existing], [Quote.from_dict(d) for d in new])
        before = [_triple(d) for d in existing]
        for d in existing:
            self.updated += apply_placement(d, placed[str(d["id"])])
        for d in new:
            apply_placement(d, placed[str(d["id"])])
        after = [_triple(d) for d in (*existing, *new)]
        self.change = QuoteChange(before, after, others_of(concerned(before, after)))
        self.joined = sum(1 for j in result.joins if j.peers)
        self.disagreements = list(result.disagreements)
        if self._keys is not None:  # the statements the add changed, the new quotes' keys and places
            try:
                self._keys.set_statements((str(d["id"]), d.get("statement")) for d in existing)
                self._keys.add(_key_rows(new, first_new))
            except sqlite3.Error:
                self._drop()

    def _by_index(
        self, keys: StatementKeys, rows: list[Row], first_new: int, stored: StoredRows | None
    ) -> Found | None:
        """The stored reports of every statement a new quote may join, and a way to the other
        stored reports of any statement, both read through the key file (no pass over the
        stored quotes); ``None`` if a place it names does not hold that quote."""
        try:
            candidates = {c for d in rows[first_new:] for c in keys.candidates(str(d["text"]))}
            existing = _at(rows, first_new, keys.members(keys.statements_of(candidates)), stored)
        except sqlite3.Error:
            self._drop()
            return None
        if existing is None:
            return None

        def others_of(statements: set[str]) -> list[Triple]:
            try:
                # as they were: the file is updated after
                found = _at(rows, first_new, keys.members(statements), stored)
            except sqlite3.Error:
                found = None
            if found is None:  # the passes (``existing`` changed in place, the others not)
                if stored is not None:
                    stored.fill_all()
                old = rows[:first_new]
                return _others(old, list(map(_STATEMENT, old)), existing, statements)
            skip = {id(d) for d in existing}
            return [_triple(d) for d in found if id(d) not in skip]

        return existing, others_of

    def _by_passes(self, old: list[Row], new: list[Row], seen: Stamp | None) -> Found | None:
        """:meth:`_by_index` with passes over every stored quote (each 10-30 ms at 100,000:
        their statements, and their ids), the key file rebuilt or filled on the way; ``None``
        when a stored quote had no statement (then every quote is regrouped)."""
        statements = list(map(_STATEMENT, old))
        if _NONE in statements:
            self._group_all([*old, *new])
            return None
        keys = self._keys
        try:
            stale = keys is not None and (seen is None or keys.stamp() != seen)
            if keys is not None and not stale and not keys.keeps_rows(len(old)):  # from before it kept them
                stale = not keys.fill_rows((str(d["id"]), d.get("statement")) for d in old)
            if keys is not None and stale:
                keys.rebuild((str(d["id"]), str(d["text"]), d.get("statement")) for d in old)
        except sqlite3.Error:
            self._drop()
            keys = None
        if keys is None:  # no usable key file (a read-only folder?): regroup with every quote
            existing = old
        else:
            candidates = {c for d in new for c in keys.candidates(str(d["text"]))}
            wanted = set(compress(statements, map(candidates.__contains__, map(_ID, old))))
            existing = list(compress(old, map(wanted.__contains__, statements)))  # the candidates too
        return existing, lambda concerned_: _others(old, statements, existing, concerned_)

    def _group_all(self, rows: list[dict[str, Any]]) -> None:
        self.change = None
        quotes = [Quote.from_dict(d) for d in rows]
        placed = placements(StatementIndex.build(quotes), [q.id for q in quotes])
        for d in rows:
            self.updated += apply_placement(d, placed[str(d["id"])])

    def _open(self) -> StatementKeys | None:
        try:
            keys = self._keys = open_keys(self.store_path)
            keys.begin()  # waits for another add's key update to be committed first
            return keys
        except sqlite3.Error:
            self._drop()
            return None

    def _fresh(self, seen: Stamp | None, stored: int) -> StatementKeys | None:
        """The key file, opened (a damaged one replaced once); itself if it describes the
        store file read (``seen``) and keeps the statement and place of its ``stored`` quotes."""
        keys = self._open() or self._open()
        try:
            if keys is not None and seen is not None and keys.stamp() == seen and keys.keeps_rows(stored):
                return keys
        except sqlite3.Error:
            self._drop()
        return None

    def _reset_keys(self, rows: list[dict[str, Any]]) -> None:
        if self._keys is None:
            self._open()
        if self._keys is not None:
            try:
                self._keys.rebuild((str(d["id"]), str(d["text"]), d.get("statement")) for d in rows)
            except sqlite3.Error:
                self._drop()

    def _drop(self) -> None:
        if self._keys is not None:
            try:
                self._keys.close()
            except sqlite3.Error:
                pass
        self._keys = None
        try:
            keys_path(self.store_path).unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: every add regroups with every quote, slowly but right

    def commit(self, written: Stamp | None, wrote: bool) -> None:
        """Stamp the key file with the store file just written (or forget the change)."""
        if self._keys is None:
            return
        try:
            if wrote:
                self._keys.commit(written)
            else:
                self._keys.rollback()
            self._keys.close()
        except sqlite3.Error:
            self._drop()
        self._keys = None


Row = dict[str, Any]
Found = tuple[list[Row], Callable[[set[str]], list[Triple]]]
"""The stored reports of the statements an add may join, and a way to the others of any statement."""


def _at(
    rows: list[Row], stored_count: int, places: list[tuple[int, str, str | None]], stored: StoredRows | None
) -> list[Row] | None:
    """The stored quotes (the first ``stored_count`` of ``rows``; ``stored`` parses them on
    demand) at ``places`` ((place from 1, id, statement) from the key file), or ``None`` if
    any place does not hold that quote with that statement."""
    if stored is not None:
        stored.fill(n for n, _, _ in places)
    found = []
    for n, qid, statement in places:
        d = rows[n - 1] if 0 < n <= stored_count else None
        if d is None or d.get("id") != qid or d.get("statement") != statement:
            return None
        found.append(d)
    return found


def _key_rows(new: list[Row], first_new: int) -> list[tuple[int, str, str, str | None]]:
    """The key file's rows of the quotes stored from place ``first_new + 1`` on."""
    return [(first_new + k, str(d["id"]), str(d["text"]), d.get("statement")) for k, d in enumerate(new, 1)]


_NONE = object()
"""The statement of a stored quote without the field (a store written before statements)."""
_ID, _STATEMENT = itemgetter("id"), methodcaller("get", "statement", _NONE)


def _triple(d: dict[str, Any]) -> Triple:
    return (d.get("event"), d.get("speaker"), str(d.get("statement") or d.get("id")))


def _others(
    old: list[dict[str, Any]], was: list[Any], changed: list[dict[str, Any]], statements: set[str]
) -> list[Triple]:
    """The stored quotes of ``statements`` that the add left alone (none, when every report
    of a statement it regrouped was regrouped with it: one pass to make sure). ``was``: the
    statement of each of ``old`` before the add (the add changed only those of ``changed``)."""
    skip = {id(d) for d in changed}
    found = compress(old, map(statements.__contains__, was))
    return [_triple(d) for d in found if id(d) not in skip]


# ------------------------------------------------------------------ listing
@dataclass(frozen=True, slots=True)
class Listed:
    """One statement for a listing: its summary, its reports (earliest first) and the other
    explicit speakers credited with matching words."""

    statement: Statement
    reports: list[Quote]
    conflicting_speakers: tuple[str, ...]


def list_statements(path: Path, corpus: Corpus, quotes: Iterable[Quote] | None = None) -> list[Listed]:
    """The statements with a report among ``quotes`` (default: every quote), each with all
    its reports, in the order of their earliest report."""
    groups = statement_groups(corpus, quotes)
    conflicts = _conflicts(path, corpus, groups)
    return [Listed(summarise(reports), reports, conflicts.get(sid, ())) for sid, reports in groups.items()]


LOCAL_POOL = 2000
"""Reports beyond which conflicting speakers are found by grouping the whole store."""


def _conflicts(path: Path, corpus: Corpus, groups: dict[str, list[Quote]]) -> dict[str, tuple[str, ...]]:
    """Conflicting speakers per statement: from an index of the listed reports and the quotes
    the key file says they may match (their near-misses), or of the whole store."""
    pool = {q.id for reports in groups.values() for q in reports}
    local = len(pool) <= LOCAL_POOL and len(pool) < len(corpus.quotes)
    keys = None
    try:
        keys = open_keys(path) if local and keys_path(path).exists() else None
        if keys is not None and keys.stamp() == Store(path).stamp():
            for reports in groups.values():
                for q in reports:
                    pool.update(c for c in keys.candidates(q.text) if c in corpus.quotes)
        else:
            pool = set(corpus.quotes)
    except sqlite3.Error:
        pool = set(corpus.quotes)
    finally:
        if keys is not None:
            keys.close()
    index = StatementIndex.build(sorted((corpus.quotes[q] for q in pool), key=lambda q: q.id))
    out: dict[str, tuple[str, ...]] = {}
    for sid, reports in groups.items():
        found = {s for q in reports if q.id in index for s in index.statement_of(q.id).conflicting_speakers}
        if found:
            out[sid] = tuple(sorted(found))
    return out


def show_statement(path: Path, corpus: Corpus, key: str) -> tuple[Listed, list[Difference]]:
    """One statement (``st:…`` or any report's quote id) with its word differences."""
    _, reports = get_statement(corpus, key)
    listed = list_statements(path, corpus, reports[:1])[0]
    return listed, differences(listed.reports)
