"""A small Unicode bar chart of the money on the table, month by month.

One bar per distinct (month, series, value): the U.S. demand, Seoul's 2019 payment as each
source reported it, and Seoul's offers. Figures in USD are drawn to scale; a series stated
in percent (Seoul's offer: "at least 13% over 2019") is written out rather than turned into
a dollar amount the sources never gave. Pure text, so it needs no plotting dependency and
reads the same in a snapshot, over ssh and in a light theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from ...corpus import Corpus
from ...export import format_value
from ..format import MONTHS

SERIES = ("US demand", "Seoul payment", "Seoul offer")
SERIES_CLASS = {s: "chart--" + s.lower().replace(" ", "-") for s in SERIES}
SHORT = {"US demand": "US demand", "Seoul payment": "Seoul paid", "Seoul offer": "offer"}
DATE_WIDTH = 9  # "Nov 2019 "


@dataclass(frozen=True, slots=True)
class Point:
    month: str  # YYYY-MM
    series: str
    value: float
    unit: str
    label: str


def money_points(corpus: Corpus) -> list[Point]:
    """The chart's data: figures whose measure belongs to a chart series, deduplicated."""
    seen: set[tuple[str, str, float, str]] = set()
    points: list[Point] = []
    for f in corpus.figure_list():
        measure = corpus.measures.get(f.measure or "")
        if measure is None or measure.series not in SERIES or not f.date:
            continue
        key = (f.date[:7], measure.series, f.value, f.unit)
        if key in seen:
            continue
        seen.add(key)
        value = format_value(f.value, f.unit)
        if f.unit == "percent" and measure.series == "Seoul offer":
            value = f"+{value} over 2019"
        label = f"{f.qualifier} {value}" if f.qualifier else value
        points.append(Point(f.date[:7], measure.series, f.value, f.unit, label))
    points.sort(key=lambda p: (p.month, SERIES.index(p.series), p.value))
    return points


class MoneyChart(Widget):
    """Renders :func:`money_points` to the widget's width."""

    COMPONENT_CLASSES = {"chart--us-demand", "chart--seoul-payment", "chart--seoul-offer", "chart--axis"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[Point] = []

    def show(self, corpus: Corpus) -> None:
        self.points = money_points(corpus)
        self.refresh(layout=True)

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
        label_width = max(len(p.label) for p in self.points if p.unit == "USD") if top else 0
        room = max(width - DATE_WIDTH - label_width - 2, 3)
        previous = ""
        for p in self.points:
            when = _month(p.month) if p.month != previous else ""
            previous = p.month
            line = Content.styled(f"{when:<{DATE_WIDTH - 1}}│", axis)
            if p.unit == "USD":
                cells = max(1, round(room * p.value / top))
                line = line.append(Content.styled("█" * cells, styles[p.series])).append(f" {p.label}")
            else:
                line = line.append(
                    Content.styled(
                        f"▲ offer {p.label}" if p.series == "Seoul offer" else f"▲ {p.series}: {p.label}",
                        styles[p.series],
                    )
                )
            lines.append(line)
        return Content("\n").join(lines)


def _month(month: str) -> str:
    year, _, mm = month.partition("-")
    try:
        return f"{MONTHS[int(mm) - 1]} {year}"
    except (ValueError, IndexError):
        return month
