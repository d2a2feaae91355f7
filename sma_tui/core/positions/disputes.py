"""Positions over time, and "sources disagree" only when they do.

A figure is a claim about a position: whose (``side``: US, ROK, agreed, or None) and about
which year (``period``), placed by :func:`sma_tui.core.placement.place`. This module compares
placed figures (:class:`Claim`) and tells movement from disagreement.

**Dispute** (:func:`disputes`): claims of the same measure, the same period and the same side
(both None for a factual measure such as ``seoul-payment-2019``) whose ranges do not overlap.
A qualifier is a range and money is compared in dollars with tolerances
(:func:`sma_tui.core.money.comparable_range`: "nearly $5 billion" is ``[4.5e9, 5e9]``, won is
converted at the period's annual average rate). Values that overlap agree. Claims are grouped
into agreeing groups; two or more groups make a dispute. Never compared: claims without a
measure or a period, exchange-rate asides, different measures (workers on leave vs workers
notified), different periods ("2021" vs "2021-2025" included), different unit scales
(a percent vs a sum).

**Trajectory** (:func:`trajectory`): a negotiating position moves. Values of one side's
position (measure kind "position") are compared only when stated within
:data:`POSITION_WINDOW_DAYS` of each other; further apart they are the position moving
($5 billion in Nov 2019, $1.3 billion in May 2020), listed in date order. Retrospective and
undated mentions of a position are left out of both.

**Change over 2019** (:attr:`Position.change_2019`, percent): a percent of a measure that is
a change over 2019 is itself; a multiple ``m`` is ``(m - 1) × 100``; a sum is compared with
the 2019 level :data:`BASE_2019_KRW` (1.0389 trillion won, the dossier's figure for the 10th
SMA), in dollars at the 2019 average rate for a dollar sum.

**Constants** (all in one place): qualifier ranges "about" ± 5 %, "nearly" −10 %, "just over"
+5 %, "more than" open above, "up to" from 0 (:mod:`sma_tui.core.money`); money compared in
dollars ± 2 % (:data:`~sma_tui.core.money.DOLLAR_TOL`), won converted at the period's annual
average ± 4 % more (:data:`~sma_tui.core.money.CONVERSION_TOL`); positions compared within
:data:`POSITION_WINDOW_DAYS` = 31 days; a position stated before the deal of 7 March 2021
(:data:`~sma_tui.core.placement.DEAL_DATE`) without a year is about 2020.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .claims import Citation, Claim, FigureLike, claim_of, load_dossier_positions, parse_positions
from .money import Rate, comparable_range, load_rates, to_usd
from .placement import MEASURE_RULES, SIDES, MeasureRule

__all__ = [
    "BASE_2019_KRW",
    "POSITION_WINDOW_DAYS",
    "AgreeingGroup",
    "Citation",
    "Claim",
    "Dispute",
    "FigureLike",
    "Position",
    "change_over_2019",
    "claim_of",
    "dispute_of",
    "disputes",
    "load_dossier_positions",
    "parse_positions",
    "positions_of",
    "stated",
    "trajectory",
]

POSITION_WINDOW_DAYS = 31
MAX_LABELS = 4  # sources named for one value in a dispute's why; the rest are counted
BASE_2019_KRW = 1.0389e12
BASE_YEAR = 2019


# ------------------------------------------------------------------ disputes
@dataclass(slots=True)
class AgreeingGroup:
    """Claims whose ranges share a common interval ``[low, high]`` (on ``scale``)."""

    scale: str
    low: float
    high: float
    claims: list[Claim] = field(default_factory=list)


@dataclass(slots=True)
class Dispute:
    id: str
    measure: str
    period: str
    side: str | None
    groups: list[AgreeingGroup]
    why: str

    @property
    def claims(self) -> list[Claim]:
        return [c for g in self.groups for c in g.claims]


Labeller = Callable[[Claim], str] | Mapping[str, str] | None


def _label(labeller: Labeller, claim: Claim) -> str:
    if callable(labeller):
        return labeller(claim)
    if labeller is not None and claim.id in labeller:
        return labeller[claim.id]
    return claim.citation.outlet if claim.citation else claim.source


def _rule(measures: Mapping[str, MeasureRule], claim: Claim) -> MeasureRule:
    return measures.get(claim.measure or "") or MeasureRule("other")


def _windows(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Dated claims cut into runs no longer than :data:`POSITION_WINDOW_DAYS`."""
    out: list[tuple[str, list[Claim]]] = []
    first: date | None = None
    for c in sorted(claims, key=lambda c: c.date or ""):
        day = _day(c.date)
        if day is None:
            continue
        if first is None or (day - first).days > POSITION_WINDOW_DAYS:
            first = day
            out.append((day.isoformat()[:7], []))
        out[-1][1].append(c)
    return out


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _buckets(claims: Iterable[Claim], measures: Mapping[str, MeasureRule]) -> list[tuple[str, list[Claim]]]:
    by_key: dict[tuple[str, str, str | None], list[Claim]] = {}
    for c in claims:
        if c.measure is None or c.period is None or c.exchange_rate:
            continue
        by_key.setdefault((c.measure, c.period, c.side), []).append(c)
    out: list[tuple[str, list[Claim]]] = []
    for (measure, period, side), group in by_key.items():
        base = "/".join(p for p in (measure, period, side) if p)
        if _rule(measures, group[0]).kind == "position":
            moving = [c for c in group if not c.retrospective]
            out += [(f"{base}/{month}", run) for month, run in _windows(moving)]
        else:
            out.append((base, group))
    return out


