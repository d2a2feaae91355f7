"""An update that parses every table but the quotes and splices its changes into the file.

:meth:`Store.update` with ``partial=True`` (what ``sma-tui add`` asks for) comes here when the
file version read has a :mod:`~sma_tui.storage.layout` and the overview sidecar vouches that
sma-tui validated it and that it holds no unsafe character (then nothing would be checked or
cleaned in the records skipped). The quote list holds ``None`` for every stored record until
:class:`StoredRows` fills it: the few a change asks for by place, or all of them. The file
written is the one the whole-file path writes, byte for byte (a property test pins it): the
unchanged bytes copied, the quote records filled re-serialised where they were, the new ones
appended, every other table written from its records.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

import orjson

from ..core.models import SCHEMA_VERSION, TABLES
from ..core.safety.sanitize import clean_record
from . import layout as layouts
from .bodies import Bodies
from .files import CorruptStore, atomic_write, read_with_id, recovery_hint
from .layout import SPLICED, Layout, Span
from .migrations import Tables
from .overview_cache import FileId, Stamp, read_trust
from .records import changed_rows, compact
from .tiny import append_numbered

Raw = dict[str, dict[str, Any]]
Chunk = bytes | memoryview


class Writer(Protocol):
    """What :func:`spliced_update` uses of the :class:`~sma_tui.storage.store.Store`."""

    path: Path
    bodies: Bodies
    stored: StoredRows | None
    validated: FileId | None
    clean: FileId | None

    @property
    def overview_path(self) -> Path: ...
    def stamp(self) -> Stamp | None: ...
    def current_file_id(self) -> FileId | None: ...
    def refuse_invalid(self, new: Tables, whole: Tables | None = None) -> None: ...
    def meta_fields(self, meta: dict[str, Any] | None) -> dict[str, Any]: ...


class StoredRows:
    """The stored quote records, parsed only where asked: ``rows[:count]`` of the quote list
    holds ``None`` for each record not (yet) filled."""

    def __init__(self, path: Path, raw: bytes, span: Span, starts: array[int], rows: list[Any]) -> None:
        self.path, self.raw, self.span, self.starts, self.rows = path, raw, span, starts, rows
        self.count = len(starts)
        self.filled: dict[int, tuple[bytes, Any]] = {}
        """Index -> (the record's key bytes ``"123":``, its id as read), of the records filled one by one."""
        self.whole: list[str] | None = None
        """Every record's document id, once the table was parsed whole (then no splice)."""

    def fill(self, places: Iterable[int]) -> None:
        """Parse the records at ``places`` (counted from 1) into the list."""
        for n in places:
            i = n - 1
            if 0 <= i < self.count and self.rows[i] is None:
                record = self._record(i)
                if record is None:
                    self.fill_all()
                    return
                self.rows[i] = record

    def _record(self, i: int) -> dict[str, Any] | None:
        start, end = self.span
        a = start + self.starts[i]
        b = start + self.starts[i + 1] - 1 if i + 1 < self.count else end - 1
        try:
            one = orjson.loads(b"{" + self.raw[a:b] + b"}")
        except orjson.JSONDecodeError:
            return None
        if not isinstance(one, dict) or len(one) != 1:
            return None
        ((key, value),) = one.items()
        if not isinstance(value, dict) or self.raw[a : a + len(key) + 3] != b'"' + key.encode() + b'":':
            return None
        self.filled[i] = (self.raw[a : a + len(key) + 3], value.get("id"))
        return value

    def fill_all(self) -> None:
        """Parse every stored record into the list (those filled already stay as they are)."""
        if self.whole is not None:
            return
        start, end = self.span
        try:
            table = orjson.loads(memoryview(self.raw)[start:end])
        except orjson.JSONDecodeError:
            table = None
        if not isinstance(table, dict) or len(table) != self.count or not all(map(_is_dict, table.values())):
            raise CorruptStore(f"the store {self.path} does not load cleanly ({SPLICED}); {recovery_hint(self.path)}")
        self.whole = list(table)
        rows = self.rows
        for i, value in enumerate(table.values()):
            if rows[i] is None:
                rows[i] = value

    def last_key(self) -> int | None:
        """The document id of the last stored record, read from its bytes (``None``: none)."""
        if not self.count:
            return None
        a = self.span[0] + self.starts[-1] + 1
        digits = self.raw[a : self.raw.find(b'"', a, a + 24)]
        return int(digits) if digits.isdigit() else -1


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def spliced_update(store: Writer, change: Callable[[Tables], bool | None]) -> tuple[Stamp | None, Stamp | None] | None:
    """:meth:`Store.update` by splicing (the lock held), or ``None`` when the file version has
    no usable layout or is not vouched (then the caller takes the whole-file path)."""
    seen = store.stamp()
    raw, ident = read_with_id(store.path)
    layout = layouts.read(store.path, ident, len(raw))
    if layout is None or read_trust(store.overview_path, ident) != (True, True):
        return None
    parsed = _parse_others(raw, layout)
    if parsed is None:
        return None
    tables: Tables = {name: list(table.values()) for name, table in parsed.items()}
    count = len(layout.starts)
    tables[SPLICED] = [None] * count  # type: ignore[list-item]  # filled by StoredRows on demand
    stored = store.stored = StoredRows(store.path, raw, layout.spans[SPLICED], layout.starts, tables[SPLICED])
    if stored.last_key() not in (None, layout.max_id):  # ids not ascending (a hand edit): number as TinyDB does
        stored.fill_all()
    before = {name: list(rows) for name, rows in tables.items() if name != SPLICED}
    if change(tables) is False:
        return seen, seen
    changes = {name: changed_rows(before[name], rows) for name, rows in tables.items() if name != SPLICED}
    quotes = tables[SPLICED]
    changes[SPLICED] = (quotes[count:], set())
    new = {name: added for name, (added, _) in changes.items()}
    if not _ids_free(stored, [d.get("id") for d in new[SPLICED]]):
        stored.fill_all()
    store.refuse_invalid(new, {n: r for n, r in tables.items() if n != SPLICED or stored.whole is not None})
    clean = all(clean_record(name, d) is d for name, added in new.items() for d in added)
    store.bodies.externalise(tables["articles"], durable=True)
    parsed["meta"] = {"1": store.meta_fields(tables["meta"][0] if tables["meta"] else {})}
    data, new_layout = _written(raw, layout, parsed, changes, stored)
    atomic_write(store.path, data, what="the store", durable=True, backup=True)
    written = store.current_file_id()
    if written is not None and new_layout is not None:
        new_layout.file = written
        layouts.write(store.path, new_layout)
    store.validated = written
    store.clean = written if clean else None
    return seen, store.stamp()


def _parse_others(raw: bytes, layout: Layout) -> Raw | None:
    """Every table but the quotes, parsed; ``None`` if the layout does not fit the bytes or
    the file is not of the current schema (the whole-file path migrates it)."""
    if not {"meta", *TABLES} <= layout.spans.keys() or raw[-1:] != b"}":  # every table an add reads
        return None
    parsed: Raw = {}
    view = memoryview(raw)  # slices without copies (11 MB of figures at 10,000 articles)
    for name, (start, end) in layout.spans.items():
        head = orjson.dumps(name) + b":"
        if raw[start - len(head) : start] != head or raw[start : start + 1] != b"{" or raw[end - 1 : end] != b"}":
            return None
        if name == SPLICED:
            continue
        try:
            table = orjson.loads(view[start:end])
        except orjson.JSONDecodeError:
            return None
        if not isinstance(table, dict) or not all(map(_is_dict, table.values())):
            return None
        parsed[name] = table
    meta = list(parsed["meta"].values())
    if not meta or meta[0].get("schema") != SCHEMA_VERSION:
        return None
    return parsed


def _ids_free(stored: StoredRows, ids: list[Any]) -> bool:
    """Whether no stored quote has one of ``ids`` (quote records are flat, so ``"id":`` in
    the table's bytes is an id field: one search per distinct prefix ``<article>/``, the
    common case, and one per id only where a prefix is found). ``False`` when unsure."""
    if stored.whole is not None:
        return True  # refuse_invalid counts them among the parsed records
    start, end = stored.span
    find = stored.raw.find
    prefixes: dict[bytes, list[bytes]] = {}
    for qid in ids:
        if not isinstance(qid, str):
            return False
        text = orjson.dumps(qid)
        cut = qid.rfind("/")
        prefix = b'"id":' + (orjson.dumps(qid[: cut + 1])[:-1] if cut >= 0 else text)
        prefixes.setdefault(prefix, []).append(b'"id":' + text)
    for prefix, exact in prefixes.items():
        if find(prefix, start, end) >= 0 and any(
            find(e + b",", start, end) >= 0 or find(e + b"}", start, end) >= 0 for e in exact
        ):
            return False
    return True


def _written(
    raw: bytes, layout: Layout, parsed: Raw, changes: dict[str, tuple[list[Any], set[int]]], stored: StoredRows
) -> tuple[list[Chunk], Layout | None]:
    """The new file's bytes, as pieces written one after the other (the unchanged stretches are
    views of ``raw``: 41 MB at 10,000 articles are copied once, by the write), and its layout
    (file id to be set once it is written)."""
    view = memoryview(raw)
    pieces: list[Chunk] = []
    spans: dict[str, Span] = {}
    starts: array[int] | None = None
    max_id = layout.max_id
    pos, out = 0, 0
    for name, (start, end) in layout.spans.items():
        pieces.append(view[pos:start])
        out += start - pos
        added, removed = changes.get(name, ([], set()))
        if name == SPLICED and stored.whole is None:
            body, starts, max_id = _spliced(view, layout, stored, added)
        else:
            table = parsed[name] if name != SPLICED else dict(zip(stored.whole or [], stored.rows, strict=False))
            table = _with(table, added, removed)
            dumped = orjson.dumps(table)
            body = [dumped]
            if name == SPLICED:
                starts = layouts.record_starts(dumped, len(table))
                max_id = max(map(int, table), default=0)
        size = sum(map(len, body))
        spans[name] = (out, out + size)
        pieces += body
        out += size
        pos = end
    pieces.append(view[pos:])
    return pieces, (Layout(layout.file, spans, starts, max_id) if starts is not None else None)


def _with(table: dict[str, Any], added: list[Any], removed: set[int]) -> dict[str, Any]:
    """``table`` (document id -> record) without the ``removed`` records (by ``id()``) and
    with the ``added`` ones, numbered as :meth:`RawTable.insert_multiple` numbers them (compacted,
    as :meth:`Store.update` hands them to it)."""
    if removed:
        table = {k: v for k, v in table.items() if id(v) not in removed}
    if not added:
        return table
    table = dict(table)
    append_numbered(table, map(compact, added))
    return table


def _spliced(
    raw: memoryview, layout: Layout, stored: StoredRows, added: list[Any]
) -> tuple[list[Chunk], array[int], int]:
    """The quotes table's new bytes (pieces): the stored records as they are, those filled
    re-serialised in place, ``added`` appended; with the records' new offsets and the largest
    document id."""
    start, end = stored.span
    old = layout.starts
    pieces: list[Chunk] = []
    starts: array[int] = array("q")
    pos, delta, done = start, 0, 0
    for i in sorted(stored.filled):
        key, read_id = stored.filled[i]
        record = stored.rows[i]
        a = start + old[i]
        b = start + old[i + 1] - 1 if i + 1 < stored.count else end - 1
        body = key + orjson.dumps(record)
        if record.get("id") != read_id:
            raise CorruptStore("a stored quote changed its id during an add; nothing was written")
        pieces += (raw[pos:a], body)
        starts.extend(x + delta for x in old[done : i + 1])
        delta += len(body) - (b - a)
        done, pos = i + 1, b
    starts.extend(old[done:] if not delta else array("q", (x + delta for x in old[done:])))
    pieces.append(raw[pos : end - 1])
    length = end - 1 - start + delta
    max_id = layout.max_id
    for doc in added:
        max_id += 1
        sep = b"," if length > 1 else b""
        record = b'"%d":' % max_id + orjson.dumps(compact(doc))
        starts.append(length + len(sep))
        pieces += (sep, record)
        length += len(sep) + len(record)
    pieces.append(b"}")
    return pieces, starts, max_id
