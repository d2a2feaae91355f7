"""The shape of every stored record, checked on every load.

A store is a JSON file anyone can edit (or an older or newer sma-tui can write). A record
of the wrong shape must be reported as one line naming the table, the record and the field
("quotes/breitbart-2019-11-19/q3: field 'start' must be an integer, got a string"), never
crash ``check``, ``timeline``, ``figures`` or the app later.

Each table has a declarative :class:`TableSpec`: its fields, whether each is required and
whether it may be null, and what its value must be. :func:`validate` checks one record;
:func:`validate_table` checks a whole table fast (column by column, at C speed: one load of
a 100,000-quote store must not notice it) and falls back to :func:`validate` record by
record only when a column fails, so the messages are always the precise ones.

Pure Python: imports neither TinyDB nor Rich nor Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, repeat
from operator import is_not, itemgetter, methodcaller
from typing import Any

from ..corrections.records import KINDS as CORRECTION_KINDS
from ..corrections.records import OPS as CORRECTION_OPS
from ..models import ACTOR_KINDS, ATTRIBUTIONS, EVENT_KINDS, QUOTE_KINDS, SIDES, UNITS
from ..text import is_iso_date
from .kinds import (
    BOOL,
    COUNT,
    DATE,
    FIGURE_VALUE,
    HEX64,
    MAX_FIGURE_VALUE,
    MISSING,
    SOURCES,
    STR,
    STR_LIST,
    Kind,
    describe,
    is_finite_figure,
    one_of,
)
from .sanitize import one_line

__all__ = ["MAX_FIGURE_VALUE", "SPECS", "Problem", "is_finite_figure", "is_iso_date", "validate", "validate_table"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one record; ``str()`` is the one line shown to the user."""

    table: str
    record: str
    field: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.table}/{one_line(self.record, 80)}: {self.message}"


# ------------------------------------------------------------------ tables
@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    nullable: bool = False  # an explicit null is allowed (the field is ``X | None``)


def req(name: str, kind: Kind) -> Field:
    return Field(name, kind, required=True)


def opt(name: str, kind: Kind) -> Field:
    """May be left out (the store leaves out empty fields) but, when present, not null."""
    return Field(name, kind)


def null(name: str, kind: Kind) -> Field:
    """May be left out or null."""
    return Field(name, kind, nullable=True)


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    fields: tuple[Field, ...]
    one_of_fields: tuple[str, ...] = ()  # at least one of these must be present and not null


OBJECT = Kind(
    lambda v: None if type(v) is dict else f"must be an object, got {describe(v)}",
    lambda col: set(map(type, col)) == {dict},
)

_CLAIM = (req("id", STR), req("article", STR), req("start", COUNT), req("end", COUNT), req("text", STR))
_CONTEXT = (null("date", DATE), null("event", STR), null("note", STR))

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("meta", (req("schema", COUNT), null("app_version", STR), null("updated", STR), null("corpus", STR))),
        TableSpec(
            "articles",
            (
                req("id", STR),
                req("title", STR),
                req("publisher", STR),
                null("body", STR),  # schema 2: the body still in the record
                null("body_sha", HEX64),
                null("date", DATE),
                opt("date_inferred", BOOL),
                *(null(n, STR) for n in ("date_note", "agency", "byline", "dateline", "source", "event")),
                *(null(n, STR) for n in ("added", "fingerprint", "url", "retrieved")),
            ),
            one_of_fields=("body_sha", "body"),
        ),
        TableSpec(
            "events",
            (
                req("id", STR),
                req("kind", one_of(EVENT_KINDS)),
                req("title", STR),
                req("start", DATE),
                req("end", DATE),
                opt("place", STR),
                opt("summary", STR),
                null("number", COUNT),
                opt("negotiators", STR_LIST),
                opt("participants", STR_LIST),
                opt("sources", SOURCES),
            ),
        ),
        TableSpec(
            "actors",
            (
                req("id", STR),
                req("name", STR),
                req("side", one_of(SIDES)),
                opt("kind", one_of(ACTOR_KINDS)),
                opt("role", STR),
                opt("organisation", STR),
                opt("aliases", STR_LIST),
                opt("sources", SOURCES),
                opt("side_guessed", BOOL),
            ),
        ),
        TableSpec(
            "quotes",
            (
                *_CLAIM,
                null("speaker", STR),
                opt("kind", one_of(QUOTE_KINDS)),
                null("attribution", one_of(ATTRIBUTIONS)),
                null("statement", STR),
                null("attribution_source", STR),
                *_CONTEXT,
            ),
        ),
        TableSpec(
            "figures",
            (
                *_CLAIM,
                req("value", FIGURE_VALUE),
                req("unit", one_of(UNITS)),
                *(null(n, STR) for n in ("measure", "qualifier", "claimant", "period")),
                null("side", one_of(("US", "ROK", "agreed"))),
                *_CONTEXT,
                opt("retrospective", BOOL),
                opt("exchange_rate", BOOL),
            ),
        ),
        TableSpec("measures", (req("id", STR), req("label", STR), opt("money", BOOL), null("series", STR))),
        TableSpec(  # a person's corrections (sma_tui.core.corrections.records checks the rest)
            "corrections",
            (
                req("id", STR),
                req("kind", one_of(CORRECTION_KINDS)),
                req("op", one_of(tuple(CORRECTION_OPS))),
                req("target", OBJECT),
                req("created", STR),
                opt("before", OBJECT),
                opt("after", OBJECT),
                opt("note", STR),
                null("undone", STR),
            ),
        ),
    )
}
"""Every table's fields. Unknown fields are allowed (a newer sma-tui may add some)."""


