"""Money and ranges: what a stated figure can mean, in comparable terms.

A figure as printed is rarely a point: "nearly $5 billion" is at most 5e9, "about 4,500" is
a band, and a won sum is only comparable with a dollar sum after conversion. This module turns
a value, its unit and its qualifier into a closed interval, and won into dollars with the
bundled, sourced table of annual average rates (``data/rates.json``). Pure functions; no I/O
except reading that table once.

Constants (each a documented choice, not a measurement):

- :data:`APPROX_TOL` = 5 %: "about", "around", "roughly", "some", "approximately", "an
  estimated", "close to" mean the value ± 5 %.
- :data:`NEAR_TOL` = 10 %: "nearly", "almost", "just under" mean ``[v × 0.90, v]``.
- :data:`OVER_TOL` = 5 %: "just over" means ``[v, v × 1.05]``; "more than", "over", "at
  least", "upwards of", "well over", "as few as" leave the top open (``inf``).
- "up to", "as many as", "as much as", "under", "less than", "fewer than", "at most" mean
  ``[0, v]``. No qualifier: ``[v, v]``.
- :data:`DOLLAR_TOL` = 2 %: every money range compared in dollars is widened by it (the
  rounding of a reported sum, and the day's rate behind a dollar figure that reports a won
  sum).
- :data:`CONVERSION_TOL` = 4 %: a won sum converted with an annual average rate is widened
  by it again (the average is not the rate of the day the sum was reported).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...paths import corpus_dir

APPROX_TOL = 0.05
NEAR_TOL = 0.10
OVER_TOL = 0.05
DOLLAR_TOL = 0.02
CONVERSION_TOL = 0.04

MONEY_UNITS: tuple[str, ...] = ("USD", "KRW")

_APPROX = frozenset({"about", "around", "roughly", "some", "approximately", "an estimated", "close to"})
_NEAR = frozenset({"nearly", "almost", "just under"})
_JUST_OVER = frozenset({"just over"})
_OPEN_ABOVE = frozenset({"more than", "over", "at least", "upwards of", "well over", "as few as", "as little as"})
_UP_TO = frozenset({"up to", "as many as", "as much as", "under", "less than", "fewer than", "at most"})


def value_range(value: float, qualifier: str | None) -> tuple[float, float]:
    """The closed interval a stated ``value`` with ``qualifier`` allows (see the module
    constants). An unknown qualifier is read as exact. ``value`` must be finite and >= 0."""
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"a stated value must be a finite number >= 0, not {value!r}")
    q = " ".join((qualifier or "").lower().split())
    if q in _APPROX:
        return value * (1 - APPROX_TOL), value * (1 + APPROX_TOL)
    if q in _NEAR:
        return value * (1 - NEAR_TOL), value
    if q in _JUST_OVER:
        return value, value * (1 + OVER_TOL)
    if q in _OPEN_ABOVE:
        return value, math.inf
    if q in _UP_TO:
        return 0.0, value
    return value, value


# ------------------------------------------------------------------- rates
@dataclass(frozen=True, slots=True)
class RateSource:
    outlet: str
    title: str
    date: str | None
    url: str


@dataclass(frozen=True, slots=True)
class Rate:
    year: int
    krw_per_usd: float | None  # None: not published yet
    source: RateSource | None


@dataclass(frozen=True, slots=True)
class UsdValue:
    """A sum in dollars: ``usd`` None when the year has no published rate (never a guess);
    ``rate``/``rate_year``/``source`` None for a sum stated in dollars."""

    usd: float | None
    rate: float | None
    rate_year: int | None
    source: RateSource | None


def data_file(*parts: str) -> Path:
    """A bundled data file: inside the installed package, or ``data/`` of a checkout."""
    path = corpus_dir().joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"bundled data file {'/'.join(parts)} is missing (looked in {path.parent})")
    return path


def parse_rates(data: Any) -> dict[int, Rate]:
    """The rates table from the JSON of ``data/rates.json``; ``ValueError`` on a bad shape."""
    if not isinstance(data, dict) or not isinstance(data.get("rates"), dict):
        raise ValueError("rates: expected an object with a 'rates' table")
    out: dict[int, Rate] = {}
    for key, row in data["rates"].items():
        if not (isinstance(key, str) and key.isdigit() and isinstance(row, dict)):
            raise ValueError(f"rates: bad entry {key!r}")
        rate = row.get("krw_per_usd")
        if rate is not None and (isinstance(rate, bool) or not isinstance(rate, int | float) or rate <= 0):
            raise ValueError(f"rates: {key}: krw_per_usd must be a positive number or null")
        src = row.get("source")
        if rate is not None and not isinstance(src, dict):
            raise ValueError(f"rates: {key}: a rate needs its source")
        source = None
        if isinstance(src, dict):
            source = RateSource(str(src["outlet"]), str(src["title"]), src.get("date"), str(src["url"]))
        out[int(key)] = Rate(int(key), float(rate) if rate is not None else None, source)
    return out


@lru_cache(maxsize=4)
def load_rates(path: Path | None = None) -> dict[int, Rate]:
    """The bundled annual average KRW/USD rates, by year."""
    target = path or data_file("rates.json")
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read the rates table {target}: {exc}") from None
    return parse_rates(data)


def period_year(period: str | int | None) -> int | None:
    """The year whose rate converts a value about ``period`` ("2020", "2021-2025": its
    first year), or None."""
    if isinstance(period, int):
        return period
    if not period:
        return None
    head = period.split("-", 1)[0].strip()
    return int(head) if head.isdigit() and len(head) == 4 else None


def to_usd(value: float, unit: str, year: str | int | None, rates: dict[int, Rate] | None = None) -> UsdValue | None:
    """``value`` in dollars: None for a unit that is not money; a :class:`UsdValue` with
    ``usd`` None for won of a year with no published rate (or no year at all)."""
    if unit == "USD":
        return UsdValue(value, None, None, None)
    if unit != "KRW":
        return None
    table = load_rates() if rates is None else rates
    y = period_year(year)
    rate = table.get(y) if y is not None else None
    if rate is None or rate.krw_per_usd is None:
        return UsdValue(None, None, y, None)
    return UsdValue(value / rate.krw_per_usd, rate.krw_per_usd, rate.year, rate.source)


def comparable_range(
    value: float, unit: str, qualifier: str | None, year: str | int | None, rates: dict[int, Rate] | None = None
) -> tuple[str, float, float] | None:
    """The interval used to compare a figure with others: ``(scale, low, high)`` where
    ``scale`` is "USD" for money (won converted, both widened by the tolerances) and the
    unit itself otherwise. None when a won sum has no rate for its year."""
    low, high = value_range(value, qualifier)
    if unit not in MONEY_UNITS:
        return unit, low, high
    down, up = 1 - DOLLAR_TOL, 1 + DOLLAR_TOL
    if unit == "KRW":
        conv = to_usd(1.0, "KRW", year, rates)
        if conv is None or conv.usd is None:
            return None
        low, high = low * conv.usd, high * conv.usd
        down, up = down * (1 - CONVERSION_TOL), up * (1 + CONVERSION_TOL)
    return "USD", low * down, high * up
