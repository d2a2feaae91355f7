"""From the store's raw tables (lists of dicts) to the domain objects of :mod:`sma_tui.core`."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.models import RECORD_TYPES, Record
from ..core.overview import Overview, QuoteCounts
from .files import StoreError
from .migrations import Tables


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
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


def release_memory() -> None:
    """After a reload, once the previous corpus is dropped: free it for good.

    :func:`gc_paused` freezes everything alive after a load, the corpus on screen then
    included. The old corpus is still shown while the new one loads, so it is frozen
    again with it, and the screens that showed it are reference cycles that only the
    collector frees: without this, every reload kept one more corpus for ever (276 MB
    to 2 GB over ten reloads of the 10,000-article store). Unfreeze, collect, give the
    freed pages back to the system (glibc's ``malloc_trim``, where there is one) and
    freeze what is alive now, so later collections still skip the corpus.
    """
    gc.unfreeze()
    gc.collect()
    _malloc_trim()
    gc.freeze()


def _malloc_trim() -> None:
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the pages stay with the process, reused by the next load
        pass


def compact(doc: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty optional fields: fewer keys to parse in every record."""
    return {k: v for k, v in doc.items() if v is not None and v != [] and v is not False}


def records(path: Path, rtype: type[Record], rows: list[dict[str, Any]]) -> list[Record]:
    try:
        return [rtype.from_dict(d) for d in rows]
    except TypeError as exc:
        raise StoreError(
            f"the store {path} has a malformed {rtype.TABLE} record ({exc}); "
            "run 'sma-tui check' or 'sma-tui build --force'"
        ) from None


def load_corpus(path: Path, tables: Tables) -> Corpus:
    """The corpus of ``tables`` whose articles carry their ``body``; the tables are emptied
    one by one as their records are built (peak memory)."""
    built: dict[str, list[Record]] = {}
    for rtype in RECORD_TYPES:
        rows = tables.pop(rtype.TABLE)
        built[rtype.TABLE] = records(path, rtype, rows)
        del rows
    return Corpus.from_records(built, tables["meta"][0] if tables["meta"] else {})


def corpus_of(path: Path, tables: Tables, *, claims: tuple[str, ...] = ("quotes", "figures")) -> Corpus:
    """A corpus of the raw ``tables`` (as :meth:`Store.update` hands them to its change),
    without reading the article bodies (their ``body`` is empty), and with only the
    ``claims`` tables named: with none, it is all that ingesting new articles needs, at
    a fraction of a full load. The dicts are not changed."""
    built: dict[str, list[Record]] = {}
    for rtype in RECORD_TYPES:
        rows = tables[rtype.TABLE]
        if rtype.TABLE == "articles":
            rows = [{**d, "body": ""} for d in rows]
        elif rtype.TABLE in ("quotes", "figures") and rtype.TABLE not in claims:
            continue
        built[rtype.TABLE] = records(path, rtype, rows)
    return Corpus.from_records(built, tables["meta"][0] if tables["meta"] else {})


def overview_of(path: Path, tables: Tables) -> Overview:
    """The :class:`Overview` of raw ``tables``: it needs no bodies, and of the 100,000
    quotes (at 10,000 articles) only their counts, taken from the dicts."""
    with gc_paused():
        corpus = corpus_of(path, tables, claims=("figures",))
        return Overview.of(corpus, QuoteCounts.of(tables["quotes"]))
