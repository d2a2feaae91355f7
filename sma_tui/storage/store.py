"""The store: one TinyDB JSON file with the tables ``meta``, ``articles``, ``events``,
``actors``, ``quotes``, ``figures`` and ``measures``, read and written through TinyDB's
table API over :class:`~sma_tui.storage.tiny.SmaStorage` (orjson, one atomic replace with
fsync, the previous good file kept as ``<name>.bak``), every write under a file lock.

Article bodies live beside the JSON, in ``<name>.bodies/``, one immutable file per body
named by the SHA-256 of its text (the article record keeps ``body_sha``). That keeps the
JSON that every add must rewrite at half the size, and since a body file is never changed
or deleted, the ``.bak`` of the JSON always still has its bodies.

Tables go in and out as lists of plain dicts; the domain objects are built in
:mod:`sma_tui.storage.records`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.corpus import Corpus
from ..core.models import SCHEMA_VERSION, TABLES, Record
from ..core.overview import Overview
from .files import StoreError, atomic_write, fsync_dir
from .migrations import Tables, migrate, schema_of
from .overview_cache import Stamp, read_overview, save_overview
from .records import compact, corpus_of, gc_paused, load_corpus, overview_of
from .tiny import SmaDB, locked

__all__ = ["Stamp", "Store", "StoreError", "Tables"]


class Store:
    """A sma-tui database file.

    >>> store = Store(path)
    >>> corpus = store.load()          # everything, indexed, in memory
    >>> store.replace_all(records)     # used by ``sma-tui build``
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")

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
        db = SmaDB(self.path)
        try:
            return self._read(db)
        finally:
            db.close()

    def _read(self, db: SmaDB) -> Tables:
        meta = db.rows("meta")
        version = schema_of(self.path, meta[0] if meta else None)
        tables: Tables = {"meta": meta}
        for name in TABLES:
            tables[name] = db.rows(name)
        migrate(tables, version, self._read_body)  # older stores are upgraded in memory; saved on the next write
        return tables

    def load(self) -> Corpus:
        """Read the whole store once and return it indexed in memory."""
        with gc_paused(freeze=True):
            tables = self.read_tables()
            for doc in tables["articles"]:
                doc["body"] = self._read_body(doc)
            return load_corpus(self.path, tables)

    def corpus_of(self, tables: Tables, *, claims: tuple[str, ...] = ("quotes", "figures")) -> Corpus:
        """A corpus of the raw ``tables`` without their bodies; see :func:`records.corpus_of`."""
        return corpus_of(self.path, tables, claims=claims)

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

    def save_overview(self, overview: Overview, stamp: Stamp | None) -> None:
        """Keep ``overview`` as the summary of the store file whose :meth:`stamp` is ``stamp``."""
        save_overview(self.overview_path, overview, stamp)

    # ----------------------------------------------------------------- bodies
    @property
    def bodies_dir(self) -> Path:
        return self.path.with_name(self.path.name + ".bodies")

    def _body_path(self, sha: str) -> Path:
        return self.bodies_dir / sha[:2] / f"{sha}.txt"

    def _read_body(self, article: dict[str, Any]) -> str:
        if "body" in article:  # a schema-2 store not yet rewritten
            return str(article["body"])
        sha = article.get("body_sha")
        if not isinstance(sha, str):
            raise StoreError(f"article {article.get('id')!r} in {self.path} has no body; run 'sma-tui check'")
        path = self._body_path(sha)
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                return fh.read()
        except FileNotFoundError:
            raise StoreError(
                f"the body of article {article.get('id')!r} is missing ({path}); "
                f"keep {self.bodies_dir.name}/ beside {self.path.name}, or run 'sma-tui build --force'"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"cannot read the body of article {article.get('id')!r} ({path}): {exc}") from None

    def _externalise_bodies(self, articles: Iterable[dict[str, Any]], durable: bool) -> None:
        """Move every in-record ``body`` to its (immutable) body file, leaving ``body_sha``."""
        for doc in articles:
            body = doc.pop("body", None)
            if body is None:
                continue
            doc["body_sha"] = sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
            path = self._body_path(sha)
            if not path.exists():
                atomic_write(path, body.encode("utf-8"), what="the article body", durable=durable)
        if durable:
            fsync_dir(self.bodies_dir)

    # ----------------------------------------------------------------- writes
    def replace_all(self, records: Mapping[str, Iterable[Record]], meta: dict[str, Any] | None = None) -> Stamp | None:
        """Write a whole new store in one atomic replace; returns the new file's :meth:`stamp`."""
        rows = {name: [compact(r.to_dict()) for r in records.get(name, ())] for name in TABLES}
        with locked(self.path, self.lock_path):
            self._externalise_bodies(rows["articles"], durable=False)
            os.sync()  # one flush for all body files, before the JSON that names them
            db = SmaDB(self.path, create=True)
            try:
                with db.batch():
                    db.drop_tables()
                    db.table("meta").insert(self._meta(meta))
                    for name in TABLES:
                        db.table(name).insert_multiple(rows[name])
            finally:
                db.close()
            return self.stamp()

    def update(self, change: Callable[[Tables], bool | None]) -> tuple[Stamp | None, Stamp | None]:
        """Read-modify-write under the lock: ``change`` edits the table lists in place (and
        may return ``False`` when it changed nothing: then nothing is written).

        Article dicts that ``change`` adds may carry their ``body``; it is written to a body
        file first. All of the change lands in one atomic write of the JSON, or none of it
        does (an orphan body file is harmless).

        Returns the :meth:`stamp` of the file that ``change`` saw and that of the file written:
        a caller that read the store at the first stamp knows its copy plus its change is
        exactly what is on disk now.
        """
        with locked(self.path, self.lock_path), gc_paused():
            seen = self.stamp()
            db = SmaDB(self.path)
            try:
                tables = self._read(db)
                before = {name: {id(d) for d in rows} for name, rows in tables.items()}
                if change(tables) is False:
                    return seen, seen
                self._externalise_bodies(tables["articles"], durable=True)
                with db.batch():
                    self._write_changes(db, tables, before)
            finally:
                db.close()
            return seen, self.stamp()

    def _write_changes(self, db: SmaDB, tables: Tables, before: dict[str, set[int]]) -> None:
        """Hand TinyDB what ``change`` did: the dicts it edited in place are TinyDB's own
        documents already; the ones it added are inserted and the ones it dropped removed."""
        meta = db.table("meta")
        fields = self._meta(tables["meta"][0] if tables["meta"] else {})
        meta.truncate()
        meta.insert(fields)
        stored = db.sma_storage.read() or {}
        for name in TABLES:
            table, rows, old = db.table(name), tables[name], before[name]
            kept = {id(d) for d in rows}
            if old - kept:
                table.remove(doc_ids=[int(i) for i, d in stored.get(name, {}).items() if id(d) not in kept])
            new = [compact(d) for d in rows if id(d) not in old]
            if new or name not in stored:  # a store edited by hand may lack a table
                table.insert_multiple(new)

    @staticmethod
    def _meta(meta: dict[str, Any] | None) -> dict[str, Any]:
        out = dict(meta or {})
        out["schema"] = SCHEMA_VERSION
        out["app_version"] = __version__
        out["updated"] = datetime.now(UTC).isoformat(timespec="seconds")
        return out
