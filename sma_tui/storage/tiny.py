"""sma-tui's TinyDB storage: the store file is a plain TinyDB JSON file (``TinyDB(path)``
opens and edits it), read with orjson and written with one atomic replace under a file lock.

:class:`SmaStorage` is a TinyDB ``Storage``: it parses the file once per open database, and
inside :meth:`SmaDB.batch` it keeps TinyDB's writes in memory and lands all of them in
one atomic write at the end (a table rewritten by ``insert_multiple`` would otherwise be a
whole-file write per call).
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from ..core.safety.sanitize import json_may_hold_unsafe
from . import layout
from .files import CorruptStore, StoreError, atomic_write, file_id, parse_json, read_with_id, recovery_hint
from .overview_cache import FileId

Raw = dict[str, dict[str, Any]]
LOCK_TIMEOUT = 30.0


class SmaStorage(Storage):
    """Reads the file once (orjson), writes it atomically (fsync, ``<name>.bak`` kept)."""

    def __init__(self, path: str, create: bool = False, known_clean: Callable[[FileId], bool] | None = None) -> None:
        self.path = Path(path)
        self.create = create
        self.known_clean = known_clean
        """Whether a file version is vouched clean (then its bytes are not scanned: a
        fifth of a second at 10,000 articles)."""
        self.deferred = False
        self._data: Raw | None = None
        self._dirty = False
        self.may_hold_unsafe = False
        self.file_id: FileId | None = None  # of the bytes read
        """Whether the bytes read may hold a control character in some string (then every
        record is cleaned on read; ``False`` proves none needs it)."""

    def read(self) -> Raw | None:
        if self._data is None:
            if not self.path.exists():
                if self.create:
                    return None
                raise StoreError(f"store not found: {self.path}")
            raw, self.file_id = read_with_id(self.path)
            data = parse_json(self.path, raw)
            vouched = self.known_clean is not None and self.known_clean(self.file_id)
            self.may_hold_unsafe = not vouched and json_may_hold_unsafe(raw)
            del raw
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise CorruptStore(f"the store {self.path} is not a sma-tui database; {recovery_hint(self.path)}")
            self._data = data
        return self._data

    def write(self, data: Raw) -> None:
        self._data = data
        if self.deferred:
            self._dirty = True
        else:
            self.flush(force=True)

    def flush(self, force: bool = False) -> None:
        """Write what TinyDB wrote to the file (once, however many writes it made)."""
        if (self._dirty or force) and self._data is not None:
            raw, spans = layout.dump(self._data)
            atomic_write(self.path, raw, what="the store", durable=True, backup=True)
            try:
                written: FileId | None = file_id(self.path.stat())
            except OSError:
                written = None
            layout.save(self.path, written, self._data, raw, spans)
        self._dirty = False

    def close(self) -> None:
        self._data = None
        self._dirty = False


class RawTable(Table):
    """A TinyDB table (``TinyDB.table_class``) sized for a whole store: two of its operations
    are specialised, with TinyDB's results. Iteration yields the stored dicts themselves (no
    copy, no id conversion: 160,000 of them at 10,000 articles), so that a change to one is a
    change to the table; ``insert_multiple`` appends to the stored table in place, where
    TinyDB's own rebuilds the whole table twice per call."""

    def __iter__(self) -> Iterator[Document]:
        return iter(self._read_table().values())  # type: ignore[arg-type]

    def insert_multiple(self, documents: Iterable[Mapping[Any, Any]]) -> list[int]:
        tables = self._storage.read() or {}
        ids = append_numbered(tables.setdefault(self.name, {}), documents)
        self._storage.write(tables)
        self._next_id = None  # TinyDB's own insert recounts
        self.clear_cache()
        return ids


