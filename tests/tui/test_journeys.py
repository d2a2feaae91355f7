"""Pilot journeys through the explorer: what a user does, and what they must see."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input, OptionList, Static
from textual.widgets._footer import FooterKey

from sma_tui.core.corpus import Corpus, citation
from sma_tui.core.models import Quote
from sma_tui.tui.app import SmaApp
from sma_tui.tui.bindings import SECTIONS
from sma_tui.tui.commands import dossier_commands
from sma_tui.tui.screens.detail import ActorScreen, EventScreen, FigureGroupScreen
from sma_tui.tui.screens.help import HelpScreen
from sma_tui.tui.screens.main import MainScreen
from sma_tui.tui.screens.reader import ArticleBody, Paragraph, ReaderScreen
from sma_tui.tui.screens.search import SearchScreen
from sma_tui.tui.widgets.breadcrumb import Breadcrumb
from sma_tui.tui.widgets.browser import FigureBrowser, QuoteBrowser
from sma_tui.tui.widgets.lists import SmaTable
from sma_tui.tui.widgets.status import ErrorPanel, LoadingPanel, TooSmall

SIZE = (100, 30)


async def move_to(pilot: Pilot[None], table: SmaTable, key: str) -> None:
    """Walk the cursor to the row ``key`` with j/k, as a user would."""
    target = table.get_row_index(key)
    while table.cursor_row != target:
        await pilot.press("j" if table.cursor_row < target else "k")
    assert table.cursor_key() == key


async def settle(pilot: Pilot[None]) -> None:
    """Search scans run in a worker: wait for them, then for the results to be drawn."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def corpus_of(app: SmaApp) -> Corpus:
    assert app.corpus is not None
    return app.corpus


def assert_current_visible(reader: ReaderScreen, quote: Quote) -> Paragraph:
    """The quote is the reader's current claim, drawn in the current style, and on screen."""
    assert reader.current_quote is quote
    para = reader.current_paragraph()
    assert para is not None and para.has_class("-current")
    assert [p for p in reader.query(Paragraph) if p.has_class("-current")] == [para]
    body = reader.query_one(ArticleBody)
    block = next(b for b in reader.blocks if b.start <= quote.start < b.end)
    current = body.get_visual_style("reader--current", partial=True)
    content = para.visual
    spans = [(s.start, s.end) for s in content.spans if s.style == current]  # type: ignore[union-attr]
    assert spans == [(quote.start - block.start, min(quote.end, block.end) - block.start)]
    assert content.plain[spans[0][0] : spans[0][1]] == reader.article.body[quote.start : min(quote.end, block.end)]
    # scrolled so that the paragraph is inside the visible part of the body
    visible = body.content_region
    assert para.region.y < visible.bottom and para.region.bottom > visible.y, (para.region, visible)
    return para


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
        assert list(browser.items) == [q.id for q in c.quotes_for_event("round-3")]
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
        chart = str(app.screen.query_one("#money-chart").render())
        assert "$5 billion" in chart and "$990 million" in chart and "$870 million" in chart and "13%" in chart
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FigureGroupScreen) and screen.group.conflict
        info = str(screen.query_one(".info-text", Static).visual)
        assert "Sources disagree: $870 million vs $990 million" in info
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


