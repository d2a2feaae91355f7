"""Claims: placed figures and the dossier's positions, in one shape that
:mod:`sma_tui.core.positions` compares.

A stored figure becomes a :class:`Claim` once :func:`sma_tui.core.placement.place` has said
whose position it states and which year it is about (:func:`claim_of`). The dossier's own
positions (``data/dossier/positions.json``: the U.S. asks, Seoul's offer, the agreed outcome
of the 11th SMA, each with a citation) are read as claims too (:func:`load_dossier_positions`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .money import data_file
from .placement import SIDES, Placement


@dataclass(frozen=True, slots=True)
class Citation:
    outlet: str
    title: str
    date: str | None
    url: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A placed figure (or a dossier position). ``source``: the article id, or
    ``dossier:<id>`` with its ``citation``."""

    id: str
    measure: str | None
    value: float
    unit: str
    qualifier: str | None
    date: str | None  # when it was stated (ISO)
    side: str | None
    period: str | None
    source: str
    text: str = ""
    claimant: str | None = None
    retrospective: bool = False
    exchange_rate: bool = False
    citation: Citation | None = None


class FigureLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def article(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def measure(self) -> str | None: ...
    @property
    def qualifier(self) -> str | None: ...
    @property
    def claimant(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...


def claim_of(figure: FigureLike, placement: Placement) -> Claim:
    """The claim a stored figure makes, once placed."""
    return Claim(
        id=figure.id,
        measure=figure.measure,
        value=figure.value,
        unit=figure.unit,
        qualifier=figure.qualifier,
        date=figure.date,
        side=placement.side,
        period=placement.period,
        source=figure.article,
        text=figure.text,
        claimant=figure.claimant,
        retrospective=placement.retrospective,
        exchange_rate=placement.exchange_rate,
    )


# ------------------------------------------------------------------ dossier
def parse_positions(data: Any) -> list[Claim]:
    """The dossier's positions from the JSON of ``data/dossier/positions.json``;
    ``ValueError`` (one line) on a bad entry."""
    rows = data.get("positions") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise ValueError("positions: expected an object with a 'positions' list")
    out = []
    for i, row in enumerate(rows):
        try:
            src = row["source"]
            if row["side"] not in SIDES:
                raise ValueError(f"side must be one of {', '.join(SIDES)}")
            value = row["value"]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError("value must be a number")
            out.append(
                Claim(
                    id=f"dossier:{row['id']}",
                    measure=str(row["measure"]),
                    value=float(value),
                    unit=str(row["unit"]),
                    qualifier=row.get("qualifier"),
                    date=str(row["date"]),
                    side=row["side"],
                    period=str(row["period"]),
                    source=f"dossier:{row['id']}",
                    text=str(row.get("note", "")),
                    citation=Citation(str(src["outlet"]), str(src["title"]), src.get("date"), str(src["url"])),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"positions: entry {i + 1}: {exc}") from None
    return out


def load_dossier_positions(path: Path | None = None) -> list[Claim]:
    """The bundled dossier positions (``data/dossier/positions.json``)."""
    target = path or data_file("dossier", "positions.json")
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read {target}: {exc}") from None
    return parse_positions(data)