def _agreeing(claims: list[Claim], rates: dict[int, Rate] | None) -> list[AgreeingGroup]:
    ranged = []
    for c in claims:
        r = comparable_range(c.value, c.unit, c.qualifier, c.period, rates)
        if r is not None:
            ranged.append((r, c))
    groups: list[AgreeingGroup] = []
    # sorted by scale then low end: a claim can only agree with the latest group (an earlier
    # group closed below some low end <= this one), so the sweep is O(n log n)
    for (scale, low, high), c in sorted(ranged, key=lambda t: (t[0][0], t[0][1], t[0][2], t[1].id)):
        g = groups[-1] if groups else None
        if g is not None and g.scale == scale and low <= g.high:
            g.low, g.high = max(g.low, low), min(g.high, high)
            g.claims.append(c)
        else:
            groups.append(AgreeingGroup(scale, low, high, [c]))
    return groups


def disputes(
    claims: Iterable[Claim],
    label: Labeller = None,
    measures: Mapping[str, MeasureRule] = MEASURE_RULES,
    rates: dict[int, Rate] | None = None,
) -> list[Dispute]:
    """Every dispute among ``claims`` (see the module docstring), each with a one-line
    ``why``; ``label`` names a claim's source (a function, or a mapping of claim id to
    label; default: the citation's outlet or the article id)."""
    out: list[Dispute] = []
    for key, bucket in _buckets(claims, measures):
        groups = _agreeing(bucket, rates)
        scales = {g.scale for g in groups}
        for scale in sorted(scales):
            mine = [g for g in groups if g.scale == scale]
            if len(mine) < 2:
                continue
            mine.sort(key=lambda g: (len(g.claims), -max(c.value for c in g.claims)))
            first = mine[0].claims[0]
            measure, period = first.measure or "", first.period or ""
            did = key if len(scales) == 1 else f"{key}/{scale}"
            why = " vs ".join(_group_text(g, label) for g in mine) + f" for {period}"
            out.append(Dispute(did, measure, period, first.side, mine, why))
    out.sort(key=lambda d: d.id)
    return out


def dispute_of(found: Iterable[Dispute]) -> dict[str, str]:
    """Claim id → the id of the dispute it belongs to (the ``dispute`` field of a figure)."""
    return {c.id: d.id for d in found for c in d.claims}


