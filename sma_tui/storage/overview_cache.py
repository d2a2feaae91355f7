"""``<name>.overview.json``: the main screen's :class:`~sma_tui.core.overview.Overview` of one
version of the store file, so that the app paints before it has read the corpus.

A cache, never a source of truth: any problem reading it just means there is none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from ..core.overview import OVERVIEW_VERSION, Overview
from ..core.overview_update import OverviewState
from .files import StoreError, atomic_write

Stamp = tuple[int, int, int]
"""What identifies one version of the store file: (inode, mtime in ns, size)."""

FileId = tuple[int, int, int, int, int]
"""One version of the store file more strictly, for skipping its validation: (device,
inode, mtime in ns, size, ctime in ns). The ctime cannot be set back by a user: an edit in
place whose mtime was restored still changes it."""


def _kept(path: Path, stamp: Stamp | None) -> dict[str, Any] | None:
    """The sidecar at ``path`` if it describes the store file whose stamp is ``stamp``."""
    if stamp is None:
        return None
    try:
        data = orjson.loads(path.read_bytes())
        if data.get("version") != OVERVIEW_VERSION or tuple(data.get("stamp") or ()) != stamp:
            return None
    except (OSError, orjson.JSONDecodeError, AttributeError, TypeError, ValueError):
        return None
    return dict(data)


def read_overview(path: Path, stamp: Stamp | None) -> Overview | None:
    """The overview kept at ``path`` if it describes the store file whose stamp is ``stamp``."""
    data = _kept(path, stamp)
    try:
        return None if data is None else Overview.from_dict(data["overview"])
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def read_state(path: Path, stamp: Stamp | None) -> tuple[Overview, OverviewState] | None:
    """The overview kept at ``path`` with the state ``add`` updates it from, if the file
    describes the store file whose stamp is ``stamp`` and holds a state."""
    data = _kept(path, stamp)
    if data is None or "state" not in data:
        return None
    try:
        return Overview.from_dict(data["overview"]), OverviewState.from_dict(data["state"])
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return None


def read_trust(path: Path, file_id: FileId | None) -> tuple[bool, bool]:
    """What the sidecar at ``path`` vouches for about the store file version ``file_id``:
    that sma-tui validated every record of it, and that its bytes hold no unsafe character
    (sma-tui scanned them, or wrote them from records it knew clean)."""
    if file_id is None:
        return False, False
    try:
        data = orjson.loads(path.read_bytes())
        if data.get("version") != OVERVIEW_VERSION:
            return False, False
        return tuple(data.get("validated") or ()) == file_id, tuple(data.get("clean") or ()) == file_id
    except (OSError, orjson.JSONDecodeError, AttributeError, TypeError):
        return False, False


def save_overview(
    path: Path,
    overview: Overview,
    stamp: Stamp | None,
    validated: FileId | None = None,
    state: OverviewState | None = None,
    clean: FileId | None = None,
) -> None:
    """Keep ``overview`` at ``path`` as that of the store file whose stamp is ``stamp``;
    ``validated``: the :data:`FileId` of that file when its every record was validated;
    ``state``: what the next ``add`` updates the overview from (see :func:`read_state`);
    ``clean``: the :data:`FileId` of that file when its bytes hold no unsafe character.

    Best effort and lock-free: a write that fails (read-only folder) or races another
    leaves at worst a file whose stamp matches no store, which is ignored."""
    if stamp is None:
        return
    # orjson writes the dataclasses itself: what ``Overview.to_dict`` gives, without asdict's deep copy
    data: dict[str, object] = {"version": OVERVIEW_VERSION, "stamp": list(stamp), "overview": overview}
    if state is not None:
        data["state"] = state.to_dict()
    for name, ident in (("validated", validated), ("clean", clean)):
        if ident is not None and ident[1:4] == (stamp[0], stamp[1], stamp[2]):
            data[name] = list(ident)
    try:
        atomic_write(path, orjson.dumps(data), what="the overview", durable=False)
    except StoreError:
        pass
