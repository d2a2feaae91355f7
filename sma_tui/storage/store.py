"""The TinyDB store: the only module that imports tinydb.

One JSON file holds the tables ``meta``, ``articles``, ``events``, ``actors``, ``quotes``,
``figures`` and ``measures``. Reading parses the file once and returns a
:class:`~sma_tui.core.corpus.Corpus`; writing happens under a file lock and replaces the file
atomically (temp file in the same folder, fsync, ``os.replace``), keeping the previous
good store as ``<name>.bak``.

Article bodies live beside the JSON, in ``<name>.bodies/``, one immutable file per body
named by the SHA-256 of its text (the article record keeps ``body_sha``). That keeps the
JSON that every add must rewrite at half the size, and since a body file is never changed
or deleted, the ``.bak`` of the JSON always still has its bodies.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage

from .. import __version__
from ..core.corpus import Corpus
from ..core.models import RECORD_TYPES, SCHEMA_VERSION, TABLES, Record, fingerprint
from ..core.overview import OVERVIEW_VERSION, Overview, QuoteCounts

Tables = dict[str, list[dict[str, Any]]]
Stamp = tuple[int, int, int]
"""What identifies one version of the store file: (inode, mtime in ns, size)."""


def _migrate_1_to_2(tables: Tables) -> None:
    for article in tables.get("articles", []):
        article["fingerprint"] = fingerprint(article.get("body", ""))


def _migrate_2_to_3(tables: Tables) -> None:
    """Schema 3 moved bodies out of the JSON: nothing to change in memory (a record that
    still has ``body`` is read as it is); the next write moves them to body files."""


MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}
"""``MIGRATIONS[v]`` upgrades the raw tables of schema ``v`` to ``v + 1`` in place."""

LOCK_TIMEOUT = 30.0


class StoreError(Exception):
    """A problem with the store file, phrased for the user (one line)."""


class _AtomicJSONStorage(Storage):
    """TinyDB storage that parses the file once and writes it atomically."""

    def __init__(self, path: str, create: bool = False) -> None:
        self.path = Path(path)
        self.create = create
        self._cache: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._cache is None:
            if not self.path.exists():
                if self.create:
                    return None
                raise StoreError(f"store not found: {self.path}")
            self._cache = _parse(self.path)
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._cache = data
        _atomic_write_json(self.path, data)

    def close(self) -> None:
        self._cache = None


def _parse(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = orjson.loads(path.read_bytes())
    except PermissionError:
        raise StoreError(f"cannot read the store {path}: permission denied") from None
    except IsADirectoryError:
        raise StoreError(f"the store path {path} is a folder, not a file") from None
    except orjson.JSONDecodeError as exc:
        raise StoreError(f"the store {path} is corrupt ({_what(exc)}); {_recovery_hint(path)}") from None
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise StoreError(f"the store {path} is not a sma-tui database; {_recovery_hint(path)}")
    return data


def _what(exc: orjson.JSONDecodeError) -> str:
    return f"invalid JSON at line {exc.lineno} column {exc.colno}"


def _recovery_hint(path: Path) -> str:
    backup = path.with_name(path.name + ".bak")
    rebuild = f"'sma-tui build --force --db {path}' rebuilds the bundled corpus"
    if backup.is_file():
        return f"restore the previous good copy with 'cp {backup} {path}', or {rebuild}"
    return rebuild


def _atomic_write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON so that a crash leaves either the old or the new file."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StoreError(f"cannot write to {folder}: {exc.strerror or exc}{_write_hint(exc)}") from None
    try:
        os.fchmod(fd, _file_mode(path))  # mkstemp makes 0600; keep the store's own mode
        with os.fdopen(fd, "wb") as fh:
            fh.write(orjson.dumps(data))
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():  # keep the previous good store
            _keep_backup(path)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise StoreError(f"cannot write the store {path}: {exc.strerror or exc}{_write_hint(exc)}") from None
        raise


def _write_hint(exc: OSError) -> str:
    """What to do about a store that cannot be written where it is."""
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return " (a read-only location: choose a store you can write with --db PATH or SMA_TUI_DB)"
    return ""


def _file_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _keep_backup(path: Path) -> None:
    """Keep the current store as ``<name>.bak`` before it is replaced.

    A hard link costs nothing however big the store is (``os.replace`` gives the path a
    new inode, so the link keeps the old content); fall back to a copy.
    """
    backup = path.with_name(path.name + ".bak")
    try:
        backup.unlink(missing_ok=True)
        os.link(path, backup)
    except OSError:
        try:
            shutil.copyfile(path, backup)
        except OSError:
            pass


def _write_blob(path: Path, text: str, durable: bool) -> None:
    """Write an immutable body file atomically (a no-op if it already exists)."""
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_file(path, text.encode("utf-8"), durable)
    except OSError as exc:
        raise StoreError(f"cannot write the article body {path}: {exc.strerror or exc}") from None


def _write_file(path: Path, data: bytes, durable: bool) -> None:
    """Replace ``path`` with ``data`` atomically (a temporary file beside it, then
    ``os.replace``); with ``durable``, fsync it first. Raises ``OSError``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


