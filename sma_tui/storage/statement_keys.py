"""``<name>.statements.sqlite``: the lookup keys of every stored quote (see
:func:`~sma_tui.core.statements.assign.lookup_keys`), so that ``sma-tui add`` finds the
quotes a new one may report the same statement as without tokenising the whole store.

It also keeps each quote's statement and its place in the store's ``quotes`` table (``n``,
from 1), so that an add finds the stored reports of the statements it touches without a
pass over 100,000 quote records (10-30 ms each); the meta key ``rows`` says the file keeps
them (a file from before it does not: it is filled on the next add).

A cache, never a source of truth, stamped like the overview with the store file it
describes: a missing, damaged or stale one is rebuilt from the stored quotes (seconds at
100,000 quotes, once), and a place that does not hold the quote it names sends the add
back to the passes over every quote. SQLite (the standard library's) because an add reads
a few hundred postings out of millions: an indexed lookup, not a whole-file parse.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable
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
        if "statement" not in {row[1] for row in self.db.execute("PRAGMA table_info(quote)")}:
            self.db.execute("ALTER TABLE quote ADD COLUMN statement TEXT")  # a file from before it
        self.db.execute("CREATE INDEX IF NOT EXISTS quote_statement ON quote(statement)")

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

    def rebuild(self, quotes: Iterable[tuple[str, str, str | None]]) -> None:
        """Replace every key with those of ``quotes`` ((id, text, statement) in the store's
        order); inside a transaction."""
        self.db.execute("DELETE FROM post")
        self.db.execute("DELETE FROM quote")
        self.db.execute("DROP INDEX IF EXISTS post_h")
        ids: list[tuple[int, str, str | None]] = []
        rows: list[tuple[int, int]] = []
        for n, (qid, text, statement) in enumerate(quotes, 1):
            ids.append((n, qid, statement))
            rows += [(h, n) for h in lookup_keys(text)]
        self.db.executemany("INSERT INTO quote VALUES(?, ?, ?)", ids)
        self.db.executemany("INSERT INTO post VALUES(?, ?)", rows)
        self.db.execute("CREATE INDEX post_h ON post(h)")
        self.db.execute("INSERT OR REPLACE INTO meta VALUES('rows', '1')")

    def add(self, quotes: Iterable[tuple[int, str, str, str | None]]) -> None:
        """Add the keys of ``quotes`` ((place from 1, id, text, statement)) stored after the others."""
        cur = self.db.cursor()
        rows = []
        for n, qid, text, statement in quotes:
            cur.execute("INSERT OR REPLACE INTO quote VALUES(?, ?, ?)", (n, qid, statement))
            rows += [(h, n) for h in lookup_keys(text)]
        cur.executemany("INSERT INTO post VALUES(?, ?)", rows)

    def keeps_rows(self, quotes: int) -> bool:
        """Whether the file keeps the statement and place of each of the store's ``quotes``
        quotes (see the module doc): not if an older sma-tui, which adds quotes without
        them, wrote to it since."""
        if self.db.execute("SELECT v FROM meta WHERE k='rows'").fetchone() != ("1",):
            return False
        count, last = self.db.execute("SELECT COUNT(*), MAX(n) FROM quote").fetchone()
        unset = self.db.execute("SELECT 1 FROM quote WHERE statement IS NULL LIMIT 1").fetchone()
        return bool(count == quotes and (last or 0) == quotes and unset is None)

    def fill_rows(self, quotes: Iterable[tuple[str, str | None]]) -> bool:
        """Fill a file from before it with the statements and places of ``quotes`` ((id,
        statement) in the store's order); ``False`` (nothing changed) when its places are
        not those of the store (then the add keeps making its passes)."""
        pairs = [(statement, qid) for qid, statement in quotes]
        held = self.db.execute("SELECT n, id FROM quote ORDER BY n").fetchall()
        if held != [(n, qid) for n, (_, qid) in enumerate(pairs, 1)]:
            return False
        self.db.executemany("UPDATE quote SET statement=? WHERE id=?", pairs)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES('rows', '1')")
        return True

    def set_statements(self, pairs: Iterable[tuple[str, str | None]]) -> None:
        """Record the statement of stored quotes ((id, statement)) that an add regrouped."""
        self.db.executemany("UPDATE quote SET statement=? WHERE id=?", [(st, qid) for qid, st in pairs])

    def statements_of(self, ids: Collection[str]) -> set[str]:
        """The statements of the stored quotes ``ids``."""
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            found.update(st for (st,) in self.db.execute(f"SELECT statement FROM quote WHERE id IN ({marks})", chunk))
        return found

    def members(self, statements: Collection[str]) -> list[tuple[int, str, str | None]]:
        """(place, id, statement) of every stored quote of ``statements``, in the store's order."""
        found: list[tuple[int, str, str | None]] = []
        for chunk in _chunks(list(statements)):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT n, id, statement FROM quote WHERE statement IN ({marks})"
            found += self.db.execute(sql, chunk).fetchall()
        return sorted(found)

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


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    """``items`` in pieces small enough for one SQL statement's parameters."""
    return (items[i : i + size] for i in range(0, len(items), size))


def open_keys(store_path: Path) -> StatementKeys:
    return StatementKeys(keys_path(store_path))


def keys_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".statements.sqlite")


def write_keys(store_path: Path, quotes: Iterable[tuple[str, str, str | None]], stamp: Stamp | None) -> None:
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
