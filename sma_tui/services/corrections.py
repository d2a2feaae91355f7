"""Corrections in the application layer: applied on every load, made, undone, listed,
exported and imported (``sma-tui review``, ``correct``, ``corrections``; the TUI's Review
screen and its ``e``/``x``/``u`` keys).

The store keeps them in its ``corrections`` table (one ``Correction.to_dict()`` per row),
apart from what extraction wrote. :func:`apply_rows` is the one place they meet the data:
every load of the store (:func:`sma_tui.services.load`, ``load_corpus``, ``check``) goes
through it, so the CLI, the TUI, ``check`` and the exports all see the corrected corpus.
Every write is one locked read-modify-write of the store (:meth:`Store.update`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.corrections.apply import Applied, ImportReport, Problem, apply, merge_import
from ..core.corrections.correct import undo as undo_in
from ..core.corrections.records import Correction, CorrectionError, dump, in_order, parse
from ..core.corrections.review import ReviewItem, review_queue, statement_items
from ..storage.files import StoreError, atomic_write
from ..storage.store import CORRECTIONS, Stamp, Store, Tables
from .statements import disagreements_with_reports

__all__ = ["Corrected", "CorrectionError", "Problem", "ReviewItem"]

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Corrected:
    """A store loaded with its corrections applied: the corpus (as every view shows it),
    the corrections (stored order), what applying them did, and the file's stamp."""

    corpus: Corpus
    corrections: list[Correction]
    applied: Applied
    stamp: Stamp | None = None


def read_rows(rows: Sequence[Any]) -> tuple[list[Correction], list[Problem]]:
    """The stored rows as corrections; a malformed row is a problem (``check`` lists it),
    never a reason the store cannot be read."""
    out: list[Correction] = []
    problems: list[Problem] = []
    for n, row in enumerate(rows, 1):
        try:
            out.append(Correction.from_dict(row))
        except CorrectionError as exc:
            rid = row.get("id") if isinstance(row, dict) and isinstance(row.get("id"), str) else f"#{n}"
            problems.append(Problem(str(rid), f"malformed record in the store: {exc}"))
    return out, problems


def apply_rows(corpus: Corpus, rows: Sequence[Any]) -> tuple[list[Correction], Applied]:
    """Apply the stored ``rows`` to ``corpus`` in place and mark what they changed
    (:attr:`Corpus.corrected`: record id -> the notes)."""
    if not rows:  # the common case: no index to build, no reindex (a second at 10,000 articles)
        corpus.corrected = {}
        return [], Applied()
    corrections, bad = read_rows(rows)
    applied = apply(corpus, corrections)
    applied.problems[:0] = bad
    notes = {c.id: c.note for c in corrections}
    corpus.corrected = {
        rid: "; ".join(n for n in (notes.get(cid, "") for cid in ids) if n) for rid, ids in applied.marks.items()
    }
    return corrections, applied


def load_store(store: Store) -> Corrected:
    """Read ``store`` once and apply its corrections."""
    stamp = store.stamp()
    corpus, rows = store.load_with_corrections()
    corrections, applied = apply_rows(corpus, rows)
    return Corrected(corpus, corrections, applied, stamp)


def load(path: Path) -> Corrected:
    """The store at ``path`` (which must exist), corrected."""
    store = Store(path)
    if not store.exists():
        raise FileNotFoundError(f"no store at {store.path}; run 'sma-tui build' first")
    return load_store(store)


def problems_of(applied: Applied) -> list[str]:
    """``check``'s lines: each correction that could not be applied."""
    return [f"{p} (undo it with 'sma-tui corrections undo {p.correction}', or add its article again)"
            for p in applied.problems]  # fmt: skip


# ------------------------------------------------------------------ reads
def review(path: Path) -> tuple[Corpus, list[ReviewItem]]:
    """The corrected corpus and its review queue, most doubtful first (corrected records
    are left out)."""
    corpus = load(path).corpus
    return corpus, queue(corpus)


def queue(corpus: Corpus, statements: list[ReviewItem] | None = None) -> list[ReviewItem]:
    """The review queue of a corrected corpus (what it corrected is not asked again), with
    the ``statements`` items (default: :func:`disagreement_items` of the corpus)."""
    if statements is None:
        statements = disagreement_items(corpus)
    return review_queue(corpus, exclude=corpus.corrected, statements=statements)


def disagreement_items(corpus: Corpus) -> list[ReviewItem]:
    """The statements whose reports credit their words to different speakers, as review
    items (grouping the whole corpus: seconds at 100,000 quotes; the TUI runs it in a worker)."""
    found, reports = disagreements_with_reports(corpus)
    return statement_items(corpus, found, reports)