@contextmanager
def _gc_paused(freeze: bool = False) -> Iterator[None]:
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


def _compact(doc: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty optional fields: fewer keys to parse in every record."""
    return {k: v for k, v in doc.items() if v is not None and v != [] and v is not False}


def _numbered(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """TinyDB's on-disk form of a table: documents keyed by their id, "1", "2", ..."""
    return dict(zip(map(str, range(1, len(rows) + 1)), rows, strict=True))


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

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder {self.path.parent}: {exc.strerror or exc}") from None
        lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT)
        try:
            with lock:
                self._remove_stale_temps()
                yield
        except Timeout:
            raise StoreError(
                f"the store {self.path} is locked by another sma-tui process (waited {LOCK_TIMEOUT:.0f} s); try again"
            ) from None
        except PermissionError:
            raise StoreError(f"cannot lock the store {self.path}: permission denied") from None

    def _remove_stale_temps(self) -> None:
        """Temp files left by a writer that was killed mid-write (we hold the lock, so
        no live writer owns one)."""
        for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass

    @contextmanager
    def _db(self, create: bool = False) -> Iterator[TinyDB]:
        db = TinyDB(str(self.path), storage=_AtomicJSONStorage, create=create)
        try:
            yield db
        finally:
            db.close()

    # ------------------------------------------------------------------ reads
    def read_tables(self) -> Tables:
        """Every table as a list of plain dicts, migrated to the current schema.

        The dicts are the parsed JSON objects themselves (no copies: at 10,000 articles
        the store holds ~160,000 records, and every copy costs memory and time).
        """
        with self._db() as db:
            raw = db.storage.read() or {}
        meta = list(raw.get("meta", {}).values())
        version = self._check_schema(meta[0] if meta else None)
        tables: Tables = {"meta": meta}
        for name in TABLES:
            docs = raw.pop(name, None)
            tables[name] = list(docs.values()) if isinstance(docs, dict) else []
        while version < SCHEMA_VERSION:  # older stores are upgraded in memory; saved on next write
            MIGRATIONS[version](tables)
            version += 1
            tables["meta"][0]["schema"] = version
        return tables

    def load(self) -> Corpus:
        """Read the whole store once and return it indexed in memory."""
        with _gc_paused(freeze=True):
            return self._load()

    def _load(self) -> Corpus:
        tables = self.read_tables()
        records: dict[str, list[Record]] = {}
        for doc in tables["articles"]:
            doc["body"] = self._read_body(doc)
        for rtype in RECORD_TYPES:
            rows = tables.pop(rtype.TABLE)
            records[rtype.TABLE] = self._records(rtype, rows)
            del rows  # let the parsed dicts go table by table (peak memory)
        meta = tables["meta"][0] if tables["meta"] else {}
        return Corpus.from_records(records, meta)

    def corpus_of(self, tables: Tables, *, claims: tuple[str, ...] = ("quotes", "figures")) -> Corpus:
        """A corpus of the raw ``tables`` (as :meth:`update` hands them to its change),
        without reading the article bodies (their ``body`` is empty), and with only the
        ``claims`` tables named: with none, it is all that ingesting new articles needs, at
        a fraction of a full load. The dicts are not changed."""
        records: dict[str, list[Record]] = {}
        for rtype in RECORD_TYPES:
            rows = tables[rtype.TABLE]
            if rtype.TABLE == "articles":
                rows = [{**d, "body": ""} for d in rows]
            elif rtype.TABLE in ("quotes", "figures") and rtype.TABLE not in claims:
                continue
            records[rtype.TABLE] = self._records(rtype, rows)
        return Corpus.from_records(records, tables["meta"][0] if tables["meta"] else {})

    def overview_of(self, tables: Tables) -> Overview:
        """The :class:`Overview` of raw ``tables``: it needs no bodies, and of the 100,000
        quotes (at 10,000 articles) only their counts, taken from the dicts."""
        with _gc_paused():
            corpus = self.corpus_of(tables, claims=("figures",))
            return Overview.of(corpus, QuoteCounts.of(tables["quotes"]))

    def _records(self, rtype: type[Record], rows: list[dict[str, Any]]) -> list[Record]:
        try:
            return [rtype.from_dict(d) for d in rows]
        except TypeError as exc:
            raise StoreError(
                f"the store {self.path} has a malformed {rtype.TABLE} record ({exc}); "
                "run 'sma-tui check' or 'sma-tui build --force'"
            ) from None

    def _check_schema(self, meta: dict[str, Any] | None) -> int:
        if meta is None:
            raise StoreError(f"the store {self.path} has no schema version; run 'sma-tui build --force'")
        version = meta.get("schema")
        if not isinstance(version, int):
            raise StoreError(f"the store {self.path} has an invalid schema version; run 'sma-tui build --force'")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path} has schema {version}, newer than this sma-tui understands "
                f"({SCHEMA_VERSION}); upgrade sma-tui"
            )
        if version < min(MIGRATIONS, default=SCHEMA_VERSION):
            raise StoreError(
                f"the store {self.path} has schema {version}, too old to migrate; run 'sma-tui build --force'"
            )
        return version

    # --------------------------------------------------------------- overview
    @property
    def overview_path(self) -> Path:
        return self.path.with_name(self.path.name + ".overview.json")

    def read_overview(self, stamp: Stamp | None) -> Overview | None:
        """The cached :class:`Overview` of the store file whose :meth:`stamp` is ``stamp``,
        or ``None`` when there is none, it describes another version of the file, or it
        cannot be read (a cache: any problem just means the corpus must be read first)."""
        if stamp is None:
            return None
        try:
            data = orjson.loads(self.overview_path.read_bytes())
            if data.get("version") != OVERVIEW_VERSION or tuple(data.get("stamp") or ()) != stamp:
                return None
            return Overview.from_dict(data["overview"])
        except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
            return None

    def save_overview(self, overview: Overview, stamp: Stamp | None) -> None:
        """Keep ``overview`` as the summary of the store file whose :meth:`stamp` is ``stamp``.

        Best effort and lock-free: a write that fails (read-only folder) or races another
        leaves at worst a file whose stamp matches no store, which is ignored."""
        if stamp is None:
            return
        data = {"version": OVERVIEW_VERSION, "stamp": list(stamp), "overview": overview.to_dict()}
        try:
            _write_file(self.overview_path, orjson.dumps(data), durable=False)
        except OSError:
            pass

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

    def _externalise_bodies(self, articles: list[dict[str, Any]], durable: bool) -> None:
        """Move every in-record ``body`` to its body file, leaving ``body_sha``."""
        for doc in articles:
            body = doc.pop("body", None)
            if body is None:
                continue
            doc["body_sha"] = sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
            _write_blob(self._body_path(sha), body, durable)
        if durable:
            _fsync_dir(self.bodies_dir)

    # ----------------------------------------------------------------- writes
    def replace_all(self, records: dict[str, Iterable[Record]], meta: dict[str, Any] | None = None) -> Stamp | None:
        """Write a whole new store in one atomic replace; returns the new file's :meth:`stamp`."""
        data: dict[str, dict[str, Any]] = {"meta": {"1": self._meta(meta)}}
        for name in TABLES:
            data[name] = _numbered([_compact(r.to_dict()) for r in records.get(name, ())])
        with self._locked():
            self._externalise_bodies(list(data["articles"].values()), durable=False)
            os.sync()  # one flush for all body files, before the JSON that names them
            _atomic_write_json(self.path, data)
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
        with self._locked(), _gc_paused():
            seen = self.stamp()
            tables = self.read_tables()
            before = {id(d) for rows in tables.values() for d in rows}
            if change(tables) is False:
                return seen, seen
            self._externalise_bodies(tables["articles"], durable=True)
            meta = tables["meta"][0] if tables["meta"] else {}
            data: dict[str, dict[str, Any]] = {"meta": {"1": self._meta(meta)}}
            for name in TABLES:  # records read from the file are compact already
                rows = [d if id(d) in before else _compact(d) for d in tables[name]]
                data[name] = _numbered(rows)
            _atomic_write_json(self.path, data)
            return seen, self.stamp()

    @staticmethod
    def _meta(meta: dict[str, Any] | None) -> dict[str, Any]:
        out = dict(meta or {})
        out["schema"] = SCHEMA_VERSION
        out["app_version"] = __version__
        out["updated"] = datetime.now(UTC).isoformat(timespec="seconds")
        return out
