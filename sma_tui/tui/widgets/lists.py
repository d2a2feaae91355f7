"""DataTable and OptionList with vim-style aliases and remappable binding ids."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable, OptionList

from ...core.safety.sanitize import clean
from ...core.text import squash
from .. import bindings

SIDE_CLASSES = {"US": "side--us", "ROK": "side--rok"}


class SmaTable(DataTable[Any]):
    """A row-cursor table: ``j``/``k``, ``g``/``G``, ``enter`` opens the row.

    Also the home of the component classes for side colours and search matches, so
    that they are styled in ``widgets.tcss`` and follow the theme.
    """

    COMPONENT_CLASSES = {"side--us", "side--rok", "side--other", "match"}

    BINDINGS = bindings.TABLE

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes=classes)

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

    def side_text(self, label: str, side: str | None) -> Text:
        return Text(clean(label), style=self.side_style(side), no_wrap=True, overflow="ellipsis")


class SmaOptionList(OptionList):
    """An option list with the same keys as :class:`SmaTable`."""

    BINDINGS = bindings.OPTIONS


def cell(text: str, width: int | None = None, style: Style | str = "") -> Text:
    """A plain-text table cell (never parsed as markup), cut to ``width`` with an ellipsis."""
    t = Text(clean(squash(text)), style=style, no_wrap=True, overflow="ellipsis", end="")
    if width is not None and t.cell_len > width:
        t.truncate(width, overflow="ellipsis")
    return t
