"""A small Unicode bar chart of the money on the table, month by month.

One bar per distinct (month, series, value): the U.S. demand, Seoul's 2019 payment as each
source reported it, and Seoul's offers. Figures in USD are drawn to scale; a series stated
in percent (Seoul's offer: "at least 13% over 2019") is written out rather than turned into
a dollar amount the sources never gave. Pure text, so it needs no plotting dependency and
reads the same in a snapshot, over ssh and in a light theme.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from ...core.overview import CHART_SERIES, ChartPoint
from ...core.text import format_value
from ..format import MONTHS

SERIES = CHART_SERIES
SERIES_CLASS = {s: "chart--" + s.lower().replace(" ", "-") for s in SERIES}
SHORT = {"US demand": "US demand", "Seoul payment": "Seoul paid", "Seoul offer": "offer"}
DATE_WIDTH = 9  # "Nov 2019 "


class MoneyChart(Widget):
    """Renders the overview's :func:`~sma_tui.core.overview.money_points` to the widget's width."""

    COMPONENT_CLASSES = {"chart--us-demand", "chart--seoul-payment", "chart--seoul-offer", "chart--axis"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[ChartPoint] = []

    def show(self, points: list[ChartPoint]) -> None:
        self.points = points
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """All the lines (legend and points): ``max-height`` then cuts a long history, and
        :meth:`render` keeps its latest months (measuring the render would feed the cut back)."""
        return 1 + len(self.points) if self.points else 1

    def render(self) -> Content:
        if not self.points:
            return Content("No money figures to chart.")
        width = max(self.content_size.width, 20)
        styles = {s: self.get_visual_style(c, partial=True) for s, c in SERIES_CLASS.items()}
        axis = self.get_visual_style("chart--axis", partial=True)
        legend = Content(" ").join(Content.styled(f"■ {s}", styles[s]) for s in SERIES)
        if legend.cell_length > width:
            legend = Content(" ").join(Content.styled(f"■ {SHORT[s]}", styles[s]) for s in SERIES)
        lines = [legend]
        top = max((p.value for p in self.points if p.unit == "USD"), default=1.0) or 1.0
        label_width = max(len(label(p)) for p in self.points if p.unit == "USD") if top else 0
        room = max(width - DATE_WIDTH - label_width - 2, 3)
        previous = ""
        for p in self.points:
            when = _month(p.month) if p.month != previous else ""
            previous = p.month
            line = Content.styled(f"{when:<{DATE_WIDTH - 1}}│", axis)
            if p.unit == "USD":
                cells = max(1, round(room * p.value / top))
                line = line.append(Content.styled("█" * cells, styles[p.series])).append(f" {label(p)}")
            else:
                line = line.append(
                    Content.styled(
                        f"▲ offer {label(p)}" if p.series == "Seoul offer" else f"▲ {p.series}: {label(p)}",
                        styles[p.series],
                    )
                )
            lines.append(line)
        height = self.content_size.height  # the CSS caps it (max-height) on a long history
        if 2 < height < len(lines):  # keep the legend and the latest months
            hidden = len(lines) - height + 1
            lines = [lines[0], Content.styled(f"⋮ {hidden} earlier", axis), *lines[hidden + 1 :]]
        return Content("\n").join(lines)


def label(p: ChartPoint) -> str:
    """``$5 billion``, ``about $1 billion``, ``+13% over 2019``: what a bar is labelled."""
    value = format_value(p.value, p.unit)
    if p.unit == "percent" and p.series == "Seoul offer":
        value = f"+{value} over 2019"
    return f"{p.qualifier} {value}" if p.qualifier else value


def _month(month: str) -> str:
    year, _, mm = month.partition("-")
    try:
        return f"{MONTHS[int(mm) - 1]} {year}"
    except (ValueError, IndexError):
        return month
