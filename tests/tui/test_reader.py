"""Pilot journeys: The article reader: opening a quote at its place, its styles."""

from __future__ import annotations

from typing import Any

from pilot_helpers import SIZE, assert_current_visible, corpus_of, move_to, settle
from textual.widgets import Static

from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.detail import EventScreen
from sma_tui.tui.screens.reader import ArticleBody, ReaderScreen
from sma_tui.tui.widgets.breadcrumb import Breadcrumb
from sma_tui.tui.widgets.browser import QuoteBrowser, one_per_statement
from sma_tui.tui.widgets.lists import SmaTable


async def test_round_3_quote_by_jeong_opens_the_reader_at_it(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2", "1")
        timeline = app.screen.query_one("#timeline-table", SmaTable)
        assert app.focused is timeline
        await move_to(pilot, timeline, "round-3")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EventScreen) and screen.event.id == "round-3"
        assert screen.query_one(Breadcrumb).trail == ("Dossier", "Round 3")
        info = str(screen.query_one(".info-text", Static).visual)
        assert "18–19 Nov 2019" in info and "Seoul" in info and "Jeong Eun-bo (ROK)" in info
        browser = screen.query_one(QuoteBrowser)
        c = corpus_of(app)
        # one row per statement: Breitbart's partial "some time to reconsider" is a report of
        # DeHart's full sentence, so round 3's ten quotes are nine rows
        assert list(browser.items) == [q.id for q in one_per_statement(c.quotes_for_event("round-3"))]
        assert len(browser.items) == len(c.quotes_for_event("round-3")) - 1
        jeong = next(q for q in c.quotes_for_event("round-3") if q.speaker == "jeong-eun-bo")
        await move_to(pilot, browser.table, jeong.id)
        preview = str(browser.query_one(".preview", Static).visual)
        assert "Jeong Eun-bo" in preview and jeong.text[:40] in preview.replace("\n", " ")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article.id == jeong.article
        assert reader.query_one(Breadcrumb).trail[:2] == ("Dossier", "Round 3")
        await pilot.pause()
        para = assert_current_visible(reader, jeong)
        assert reader.query_one(ArticleBody).scroll_y > 0  # the quote is not on the first screen
        status = str(reader.query_one("#reader-status", Static).visual)
        assert "Jeong Eun-bo (ROK)" in status
        # every other quote of the article is highlighted too (in the quote style)
        quote_style = reader.query_one(ArticleBody).get_visual_style("reader--quote", partial=True)
        assert any(s.style == quote_style for s in para.visual.spans)  # type: ignore[union-attr]

        # n / N step through the article's quotes in reading order
        order = reader.quotes
        i = order.index(jeong)
        await pilot.press("n")
        assert_current_visible(reader, order[i + 1])
        await pilot.press("N", "N")
        assert_current_visible(reader, order[i - 1])


async def test_light_theme_renders(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.theme = "textual-light"
        await pilot.press("slash", *"burden", "enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.current_quote is not None
        # the current quote is drawn, on screen, in the light theme's own current style ...
        assert_current_visible(reader, reader.current_quote)
        body = reader.query_one(ArticleBody)
        light = body.get_visual_style("reader--current", partial=True)
        assert light.bold and light.background is not None and light.foreground is not None
        # ... which follows the theme (textual-light and -dark share their accent; nord's differs)
        app.theme = "nord"
        await pilot.pause()
        nord = body.get_visual_style("reader--current", partial=True)
        assert nord.background is not None and nord.background != light.background
