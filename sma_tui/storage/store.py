"""The store: one TinyDB JSON file with the tables ``meta``, ``articles``, ``events``,
``actors``, ``quotes``, ``figures``, ``measures`` and ``corrections`` (a person's fixes,
kept apart from what extraction wrote; see :mod:`sma_tui.core.corrections`), read and written through TinyDB's
table API over :class:`~sma_tui.storage.tiny.SmaStorage` (orjson, one atomic replace with
fsync, the previous good file kept as ``<name>.bak``), every write under a file lock.

Article bodies live beside the JSON, in ``<name>.bodies/`` (:mod:`sma_tui.storage.bodies`).

Tables go in and out as lists of plain dicts; the domain objects are built in
:mod:`sma_tui.storage.records`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.corpus import Corpus
from ..core.models import SCHEMA_VERSION, TABLES, Record
from ..core.overview import Overview
from ..core.overview_update import OverviewState
from ..core.safety.sanitize import clean_record
from ..core.safety.schema import Problem, validate_tables
from .append import StoredRows, spliced_update
from .bodies import Bodies
from .files import (
    CorruptStore,
    StoreError,
    file_id,
    recovery_hint,
    refuse_read_only,
    set_aside,
)
from .migrations import Tables, migrate, schema_of
from .overview_cache import FileId, Stamp, read_overview, read_state, read_trust, save_overview
from .records import changed_rows, compact, corpus_of, gc_paused, load_corpus, overview_of
from .tiny import SmaDB, locked

__all__ = ["CORRECTIONS", "Stamp", "Store", "StoreError", "Tables"]

CORRECTIONS = "corrections"
"""The table of corrections: one ``Correction.to_dict()`` per row. A store without one (older,
or never corrected) has none; no schema change: an older sma-tui leaves the table alone."""

_ID = methodcaller("get", "id")


def _count_ids(ids: set[Any], rows: list[Any]) -> int:
    """How many of ``rows`` have an id in ``ids`` (``itemgetter`` runs at twice the speed
    of ``get`` over 100,000 records; a record without an id falls back to ``get``)."""
    try:
        return sum(map(ids.__contains__, map(itemgetter("id"), rows)))
    except (KeyError, TypeError, IndexError):
        return sum(map(ids.__contains__, map(_ID, rows)))


class Store:
    """A sma-tui database file.

    >>> store = Store(path)
    >>> corpus = store.load()          # everything, indexed, in memory
    >>> store.replace_all(records)     # used by ``sma-tui build``
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        given = Path(path).expanduser()
        # A symlinked store: the link stays a link; the target is read, replaced (with its
        # .bak and bodies beside it) and locked, so users of the link and of the target
        # exclude each other.
        self.path = given.resolve() if given.is_symlink() else given
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.bodies = Bodies(self.path)
        self.kept_corrections = 0
        """How many corrections the last :meth:`replace_all` carried over from the old file."""
        self.loaded_corrections: list[dict[str, Any]] = []
        """The ``corrections`` rows the last :meth:`load` read."""
        self.validated: FileId | None = None
        """The file version whose every record this object validated (read, or wrote)."""
        self.validated_now = False
        """Whether the last read ran the whole validation (not trusting the sidecar)."""
        self.stored: StoredRows | None = None
        """The stored quotes of the last :meth:`update` with ``partial``, when it parsed them
        only on demand (``None``: the quote list it gave the change was complete)."""
        self.clean: FileId | None = None
        """The file version whose bytes this object scanned, or wrote from clean records:
        no unsafe character (the sidecar keeps it; the next read skips the scan)."""

    # ------------------------------------------------------------------ state
    def exists(self) -> bool:
        return self.path.is_file()

    def stamp(self) -> Stamp | None:
        """What changes whenever the store file is rewritten (every write replaces the
        file, so the inode changes even within one mtime tick); ``None`` if it is gone.

        One ``stat``: cheap enough for the app to poll for other processes' writes.
        """
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    # ------------------------------------------------------------------ reads
    def read_tables(self) -> Tables:
        """Every table as a list of plain dicts, migrated to the current schema.

        The dicts are the parsed JSON objects themselves (no copies: at 10,000 articles
        the store holds ~160,000 records, and every copy costs memory and time).
        """
        db = self._db()
        try:
            return self._read(db)
        finally:
            db.close()

    def _db(self) -> SmaDB:
        """The file, its bytes left unscanned when the sidecar vouches them clean (:attr:`clean`)."""
        return SmaDB(self.path, known_clean=lambda ident: read_trust(self.overview_path, ident)[1])

    def _read(self, db: SmaDB) -> Tables:
        """The validated tables (one :class:`StoreError` when any record is of the wrong
        shape: nothing reads or writes a store that does not load cleanly), every string
        cleaned of control characters when the file's bytes may hold one."""
        tables, problems = self._read_raw(db, trust=True)
        if problems:
            first = problems[0]
            raise CorruptStore(
                f"the store {self.path} does not load cleanly ({len(problems)} problem(s), the first: {first}); "
                f"run 'sma-tui check --db {self.path}' to list them, or {recovery_hint(self.path)}"
            )
        self.clean = None if db.sma_storage.may_hold_unsafe else db.sma_storage.file_id
        if db.sma_storage.may_hold_unsafe:
            for name, rows in tables.items():
                for row in rows:
                    cleaned = clean_record(name, row)
                    if cleaned is not row:
                        row.update(cleaned)  # in place: TinyDB's own documents, so a write keeps it clean
        migrate(tables, schema_of(self.path, tables["meta"][0]), self.bodies.text_of)  # saved on the next write
        return tables

    def _read_raw(self, db: SmaDB, *, trust: bool) -> tuple[Tables, list[Problem]]:
        """The raw tables and every record of the wrong shape. ``trust``: skip validating a
        file version that sma-tui itself wrote or read and validated (the overview sidecar
        says so with the file's device, inode, mtime, size and ctime: a hand edit or a copy
        changes them), the one saving that keeps a 10k load within budget (bench_validate)."""
        meta = db.rows("meta")
        ident = db.sma_storage.file_id
        if meta and isinstance(meta[0], dict):
            schema_of(self.path, meta[0])  # a newer store is "upgrade sma-tui", not a list of problems
        tables: Tables = {"meta": meta}
        for name in (*TABLES, CORRECTIONS):
            tables[name] = db.rows(name)
        self.validated_now = not (trust and read_trust(self.overview_path, ident)[0])
        problems = validate_tables(tables) if self.validated_now else []
        if not problems and not meta:
            schema_of(self.path, None)
        self.validated = None if problems else ident
        return tables, problems

    def schema_problems(self) -> list[str]:
        """Every record of the wrong shape, one line each (``check``); raises
        :class:`StoreError` only for a file that is not a readable sma-tui store at all."""
        db = SmaDB(self.path)
        try:
            return [str(p) for p in self._read_raw(db, trust=False)[1]]
        finally:
            db.close()

    def load(self) -> Corpus:
        """Read the whole store once and return it indexed in memory (as extracted: the
        corrections, kept in :attr:`loaded_corrections`, are applied by :mod:`sma_tui.services`)."""
        with gc_paused(freeze=True):
            tables = self.read_tables()
            self.bodies.attach(tables["articles"])
            self.loaded_corrections = tables.pop(CORRECTIONS, [])
            return load_corpus(self.path, tables)

    def load_with_corrections(self) -> tuple[Corpus, list[dict[str, Any]]]:
        """:meth:`load`, and the rows of the ``corrections`` table from the same read."""
        corpus = self.load()
        return corpus, self.loaded_corrections

    def corpus_of(
        self, tables: Tables, *, claims: tuple[str, ...] = ("quotes", "figures"), articles: bool = True
    ) -> Corpus:
        """A corpus of the raw ``tables`` without their bodies; see :func:`records.corpus_of`."""
        return corpus_of(self.path, tables, claims=claims, articles=articles)

    def overview_of(self, tables: Tables) -> Overview:
        """The :class:`Overview` of raw ``tables`` (no bodies, quotes only counted)."""
        return overview_of(self.path, tables)

    # --------------------------------------------------------------- overview
    @property
    def overview_path(self) -> Path:
        return self.path.with_name(self.path.name + ".overview.json")

    def read_overview(self, stamp: Stamp | None) -> Overview | None:
        """The kept overview of the store file whose :meth:`stamp` is ``stamp``, or ``None``."""
        return read_overview(self.overview_path, stamp)

    def read_overview_state(self, stamp: Stamp | None) -> tuple[Overview, OverviewState] | None:
        """The kept overview of the file version ``stamp`` and the state an add updates it from."""
        return read_state(self.overview_path, stamp)

    def save_overview(self, overview: Overview, stamp: Stamp | None, state: OverviewState | None = None) -> None:
        """Keep ``overview`` as the summary of the store file whose :meth:`stamp` is ``stamp``
        (and if this object validated that file version, say so), with the ``state`` an add updates."""
        save_overview(self.overview_path, overview, stamp, self.validated, state, self.clean)

    # ----------------------------------------------------------------- bodies
    @property
    def bodies_dir(self) -> Path:
        return self.bodies.folder

    def _body_path(self, sha: str) -> Path:
        return self.bodies.path_of(sha)

    # ----------------------------------------------------------------- writes
    def replace_all(self, records: Mapping[str, Iterable[Record]], meta: dict[str, Any] | None = None) -> Stamp | None:
        """Write a whole new store in one atomic replace; returns the new file's :meth:`stamp`.
        The corrections a person made are kept (a rebuild re-extracts; they apply again)."""
        rows = {name: [compact(r.to_dict()) for r in records.get(name, ())] for name in TABLES}
        self.refuse_invalid({"meta": [self.meta_fields(meta)], **rows})
        refuse_read_only(self.path)
        with locked(self.path, self.lock_path):
            self._set_aside_if_bad()
            self.bodies.externalise(rows["articles"], durable=False)
            os.sync()  # one flush for all body files, before the JSON that names them
            db = SmaDB(self.path, create=True)
            try:
                kept = self._kept_corrections(db)
                with db.batch():
                    db.drop_tables()
                    db.table("meta").insert(self.meta_fields(meta))
                    for name in TABLES:
                        db.table(name).insert_multiple(rows[name])
                    if kept:
                        db.table(CORRECTIONS).insert_multiple(kept)
                self.kept_corrections = len(kept)
            finally:
                db.close()
            self.validated = self.current_file_id()
            self.clean = None  # not proven: the first read scans the file
            return self.stamp()

    def update(
        self, change: Callable[[Tables], bool | None], *, partial: bool = False
    ) -> tuple[Stamp | None, Stamp | None]:
        """Read-modify-write under the lock: ``change`` edits the table lists in place (and
        may return ``False`` when it changed nothing: then nothing is written).

        ``partial``: the quote list may hold ``None`` for the stored quotes, which
        :attr:`stored` fills on demand (see :mod:`sma_tui.storage.append`: what ``add`` asks
        for, so that it neither parses nor rewrites the 100,000 quotes of a large store).

        Article dicts that ``change`` adds may carry their ``body``; it is written to a body
        file first. All of the change lands in one atomic write of the JSON, or none of it
        does (an orphan body file is harmless).

        Returns the :meth:`stamp` of the file that ``change`` saw and that of the file written:
        a caller that read the store at the first stamp knows its copy plus its change is
        exactly what is on disk now.
        """
        refuse_read_only(self.path)
        self.stored = None
        with locked(self.path, self.lock_path), gc_paused(freeze=True):  # what follows never rescans the tables
            if partial and (done := spliced_update(self, change)) is not None:
                return done
            seen = self.stamp()
            db = self._db()
            try:
                tables = self._read(db)
                before = {name: list(rows) for name, rows in tables.items()}
                if change(tables) is False:
                    return seen, seen
                changes = {name: changed_rows(before.get(name, []), rows) for name, rows in tables.items()}
                self.refuse_invalid({name: new for name, (new, _) in changes.items()}, tables)
                # what was read is clean now (cleaned above if it had to be); the added records
                # are checked (an edit in place writes values sma-tui made or read: clean too)
                clean = all(clean_record(name, d) is d for name, (new, _) in changes.items() for d in new)
                self.bodies.externalise(tables["articles"], durable=True)
                with db.batch():
                    self._write_changes(db, tables, changes)
            finally:
                db.close()
            self.validated = self.current_file_id()
            self.clean = self.validated if clean else None
            return seen, self.stamp()

    @staticmethod
    def _kept_corrections(db: SmaDB) -> list[dict[str, Any]]:
        """The corrections rows of the file being replaced (none if it is unreadable)."""
        try:
            return [dict(d) for d in db.rows(CORRECTIONS)]
        except (StoreError, ValueError, TypeError):
            return []

    def current_file_id(self) -> FileId | None:
        try:
            return file_id(self.path.stat())
        except OSError:
            return None

    def refuse_invalid(self, new: Tables, whole: Tables | None = None) -> None:
        """Never write a record of the wrong shape: ``new`` are the records about to be
        written (all of them, or those added to ``whole``, whose ids must stay unique).

        The records ``whole`` held before were read validated (their ids unique), so only
        the added ones are checked: each id once among them, and each found exactly once
        in its whole table (itself). One C-level pass over a table with additions, no set
        of its 100,000 ids built on every add."""
        problems = [str(p) for p in validate_tables(new)]
        for name, rows in (whole or {}).items():
            added = list(map(_ID, new.get(name) or ())) if name != "meta" else []
            wanted = set(added)
            if added and (len(wanted) != len(added) or _count_ids(wanted, rows) != len(added)):
                problems.append(f"{name}: an id would appear twice")
        if problems:
            raise StoreError(f"refusing to write {self.path}: {len(problems)} invalid record(s), first: {problems[0]}")

    def _write_changes(self, db: SmaDB, tables: Tables, changes: dict[str, tuple[list[Any], set[int]]]) -> None:
        """Hand TinyDB what ``change`` did: the dicts it edited in place are TinyDB's own
        documents already; the ones it added are inserted and the ones it dropped removed."""
        meta = db.table("meta")
        fields = self.meta_fields(tables["meta"][0] if tables["meta"] else {})
        meta.truncate()
        meta.insert(fields)
        stored = db.sma_storage.read() or {}
        for name in (*TABLES, CORRECTIONS):
            if name not in tables:
                continue
            table, (added, removed) = db.table(name), changes[name]
            if removed:
                table.remove(doc_ids=[int(i) for i, d in stored.get(name, {}).items() if id(d) in removed])
            new = [compact(d) for d in added]
            if new or name not in stored:  # a store edited by hand may lack a table
                table.insert_multiple(new)

    def _set_aside_if_bad(self) -> None:
        """Before a whole new store replaces this one: a file that does not load cleanly
        is renamed ``<name>.corrupt-<time>`` (kept for the user, and so that the write
        does not make it the ``.bak``: the last good copy there survives)."""
        if not self.path.exists():
            return
        try:
            self.read_tables()
        except CorruptStore:
            set_aside(self.path)

    @staticmethod
    def meta_fields(meta: dict[str, Any] | None) -> dict[str, Any]:
        out = dict(meta or {})
        out["schema"] = SCHEMA_VERSION
        out["app_version"] = __version__
        out["updated"] = datetime.now(UTC).isoformat(timespec="seconds")
        return out
