"""``<name>.statements.sqlite``: the lookup keys of every stored quote (see
:func:`~sma_tui.core.statements.assign.lookup_keys`), so that ``sma-tui add`` finds the
quotes a new one may report the same statement as without tokenising the whole store.

A cache, never a source of truth, stamped like the overview with the store file it
describes: a missing, damaged or stale one is rebuilt from the stored quotes (seconds at
100,000 quotes, once). SQLite (the standard library's) because an add reads a few hundred
postings out of millions: an indexed lookup, not a whole-file parse.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..core.statements.assign import lookup_keys
from ..core.statements.index import CAP
from .overview_cache import Stamp

VERSION = 1
MAX_CANDIDATES = 400
"""Most candidates an add looks at per new quote (those sharing the most keys first)."""


class StatementKeys:
    """The sidecar of one store file; every method is best effort for the caller:
    ``sqlite3.Error`` means "no usable cache"."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=5.0, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);"
            "CREATE TABLE IF NOT EXISTS quote(n INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL);"
            "CREATE TABLE IF NOT EXISTS post(h INTEGER NOT NULL, n INTEGER NOT NULL);"
            "CREATE INDEX IF NOT EXISTS post_h ON post(h);"
        )

    def close(self) -> None:
        self.db.close()

    def stamp(self) -> Stamp | None:
        row = self.db.execute("SELECT v FROM meta WHERE k='stamp'").fetchone()
        version = self.db.execute("SELECT v FROM meta WHERE k='version'").fetchone()
        if row is None or version is None or version[0] != str(VERSION):
            return None
        try:
            parts = tuple(int(x) for x in str(row[0]).split(","))
        except ValueError:
            return None
        return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self, stamp: Stamp | None) -> None:
        """Stamp the keys as those of the store file ``stamp`` and commit."""
        value = ",".join(map(str, stamp)) if stamp else ""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES('version', ?), ('stamp', ?)", (str(VERSION), value))
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def rebuild(self, quotes: Iterable[tuple[str, str]]) -> None:
        """Replace every key with those of ``quotes`` ((id, text) pairs); inside a transaction."""
        self.db.execute("DELETE FROM post")
        self.db.execute("DELETE FROM quote")
        self.db.execute("DROP INDEX IF EXISTS post_h")
        ids: list[tuple[int, str]] = []
        rows: list[tuple[int, int]] = []
        for n, (qid, text) in enumerate(quotes, 1):
            ids.append((n, qid))
            rows += [(h, n) for h in lookup_keys(text)]
        self.db.executemany("INSERT INTO quote VALUES(?, ?)", ids)
        self.db.executemany("INSERT INTO post VALUES(?, ?)", rows)
        self.db.execute("CREATE INDEX post_h ON post(h)")

    def add(self, quotes: Iterable[tuple[str, str]]) -> None:
        cur = self.db.cursor()
        rows = []
        for qid, text in quotes:
            cur.execute("INSERT OR IGNORE INTO quote(id) VALUES(?)", (qid,))
            n = cur.execute("SELECT n FROM quote WHERE id=?", (qid,)).fetchone()[0]
            rows += [(h, n) for h in lookup_keys(text)]
        cur.executemany("INSERT INTO post VALUES(?, ?)", rows)

    def candidates(self, text: str) -> list[str]:
        """Stored quotes sharing a key with ``text`` (keys shared by more than ``CAP``
        quotes are boilerplate and skipped), those sharing most first."""
        keys = list(lookup_keys(text))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        counts = self.db.execute(f"SELECT h, COUNT(*) FROM post WHERE h IN ({marks}) GROUP BY h", keys).fetchall()
        usable = [h for h, c in counts if c <= CAP]
        if not usable:
            return []
        marks = ",".join("?" * len(usable))
        found: Counter[str] = Counter(
            qid
            for (qid,) in self.db.execute(
                f"SELECT quote.id FROM post JOIN quote ON quote.n = post.n WHERE post.h IN ({marks})", usable
            )
        )
        return [qid for qid, _ in found.most_common(MAX_CANDIDATES)]


def open_keys(store_path: Path) -> StatementKeys:
    return StatementKeys(keys_path(store_path))


def keys_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".statements.sqlite")


def write_keys(store_path: Path, quotes: Iterable[tuple[str, str]], stamp: Stamp | None) -> None:
    """Write the key file of a store just written whole (``sma-tui build``); best effort."""
    try:
        keys = open_keys(store_path)
        try:
            keys.begin()
            keys.rebuild(quotes)
            keys.commit(stamp)
        finally:
            keys.close()
    except sqlite3.Error:
        try:
            keys_path(store_path).unlink(missing_ok=True)
        except OSError:
            pass
