"""Older store schemas, upgraded in memory on read (and saved in the new form on the next write)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.models import SCHEMA_VERSION
from ..core.positions.locate import place_in_body
from ..core.text import fingerprint
from .files import CorruptStore, StoreError, recovery_hint

Tables = dict[str, list[dict[str, Any]]]


def _migrate_1_to_2(tables: Tables) -> None:
    for article in tables.get("articles", []):
        article["fingerprint"] = fingerprint(article.get("body", ""))


def _migrate_2_to_3(tables: Tables) -> None:
    """Schema 3 moved bodies out of the JSON: nothing to change in memory (a record that
    still has ``body`` is read as it is); the next write moves them to body files."""


BodyOf = Callable[[dict[str, Any]], str]
"""Reads an article record's body (inline in old stores, else from its body file)."""


def _migrate_3_to_4(tables: Tables, body_of: BodyOf | None = None) -> None:
    """Schema 4 places figures (side, period, retrospective, exchange_rate): old stores'
    figures are placed from their article's text, as the extractor places new ones. A figure
    whose article body cannot be read keeps null side and period (never dropped)."""
    articles = {a.get("id"): a for a in tables.get("articles", [])}
    bodies: dict[str, str | None] = {}
    for fig in tables.get("figures", []):
        if "side" in fig or "period" in fig:
            continue
        aid = fig.get("article")
        article = articles.get(aid)
        if not isinstance(aid, str) or article is None:
            continue
        if aid not in bodies:
            bodies[aid] = _body(article, body_of)
        body, start, end = bodies[aid], fig.get("start"), fig.get("end")
        if body is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(body):
            continue
        p = place_in_body(body, start, end, article.get("date"), fig.get("measure"))
        fig.update(side=p.side, period=p.period, retrospective=p.retrospective, exchange_rate=p.exchange_rate)


def _body(article: dict[str, Any], body_of: BodyOf | None) -> str | None:
    if isinstance(article.get("body"), str):
        return str(article["body"])
    if body_of is None:
        return None
    try:
        return body_of(article)
    except StoreError:
        return None


def _no_bodies(migration: Callable[[Tables], None]) -> Callable[[Tables, BodyOf | None], None]:
    return lambda tables, _body_of: migration(tables)


MIGRATIONS: dict[int, Callable[[Tables, BodyOf | None], None]] = {
    1: _no_bodies(_migrate_1_to_2),
    2: _no_bodies(_migrate_2_to_3),
    3: _migrate_3_to_4,
}
"""``MIGRATIONS[v]`` upgrades the raw tables of schema ``v`` to ``v + 1`` in place."""


def schema_of(path: Path, meta: dict[str, Any] | None) -> int:
    """The schema version the ``meta`` record of the store at ``path`` declares, if this
    sma-tui can read it (directly or by migrating); else a :class:`StoreError`."""
    if not isinstance(meta, dict):
        raise CorruptStore(f"the store {path} has no schema version; {recovery_hint(path)}")
    version = meta.get("schema")
    if not isinstance(version, int) or isinstance(version, bool):
        raise CorruptStore(f"the store {path} has an invalid schema version; {recovery_hint(path)}")
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


def migrate(tables: Tables, version: int, body_of: BodyOf | None = None) -> None:
    """Upgrade ``tables`` of schema ``version`` to the current schema, in place; ``body_of``
    reads an article's body where a migration needs it."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](tables, body_of)
        version += 1
        tables["meta"][0]["schema"] = version
