"""``<name>.overview.json``: the main screen's :class:`~sma_tui.core.overview.Overview` of one
version of the store file, so that the app paints before it has read the corpus.

A cache, never a source of truth: any problem reading it just means there is none.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from ..core.overview import OVERVIEW_VERSION, Overview
from .files import StoreError, atomic_write

Stamp = tuple[int, int, int]
"""What identifies one version of the store file: (inode, mtime in ns, size)."""


def read_overview(path: Path, stamp: Stamp | None) -> Overview | None:
    """The overview kept at ``path`` if it describes the store file whose stamp is ``stamp``."""
    if stamp is None:
        return None
    try:
        data = orjson.loads(path.read_bytes())
        if data.get("version") != OVERVIEW_VERSION or tuple(data.get("stamp") or ()) != stamp:
            return None
        return Overview.from_dict(data["overview"])
    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None


def save_overview(path: Path, overview: Overview, stamp: Stamp | None) -> None:
    """Keep ``overview`` at ``path`` as that of the store file whose stamp is ``stamp``.

    Best effort and lock-free: a write that fails (read-only folder) or races another
    leaves at worst a file whose stamp matches no store, which is ignored."""
    if stamp is None:
        return
    data = {"version": OVERVIEW_VERSION, "stamp": list(stamp), "overview": overview.to_dict()}
    try:
        atomic_write(path, orjson.dumps(data), what="the overview", durable=False)
    except StoreError:
        pass