# ------------------------------------------------------------------ checking
def validate(table: str, record_id: str, record: Any) -> list[Problem]:
    """Every problem of one record of ``table`` (``record_id`` names it in the messages)."""
    if not isinstance(record, dict):
        return [Problem(table, record_id, None, f"the record is {describe(record)}, not an object")]
    spec = SPECS[table]
    problems: list[Problem] = []
    for f in spec.fields:
        value = record.get(f.name, MISSING)
        if value is MISSING:
            if f.required:
                problems.append(Problem(table, record_id, f.name, f"field '{f.name}' is missing"))
            continue
        if value is None and f.nullable:
            continue
        message = f.kind.check(value)
        if message is not None:
            problems.append(Problem(table, record_id, f.name, f"field '{f.name}' {message}"))
    if spec.one_of_fields and all(record.get(n) is None for n in spec.one_of_fields):
        first = spec.one_of_fields[0]
        problems.append(Problem(table, record_id, first, f"field '{first}' is missing"))
    return problems


def record_label(record: Any, position: int) -> str:
    """How messages name a record: its id, or ``#n`` (its 1-based position) without one."""
    rid = record.get("id") if isinstance(record, dict) else None
    return rid if isinstance(rid, str) and rid else f"#{position}"


def validate_table(table: str, rows: Sequence[Any]) -> list[Problem]:
    """Every problem in the records of ``table``, including ids that appear twice.

    Fast when the table is sound (a handful of C-speed passes per field); any column
    that fails sends the whole table through :func:`validate`, record by record.
    """
    if _columns_ok(SPECS[table], rows):
        ids = [] if table == "meta" else list(map(itemgetter("id"), rows))
        return [] if len(set(ids)) == len(ids) else _duplicates(table, rows)
    problems = [p for i, row in enumerate(rows, 1) for p in validate(table, record_label(row, i), row)]
    return problems + _duplicates(table, rows)


_NOT_NONE = partial(is_not, None)
_NOT_MISSING = partial(is_not, MISSING)


def _columns_ok(spec: TableSpec, rows: Sequence[Any]) -> bool:
    """Whether every record of a table passes, checked a column at a time at C speed.

    The required fields of one kind are read together (one ``itemgetter`` call per row
    for all of them; a missing one raises ``KeyError``), optional ones one by one."""
    if not rows:
        return True
    if set(map(type, rows)) != {dict}:
        return False
    try:
        for kind, names in _required_by_kind(spec):
            getter = itemgetter(*names)
            values = list(map(getter, rows)) if len(names) == 1 else list(chain.from_iterable(map(getter, rows)))
            if not kind.column(values):
                return False
        for f in spec.fields:
            if f.required:
                continue
            if f.nullable:  # left out and null are the same here
                values = list(filter(_NOT_NONE, map(dict.get, rows, repeat(f.name))))
            else:
                values = list(filter(_NOT_MISSING, map(dict.get, rows, repeat(f.name), repeat(MISSING))))
            if values and not f.kind.column(values):
                return False
    except (KeyError, TypeError):  # a missing field; a value that cannot even be compared or hashed
        return False
    if spec.one_of_fields:
        getters = [methodcaller("get", n) for n in spec.one_of_fields]
        if not all(any(g(r) is not None for g in getters) for r in rows):
            return False
    return True


def _required_by_kind(spec: TableSpec) -> list[tuple[Kind, tuple[str, ...]]]:
    groups: dict[int, tuple[Kind, list[str]]] = {}
    for f in spec.fields:
        if f.required:
            groups.setdefault(id(f.kind), (f.kind, []))[1].append(f.name)
    return [(kind, tuple(names)) for kind, names in groups.values()]


def _duplicates(table: str, rows: Sequence[Any]) -> list[Problem]:
    if table == "meta":
        return []
    ids: list[str] = [r["id"] for r in rows if isinstance(r, dict) and isinstance(r.get("id"), str)]
    if len(set(ids)) == len(ids):
        return []
    seen: dict[str, int] = {}
    for rid in ids:
        seen[rid] = seen.get(rid, 0) + 1
    return [Problem(table, rid, "id", f"the id appears {n} times") for rid, n in seen.items() if n > 1]


def validate_tables(tables: dict[str, list[Any]], names: Iterable[str] = SPECS) -> list[Problem]:
    """:func:`validate_table` over the named tables of a store (``meta`` first)."""
    return [p for name in names for p in validate_table(name, tables.get(name) or [])]