def listing(path: Path) -> list[dict[str, Any]]:
    """Every correction, oldest first, with its state: applied, unresolved (why) or undone."""
    loaded = load(path)
    problems = {p.correction: p.message for p in loaded.applied.problems}
    targets = {item.correction: item.target for item in loaded.applied.report}
    rows = []
    for c in in_order(loaded.corrections):
        state = "undone" if not c.active else ("unresolved" if c.id in problems else "applied")
        rows.append({**c.to_dict(), "state": state, "problem": problems.get(c.id), "record": targets.get(c.id),
                     "summary": c.summary()})  # fmt: skip
    return rows


# ------------------------------------------------------------------ writes
def _append(store: Store, records: Sequence[Correction]) -> Stamp | None:
    ids = {r.id for r in records}

    def change(tables: Tables) -> bool:
        rows = tables.setdefault(CORRECTIONS, [])
        if any(isinstance(r, dict) and r.get("id") in ids for r in rows):
            raise CorrectionError("that correction is already stored")
        rows.extend(r.to_dict() for r in records)
        return True

    return store.update(change)[1]


def make(path: Path, build: Callable[[Corpus], Correction]) -> Correction:
    """Build a correction against the corrected store and store it, in one locked read and
    write (``build`` raises :class:`CorrectionError` on bad input: nothing is stored). The
    builders need no article bodies: they are not read."""
    store = Store(path)
    if not store.exists():
        raise FileNotFoundError(f"no store at {store.path}; run 'sma-tui build' first")
    made: list[Correction] = []

    def change(tables: Tables) -> bool:
        rows = tables.setdefault(CORRECTIONS, [])
        corpus = store.corpus_of(tables)
        apply_rows(corpus, rows)
        record = build(corpus)
        if any(isinstance(r, dict) and r.get("id") == record.id for r in rows):
            raise CorrectionError("that correction is already stored")
        rows.append(record.to_dict())
        made.append(record)
        return True

    store.update(change)
    return made[0]


def make_and_reload(path: Path, build: Callable[[Corpus], Correction]) -> tuple[Correction, Corrected]:
    """:func:`make`, then the store as it is now (what the TUI shows next)."""
    record = make(path, build)
    return record, load(path)


def undo_and_reload(path: Path, key: str | None = None) -> tuple[Correction, Corrected]:
    """:func:`undo`, then the store as it is now."""
    record = undo(path, key)
    return record, load(path)


def undo(path: Path, key: str | None = None) -> Correction:
    """Undo correction ``key`` (an id or a unique prefix), or the latest that still holds."""
    store = Store(path)
    if not store.exists():
        raise FileNotFoundError(f"no store at {store.path}; run 'sma-tui build' first")
    done: list[Correction] = []

    def change(tables: Tables) -> bool:
        rows = tables.setdefault(CORRECTIONS, [])
        records, bad = read_rows(rows)
        if bad and key is None:
            raise CorrectionError(f"the store has a malformed correction ({bad[0]}); run 'sma-tui check'")
        _, record = undo_in(records, key)
        for row in rows:
            if isinstance(row, dict) and row.get("id") == record.id:
                row["undone"] = record.undone  # TinyDB's own document, edited in place
        done.append(record)
        return True

    store.update(change)
    return done[0]


# ------------------------------------------------------------------ files
def export(path: Path, target: Path) -> int:
    """Write every correction of the store (undone ones too) to ``target``; how many."""
    corrections = load(path).corrections
    data = json.dumps(dump(corrections), ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write(target.expanduser(), data.encode("utf-8"), what="the corrections file", durable=True)
    except StoreError as exc:
        raise CorrectionError(str(exc)) from None
    return len(corrections)


def read_file(source: Path) -> list[Correction]:
    """The corrections of an exported file; anything else is one :class:`CorrectionError`."""
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise CorrectionError(f"{source} is larger than {MAX_FILE_BYTES // 2**20} MB: not a corrections file")
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorrectionError(f"no file {source}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionError(f"cannot read {source}: {getattr(exc, 'strerror', None) or exc}") from None
    except (json.JSONDecodeError, RecursionError):
        raise CorrectionError(f"{source} is not JSON: not a sma-tui corrections file") from None
    try:
        return parse(data)
    except CorrectionError as exc:
        raise CorrectionError(f"{source}: {exc}") from None


def import_file(path: Path, source: Path) -> ImportReport:
    """Add the corrections of ``source`` that this store lacks and can apply; duplicates are
    skipped and the ones whose target is missing here reported (nothing else is stored)."""
    incoming = read_file(source)
    store = Store(path)
    loaded = load(path)
    report = merge_import(loaded.corrections, incoming, loaded.corpus)
    if report.added:
        _append(store, report.added)
    return report
