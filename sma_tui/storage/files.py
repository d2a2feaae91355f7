"""Files on disk: the one atomic write every file of a store goes through, and reading JSON.

A crash at any moment leaves either the old or the new file: the data goes to a temporary
file beside the target (same folder, so the same file system), is optionally fsynced, and
``os.replace`` puts it in place.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson


class StoreError(Exception):
    """A problem with the store file, phrased for the user (one line)."""


class CorruptStore(StoreError):
    """A store file that is there and readable but does not load cleanly (bad JSON, not a
    sma-tui database, records of the wrong shape): ``build --force`` sets it aside."""


def atomic_write(
    path: Path, data: bytes | Sequence[bytes | memoryview], *, what: str, durable: bool = True, backup: bool = False
) -> None:
    """Replace ``path`` with ``data`` (bytes, or pieces written one after the other) atomically;
    ``what`` names the file in errors ("the store").

    ``durable``: fsync the file before the replace and its folder after it. ``backup``: keep
    the file being replaced as ``<name>.bak``. Raises :class:`StoreError` (one line).
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StoreError(f"cannot write to {folder}: {exc.strerror or exc}{write_hint(exc)}") from None
    try:
        os.fchmod(fd, file_mode(path))  # mkstemp makes 0600; keep the file's own mode
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            else:
                fh.writelines(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if backup and path.exists():
            keep_backup(path)
        os.replace(tmp, path)
        if durable:
            fsync_dir(folder)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise StoreError(f"cannot write {what} {path}: {exc.strerror or exc}{write_hint(exc)}") from None
        raise


def write_hint(exc: OSError) -> str:
    """What to do about a store that cannot be written where it is."""
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return " (a read-only location: choose a store you can write with --db PATH or SMA_TUI_DB)"
    return ""


def file_mode(path: Path) -> int:
    """The mode of ``path``, or the one a new file gets (``0o666`` less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def keep_backup(path: Path) -> None:
    """Keep the current file as ``<name>.bak`` before it is replaced.

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


def fsync_dir(folder: Path) -> None:
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


def file_id(st: os.stat_result) -> tuple[int, int, int, int, int]:
    """(device, inode, mtime ns, size, ctime ns): one version of a file, strictly."""
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size, st.st_ctime_ns)


def read_bytes(path: Path) -> bytes:
    """The bytes of the store file; every failure is a :class:`StoreError`."""
    return read_with_id(path)[0]


def read_with_id(path: Path) -> tuple[bytes, tuple[int, int, int, int, int]]:
    """The bytes of the store file and the :func:`file_id` of the very file they were read
    from (``fstat`` of the open file: a replace between a ``stat`` and the read cannot mix
    them up); every failure is a :class:`StoreError`."""
    try:
        with path.open("rb") as fh:
            ident = file_id(os.fstat(fh.fileno()))
            return fh.read(), ident
    except FileNotFoundError:
        raise StoreError(f"store not found: {path}") from None
    except PermissionError:
        raise StoreError(f"cannot read the store {path}: permission denied") from None
    except IsADirectoryError:
        raise StoreError(f"the store path {path} is a folder, not a file") from None
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}") from None


def parse_json(path: Path, raw: bytes) -> Any:
    """The parsed JSON of the store file's bytes ``raw``; a corrupt file is a :class:`StoreError`."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        where = f"invalid JSON at line {exc.lineno} column {exc.colno}"
        raise CorruptStore(f"the store {path} is corrupt ({where}); {recovery_hint(path)}") from None


def read_json(path: Path) -> Any:
    """The parsed JSON of the store file; every failure is a :class:`StoreError`."""
    return parse_json(path, read_bytes(path))


def recovery_hint(path: Path) -> str:
    """How to get a store back: the previous good copy first (``cp``), a rebuild second
    (which sets the bad file aside as ``<name>.corrupt-<stamp>`` and never touches ``.bak``)."""
    backup = path.with_name(path.name + ".bak")
    rebuild = (
        f"'sma-tui build --force --db {path}' rebuilds the bundled corpus "
        f"(the bad file is kept as {path.name}.corrupt-<time>)"
    )
    if backup.is_file():
        return f"restore the previous good copy with 'cp {backup} {path}', or {rebuild}"
    return rebuild


def set_aside(path: Path) -> Path:
    """Rename a store that does not load cleanly to ``<name>.corrupt-<UTC time>`` (never
    over ``<name>.bak``, the last good copy) and return the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        os.rename(path, target)
    except OSError as exc:
        raise StoreError(f"cannot set the bad store {path} aside: {exc.strerror or exc}") from None
    return target


def refuse_read_only(path: Path) -> None:
    """A store whose file has no write permission bit (``chmod 444``) is the user's way of
    saying "do not change it": respected even by root, with one line."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise StoreError(
            f"the store {path} is read-only (no write permission); "
            f"make it writable with 'chmod u+w {path}' or choose another store with --db PATH"
        )
