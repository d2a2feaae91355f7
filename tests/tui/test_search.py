"""Pilot journeys: The search screen: queries, filters, the row cap, keystroke cost."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, assert_current_visible, corpus_of, settle
from textual.widgets import Input, Static

from sma_tui.core.corpus import Corpus
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.main import MainScreen
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.screens.search import SearchScreen
from sma_tui.tui.widgets.browser import QuoteBrowser


async def test_search_walked_out_opens_the_article_at_the_quote(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is app.screen.query_one(Input)
        await pilot.press(*"walked out")
        await settle(pilot)
        browser = app.screen.query_one(QuoteBrowser)
        quotes = list(browser.items.values())
        assert len(quotes) == 1 and "walked out" in quotes[0].text
        status = str(app.screen.query_one("#search-status", Static).visual)
        assert status.startswith("1 quote matches")
        # the match is highlighted in the row
        text_cell = browser.table.get_row_at(0)[-1]
        match = browser.table.get_component_rich_style("match", partial=True)
        spans = [(s.start, s.end) for s in text_cell.spans if s.style == match]
        assert [text_cell.plain[s:e].lower() for s, e in spans] == ["walked", "out"]  # each word
        await pilot.press("enter")  # from the query box: opens the highlighted result
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.pause()
        assert_current_visible(reader, quotes[0])
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "walked out"  # the search is still there
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_search_filters_no_results_and_bad_filters(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"side:rok")
        await settle(pilot)
        screen = app.screen
        browser = screen.query_one(QuoteBrowser)
        c = corpus_of(app)
        assert browser.items and all(c.actors[q.speaker or ""].side == "ROK" for q in browser.items.values())
        for _ in "side:rok":
            await pilot.press("backspace")
        await pilot.press(*"zzzz nothing")
        await settle(pilot)
        status = screen.query_one("#search-status", Static)
        assert "No quotes match" in str(status.visual) and not browser.items
        assert "No results" in str(browser.query_one(".preview", Static).visual)
        screen.query_one(Input).value = "after:2020-13"
        await pilot.pause()
        assert status.has_class("-error") and "not a valid date" in str(status.visual)


async def test_search_caps_the_rendered_rows(make_app: Any, loaded: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sma_tui.tui.screens.search.MAX_ROWS", 3)
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"the")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        total = len(screen.hits)
        assert total > 3
        assert screen.query_one(QuoteBrowser).table.row_count == 3
        assert f"{total - 3} more" in str(screen.query_one("#search-status", Static).visual)


async def test_search_keystrokes_stay_cheap_at_100k_quotes(
    make_app: Any, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What keeps a keystroke cheap, checked without a clock (timings live in
    ``benchmarks/bench_search.py``): the keystroke handler never scans on the UI thread, the
    whole corpus is scanned once, each narrowing keystroke scans only the previous hits, and
    the table never gets more than MAX_ROWS rows; the results are those of the last query."""
    import dataclasses
    import threading

    from sma_tui.core.search import QuoteMatcher, parse_query
    from sma_tui.storage.store import Store
    from sma_tui.tui.screens import search

    base = Store(store_path).load()
    source = list(base.quotes.values())
    quotes = {}
    for i in range(100_000):
        # each copy its own statement: copies of one remark would be one row (results group by statement)
        q = dataclasses.replace(source[i % len(source)], id=f"q{i}", statement=None)
        quotes[q.id] = q
    big = Corpus(base.articles, base.events, base.actors, quotes, base.figures, base.measures)
    monkeypatch.setattr(Store, "load", lambda self: big)
    scans: list[tuple[int, bool]] = []  # (rows scanned, on the UI thread)
    real = QuoteMatcher.search_indices

    def counted(self: QuoteMatcher, query: Any, pool: Any = None) -> list[int]:
        if not query.empty:
            size = len(self) if pool is None else len(pool)
            scans.append((size, threading.current_thread() is threading.main_thread()))
        return real(self, query, pool)

    monkeypatch.setattr(QuoteMatcher, "search_indices", counted)
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.main_screen.ready.wait(), 30)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for ch in "burden sharing":
            screen.query_one(Input).insert_text_at_cursor(ch)  # posts Input.Changed
            await settle(pilot)  # each scan done before the next key: the narrowing path
        assert app.matcher is not None
        expected = real(app.matcher, parse_query("burden sharing"))
        assert screen.hits == expected and len(expected) > search.MAX_ROWS
        assert screen.query_one(QuoteBrowser).table.row_count == search.MAX_ROWS
    assert scans and not any(on_ui for _, on_ui in scans)  # never on the UI thread
    assert [size for size, _ in scans].count(len(quotes)) == 1  # the corpus scanned once
    sizes = [size for size, _ in scans[1:]]
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] < len(quotes) // 2  # then only the hits
