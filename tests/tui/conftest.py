"""TUI fixtures: an app on a fresh copy of the bundled store, and a way to wait for its load."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from sma_tui.tui.app import SmaApp


@pytest.fixture
def make_app(store_path: Path) -> Callable[[], SmaApp]:
    """``make_app()`` → an app on a private copy of the bundled store."""
    return lambda: SmaApp(store_path)


async def wait_loaded(pilot: Pilot[None]) -> None:
    """Let the load worker finish and the panes mount (the first frame does not wait)."""
    app = pilot.app
    assert isinstance(app, SmaApp)
    await asyncio.wait_for(app.main_screen.ready.wait(), 60)
    await pilot.pause()


@pytest.fixture
def loaded() -> Callable[[Pilot[None]], object]:
    """``await loaded(pilot)``: see :func:`wait_loaded`."""
    return wait_loaded


@pytest.fixture(autouse=True)
def record_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every toast an app raised, kept for the test: Textual drops a notification from
    ``app._notifications`` once its timeout has passed by the wall clock, which a loaded CI
    machine can reach between the toast and the assertion. Read them with
    :func:`pilot_helpers.notices`."""
    original = App._on_notify

    def on_notify(self: App[object], event: Any) -> None:
        self.__dict__.setdefault("_raised_notifications", []).append(event.notification)
        original(self, event)

    monkeypatch.setattr(App, "_on_notify", on_notify)
