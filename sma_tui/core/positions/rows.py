"""Positions as rows (issue 12): every placed figure of a corpus that states one side's
position or the agreed outcome, plus the dossier's cited positions, in date order, with what
the gap chart and ``sma-tui positions`` show. Plain data (no Textual, no Rich)."""

from __future__ import annotations

from dataclasses import dataclass

from ..corpus import Corpus
from .claims import Claim
from .disputes import Position, positions_of, stated


@dataclass(frozen=True, slots=True)
class PositionRow:
    """One point of the gap chart / one row of ``positions``. ``article`` and ``start``
    locate a figure's sentence; a dossier position has ``article`` None and its citation's
    ``url``. ``source`` names the publisher (or the citation's outlet)."""

    id: str
    date: str | None
    side: str
    measure: str | None
    value: float
    unit: str
    usd: float | None
    rate_year: int | None
    change_2019: float | None
    qualifier: str | None
    period: str | None
    stated: str
    source: str
    article: str | None = None
    start: int | None = None
    url: str | None = None
    citation: str | None = None


def position_rows(c: Corpus, with_dossier: bool = True) -> list[PositionRow]:
    """Every position of the corpus's figures (and, by default, the dossier's) in date
    order. Retrospective mentions and exchange-rate asides are left out."""
    placed = [x for x in c.claims().values() if x.side is not None]
    return [_row(c, p) for p in positions_of(placed, with_dossier=with_dossier)]


def _row(c: Corpus, p: Position) -> PositionRow:
    figure = c.figures.get(p.id)
    if p.citation is not None or figure is None:
        cit = p.citation
        label = ", ".join(x for x in (cit.outlet, f"“{cit.title}”", cit.date or "") if x) if cit else None
        return PositionRow(
            p.id, p.date, p.side, p.measure, p.value, p.unit, p.usd, p.rate_year, p.change_2019, p.qualifier,
            p.period, _stated(p), cit.outlet if cit else p.source, url=cit.url if cit else None, citation=label,
        )  # fmt: skip
    article = c.articles.get(figure.article)
    return PositionRow(
        p.id, p.date, p.side, p.measure, p.value, p.unit, p.usd, p.rate_year, p.change_2019, p.qualifier,
        p.period, _stated(p), article.publisher if article else figure.article, article=figure.article,
        start=figure.start, url=article.url if article else None,
    )  # fmt: skip


def _stated(p: Position) -> str:
    return stated(Claim(p.id, p.measure, p.value, p.unit, p.qualifier, p.date, p.side, p.period, p.source))
