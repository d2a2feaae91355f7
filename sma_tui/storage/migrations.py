"""Older store schemas, upgraded in memory on read (and saved in the new form on the next write)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.models import SCHEMA_VERSION
from ..core.text import fingerprint
from .files import StoreError

Tables = dict[str, list[dict[str, Any]]]


def _migrate_1_to_2(tables: Tables) -> None:
    for article in tables.get("articles", []):
        article["fingerprint"] = fingerprint(article.get("body", ""))


def _migrate_2_to_3(tables: Tables) -> None:
    """Schema 3 moved bodies out of the JSON: nothing to change in memory (a record that
    still has ``body`` is read as it is); the next write moves them to body files."""


MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}
"""``MIGRATIONS[v]`` upgrades the raw tables of schema ``v`` to ``v + 1`` in place."""


def schema_of(path: Path, meta: dict[str, Any] | None) -> int:
    """The schema version the ``meta`` record of the store at ``path`` declares, if this
    sma-tui can read it (directly or by migrating); else a :class:`StoreError`."""
    if meta is None:
        raise StoreError(f"the store {path} has no schema version; run 'sma-tui build --force --db {path}'")
    version = meta.get("schema")
    if not isinstance(version, int):
        raise StoreError(f"the store {path} has an invalid schema version; run 'sma-tui build --force --db {path}'")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store {path} has schema {version}, newer than this sma-tui understands "
            f"({SCHEMA_VERSION}); upgrade sma-tui"
        )
    if version < min(MIGRATIONS, default=SCHEMA_VERSION):
        raise StoreError(
            f"the store {path} has schema {version}, too old to migrate; run 'sma-tui build --force --db {path}'"
        )
    return version


def migrate(tables: Tables, version: int) -> None:
    """Upgrade ``tables`` of schema ``version`` to the current schema, in place."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](tables)
        version += 1
        tables["meta"][0]["schema"] = version
