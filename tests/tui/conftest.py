"""TUI fixtures: an app on a fresh copy of the bundled store, and a way to wait for its load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.main import MainScreen


@pytest.fixture
def make_app(store_path: Path) -> Callable[[], SmaApp]:
    """``make_app()`` → an app on a private copy of the bundled store."""
    return lambda: SmaApp(store_path)


async def wait_loaded(pilot: Pilot[None]) -> None:
    """Let the load worker finish and the panes mount (the first frame does not wait)."""
    app = pilot.app
    await app.workers.wait_for_complete()
    for _ in range(50):
        await pilot.pause()
        main = app.screen_stack[0]
        if isinstance(main, MainScreen) and (main.error is not None or main.query("#panes")):
            await pilot.pause()
            return
    raise AssertionError("the corpus never loaded")


@pytest.fixture
def loaded() -> Callable[[Pilot[None]], object]:
    """``await loaded(pilot)``: see :func:`wait_loaded`."""
    return wait_loaded