async def test_help_lists_every_binding(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    app_keys = {"sma.quit", "sma.help", "sma.search", "sma.copy", "sma.palette"}
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(SmaTable)
        ids = {table.get_row_at(i)[3].plain for i in range(table.row_count)}
        declared = {b.id for _, bindings in SECTIONS for b in bindings if b.id}  # type: ignore[union-attr]
        assert declared <= ids and app_keys <= ids
        for name in ("sma.focus-timeline", "sma.next-quote", "sma.previous-quote", "sma.back", "sma.list-down"):
            assert name in ids
        keys = {table.get_row_at(i)[3].plain: table.get_row_at(i)[1].plain for i in range(table.row_count)}
        assert keys["sma.help"] == "?, f1" and keys["sma.search"] == "/"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_every_binding_has_an_id_and_the_keymap_remaps_it(make_app: Any, loaded: Any) -> None:
    for _, bindings in SECTIONS:
        for b in bindings:
            assert b.id, b  # type: ignore[union-attr]
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.set_keymap({"sma.focus-actors": "a", "sma.help": "h"})
        await pilot.press("a")
        assert app.focused is app.screen.query_one("#actors-table")
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(SmaTable)
        keys = {table.get_row_at(i)[3].plain: table.get_row_at(i)[1].plain for i in range(table.row_count)}
        assert keys["sma.focus-actors"] == "a"


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
        assert any("Highlight a quote first" in n.message for n in app._notifications)
        await pilot.press("slash", *"walked out", "enter")  # enter before the scan is back: still opens
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.current_quote is not None
        await pilot.press("c")
        quote = reader.current_quote
        expected = citation(corpus_of(app), quote)
        assert copied == [expected]
        assert expected.startswith("“it was the U.S. that walked out of the talks.” — Jeong Eun-bo, Breitbart News, ")
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


async def test_first_frame_shows_loading_without_waiting_for_the_store(
    make_app: Any, loaded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sma_tui.storage.store import Store

    release = threading.Event()
    real_load = Store.load

    def slow_load(self: Store) -> Corpus:
        release.wait(10)
        return real_load(self)

    monkeypatch.setattr(Store, "load", slow_load)
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ContentSwitcher).current == "loading"
        assert app.screen.query_one(LoadingPanel).display
        assert app.corpus is None
        await pilot.press("slash")  # too early: remembered, and done once the corpus is in
        assert isinstance(app.screen, MainScreen)
        release.set()
        await loaded(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.main_screen.query_one(ContentSwitcher).current == "panes"


async def test_a_fresh_overview_paints_the_panes_before_the_corpus_loads(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sma_tui.core.overview import Overview
    from sma_tui.storage.store import Store

    store = Store(store_path)
    store.save_overview(Overview.of(store.load()), store.stamp())
    release = threading.Event()
    real_load = Store.load
    monkeypatch.setattr(Store, "load", lambda self: (release.wait(10), real_load(self))[1])
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.main_screen.ready.wait(), 10)
        await pilot.pause()
        assert app.corpus is None and app.screen.query_one(ContentSwitcher).current == "panes"
        assert "27 quotes" in app.sub_title
        timeline = app.screen.query_one("#timeline-table", SmaTable)
        assert timeline.row_count == 15
        figures = str(app.screen.query_one("#figure-groups", OptionList).get_option_at_index(0).prompt)
        assert "sources disagree" in figures and "$870 million" in figures and "$990 million" in figures
        await move_to(pilot, timeline, "round-3")
        await pilot.press("enter")  # the corpus is not there yet: opens when it is
        assert isinstance(app.screen, MainScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, EventScreen) and app.screen.event.id == "round-3"


async def test_a_stale_overview_is_not_shown_and_is_replaced(store_path: Path, loaded: Any) -> None:
    from sma_tui.core.overview import Overview
    from sma_tui.storage.store import Store

    store = Store(store_path)
    wrong = Overview.of(store.load())
    wrong.counts["quotes"] = 999_999
    store.save_overview(wrong, (1, 2, 3))  # describes some other file
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await app.workers.wait_for_complete()
        assert "999999" not in app.sub_title and "27 quotes" in app.sub_title
    assert store.read_overview(store.stamp()) == Overview.of(store.load())


@pytest.mark.parametrize("damage", ["garbage", "missing"])
async def test_unreadable_store_shows_an_error_panel(tmp_path: Path, loaded: Any, damage: str) -> None:
    path = tmp_path / "store.json"
    if damage == "garbage":
        path.write_text("{not json", encoding="utf-8")
    app = SmaApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert screen.query_one(ContentSwitcher).current == "error"
        panel = screen.query_one(ErrorPanel)
        assert panel.border_title == "Cannot open the store"
        text = str(panel.visual)
        assert str(path) in text and "sma-tui build --force" in text
        await pilot.press("1", "slash", "c")  # nothing to focus or search: no crash
        await pilot.press("q")
    assert app.return_code == 0


async def test_light_theme_renders(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.theme = "textual-light"
        await pilot.press("slash", *"burden", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleBody).get_visual_style("reader--current", partial=True)


async def test_search_keystrokes_stay_cheap_at_100k_quotes(
    make_app: Any, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keystroke handler only parses and hands the scan to a worker; the table never
    gets more than MAX_ROWS rows, and the results are those of the last query typed."""
    import dataclasses
    import time

    from sma_tui.core.search import parse_query
    from sma_tui.storage.store import Store
    from sma_tui.tui.screens import search

    base = Store(store_path).load()
    source = list(base.quotes.values())
    quotes = {}
    for i in range(100_000):
        q = dataclasses.replace(source[i % len(source)], id=f"q{i}")
        quotes[q.id] = q
    big = Corpus(base.articles, base.events, base.actors, quotes, base.figures, base.measures)
    monkeypatch.setattr(Store, "load", lambda self: big)
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.main_screen.ready.wait(), 30)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        slowest = 0.0
        for ch in "burden sharing":
            box = screen.query_one(Input)
            start = time.perf_counter()
            box.insert_text_at_cursor(ch)  # posts Input.Changed
            await pilot.pause()
            slowest = max(slowest, time.perf_counter() - start)
        await settle(pilot)
        assert app.matcher is not None
        expected = app.matcher.search_indices(parse_query("burden sharing"))
        assert screen.hits == expected and len(expected) > search.MAX_ROWS
        assert screen.query_one(QuoteBrowser).table.row_count == search.MAX_ROWS
        assert slowest < 0.5, slowest  # generous for CI; the scan itself is off the UI thread


async def test_another_process_adding_articles_is_noticed_and_r_reloads(
    make_app: Any, loaded: Any, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sma_tui.cli.main import main
    from sma_tui.tui.widgets.panes import ActorsPane

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        actors = app.screen.query_one("#actors-table", SmaTable)
        await move_to(pilot, actors, "jeong-eun-bo")
        app.poll_store()
        assert not app.store_changed and app.check_action("reload", ()) is False  # nothing changed: no `r`
        await pilot.press("r")
        assert app.corpus is not None and len(app.corpus.articles) == 5

        await pilot.press("enter")  # deep in a drill-down when the store changes
        assert isinstance(app.screen, ActorScreen)
        assert main(["add", "--db", str(store_path), str(fixtures)]) == 0  # "another process"
        capsys.readouterr()
        app.poll_store()
        await pilot.pause()
        assert app.store_changed and app.check_action("reload", ())
        assert any("Press r to reload" in n.message for n in app._notifications)
        assert "reload" in [k.action for k in app.screen.query(FooterKey)]  # `r Reload` shows in the footer

        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(corpus_of(app).articles) == 10 and not app.store_changed
        assert "+5 articles" in app.sub_title or any("+5 articles" in n.message for n in app._notifications)
        assert app.screen.query_one(ActorsPane).query_one(SmaTable).cursor_key() == "jeong-eun-bo"
        assert app.screen.query_one("#timeline-table", SmaTable).row_count == len(corpus_of(app).events)


async def test_a_reload_that_fails_keeps_the_corpus_on_screen(make_app: Any, loaded: Any, store_path: Path) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        shown = app.corpus
        store_path.write_text("{truncated", encoding="utf-8")
        app.poll_store()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.corpus is shown and app.screen.query_one(ContentSwitcher).current == "panes"
        assert any(n.title == "Reload failed" and "corrupt" in n.message for n in app._notifications)


def test_sma_tui_on_a_corrupt_store_shows_the_panel_then_exits_1_with_one_line(
    store_path: Path, loaded: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``sma-tui`` no longer reads the store before the first frame: the app reports it."""
    from sma_tui.cli.main import main

    store_path.write_text("{truncated", encoding="utf-8")
    seen: list[str] = []

    def run_headless(self: SmaApp) -> None:
        async def journey() -> None:
            async with self.run_test(size=SIZE) as pilot:
                await loaded(pilot)
                seen.append(self.screen.query_one(ContentSwitcher).current or "")
                await pilot.press("q")

        asyncio.run(journey())

    monkeypatch.setattr(SmaApp, "run", run_headless)
    assert main(["--db", str(store_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert seen == ["error"]
    assert len(err) == 1 and err[0].startswith("sma-tui: error: the store") and "corrupt" in err[0]


async def test_a_long_money_history_keeps_the_chart_short_and_shows_the_latest(make_app: Any, loaded: Any) -> None:
    from sma_tui.core.overview import ChartPoint
    from sma_tui.tui.widgets.chart import MoneyChart

    app: SmaApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        chart = app.screen.query_one(MoneyChart)
        months = [f"{2019 + m // 12}-{m % 12 + 1:02d}" for m in range(30)]
        chart.show([ChartPoint(m, "US demand", 1e9 + i, "USD", f"${i} point") for i, m in enumerate(months)])
        await pilot.pause()
        assert chart.outer_size.height == 12  # widgets.tcss: max-height (with the border line)
        lines = str(chart.render()).splitlines()
        assert len(lines) == chart.content_size.height == 11
        assert lines[0].startswith("■ US demand") and "⋮ 21 earlier" in lines[1]  # 31 lines, 11 rows
        assert lines[-1].endswith("$29 point $1 billion")  # the latest month is on screen
        options = app.screen.query_one("#figure-groups", OptionList)
        assert options.size.height >= 10  # the figure groups keep their room


def _launch(monkeypatch: pytest.MonkeyPatch, store_path: Path, keymap: str | None, tmp_path: Path) -> tuple[int, dict]:
    """``sma-tui --db STORE`` with a keymap file, the app started headless: (exit, keymap)."""
    from sma_tui.cli.main import main

    path = tmp_path / "keymap.toml"
    if keymap is not None:
        path.write_text(keymap, encoding="utf-8")
    monkeypatch.setenv("SMA_TUI_KEYMAP", str(path))
    seen: dict = {}

    def run_headless(self: SmaApp) -> None:
        async def journey() -> None:
            async with self.run_test(size=SIZE) as pilot:
                await asyncio.wait_for(self.main_screen.ready.wait(), 10)
                await pilot.pause()
                seen.update(self._keymap)
                await pilot.press("a")  # remapped below: focus the Actors pane
                seen["focused"] = self.focused.id if self.focused else None
                await pilot.press("q")

        asyncio.run(journey())

    monkeypatch.setattr(SmaApp, "run", run_headless)
    return main(["--db", str(store_path)]), seen


def test_a_keymap_file_remaps_keys_by_binding_id(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, seen = _launch(monkeypatch, store_path, '"sma.focus-actors" = "a"\n"sma.help" = "h, f1"\n', tmp_path)
    assert code == 0
    assert seen == {"sma.focus-actors": "a", "sma.help": "h,f1", "focused": "actors-table"}
    code, seen = _launch(monkeypatch, store_path, None, tmp_path / "none")  # no file: the defaults
    assert code == 0 and seen.get("focused") == "timeline-table"


@pytest.mark.parametrize(
    ("keymap", "message"),
    [
        ('"sma.no-such-thing" = "a"\n', "names no binding 'sma.no-such-thing'"),
        ('"sma.help" = 3\n', "must be keys in quotes"),
        ("sma.help = [\n", "is not valid TOML"),
    ],
)
def test_a_bad_keymap_is_one_line_and_exit_2(
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    keymap: str,
    message: str,
) -> None:
    code, seen = _launch(monkeypatch, store_path, keymap, tmp_path)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and not seen  # the app never started
    assert len(err) == 1 and err[0].startswith("sma-tui: error: the keymap") and message in err[0]
