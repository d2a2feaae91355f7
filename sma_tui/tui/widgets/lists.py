"""DataTable and OptionList with vim-style aliases and remappable binding ids.

:class:`SmaTable` keeps its rows as data (:class:`Row`) and draws them itself, so that it can
share the width out between its columns whenever it is resized (each column between its
minimum and maximum, the rest to the columns with a weight, cut with an ellipsis), sort by
any column (``s`` next column, ``S`` reverse) and filter by typing (``f``), the cursor staying
on the record it was on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import on
from textual.events import Resize
from textual.widgets import DataTable, Input, OptionList

from ...core.safety.sanitize import clean
from ...core.text import fold, squash
from .. import bindings

SIDE_CLASSES = {"US": "side--us", "ROK": "side--rok"}
CELL_PADDING = 2  # DataTable's cell padding, one each side


@dataclass(frozen=True, slots=True)
class Column:
    """A column that takes at least ``min`` cells, at most ``max``; the width left over goes
    to the columns with a ``weight`` (in proportion)."""

    key: str
    label: str
    min: int
    max: int | None = None
    weight: int = 0
    hide_below: int = 0
    """Left out when the table is narrower than this (its text is in the detail line)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One record: its key, a full cell per column (a string or styled Text), and optionally
    the values to sort by (else the cells' text)."""

    key: str
    cells: tuple[str | Text, ...]
    sort: tuple[Any, ...] | None = None

    def text(self) -> str:
        return " ".join(c if isinstance(c, str) else c.plain for c in self.cells)


Render = Callable[[Row, int, int], Text]
"""``render(row, column_index, width)``: a cell drawn for ``width`` cells."""


def share(total: int, columns: Sequence[Column]) -> list[int]:
    """Widths for ``columns`` in ``total`` cells (padding included): minimums first, then the
    rest to the weighted columns up to their maximums. Never below a column's minimum."""
    widths = [c.min for c in columns]
    room = total - sum(widths) - CELL_PADDING * len(columns)
    growing = [i for i, c in enumerate(columns) if c.weight and (c.max is None or c.max > c.min)]
    while room > 0 and growing:
        weight = sum(columns[i].weight for i in growing)
        given = 0
        for i in list(growing):
            c = columns[i]
            extra = max(1, room * c.weight // weight)
            if c.max is not None:
                extra = min(extra, c.max - widths[i])
            extra = min(extra, room - given)
            widths[i] += extra
            given += extra
            if c.max is not None and widths[i] >= c.max:
                growing.remove(i)
        room -= given
        if not given:
            break
    return widths


class SmaTable(DataTable[Any]):
    """A row-cursor table: ``j``/``k``, ``g``/``G``, ``enter`` opens the row, ``s``/``S`` sort,
    ``f`` filters.

    Also the home of the component classes for side colours and search matches, so
    that they are styled in ``widgets.tcss`` and follow the theme.
    """

    COMPONENT_CLASSES = {"side--us", "side--rok", "side--other", "match"}

    BINDINGS = [*bindings.TABLE, *bindings.TABLE_TOOLS]

    def __init__(self, *, id: str | None = None, classes: str | None = None, sortable: bool = True) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes=classes)
        self.layout_columns: list[Column] = []
        self.rows_data: list[Row] = []
        self.render_cell: Render | None = None
        self.text_of: Callable[[Row], str] | None = None
        self.sort_of: Callable[[Row, int], Any] | None = None
        self.sortable = sortable
        self.sort_column: int | None = None
        self.sort_reverse = False
        self.filter_text = ""
        self.export_view: str | None = None
        """What ``ctrl+s`` exports from this table (timeline, actors, articles, quotes, figures)."""
        self.shown: list[Row] = []
        """The rows drawn, filtered and sorted, in table order."""
        self._drawn_width = 0
        self.drawn = asyncio.Event()
        """Set once the rows have been drawn at the table's real width."""

    # ------------------------------------------------------------------ data
    def show_rows(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        render: Render | None = None,
        text: Callable[[Row], str] | None = None,
        sort: Callable[[Row, int], Any] | None = None,
    ) -> None:
        """Replace the columns and rows (one ``clear`` + one ``add_rows``: cheap even for
        thousands). With ``render``, rows may carry no cells: then ``text(row)`` is what the
        filter looks in and ``sort(row, column)`` what a column sorts by, asked only when
        the user filters or sorts."""
        self.layout_columns = list(columns)
        self.rows_data = list(rows)
        self.render_cell = render
        self.text_of = text
        self.sort_of = sort
        self.redraw()

    def redraw(self) -> None:
        total = self._width()
        if not total:  # not laid out yet: the first Resize draws (one fill, at the real width)
            return
        key = self.cursor_key()
        self._drawn_width = total
        visible = [i for i, c in enumerate(self.layout_columns) if total >= c.hide_below]
        widths = share(total, [self.layout_columns[i] for i in visible])
        self.shown = self._visible_rows()
        self.clear(columns=True)
        for i, width in zip(visible, widths, strict=True):
            column = self.layout_columns[i]
            label = column.label
            if self.sort_column == i:
                label = f"{label} {'▼' if self.sort_reverse else '▲'}"
            self.add_column(label, key=column.key, width=width)
        for row in self.shown:
            self.add_row(*(self._cell(row, i, w) for i, w in zip(visible, widths, strict=True)), key=row.key)
        if key is not None:
            self.move_to_key(key)
        self.drawn.set()

    def _width(self) -> int:
        """The width the columns share: the table's own less its scrollbar gutter (0 before
        the first layout), so that a scrollbar coming or going does not redraw the rows."""
        return max(self.size.width - self.styles.scrollbar_size_vertical, 0)

    def _cell(self, row: Row, index: int, width: int) -> Text:
        if self.render_cell is not None:
            return self.render_cell(row, index, width)
        value = row.cells[index]
        if isinstance(value, str):
            return cell(value, width)
        t = value.copy()
        t.no_wrap, t.overflow, t.end = True, "ellipsis", ""
        t.truncate(width, overflow="ellipsis")
        return t

    def _visible_rows(self) -> list[Row]:
        rows = self.rows_data
        if self.filter_text:
            words = fold(self.filter_text).split()
            text = self.text_of or Row.text
            rows = [r for r in rows if all(w in fold(text(r)) for w in words)]
        if self.sort_column is not None:
            i = self.sort_column

            def sort_key(r: Row) -> Any:
                if self.sort_of is not None:
                    return self.sort_of(r, i)
                v = r.sort[i] if r.sort is not None else None
                if v is None:
                    c = r.cells[i]
                    v = fold(c if isinstance(c, str) else c.plain)
                return v

            rows = sorted(rows, key=sort_key, reverse=self.sort_reverse)
        return list(rows)

    @on(Resize)
    def _resized(self) -> None:
        if self.layout_columns and self._width() != self._drawn_width:
            self.redraw()

    # ------------------------------------------------------------------ sort / filter
    def action_sort_next(self) -> None:
        """Sort by the next column (none → first → … → last → none)."""
        if not self.layout_columns or not self.sortable:
            return
        n = len(self.layout_columns)
        self.sort_column = (
            0 if self.sort_column is None else (self.sort_column + 1 if self.sort_column + 1 < n else None)
        )
        self.sort_reverse = False
        self.redraw()
        self.notify(self.sort_label(), timeout=2)

    def action_sort_reverse(self) -> None:
        if self.sort_column is None:
            self.action_sort_next()
            return
        self.sort_reverse = not self.sort_reverse
        self.redraw()
        self.notify(self.sort_label(), timeout=2)

    def sort_label(self) -> str:
        if self.sort_column is None:
            return "Sorted in the original order"
        way = "descending" if self.sort_reverse else "ascending"
        return f"Sorted by {self.layout_columns[self.sort_column].label}, {way} (s: next column, S: reverse)"

    def action_filter(self) -> None:
        """Show the filter box above the table (or focus it)."""
        bar = self._filter_bar()
        if bar is None:
            bar = FilterBar(self)
            self.parent.mount(bar, before=self)  # type: ignore[union-attr]
        bar.focus()

    def _filter_bar(self) -> FilterBar | None:
        parent = self.parent
        if parent is None:
            return None
        for child in parent.children:
            if isinstance(child, FilterBar) and child.table is self:
                return child
        return None

    def set_filter(self, text: str) -> None:
        if text != self.filter_text:
            self.filter_text = text
            self.redraw()

    # ------------------------------------------------------------------ cursor
    def cursor_key(self) -> str | None:
        """The key of the highlighted row, or ``None`` when the table is empty."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def move_to_key(self, key: str) -> None:
        """Put the cursor on the row with ``key`` (no-op if it is not there)."""
        try:
            self.move_cursor(row=self.get_row_index(key), animate=False)
        except Exception:  # RowDoesNotExist: the row was filtered away
            pass

    def side_style(self, side: str | None) -> Style:
        return self.get_component_rich_style(SIDE_CLASSES.get(side or "", "side--other"), partial=True)

    def side_text(self, label: str, side: str | None, width: int | None = None) -> Text:
        t = Text(squash(clean(label)), style=self.side_style(side), no_wrap=True, overflow="ellipsis", end="")
        if width is not None and t.cell_len > width:
            t.truncate(width, overflow="ellipsis")
        return t


class FilterBar(Input):
    """Filters its table as you type (every word must occur in the row); ``enter`` goes back
    to the table, ``escape`` clears the filter and closes the box."""

    BINDINGS = bindings.FILTER

    def __init__(self, table: SmaTable) -> None:
        super().__init__(
            table.filter_text, placeholder="Filter rows: type words; enter: back to the list, escape: clear"
        )
        self.table = table
        self.add_class("filter-bar")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.table.set_filter(event.value)
        shown, total = len(self.table.shown), len(self.table.rows_data)
        self.border_title = f"{shown} of {total}"

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def action_close(self) -> None:
        self.table.set_filter("")
        self.table.focus()
        self.remove()


class SmaOptionList(OptionList):
    """An option list with the same keys as :class:`SmaTable`."""

    BINDINGS = bindings.OPTIONS


def cell(text: str, width: int | None = None, style: Style | str = "") -> Text:
    """A plain-text table cell (never parsed as markup), cut to ``width`` with an ellipsis."""
    t = Text(clean(squash(text)), style=style, no_wrap=True, overflow="ellipsis", end="")
    if width is not None and t.cell_len > width:
        t.truncate(width, overflow="ellipsis")
    return t
