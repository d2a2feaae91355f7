"""Pilot journeys: App-wide keys: quit, escape, copy, the palette, a terminal too small."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import SIZE, corpus_of, move_to, notices, settle

from sma_tui.core.cite import cite
from sma_tui.tui.app import SmaApp
from sma_tui.tui.commands import dossier_commands
from sma_tui.tui.screens.detail import EventScreen
from sma_tui.tui.screens.main import MainScreen
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.widgets.breadcrumb import Breadcrumb
from sma_tui.tui.widgets.lists import SmaTable
from sma_tui.tui.widgets.status import TooSmall


async def test_q_quits_with_status_0(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("1", "enter")
        await pilot.press("q")
    assert app.return_code == 0


async def test_escape_pops_one_level_at_a_time(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        timeline = app.screen.query_one("#timeline-table", SmaTable)
        await move_to(pilot, timeline, "round-3")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert [type(s) for s in app.screen_stack[1:]] == [EventScreen, ReaderScreen]
        assert app.screen.query_one(Breadcrumb).trail[:2] == ("Dossier", "Round 3")
        await pilot.press("escape")
        assert isinstance(app.screen, EventScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("escape")  # nothing left to pop: stays, no crash
        assert isinstance(app.screen, MainScreen)


async def test_copy_puts_the_citation_on_the_clipboard(
    make_app: Any, loaded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: SmaApp = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("c")  # nothing to copy on the main screen: a warning, no copy
        await pilot.pause()
        assert copied == []
        assert any("Highlight a quote first" in n.message for n in notices(app))
        await pilot.press("slash", *"walked out", "enter")  # enter before the scan is back: still opens
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.current_quote is not None
        await pilot.press("c")
        quote = reader.current_quote
        expected = cite(corpus_of(app), quote)
        assert copied == [expected]
        assert expected == (
            "“it was the U.S. that walked out of the talks.” — Jeong Eun-bo, "
            "“U.S. Walks Out of Military Spending Talks with South Korea”, Breitbart News, 19 Nov 2019 (date inferred)"
        )
        await pilot.press("escape", "down", "c")  # from the search results table
        assert copied[-1] == expected


async def test_palette_jumps_to_round_3(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        titles = [t for t, _, _ in dossier_commands(app.post_message, corpus_of(app))]
        assert "round: 3 — Seoul, 18–19 Nov 2019" in titles
        assert "actor: Jeong Eun-bo" in titles
        assert any(t.startswith("figures: Seoul's 2019 payment") for t in titles)
        assert any(t.startswith("article: Breitbart News") for t in titles)
        await pilot.press("ctrl+p", *"round: 3")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen) and app.screen.event.id == "round-3"


@pytest.mark.parametrize("size", [(20, 8), (59, 24), (80, 15), (60, 16)])
async def test_too_small_shows_a_message_and_recovers(make_app: Any, loaded: Any, size: tuple[int, int]) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("1", "enter")  # a drill-down screen too
        await pilot.resize_terminal(*size)
        await pilot.pause()
        too_small = size[0] < 60 or size[1] < 16
        for screen in (app.screen, app.screen_stack[0]):
            assert screen.query_one(TooSmall).display is too_small
        if too_small:
            assert "Terminal too small" in str(app.screen.query_one(TooSmall).visual)
            assert not app.screen.query_one("#breadcrumb").display
        await pilot.press("escape")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one(TooSmall).display
        assert app.screen.query_one("#panes").display
