"""The gap chart on its own screen: every position over time, with the highlighted point
described in full below the chart (what was said, for which year, in dollars and against
2019, and where: the article, or the dossier's citation)."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ...core.corpus import Corpus
from ...core.positions.rows import PositionRow, position_rows
from ...core.safety.sanitize import flat
from ...core.text import format_value
from ..widgets.gap_chart import GapChart
from .base import DrillScreen

SIDE_NAMES = {"US": "U.S. ask", "ROK": "Seoul's offer", "agreed": "agreed outcome"}
INTRO = (
    "Each line is a position, in date order; the shaded band is the gap between the U.S. ask and "
    "Seoul's offer at that point, ┊ the agreed value. t: dollars a year or % over 2019 · enter: open the source"
)


class GapChartScreen(DrillScreen):
    """Positions over time: the U.S. ask, Seoul's offer and the agreed outcome."""

    def __init__(self, corpus: Corpus, trail: tuple[str, ...]) -> None:
        super().__init__(corpus, trail, "Positions over time")
        self.rows = position_rows(corpus)

    def compose_content(self) -> Iterable[Widget]:
        yield Static(Content(INTRO), id="gap-intro")
        yield GapChart(id="gap-chart")
        yield Static(id="gap-detail")

    def on_mount(self) -> None:
        chart = self.query_one(GapChart)
        chart.show(self.rows)
        chart.focus()
        self._describe()

    @on(GapChart.Moved)
    def _moved(self) -> None:
        self._describe()

    def _describe(self) -> None:
        row = self.query_one(GapChart).current()
        self.query_one("#gap-detail", Static).update(describe(row) if row else Content(""))


def describe(row: PositionRow) -> Content:
    """The point in full, on up to three lines (plain Content: stored text is never markup)."""
    head = f"{row.date or 'undated'} · {SIDE_NAMES.get(row.side, row.side)}: {row.stated}"
    facts = []
    if row.period:
        facts.append(f"for {row.period}")
    if row.usd is not None and row.unit != "USD":
        facts.append(f"≈ {format_value(round(row.usd, -6), 'USD')} at the {row.rate_year} average rate")
    if row.change_2019 is not None:
        facts.append(f"{row.change_2019:+.1f}% over 2019")
    where = row.citation or (f"{row.source} ({row.article})" if row.article else row.source)
    lines = [Content.styled(flat(head), "bold"), Content(flat(" · ".join(facts)))]
    lines.append(Content(flat(f"Source: {where}")))
    if row.url and not row.article:
        lines.append(Content.styled(flat(row.url), "dim"))
    return Content("\n").join(lines)
