"""F1 / ``?``: every key binding of the app, as currently mapped (``App.set_keymap``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from ...paths import keymap_path
from .. import bindings
from ..widgets.lists import Column, Row, SmaTable
from ..widgets.status import TooSmall
from .base import SmaModal

INTRO = (
    "sma-tui — who said what, when, in which round of the 2019–2021 U.S.–South Korea SMA talks.\n"
    "Drill down with enter, come back with escape. Search quotes with /, jump anywhere with ctrl+p.\n"
    'Remap any key by its binding id in {keymap}, e.g. "sma.focus-actors" = "a".'
)


def binding_rows(
    app_keymap: dict[str, str],
    sections: Iterable[tuple[str, Iterable[BindingType]]],
    key_display: Callable[[Binding], str],
) -> list[tuple[str, str, str, str]]:
    """(where, keys, description, id) for every binding with an id, keymap applied."""
    rows: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for where, listed in sections:
        for b in listed:
            if not isinstance(b, Binding) or not b.id or (where, b.id) in seen:
                continue
            seen.add((where, b.id))
            keys = app_keymap.get(b.id, b.key)
            shown = ", ".join(key_display(Binding(k.strip(), b.action)) for k in keys.split(","))
            rows.append((where, shown, b.tooltip or b.description or b.action, b.id))
    return rows


HELP_COLUMNS = [
    Column("where", "Where", 9, 12, 1),
    Column("keys", "Keys", 9, 18, 1),
    Column("action", "Action", 16, None, 4),
    Column("id", "Binding id", 18, 24, 1),
]
"""The binding id always shows: remapping depends on it."""


class HelpScreen(SmaModal):
    BINDINGS = bindings.HELP

    def __init__(self, keymap: Mapping[str, str]) -> None:
        """``keymap``: the user's remapping in force (binding id -> keys)."""
        super().__init__()
        self.keymap = dict(keymap)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "escape closes"
            yield Static(INTRO.format(keymap=keymap_path()), id="help-intro", markup=False)
            yield SmaTable(id="help-table")
        yield TooSmall()

    def on_mount(self) -> None:
        table = self.query_one(SmaTable)
        rows = binding_rows(self.keymap, bindings.SECTIONS, self.app.get_key_display)
        table.show_rows(HELP_COLUMNS, [Row(f"{r[0]}:{r[3]}", r) for r in rows])
        table.focus()
