"""The main screen: Timeline, Actors and Figures side by side (below 120 columns the
Timeline runs down the left with Actors and Figures stacked on the right), or the loading /
error panel while there is no corpus."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path

from textual.containers import Grid
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header

from ...core.overview import Overview
from .. import bindings
from ..widgets.lists import SmaTable
from ..widgets.panes import ActorsPane, FiguresPane, Pane, TimelinePane
from ..widgets.status import ErrorPanel, LoadingPanel
from .base import ExportTarget, SmaScreen

PANES = {"timeline": "#timeline", "actors": "#actors", "figures": "#figures"}


class MainScreen(SmaScreen):
    BINDINGS = bindings.MAIN

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.overview: Overview | None = None
        self.error: str | None = None
        self.loaded = False
        self.ready = asyncio.Event()
        """Set once the panes (or the error panel) are on screen: what tests and scripts wait for."""

    def compose_body(self) -> Iterable[Widget]:
        yield Header()
        # With an overview already (the store keeps one), the first frame has the panes.
        with ContentSwitcher(initial="panes" if self.overview else "loading", id="main-switcher"):
            yield LoadingPanel(self.db_path, id="loading")
            yield ErrorPanel(id="error")
            if self.overview is not None:
                self.loaded = True
                yield self._panes(self.overview)
        yield Footer()

    def on_mount(self) -> None:
        if self.loaded:
            self.query_one(TimelinePane).focus_list()
            self._ready_when_drawn()
        else:
            self._apply()

    def show_overview(self, overview: Overview) -> None:
        """Called by the app with the cached overview (before the corpus has loaded) and with
        the loaded corpus's (maybe before we mount); a different one refills the panes in
        place, keeping their cursors."""
        if overview == self.overview:
            return
        self.overview = overview
        if not self.is_mounted:
            return
        if self.loaded:
            for pane in self.query(Pane):
                pane.show_again(overview)
        else:
            self._apply()

    def show_error(self, error: str) -> None:
        self.error = error
        if self.is_mounted:
            self._apply()

    def _apply(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        if self.error is not None:
            self.query_one(ErrorPanel).show_error(self.db_path, self.error)
            switcher.current = "error"
            self.ready.set()
        elif self.overview is not None and not self.loaded:
            self.loaded = True
            self.call_later(self._mount_panes, self._panes(self.overview))

    @staticmethod
    def _panes(overview: Overview) -> Grid:
        return Grid(
            TimelinePane(overview, "1", id="timeline"),
            ActorsPane(overview, "2", id="actors"),
            FiguresPane(overview, "3", id="figures"),
            id="panes",
        )

    async def _mount_panes(self, grid: Grid) -> None:
        switcher = self.query_one(ContentSwitcher)
        await switcher.mount(grid)
        switcher.current = "panes"
        self.refresh_bindings()
        self.query_one(TimelinePane).focus_list()
        self._ready_when_drawn()

    def _ready_when_drawn(self) -> None:
        """``ready`` once the panes' tables have drawn their rows: they fill at their first
        layout, at the width they get (see :class:`SmaTable`), not before."""
        tables = list(self.query_one("#panes").query(SmaTable))

        async def wait() -> None:
            await asyncio.gather(*(t.drawn.wait() for t in tables))
            self.ready.set()

        self.run_worker(wait(), group="ready", exit_on_error=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_pane" and not self.loaded:
            return False
        return True

    def export_target(self) -> ExportTarget | None:
        if self.loaded and self.query_one(FiguresPane).has_focus_within:
            return ExportTarget("figures", None)
        return super().export_target()

    def action_focus_pane(self, name: str) -> None:
        self.query_one(PANES[name], Pane).focus_list()
