"""The gap chart: the U.S. ask and Seoul's offer over time on one value axis.

One line per position, in date order (time runs down). On each line the shaded band is
the gap between where the U.S. ask and Seoul's offer stood after that position; the
line's own point is its side's marker (● U.S., ▲ Seoul, ◆ agreed); the agreed value is a
dotted rule (┊) down the whole chart. ``t`` toggles the axis between dollars a year and
percent over 2019; ``up``/``down`` (``k``/``j``) select a point and ``enter`` opens it
(the article at the figure's sentence, or the dossier position's citation).

Pure text (Content), so it reads the same in a snapshot, over ssh and in a light theme;
every label from stored text is plain Content, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from ...core.positions.gap import (
    MODES,
    GapPoint,
    axis_range,
    compact_label,
    gap_points,
    nice_ticks,
    point_label,
    short_value,
    spread,
)
from ...core.positions.rows import PositionRow
from ...core.safety.sanitize import flat
from .. import bindings
from ..format import MONTHS

MARKERS = {"US": "●", "ROK": "▲", "agreed": "◆"}
SIDE_CLASS = {"US": "gap--us", "ROK": "gap--rok", "agreed": "gap--agreed"}
MODE_TITLE = {"usd": "$ a year", "pct": "% over 2019"}
DATE_WIDTH = 9  # "Nov 2019 "
MIN_PLOT = 12
COMPACT_BELOW = 60  # narrower: "~$5bn" rather than "nearly $5 billion"
HEAD_LINES = 1  # the legend
FOOT_LINES = 1  # the axis


class GapChart(Widget, can_focus=True):
    """Renders :class:`~sma_tui.core.positions.rows.PositionRow` points to its size."""

    BINDINGS = bindings.GAP_CHART
    COMPONENT_CLASSES = {"gap--us", "gap--rok", "gap--agreed", "gap--band", "gap--axis", "gap--selected"}

    mode: reactive[str] = reactive("usd")
    selected: reactive[int] = reactive(0)

    @dataclass
    class PointChosen(Message):
        """Enter on a point: open its source."""

        row: PositionRow

    class Moved(Message):
        """The selected point changed (the screen describes it)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[PositionRow] = []
        self.points: list[GapPoint] = []
        self.skipped = 0
        self._top = 0
        self._deal = 0  # the first agreed point
        self._label_cache: tuple[tuple[str, bool, int] | None, list[str]] = (None, [])
        self._display: list[tuple[int, bool]] = []  # (point index, is a spacer line) per line

    # ------------------------------------------------------------------ data
    def show(self, rows: list[PositionRow]) -> None:
        self.rows = list(rows)
        self._recompute()

    def _recompute(self) -> None:
        chosen = self.current()
        self.points, self.skipped = gap_points(self.rows, self.mode)
        self._label_cache = (None, [])
        agreed = [i for i, p in enumerate(self.points) if p.row.side == "agreed"]
        self._deal = agreed[0] if agreed else len(self.points)
        ids = [p.row.id for p in self.points]  # the latest point first: where the talks ended
        self.selected = ids.index(chosen.id) if chosen is not None and chosen.id in ids else len(ids) - 1
        self.refresh(layout=True)

    def current(self) -> PositionRow | None:
        if 0 <= self.selected < len(self.points):
            return self.points[self.selected].row
        return None

    def watch_mode(self) -> None:
        self._recompute()

    def watch_selected(self) -> None:
        self.refresh()
        self.post_message(self.Moved())

    # --------------------------------------------------------------- actions
    def action_toggle_mode(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]

    def action_move(self, step: int) -> None:
        if self.points:
            self.selected = max(0, min(len(self.points) - 1, self.selected + step))

    def action_choose(self) -> None:
        row = self.current()
        if row is not None:
            self.post_message(self.PointChosen(row))

    def on_click(self, event: events.Click) -> None:
        at = event.y - HEAD_LINES + self._top
        if HEAD_LINES <= event.y and 0 <= at < len(self._display):
            self.selected = self._display[at][0]
            if event.chain == 2:
                self.action_choose()

    # ---------------------------------------------------------------- render
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return HEAD_LINES + max(len(self.points), 1) + FOOT_LINES

    def render(self) -> Content:
        width = max(self.content_size.width, 30)
        if not self.points:
            return Content("No positions to chart." if not self.rows else "No position has a value on this axis.")
        labels = self._labels(width < COMPACT_BELOW)
        label_width = min(max(len(t) for t in labels) + 1, max(width - DATE_WIDTH - MIN_PLOT - 2, 8))
        plot = max(width - DATE_WIDTH - 1 - label_width, MIN_PLOT)
        low, high = axis_range(self.points)
        scale = _Scale(low, high, plot)
        agreed = [scale.cell(p.x) for p in self.points if p.row.side == "agreed" and p.row.period != "2020"]
        rule = agreed[-1] if agreed else None
        rows = max(self.content_size.height - HEAD_LINES - FOOT_LINES, 1)
        self._display = [
            line
            for i, blank in enumerate(spread([p.row.date for p in self.points], rows))
            for line in [(i, False), *[(i, True)] * blank]
        ]
        self._keep_in_view(rows)
        lines = [self._legend(width)]
        for i, spacer in self._display[self._top : self._top + rows]:
            if spacer:
                lines.append(self._spacer(i, scale, rule))
            else:
                lines.append(self._line(i, scale, rule, labels[i], label_width))
        lines.append(self._axis(scale))
        return Content("\n").join(lines)

    def _labels(self, compact: bool) -> list[str]:
        """Every point's label, computed once per data, mode and form (renders are frequent)."""
        key = (self.mode, compact, len(self.points))
        if self._label_cache[0] != key:
            label = compact_label if compact else point_label
            self._label_cache = (key, [flat(label(p, self.mode)) for p in self.points])
        return self._label_cache[1]

    def _keep_in_view(self, rows: int) -> None:
        at = self._display.index((self.selected, False)) if (self.selected, False) in self._display else 0
        if at < self._top:
            self._top = at
        elif at >= self._top + rows:
            self._top = at - rows + 1
        self._top = max(0, min(self._top, max(len(self._display) - rows, 0)))

    def _style(self, name: str) -> Style:
        return self.get_visual_style(name, partial=True)

    def _legend(self, width: int) -> Content:
        parts = [Content.styled(f"{MARKERS[s]} {name}", self._style(SIDE_CLASS[s]))
                 for s, name in (("US", "U.S. ask"), ("ROK", "Seoul offer"), ("agreed", "agreed"))]  # fmt: skip
        legend = Content(" ").join(parts)
        mode = Content.styled(f"  t: {MODE_TITLE[self.mode]}", self._style("gap--axis"))
        if self.skipped:
            mode += Content.styled(f" · {self.skipped} not charted", self._style("gap--axis"))
        out = legend + mode
        return out if out.cell_length <= width else legend

    def _plot(self, i: int, scale: _Scale, rule: int | None, own: bool) -> Content:
        """The plot cells of a line: the gap band, the agreed rule, where each side stood and,
        on a point's own line, its marker."""
        cells = [" "] * scale.width
        styles: list[Style | None] = [None] * scale.width
        p = self.points[i]
        talks = i < self._deal  # once agreed, the gap is closed
        if talks and p.us is not None and p.rok is not None:
            a, b = sorted((scale.cell(p.us), scale.cell(p.rok)))
            for c in range(a, b + 1):
                cells[c], styles[c] = "░", self._style("gap--band")
        if rule is not None and cells[rule] == " ":
            cells[rule], styles[rule] = "┊", self._style("gap--agreed")
        for side, at in (("US", p.us), ("ROK", p.rok)):
            if talks and at is not None and (side != p.row.side or not own):
                cells[scale.cell(at)], styles[scale.cell(at)] = MARKERS[side], self._style("gap--axis")
        if own:
            here = scale.cell(p.x)
            style = self._style(SIDE_CLASS.get(p.row.side, "gap--axis")) + Style(bold=True)
            cells[here], styles[here] = MARKERS.get(p.row.side, "·"), style
        pairs = zip(cells, styles, strict=True)
        return Content("").join(Content.styled(ch, st) if st else Content(ch) for ch, st in pairs)

    def _spacer(self, i: int, scale: _Scale, rule: int | None) -> Content:
        head = Content.styled(f"{'':<{DATE_WIDTH - 1}}│", self._style("gap--axis"))
        return head + self._plot(i, scale, rule, own=False)

    def _line(self, i: int, scale: _Scale, rule: int | None, label: str, label_width: int) -> Content:
        p = self.points[i]
        previous = self.points[i - 1].row.date if i > 0 else None
        first = not self._display or self._display[self._top] == (i, False)
        when = _month(p.row.date) if first or _month(previous) != _month(p.row.date) else ""
        side_style = self._style(SIDE_CLASS.get(p.row.side, "gap--axis"))
        text = label if len(label) <= label_width - 1 else label[: max(label_width - 2, 1)] + "…"
        head = Content.styled(f"{when:<{DATE_WIDTH - 1}}│", self._style("gap--axis"))
        line = head + self._plot(i, scale, rule, own=True) + Content(" ") + Content.styled(text, side_style)
        if i == self.selected and self.has_focus:
            line = line.stylize(self._style("gap--selected"))
        elif i == self.selected:
            line = line.stylize(Style(underline=True))
        return line

    def _axis(self, scale: _Scale) -> Content:
        """``└$0     $1bn     $2bn ...``: round ticks as many as fit, the ends always."""
        ticks = [" "] * scale.width
        marks = [(0, scale.low), (scale.width - 1, scale.high)]
        marks += [(scale.cell(v), v) for v in nice_ticks(scale.low, scale.high, max(scale.width // 10, 1))]
        for at, value in marks:
            text = short_value(value, self.mode)
            start = max(0, min(at - len(text) // 2, scale.width - len(text)))
            if at == 0:
                start = 0
            if all(ch == " " for ch in ticks[max(0, start - 1) : start + len(text) + 1]):
                ticks[start : start + len(text)] = list(text)
        return Content.styled(" " * (DATE_WIDTH - 1) + "└" + "".join(ticks), self._style("gap--axis"))


@dataclass(frozen=True, slots=True)
class _Scale:
    low: float
    high: float
    width: int

    def cell(self, x: float) -> int:
        return max(0, min(self.width - 1, round((x - self.low) / (self.high - self.low) * (self.width - 1))))


def _month(day: str | None) -> str:
    if not day:
        return "undated"
    year, _, rest = day.partition("-")
    try:
        return f"{MONTHS[int(rest[:2]) - 1]} {year}"
    except (ValueError, IndexError):
        return day[:8]
