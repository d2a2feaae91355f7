"""The three panes of the main screen: Timeline, Actors and Figures.

Each pane is filled by :meth:`show` from the :class:`~sma_tui.core.overview.Overview` (which
may come before the corpus has loaded), and posts an ``Open*`` message when a row is
chosen. A one-line detail under the list says more about the highlighted row than the
columns have room for.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...core.overview import GroupRow, Overview
from ...core.safety.sanitize import flat
from ...core.text import fold, format_value, plural
from ..format import date_range, sources_text
from ..messages import OpenActor, OpenEvent, OpenFigureGroup
from .gap_chart import GapChart
from .lists import Column, Row, SmaOptionList, SmaTable

TIMELINE_COLUMNS = [
    Column("dates", "Dates", 14, 17, 1),
    Column("round", "#", 1),
    Column("title", "Event", 12, None, 4),
    Column("quotes", "Q", 2),
    Column("place", "Place", 8, 16, 1, hide_below=70),
]
ACTOR_COLUMNS = [Column("name", "Name", 14, None, 3), Column("side", "Side", 4), Column("quotes", "Q", 3)]
EMPTY_STORE = (
    "The store has no records yet. Add news articles with  sma-tui add PATH|URL  "
    "or build the bundled corpus with  sma-tui build --force."
)
KIND_MARK = {"meeting": "M", "milestone": "◆", "event": "·"}
"""The timeline's ``#`` column: a round's number, else the kind of event."""


def _kind_order(kind: str, number: int | None) -> tuple[int, int]:
    return (0, number or 0) if kind == "round" else (1 + list(KIND_MARK).index(kind) if kind in KIND_MARK else 9, 0)


def kind_mark(kind: str, number: int | None) -> str:
    """``3`` for round 3, ``M`` a meeting, ``◆`` a milestone, ``·`` any other event."""
    return str(number) if kind == "round" and number is not None else KIND_MARK.get(kind, "?")


class Pane(Vertical):
    """A titled, bordered pane whose list takes the focus for ``1``/``2``/``3``."""

    TITLE = ""

    def __init__(self, overview: Overview, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="pane")
        self.border_title = f"{key} {self.TITLE}"
        self.overview = overview

    def on_mount(self) -> None:
        self.title_with_key()
        self.show(self.overview)

    def title_with_key(self) -> None:
        """``2 Actors``, or the key the user's keymap gives the pane (``a Actors``)."""
        binding_id = f"sma.focus-{self.id}"
        keys = getattr(self.app, "keymap", {}).get(binding_id)
        if keys:
            key = keys.split(",")[0].strip()
            self.border_title = f"{self.app.get_key_display(Binding(key, ''))} {self.TITLE}"

    def focus_list(self) -> None:
        self.query_one(".pane-list").focus()

    def show(self, overview: Overview) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def show_again(self, overview: Overview) -> None:
        """Refill with a newer overview, the cursor staying on the record it was on."""
        key = self.highlighted_key()
        self.show(overview)
        if key is not None:
            self.highlight_key(key)

    def highlighted_key(self) -> str | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def highlight_key(self, key: str) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_detail(self, text: str | Content) -> None:
        self.query_one(".detail", Static).update(text)

    EMPTY = EMPTY_STORE

    def show_empty(self, empty: bool) -> None:
        """An empty store: say how to fill it instead of blank panes."""
        self.set_class(empty, "-empty")
        if empty:
            self.set_detail(Content(self.EMPTY))


class TablePane(Pane):
    """A pane holding one :class:`SmaTable` keyed by record id, and a detail line."""

    def compose(self) -> ComposeResult:
        table = SmaTable(id=f"{self.id}-table", classes="pane-list")
        table.export_view = self.id
        yield table
        yield Static(classes="detail")

    def detail(self, key: str) -> Content | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def highlighted_key(self) -> str | None:
        return self.query_one(SmaTable).cursor_key()

    def highlight_key(self, key: str) -> None:
        self.query_one(SmaTable).move_to_key(key)

    def opener(self, key: str) -> Message:  # pragma: no cover - overridden
        raise NotImplementedError

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value and (text := self.detail(event.row_key.value)) is not None:
            self.set_detail(text)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.opener(event.row_key.value))


def reported(statements: int, reports: int) -> str:
    """`` · 3 statements, reported ×5`` when some statement has several reports."""
    if reports <= statements:
        return ""
    return f" · {statements} statement{'s' if statements != 1 else ''}, reported ×{reports}"


