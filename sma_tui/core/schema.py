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

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from itertools import chain
from operator import is_not, methodcaller
from typing import Any

from ..models import ACTOR_KINDS, EVENT_KINDS, QUOTE_KINDS, SIDES, UNITS
from .sanitize import one_line

MAX_FIGURE_VALUE = 1e15
"""The largest magnitude a figure may have: a thousand trillion (won, dollars, troops).
The largest real figure of the talks is about 1.4 trillion won; anything beyond this is
an extraction error or a hostile store. The extractor should refuse the same values."""

_HEX64 = re.compile(r"[0-9a-f]{64}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Missing:
    """The value of a field that a record leaves out (distinct from an explicit null)."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING = _Missing()


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one record; ``str()`` is the one line shown to the user."""

    table: str
    record: str
    field: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.table}/{one_line(self.record, 80)}: {self.message}"


# ------------------------------------------------------------------ values
def describe(value: Any) -> str:
    """What a JSON value is, in words: ``null``, ``a string``, ``an integer``..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _shown(value: str) -> str:
    return repr(one_line(value, 40))


@lru_cache(maxsize=8192)
def is_iso_date(text: str) -> bool:
    """``YYYY-MM-DD`` naming a real calendar day (``2020-02-30`` is not one)."""
    if type(text) is not str or not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def is_finite_figure(value: Any) -> bool:
    """A number (not a boolean) that is finite and within ±:data:`MAX_FIGURE_VALUE`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, int):
        return -MAX_FIGURE_VALUE <= value <= MAX_FIGURE_VALUE
    return math.isfinite(value) and abs(value) <= MAX_FIGURE_VALUE


def _digits(n: int) -> int:
    n = abs(n)
    d = int(n.bit_length() * 0.30102999566398120) + 1
    return d - 1 if d > 1 and 10 ** (d - 1) > n else d


# ------------------------------------------------------------------ kinds
@dataclass(frozen=True, slots=True)
class Kind:
    """What a field's value must be: ``check`` gives the message for one value (``None``
    when it is fine); ``column`` says at C speed whether every value of a column (absent
    ones left out) is fine; it may raise ``TypeError``, which counts as "no"."""

    check: Callable[[Any], str | None]
    column: Callable[[list[Any]], bool]


def _types_in(*types: type) -> Callable[[list[Any]], bool]:
    allowed = set(types)
    return lambda col: set(map(type, col)) <= allowed


def _check_str(value: Any) -> str | None:
    return None if type(value) is str else f"must be a string, got {describe(value)}"


def _all_str(col: list[Any]) -> bool:
    "".join(col)  # raises TypeError unless every item is a str; a memcpy otherwise
    return True


STR = Kind(_check_str, _all_str)
BOOL = Kind(lambda v: None if type(v) is bool else f"must be a boolean, got {describe(v)}", _types_in(bool))


def _check_count(value: Any) -> str | None:
    if type(value) is not int:
        return f"must be an integer, got {describe(value)}"
    if value < 0:
        return f"must not be negative, got {value}"
    return None


COUNT = Kind(_check_count, lambda col: set(map(type, col)) == {int} and min(col) >= 0)
"""A non-negative integer (a span offset, a round number); never a boolean."""


def _check_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be a date YYYY-MM-DD, got {describe(value)}"
    return None if is_iso_date(value) else f"must be a real date YYYY-MM-DD, got {_shown(value)}"


DATE = Kind(_check_date, lambda col: all(map(is_iso_date, set(col))))


def _check_hex64(value: Any) -> str | None:
    if isinstance(value, str) and _HEX64.fullmatch(value):
        return None
    got = _shown(value) if isinstance(value, str) else describe(value)
    return f"must be a 64-character hex digest, got {got}"


HEX64 = Kind(_check_hex64, lambda col: _all_str(col) and all(map(_HEX64.fullmatch, col)))


def _check_str_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list of strings, got {describe(value)}"
    for item in value:
        if not isinstance(item, str):
            return f"must be a list of strings, got a list holding {describe(item)}"
    return None


STR_LIST = Kind(
    _check_str_list,
    lambda col: set(map(type, col)) <= {list} and set(map(type, chain.from_iterable(col))) <= {str},
)


def one_of(words: Sequence[str]) -> Kind:
    allowed = frozenset(words)
    listed = ", ".join(words)

    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in allowed:
            return None
        got = _shown(value) if isinstance(value, str) else describe(value)
        return f"must be one of {listed}, got {got}"

    return Kind(check, lambda col: set(col) <= allowed)


def _check_figure(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"must be a number, got {describe(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, got {value}"
    if not is_finite_figure(value):
        got = f"a {_digits(value)}-digit integer" if isinstance(value, int) else f"{value:g}"
        return f"must be a number between -{MAX_FIGURE_VALUE:g} and {MAX_FIGURE_VALUE:g}, got {got}"
    return None


def _figure_column(col: list[Any]) -> bool:
    if not set(map(type, col)) <= {int, float}:
        return False
    try:  # comparisons first: a huge int would overflow isfinite; a NaN fails one of them
        return max(col) <= MAX_FIGURE_VALUE and min(col) >= -MAX_FIGURE_VALUE and all(map(math.isfinite, col))
    except (OverflowError, TypeError):
        return False


FIGURE_VALUE = Kind(_check_figure, _figure_column)


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
                *(null(n, STR) for n in ("added", "fingerprint")),
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
                opt("sources", STR_LIST),
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
                opt("sources", STR_LIST),
                opt("side_guessed", BOOL),
            ),
        ),
        TableSpec("quotes", (*_CLAIM, null("speaker", STR), opt("kind", one_of(QUOTE_KINDS)), *_CONTEXT)),
        TableSpec(
            "figures",
            (
                *_CLAIM,
                req("value", FIGURE_VALUE),
                req("unit", one_of(UNITS)),
                *(null(n, STR) for n in ("measure", "qualifier", "claimant")),
                *_CONTEXT,
            ),
        ),
        TableSpec("measures", (req("id", STR), req("label", STR), opt("money", BOOL), null("series", STR))),
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
    if not _columns_ok(SPECS[table], rows):
        problems = [p for i, row in enumerate(rows, 1) for p in validate(table, record_label(row, i), row)]
    else:
        problems = []
    return problems + _duplicates(table, rows)


def _columns_ok(spec: TableSpec, rows: Sequence[Any]) -> bool:
    if not rows:
        return True
    if set(map(type, rows)) != {dict}:
        return False
    try:
        for f in spec.fields:
            column: Iterable[Any] = map(methodcaller("get", f.name, MISSING), rows)
            if not f.required:
                column = filter(partial(is_not, MISSING), column)
            if f.nullable:
                column = filter(partial(is_not, None), column)
            values = list(column)
            if values and not f.kind.column(values):
                return False
    except TypeError:  # a value of a type the column check cannot even compare or hash
        return False
    if spec.one_of_fields:
        getters = [methodcaller("get", n) for n in spec.one_of_fields]
        if not all(any(g(r) is not None for g in getters) for r in rows):
            return False
    return True


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