def _group_text(group: AgreeingGroup, label: Labeller) -> str:
    by_value: dict[str, Counter[str]] = {}
    for c in group.claims:
        by_value.setdefault(stated(c), Counter())[_label(label, c)] += 1
    parts = []
    for value, labels in sorted(by_value.items(), key=lambda kv: -sum(kv[1].values())):
        named = labels.most_common(MAX_LABELS) if len(labels) > MAX_LABELS else list(labels.items())
        names = "; ".join(name if n == 1 else f"{name} ×{n}" for name, n in named)
        if len(labels) > MAX_LABELS:
            names += f"; +{len(labels) - MAX_LABELS} more"
        parts.append(f"{value} ({names})")
    return ", ".join(parts)


def stated(claim: Claim) -> str:
    """A claim's value as a reader would say it: "nearly $5 billion", "1.04 trillion won"."""
    text = _amount(claim.value, claim.unit)
    return f"{claim.qualifier} {text}" if claim.qualifier else text


@lru_cache(maxsize=4096)
def _amount(value: float, unit: str) -> str:
    if unit in ("USD", "KRW"):
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if value >= size:
                num = f"{value / size:,.4f}".rstrip("0").rstrip(".")
                return f"${num} {word}" if unit == "USD" else f"{num} {word} won"
        return f"${value:,.0f}" if unit == "USD" else f"{value:,.0f} won"
    num = f"{value:,.2f}".rstrip("0").rstrip(".")
    return {"percent": f"{num}%", "multiple": f"{num}x"}.get(unit, f"{num} {unit}")


# ---------------------------------------------------------------- trajectory
@dataclass(frozen=True, slots=True)
class Position:
    id: str
    date: str | None
    side: str
    measure: str | None
    value: float
    unit: str
    usd: float | None
    rate_year: int | None
    change_2019: float | None  # percent over the 2019 level, where it applies
    qualifier: str | None
    period: str | None
    source: str
    text: str
    citation: Citation | None


def change_over_2019(
    claim: Claim, measures: Mapping[str, MeasureRule] = MEASURE_RULES, rates: dict[int, Rate] | None = None
) -> float | None:
    """The claim's value as a percent change over the 2019 level, or None."""
    rule = _rule(measures, claim)
    if claim.unit == "percent" and rule.over_2019:
        return round(claim.value, 1)
    if claim.unit == "multiple" and rule.over_2019:
        return round((claim.value - 1) * 100, 1)
    if claim.unit == "KRW":
        return round((claim.value / BASE_2019_KRW - 1) * 100, 1)
    if claim.unit == "USD":
        base = to_usd(BASE_2019_KRW, "KRW", BASE_YEAR, rates)
        if base is not None and base.usd:
            return round((claim.value / base.usd - 1) * 100, 1)
    return None


def trajectory(
    claims: Iterable[Claim],
    measures: Mapping[str, MeasureRule] = MEASURE_RULES,
    rates: dict[int, Rate] | None = None,
) -> list[Position]:
    """Every position (a claim with a side, not an exchange rate, not a retrospective
    mention) in date order, then by side (US, ROK, agreed)."""
    table = load_rates() if rates is None else rates
    out = []
    for c in claims:
        side = c.side
        if side is None or side not in SIDES or c.exchange_rate or c.retrospective:
            continue
        usd = to_usd(c.value, c.unit, c.period, table)
        out.append(
            Position(
                id=c.id,
                date=c.date,
                side=side,
                measure=c.measure,
                value=c.value,
                unit=c.unit,
                usd=usd.usd if usd else None,
                rate_year=usd.rate_year if usd and usd.rate is not None else None,
                change_2019=change_over_2019(c, measures, table),
                qualifier=c.qualifier,
                period=c.period,
                source=c.source,
                text=c.text,
                citation=c.citation,
            )
        )
    out.sort(key=lambda p: (p.date or "9999", SIDES.index(p.side), p.measure or "", p.value, p.id))
    return out


def positions_of(claims: Sequence[Claim], with_dossier: bool = True) -> list[Position]:
    """The trajectory of ``claims`` plus, by default, the dossier's positions."""
    extra = load_dossier_positions() if with_dossier else []
    return trajectory([*claims, *extra])
