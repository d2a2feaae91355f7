"""Pilot journeys: The drill-down screens: an actor, a figure group."""

from __future__ import annotations

from typing import Any

from pilot_helpers import SIZE, corpus_of, move_to
from textual.widgets import OptionList, Static

from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.detail import ActorScreen, FigureGroupScreen
from sma_tui.tui.screens.main import MainScreen
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.widgets.browser import FigureBrowser, QuoteBrowser
from sma_tui.tui.widgets.gap_chart import GapChart
from sma_tui.tui.widgets.lists import SmaTable


async def test_actor_shows_their_quotes_and_figures(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        table = app.screen.query_one("#actors-table", SmaTable)
        assert app.focused is table
        await move_to(pilot, table, "jeong-eun-bo")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActorScreen) and screen.actor.id == "jeong-eun-bo"
        c = corpus_of(app)
        assert list(screen.query_one(QuoteBrowser).items) == [q.id for q in c.quotes_by_speaker("jeong-eun-bo")]
        assert len(screen.query_one(QuoteBrowser).items) >= 3
        figures = screen.query_one(FigureBrowser)
        assert list(figures.items) == [f.id for f in c.figures_by_claimant("jeong-eun-bo")]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.focused is table  # focus comes back where it was


async def test_figure_conflict_is_flagged_with_each_value_and_source(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("3")
        options = app.screen.query_one("#figure-groups", OptionList)
        assert app.focused is options
        first = str(options.get_option_at_index(0).prompt)
        assert first.startswith("⚠ sources disagree: Seoul's 2019 payment")
        for expected in (
            "$870 million",
            "Yonhap News Agency (7 Apr 2020",
            "$990 million",
            "Breitbart News (19 Nov 2019",
        ):
            assert expected in first, expected
        assert "1 in dispute" in str(app.screen.query_one("#figures").border_subtitle)
        chart = app.screen.query_one("#gap-chart", GapChart)  # positions only: the 2019 payment is a fact
        assert {p.row.side for p in chart.points} == {"US", "ROK", "agreed"}
        assert not any(p.row.measure == "seoul-payment-2019" for p in chart.points)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FigureGroupScreen) and screen.group.conflict
        info = str(screen.query_one(".info-text", Static).visual)
        # the dispute view says why: each value with who stated it, for which year
        why = screen.group.dispute.why if screen.group.dispute else ""
        assert why.startswith("$990 million (Breitbart News")
        assert why.endswith("vs $870 million (Yonhap News Agency ×2) for 2019")
        assert "Sources disagree: $990 million (Breitbart News" in info
        browser = screen.query_one(FigureBrowser)
        rows = [" ".join(t.plain for t in browser.table.get_row_at(i)) for i in range(browser.table.row_count)]
        assert any("$870 million" in r and "Yonhap News Agency" in r for r in rows)
        assert any("$990 million" in r and "Breitbart News" in r for r in rows)
        # enter opens the article at the figure, highlighted
        figure = browser.current()
        assert figure is not None
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.claim is figure
        assert "Figure" in str(reader.query_one("#reader-status", Static).visual)
