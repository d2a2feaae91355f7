"""The layout uses the terminal it gets (issue 15): columns share out the width and are
recomputed on resize, panes are not starved, empty states say what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from sma_tui.storage.store import Store
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.detail import EventScreen
from sma_tui.tui.screens.help import HelpScreen
from sma_tui.tui.widgets.browser import QuoteBrowser
from sma_tui.tui.widgets.lists import Column, SmaTable, share
from sma_tui.tui.widgets.panes import EMPTY_STORE, ActorsPane, TimelinePane

Loaded = Callable[[Pilot[None]], object]


def visible_rows(table: SmaTable) -> int:
    """Data rows the table has room to show (its height less the header)."""
    return min(table.row_count, table.scrollable_content_region.height - 1)


def test_share_gives_the_rest_to_weighted_columns_and_respects_bounds() -> None:
    cols = [Column("a", "A", 10), Column("b", "B", 5, 20, 1), Column("c", "C", 10, None, 3)]
    widths = share(100, cols)
    assert widths[0] == 10 and widths[1] == 20 and sum(widths) + 6 == 100
    assert share(10, cols) == [10, 5, 10]  # never below the minimums


async def test_main_screen_at_100x30_shows_8_actors_and_event_titles(
    make_app: Callable[[], SmaApp], loaded: Loaded
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        actors = app.screen.query_one(ActorsPane).query_one(SmaTable)
        assert visible_rows(actors) >= 8
        timeline = app.screen.query_one(TimelinePane).query_one(SmaTable)
        assert [str(c.label) for c in timeline.columns.values()][:3] == ["Dates", "#", "Event"]
        row = [c.plain for c in timeline.get_row("sma10-expiry")]
        assert row[2].startswith("10th SMA expires"), row


async def test_columns_are_recomputed_on_resize(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await loaded(pilot)
        app.open_event("round-3")
        await pilot.pause()
        table = app.screen.query_one(QuoteBrowser).table
        wide = table.columns["text"].width  # type: ignore[index]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        narrow = table.columns["text"].width  # type: ignore[index]
        assert narrow < wide
        for row in range(table.row_count):
            text = table.get_cell_at((row, 2))
            assert text.cell_len <= narrow  # cut, with an ellipsis when it does not fit
        assert any(table.get_cell_at((r, 2)).plain.endswith("…") for r in range(table.row_count))


async def test_round_3_at_100x16_shows_quote_rows(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=(100, 16)) as pilot:
        await loaded(pilot)
        app.open_event("round-3")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        assert visible_rows(app.screen.query_one(QuoteBrowser).table) >= 3


async def test_round_with_no_quotes_is_one_line(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        app.open_event("round-1")
        await pilot.pause()
        browser = app.screen.query_one(QuoteBrowser)
        assert browser.has_class("-empty") and not browser.table.display
        assert browser.region.height == 1


async def test_help_binding_id_column_is_visible(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    for size in ((80, 24), (100, 30), (160, 48)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await loaded(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            table = app.screen.query_one(SmaTable)
            total = sum(c.get_render_width(table) for c in table.columns.values())
            assert total <= table.scrollable_content_region.width, size
            assert table.columns["id"].width >= len("sma.focus-previous"), size  # type: ignore[index]


async def test_empty_store_says_how_to_fill_it(tmp_path: Path, loaded: Loaded) -> None:
    path = tmp_path / "empty.json"
    Store(path).replace_all({})
    app = SmaApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        pane = app.screen.query_one(TimelinePane)
        assert pane.has_class("-empty")
        assert EMPTY_STORE in str(pane.query_one(".detail").render())
