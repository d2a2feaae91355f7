"""Where each table and each quote record sits in the store file's bytes, so that ``add`` can
splice what it appends into the file instead of parsing and rewriting all of it.

At 10,000 articles the store JSON is 41 MB, two thirds of it the 100,000 quote records, and
parsing them is the largest part of one ``sma-tui add``, which needs only the few stored
quotes its new ones may join. The writer (:meth:`SmaStorage.flush`) knows where every table
starts and ends in what it writes; ``<name>.layout`` keeps that, with the offset of each
quote record, for exactly that file version (its :data:`FileId`: any other write, a copy or
a hand edit makes it stale, and a stale layout is never used). Like the overview it is a
cache: a missing or damaged one only means the add parses the whole file.

The file: one line of JSON (version, file id, the tables' spans and the number and largest
id of the quote records), then the quote records' offsets as little-endian 64-bit integers.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from .files import StoreError, atomic_write
from .overview_cache import FileId

LAYOUT_VERSION = 1
SPLICED = "quotes"
"""The table whose records are located one by one (the others are small enough to parse)."""

Span = tuple[int, int]
"""``raw[start:end]`` is one table's JSON object, ``{`` to ``}``."""

_RECORD = re.compile(rb'[{,]("\d+":)\{')
"""A record's start in a table of objects keyed by document id, as orjson writes it: the
``"`` of a key can only be one (inside a string it would be escaped), and a key of digits
followed by an object is a record (quote records hold no object)."""


@dataclass(slots=True)
class Layout:
    """One store file version's layout: each table's span, and the quote records' offsets."""

    file: FileId
    spans: dict[str, Span]
    starts: array[int]
    """The offset of each record of :data:`SPLICED` from its table's start (the ``"`` of its key)."""
    max_id: int
    """The largest document id of :data:`SPLICED` (new records get the next ones, as TinyDB numbers them)."""


def layout_path(store: Path) -> Path:
    return store.with_name(store.name + ".layout")


def dump(data: Mapping[str, Mapping[str, Any]]) -> tuple[bytes, dict[str, Span]]:
    """``orjson.dumps(data)`` (the same bytes), and where each table is in them."""
    pieces = [b"{"]
    spans: dict[str, Span] = {}
    pos = 1
    for n, (name, table) in enumerate(data.items()):
        head = (b"," if n else b"") + orjson.dumps(name) + b":"
        body = orjson.dumps(table)
        spans[name] = (pos + len(head), pos + len(head) + len(body))
        pieces += (head, body)
        pos += len(head) + len(body)
    pieces.append(b"}")
    return b"".join(pieces), spans


def record_starts(table: bytes, count: int) -> array[int] | None:
    """The offset in ``table`` (one table's JSON object, as orjson writes it) of each of its
    ``count`` records, or ``None`` if they are not where they should be."""
    starts = array("q", [1] if count else [])
    find, pos = table.find, 1
    while (at := find(b'},"', pos)) >= 0:  # every boundary between two records (fast, in C) ...
        starts.append(at + 2)
        pos = at + 3
    if len(starts) != count:  # ... and "}," closing a string: the exact (slower) way
        starts = array("q", (m.start(1) for m in _RECORD.finditer(table)))
    return starts if len(starts) == count else None


def save(store: Path, file: FileId | None, data: Mapping[str, Mapping[str, Any]], raw: bytes,
         spans: dict[str, Span]) -> None:  # fmt: skip
    """Keep the layout of the file version ``file`` whose bytes are ``raw`` (best effort)."""
    table = data.get(SPLICED)
    if file is None or table is None or SPLICED not in spans:
        return
    start, end = spans[SPLICED]
    starts = record_starts(raw[start:end], len(table))
    try:
        max_id = max(map(int, table), default=0)
    except ValueError:  # a key that is no number (a hand edit): no layout, every add parses
        starts = None
    if starts is not None:
        write(store, Layout(file, spans, starts, max_id))
    else:
        forget(store)


def write(store: Path, layout: Layout) -> None:
    head = {"version": LAYOUT_VERSION, "file": list(layout.file), "max_id": layout.max_id,
            "spans": [[name, s, e] for name, (s, e) in layout.spans.items()], "count": len(layout.starts)}  # fmt: skip
    starts = layout.starts
    if sys.byteorder != "little":
        starts = array("q", starts)
        starts.byteswap()
    try:
        blob = orjson.dumps(head) + b"\n" + starts.tobytes()
        atomic_write(layout_path(store), blob, what="the layout", durable=False)
    except StoreError:
        forget(store)


def forget(store: Path) -> None:
    try:
        layout_path(store).unlink(missing_ok=True)
    except OSError:
        pass


def read(store: Path, file: FileId | None, size: int) -> Layout | None:
    """The layout kept for the file version ``file`` (``size`` bytes), or ``None``."""
    if file is None:
        return None
    try:
        blob = layout_path(store).read_bytes()
        line, _, rest = blob.partition(b"\n")
        head = orjson.loads(line)
        if head.get("version") != LAYOUT_VERSION or tuple(head.get("file") or ()) != file:
            return None
        spans = {str(name): (int(s), int(e)) for name, s, e in head["spans"]}
        starts = array("q")
        starts.frombytes(rest)
        max_id = int(head["max_id"])
    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None
    if sys.byteorder != "little":
        starts.byteswap()
    if len(starts) != head.get("count") or not _sane(spans, size):
        return None
    return Layout(file, spans, starts, max_id)


def _sane(spans: dict[str, Span], size: int) -> bool:
    """Spans in order, inside the file, not overlapping."""
    last = 0
    for start, end in spans.values():
        if not last < start < end <= size:
            return False
        last = end
    return SPLICED in spans