class TimelinePane(TablePane):
    TITLE = "Timeline"

    def show(self, overview: Overview) -> None:
        self.overview = overview
        table = self.query_one(SmaTable)
        rows = [
            Row(
                e.id,
                (date_range(e.start, e.end), kind_mark(e.kind, e.number), e.title, str(e.quotes), e.place or "—"),
                (e.start, _kind_order(e.kind, e.number), fold(e.title), e.quotes, fold(e.place)),
            )
            for e in overview.events
        ]
        table.show_rows(TIMELINE_COLUMNS, rows)
        self.show_empty(not rows)
        marks = KIND_MARK
        self.border_subtitle = f"{overview.rounds} rounds · {marks['meeting']} meeting · {marks['milestone']} milestone"

    def detail(self, key: str) -> Content | None:
        e = self.overview.event(key)
        if e is None:
            return None
        kind = "" if e.kind == "round" else f"{e.kind.capitalize()}: "
        return Content(kind + e.title + (f" — {e.place}" if e.place else "") + reported(e.quotes, e.reports))

    def opener(self, key: str) -> Message:
        return OpenEvent(key)


class ActorsPane(TablePane):
    TITLE = "Actors"
    EMPTY = "No actors yet: they come with the articles' quotes."

    def show(self, overview: Overview) -> None:
        self.overview = overview
        table = self.query_one(SmaTable)
        rows = [
            Row(
                a.id,
                (
                    table.side_text(a.name, a.side),
                    table.side_text(a.side + ("?" if a.side_guessed else ""), a.side),
                    str(a.quotes),
                ),
                (fold(a.name), a.side, -a.quotes),
            )
            for a in overview.actors
        ]
        table.show_rows(ACTOR_COLUMNS, rows)
        self.show_empty(not rows)
        self.border_subtitle = plural(len(overview.actors), "actor")

    def detail(self, key: str) -> Content | None:
        a = self.overview.actor(key)
        if a is None:
            return None
        org = f" — {a.organisation}" if a.organisation and a.organisation not in a.role else ""
        return Content(f"{a.name}: {a.role or a.kind}{org}" + reported(a.quotes, a.reports))

    def opener(self, key: str) -> Message:
        return OpenActor(key)


class FiguresPane(Pane):
    """Figure groups (disputes first, flagged, with why) above the gap chart of positions."""

    TITLE = "Figures"
    COMPONENT_CLASSES = {"figures--conflict", "figures--source"}

    def compose(self) -> ComposeResult:
        yield SmaOptionList(id="figure-groups", classes="pane-list")
        yield GapChart(id="gap-chart")

    def show(self, overview: Overview) -> None:
        self.overview = overview
        groups = overview.groups
        options = self.query_one(SmaOptionList)
        options.clear_options()
        options.add_options([Option(self.prompt(g), id=g.measure) for g in groups])
        if not groups:
            options.add_option(Option(Content("No figures yet: they come with the articles."), disabled=True))
        if groups:
            options.highlighted = 0
        disputes = overview.n_disputes
        self.border_subtitle = (
            f"{len(groups)} measures · {disputes} in dispute" if disputes else f"{len(groups)} measures"
        )
        self.query_one(GapChart).show(overview.positions)
        self.set_class(not groups, "-empty")

    def highlighted_key(self) -> str | None:
        options = self.query_one(SmaOptionList)
        return options.highlighted_option.id if options.highlighted_option else None

    def highlight_key(self, key: str) -> None:
        options = self.query_one(SmaOptionList)
        try:
            options.highlighted = options.get_option_index(key)
        except OptionDoesNotExist:  # that measure has no figures any more
            pass

    def prompt(self, group: GroupRow) -> Content:
        source = self.get_visual_style("figures--source", partial=True)
        head = Content.styled(group.label, "bold")
        warn = self.get_visual_style("figures--conflict", partial=True)
        if group.conflict:
            head = Content.styled("⚠ sources disagree: ", warn) + head
        lines = [head]
        for why in group.disputes:  # "$990 million (Breitbart, quoting Trump) vs $870 million (Yonhap ×2) for 2019"
            lines.append(Content.styled(f"  {flat(why)}", warn))
        for v in group.values:
            value = Content(f"  {format_value(v.value, v.unit)}")
            if group.conflict or len(group.values) > 1:
                value += Content.styled(f" — {sources_text(v.sources, v.more_publishers)}", source)
            else:
                value += Content.styled(f" — {v.figures} source{'s' if v.figures != 1 else ''}", source)
            lines.append(value)
        return Content("\n").join(lines)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenFigureGroup(event.option.id))
