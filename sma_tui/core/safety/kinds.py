"""The kinds of value a stored field may hold, each with two checks: one value, giving
the message ("must be an integer, got a string"), and a whole column at C speed.

Pure Python, used by :mod:`sma_tui.core.schema`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from ..text import is_iso_date
from .sanitize import one_line

MAX_FIGURE_VALUE = 1e16
"""The largest magnitude a figure may have: ten thousand trillion (won, dollars, troops).
The largest real figure of the talks is about 1.4 trillion won; anything beyond this is
an extraction error or a hostile store. The extractor keeps only values below it
(``ingest.figures``), so nothing it extracts can make ``add`` refuse to write."""

_HEX64 = re.compile(r"[0-9a-f]{64}")


class _Missing:
    """The value of a field that a record leaves out (distinct from an explicit null)."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING = _Missing()


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


_CITATION_KEYS = ("outlet", "title", "date", "url")


def _check_sources(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list of sources, got {describe(value)}"
    for item in value:
        if isinstance(item, str):
            continue
        if not isinstance(item, dict):
            return f"must be a list of article ids and citations, got a list holding {describe(item)}"
        for key in _CITATION_KEYS:
            if not isinstance(item.get(key, ""), str):
                return f"must hold citations whose {key!r} is a string, got {describe(item[key])}"
    return None


def _sources_column(col: list[Any]) -> bool:
    if not set(map(type, col)) <= {list}:
        return False
    items = list(chain.from_iterable(col))
    cites = [i for i in items if type(i) is dict]
    if len(cites) + sum(type(i) is str for i in items) != len(items):
        return False
    return all(type(c.get(k, "")) is str for c in cites for k in _CITATION_KEYS)


SOURCES = Kind(_check_sources, _sources_column)
"""Where a dossier fact comes from: article ids and citation objects {outlet, title, date, url}
(``check`` says whether a citation's URL is usable)."""


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
