"""The gap chart's data (plain, no Textual): each position as a point on one value axis,
in dollars a year or in percent over 2019, and where each side stood after it.

A point stated in one scale is shown in the other through the 2019 level
(:data:`~sma_tui.core.positions.disputes.BASE_2019_KRW` at the 2019 average rate): "+13 %
over 2019" is about $995 million a year, "$1.3 billion" is about +48 %. Such a converted
value is ``implied`` and labelled with "≈", never passed off as what the source said. A
position with neither a dollar value nor a change over 2019 is not charted (counted).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from .disputes import BASE_2019_KRW, BASE_YEAR
from .money import to_usd
from .rows import PositionRow

MODES = ("usd", "pct")
"""``usd``: dollars a year; ``pct``: percent over 2019."""


@dataclass(frozen=True, slots=True)
class GapPoint:
    row: PositionRow
    x: float  # on the mode's axis: dollars, or percent over 2019
    implied: bool  # converted through the 2019 level, not the source's own scale
    us: float | None  # where the U.S. ask stood after this point (same axis)
    rok: float | None  # where Seoul's offer stood after this point


def base_2019_usd() -> float | None:
    """Seoul's 2019 payment in dollars at the 2019 average rate."""
    found = to_usd(BASE_2019_KRW, "KRW", BASE_YEAR)
    return found.usd if found is not None else None


def _x(row: PositionRow, mode: str, base: float | None) -> tuple[float, bool] | None:
    if mode == "pct":
        if row.change_2019 is None:
            return None
        return row.change_2019, row.unit not in ("percent", "multiple")
    if row.usd is not None:
        return row.usd, row.unit != "USD"
    if row.change_2019 is not None and base is not None:
        return base * (1 + row.change_2019 / 100), True
    return None


def gap_points(rows: list[PositionRow], mode: str = "usd") -> tuple[list[GapPoint], int]:
    """The charted points in date order (duplicates of one article's value dropped) and
    how many positions could not be charted."""
    base = base_2019_usd()
    seen: set[tuple[str | None, str, float, str, str | None]] = set()
    out: list[GapPoint] = []
    skipped = 0
    us: float | None = None
    rok: float | None = None
    for row in rows:
        key = (row.date, row.side, row.value, row.unit, row.article or row.id)
        if key in seen:
            continue
        seen.add(key)
        found = _x(row, mode, base)
        if found is None:
            skipped += 1
            continue
        x, implied = found
        if row.side == "US":
            us = x
        elif row.side == "ROK":
            rok = x
        out.append(GapPoint(row, x, implied, us, rok))
    return out, skipped


def axis_range(points: list[GapPoint]) -> tuple[float, float]:
    """``(low, high)`` of the axis: from 0 (or below, for a cut) to the largest value."""
    low = min([0.0, *(p.x for p in points)])
    high = max([0.0, *(p.x for p in points)])
    return low, high if high > low else low + 1.0


def short_value(x: float, mode: str) -> str:
    """``$5bn``, ``$990m``, ``+13%``: the axis and the compact labels."""
    if mode == "pct":
        return f"{x:+.3g}%"
    for size, word in ((1e9, "bn"), (1e6, "m")):
        if abs(x) >= size:
            return f"${float(f'{x / size:.3g}'):g}{word}"
    return f"${x:,.0f}"


def point_label(p: GapPoint, mode: str) -> str:
    """What the source said, and the charted value when it is converted:
    ``about $4 billion``, ``+13% (≈$995m)``."""
    said = p.row.stated
    if p.row.unit == "percent" and p.row.change_2019 is not None and not said.startswith(("+", "-")):
        words = said.rsplit(" ", 1)
        said = f"{words[0]} +{words[1]}" if len(words) == 2 else f"+{said}"
    return f"{said} (≈{short_value(p.x, mode)})" if p.implied else said


_BOUNDS = {"up to": "≤", "as much as": "≤", "under": "<", "less than": "<", "nearly": "<", "almost": "<",
           "more than": ">", "over": ">", "at least": "≥", "just over": ">"}  # fmt: skip


def compact_label(p: GapPoint, mode: str) -> str:
    """The narrow form: ``$5bn``, ``≤$5bn``, ``~$4bn``, ``≈$995m`` (converted)."""
    if p.implied:
        return f"≈{short_value(p.x, mode)}"
    q = (p.row.qualifier or "").lower()
    mark = _BOUNDS.get(q, "~" if q else "")
    return f"{mark}{short_value(p.x, mode)}"


def spread(dates: list[str | None], rows: int) -> list[int]:
    """Blank lines to draw after each point so that, when ``rows`` leaves room, time runs
    down the chart at an even pace (a long pause between two positions takes more lines).
    Never more lines than ``rows`` in all."""
    extra = rows - len(dates)
    if extra <= 0 or len(dates) < 2:
        return [0] * len(dates)
    days = [_ordinal(d) for d in dates]
    gaps = [max(0, (b - a)) if a is not None and b is not None else 0 for a, b in zip(days, days[1:], strict=False)]
    total = sum(gaps)
    if total == 0:
        return [0] * len(dates)
    out = [extra * g // total for g in gaps]
    by_remainder = sorted(range(len(gaps)), key=lambda k: (-(extra * gaps[k] % total), k))
    for k in by_remainder[: extra - sum(out)]:  # largest remainders first: every row is used
        out[k] += 1
    return [*out, 0]


def _ordinal(day: str | None) -> int | None:
    try:
        return date.fromisoformat(day[:10]).toordinal() if day else None
    except ValueError:
        return None


def nice_ticks(low: float, high: float, most: int) -> list[float]:
    """Round values strictly inside ``(low, high)``: at most ``most`` of them, 1-2-5 steps."""
    span = high - low
    if span <= 0 or most < 1:
        return []
    step = 10 ** math.floor(math.log10(span / most))
    for mult in (1, 2, 5, 10):
        if span / (step * mult) <= most:
            step *= mult
            break
    first = math.floor(low / step) + 1
    return [k * step for k in range(first, first + most + 1) if low < k * step < high]