def append_numbered(table: dict[str, Any], documents: Iterable[Mapping[Any, Any]]) -> list[int]:
    """Add ``documents`` (copied) to ``table`` (document id -> record) under new ids, as TinyDB
    numbers them, and return those ids: after the last id, the largest as sma-tui writes them (in
    a hand-edited file perhaps not, so every id is checked to be free), without converting
    100,000 ids on every add."""
    next_id = int(next(reversed(table), 0)) + 1
    ids: list[int] = []
    for doc in documents:
        if not isinstance(doc, Mapping):
            raise ValueError("Document is not a Mapping")
        while str(next_id) in table:
            next_id += 1
        table[str(next_id)] = dict(doc)
        ids.append(next_id)
        next_id += 1
    return ids


class SmaDB(TinyDB):
    """``TinyDB`` over :class:`SmaStorage`."""

    table_class = RawTable

    def __init__(self, path: Path, *, create: bool = False, known_clean: Callable[[FileId], bool] | None = None):
        super().__init__(str(path), storage=SmaStorage, create=create, known_clean=known_clean)

    @property
    def sma_storage(self) -> SmaStorage:
        storage = self.storage
        assert isinstance(storage, SmaStorage)
        return storage

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every TinyDB write inside lands in one atomic write at the end (none on error)."""
        storage = self.sma_storage
        storage.deferred = True
        try:
            yield
            storage.flush()
        finally:
            storage.deferred = False

    def rows(self, name: str) -> list[dict[str, Any]]:
        """The documents of table ``name`` (the stored dicts), in file order."""
        return list(self.table(name))


class _LockTimeout(Exception):
    """The lock was not free within :data:`LOCK_TIMEOUT` seconds."""


@contextmanager
def locked(path: Path, lock_path: Path) -> Iterator[None]:
    """Hold the store's file lock (one writer at a time), removing temp files that a writer
    killed mid-write left behind (we hold the lock, so no live writer owns one)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {path.parent}: {exc.strerror or exc}") from None
    _can_create(path, lock_path)
    try:
        with _exclusive(lock_path):
            for tmp in path.parent.glob(f".{path.name}.*.tmp"):
                try:
                    tmp.unlink()
                except OSError:
                    pass
            yield
    except _LockTimeout:
        raise StoreError(
            f"the store {path} is locked by another sma-tui process (waited {LOCK_TIMEOUT:.0f} s); try again"
        ) from None
    except PermissionError:
        raise StoreError(f"cannot lock the store {path}: permission denied") from None


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """An exclusive ``flock`` of ``lock_path`` (what the ``filelock`` package takes on POSIX,
    so either excludes the other; its import alone costs an add 20 ms), waiting at most
    :data:`LOCK_TIMEOUT` seconds (then :class:`_LockTimeout`). Without ``flock`` (Windows, a file
    system without it) the ``filelock`` package does it."""
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    if fcntl is not None:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if _flock(fcntl, fd):
                yield
                return
        finally:
            os.close(fd)  # releases the flock
    with _filelock(lock_path):
        yield


def _flock(fcntl: Any, fd: int) -> bool:
    """Take the lock on ``fd``, polling until :data:`LOCK_TIMEOUT`; ``False`` if the file
    system has no ``flock``."""
    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise _LockTimeout from None
            time.sleep(0.05)
        except OSError as exc:
            if exc.errno in (errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK):
                return False
            raise


@contextmanager
def _filelock(lock_path: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    try:
        with FileLock(str(lock_path), timeout=LOCK_TIMEOUT):
            yield
    except Timeout:
        raise _LockTimeout from None


def _can_create(path: Path, lock_path: Path) -> None:
    """Fail at once, with the reason, when the lock file cannot be created at all (a
    folder like ``/proc`` or a read-only one): ``FileLock`` would retry for
    :data:`LOCK_TIMEOUT` seconds and then blame another process."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"cannot lock the store {path}: cannot create {lock_path.name} in {lock_path.parent} "
            f"({exc.strerror or exc}); choose a store in a folder you can write with --db PATH"
        ) from None
    os.close(fd)
