"""Whole-screen states: loading, load failure, and a terminal too small to draw in."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.content import Content
from textual.widgets import LoadingIndicator, Static

from ...core.safety.sanitize import one_line

MIN_WIDTH = 60
MIN_HEIGHT = 16


class TooSmall(Static):
    """Shown (by CSS breakpoints in ``app.tcss``) instead of a broken layout."""

    def __init__(self) -> None:
        super().__init__(
            Content(
                f"Terminal too small\n\nsma-tui needs at least {MIN_WIDTH}×{MIN_HEIGHT}.\n"
                "Enlarge the window, or press q to quit."
            ),
            classes="too-small",
        )


class LoadingPanel(Vertical):
    """What the first frame shows while the worker reads the store."""

    def __init__(self, path: Path, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.path = path

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Content(one_line(f"Loading the dossier from {self.path} …")), classes="loading-text")
        yield LoadingIndicator()


class ErrorPanel(Static):
    """A clear message when the store cannot be read (corrupt, missing, too new...)."""

    def show_error(self, path: Path, error: str) -> None:
        self.border_title = "Cannot open the store"
        self.update(
            Content.assemble(
                (error, "bold"),
                "\n\n",
                f"Store: {one_line(str(path))}\n\n",
                "Check it with  sma-tui check  or rebuild it with  sma-tui build --force\n",
                "(the previous good copy, if any, is kept as <store>.bak).\n\n",
                "Press q to quit.",
            )
        )
