"""Positions over time (issue 12): every placed figure that states one side's position or
the agreed outcome, plus the dossier's cited positions, in date order. The CLI's
``positions`` command and the TUI's gap chart both read these rows."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..core.corpus import Corpus
from ..core.positions.rows import PositionRow, position_rows

__all__ = ["COLUMNS", "PositionRow", "as_dicts", "position_rows", "rows_of"]

COLUMNS = [
    "date",
    "side",
    "measure",
    "value",
    "unit",
    "usd",
    "change_2019",
    "qualifier",
    "period",
    "stated",
    "source",
    "url",
]
"""The columns of ``positions`` in CSV and Markdown, in order."""


def rows_of(c: Corpus) -> list[PositionRow]:
    """Every position of ``c`` and of the dossier, in date order."""
    return position_rows(c)


def as_dicts(rows: list[PositionRow]) -> list[dict[str, Any]]:
    """The rows as ``positions --json`` prints them."""
    return [asdict(r) for r in rows]
