"""Pilot journeys (issue 15): sort and filter inside lists, search that finds speakers and
publishers, history, scope, and a burst of keys that opens one screen, not two."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from sma_tui.services import prefs
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.detail import EventScreen
from sma_tui.tui.screens.search import SearchScreen
from sma_tui.tui.widgets.browser import QuoteBrowser
from sma_tui.tui.widgets.lists import FilterBar, SmaTable

from .pilot_helpers import SIZE, corpus_of, settle

Loaded = Callable[[Pilot[None]], object]


def keys_of(table: SmaTable) -> list[str]:
    return [r.key for r in table.shown]


async def test_sort_by_column_and_reverse_in_the_actors_pane(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        table = app.screen.query_one("#actors-table", SmaTable)
        overview = app.main_screen.overview
        assert overview is not None
        quotes = {a.id: a.quotes for a in overview.actors}
        await pilot.press("s", "s", "s")  # name, side, then quotes (most first)
        assert table.sort_column == 2
        ordered = [quotes[k] for k in keys_of(table)]
        assert ordered == sorted(ordered, reverse=True)
        sides = {a.id: a.side for a in overview.actors}
        top = keys_of(table)[:8]
        assert any(sides[k] == "ROK" for k in top)  # ROK no longer waits behind every US actor
        await pilot.press("S")
        assert [quotes[k] for k in keys_of(table)] == sorted(ordered)
        assert "▼" in str(table.columns["quotes"].label)  # type: ignore[index]


async def test_filter_by_typing_keeps_the_cursor_and_escape_clears(
    make_app: Callable[[], SmaApp], loaded: Loaded
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("1", "f", *"round")
        table = app.screen.query_one("#timeline-table", SmaTable)
        bar = app.screen.query_one(FilterBar)
        shown = keys_of(table)
        assert 7 <= len(shown) < len(table.rows_data) and all("round" in r.text().lower() for r in table.shown)
        assert {f"round-{n}" for n in range(1, 8)} <= set(shown)
        assert bar.border_title == f"{len(shown)} of {len(table.rows_data)}"
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("j", "j")
        assert table.cursor_key() == shown[2]
        await pilot.press("f", "escape")
        assert table.row_count == len(table.rows_data) and table.cursor_key() == shown[2]
        assert not app.screen.query(FilterBar)


async def test_a_burst_of_enters_opens_one_screen(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        table = app.screen.query_one("#timeline-table", SmaTable)
        table.move_to_key("round-3")
        table.action_select_cursor()  # two enters queued before the first screen opens
        table.action_select_cursor()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        assert app.screen.trail == ("Dossier", "Round 3")
        assert len(app.screen_stack) == 2


async def test_search_finds_speakers_ranked_after_text(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"Jeong")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        speakers = [q.speaker for q in screen.query_one(QuoteBrowser).items.values()]
        assert "jeong-eun-bo" in speakers
        first = corpus_of(app).quotes[next(iter(screen.query_one(QuoteBrowser).items))]
        assert "jeong" in first.text.lower()  # the text match ranks first


async def test_unknown_filter_is_a_message_and_curly_phrase_works(
    make_app: Callable[[], SmaApp], loaded: Loaded
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"foo:bar fair")
        await settle(pilot)
        status = app.screen.query_one("#search-status")
        assert status.has_class("-error") and "unknown filter 'foo:'" in str(status.render())
        box = app.screen.query_one(Input)
        box.value = "“fair and equitable”"
        await settle(pilot)
        assert len(app.screen.query_one(QuoteBrowser).items) == 2


async def test_history_recalls_last_queries_and_return_does_not_select_all(
    make_app: Callable[[], SmaApp], loaded: Loaded
) -> None:
    prefs.remember_search("burden")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"walked", "down")
        await settle(pilot)
        await pilot.press("escape")  # back to... the main screen; search again
        assert prefs.search_history()[-1] == "walked"
        await pilot.press("slash", "up")
        box = app.screen.query_one(Input)
        assert box.value == "walked"
        await pilot.press("up")
        assert box.value == "burden"
        await pilot.press("down")
        assert box.value == "walked"
        await settle(pilot)
        await pilot.press("down", "down")  # out of the history, then to the results
        assert box.value == ""


async def test_returning_to_the_query_keeps_it(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"burden")
        await settle(pilot)
        await pilot.press("down", "slash", "backspace")
        assert app.screen.query_one(Input).value == "burde"  # not wiped by one key


async def test_only_this_round_scope(make_app: Callable[[], SmaApp], loaded: Loaded) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.open_event("round-3")
        await pilot.pause()
        await pilot.press("slash", *"the")
        await settle(pilot)
        c = corpus_of(app)
        items: Any = app.screen.query_one(QuoteBrowser).items
        assert items and all(c.quotes[k].event == "round-3" for k in items)
        assert "only Round 3" in str(app.screen.query_one("#search-status").render())
        await pilot.press("ctrl+o")
        await settle(pilot)
        items = app.screen.query_one(QuoteBrowser).items
        assert any(c.quotes[k].event != "round-3" for k in items)
