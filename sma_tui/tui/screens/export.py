"""The export prompt: a file name (its extension picks CSV, JSON or Markdown), prefilled
with a name for the list in view in a folder that exists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from .. import bindings
from ..widgets.status import TooSmall
from .base import SmaModal


class ExportScreen(SmaModal):
    """``save(path)`` returns an error to show (the prompt stays open) or ``None`` (it closes)."""

    BINDINGS = bindings.EXPORT

    def __init__(self, what: str, default: Path, save: Callable[[Path], str | None]) -> None:
        super().__init__()
        self.what = what
        self.default = default
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export"
            dialog.border_subtitle = "enter saves · escape cancels"
            yield Static(f"Save {self.what} as (.csv, .json or .md):", id="export-what", markup=False)
            yield Input(str(self.default), id="export-path", select_on_focus=False)
            yield Static("", id="export-error", markup=False)
        yield TooSmall()

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.focus()
        box.cursor_position = len(box.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.app.bell()
            return
        error = self.save(Path(text).expanduser())
        if error is None:
            self.dismiss()
        else:
            self.query_one("#export-error", Static).update(error)

    def action_cancel(self) -> None:
        self.dismiss()
