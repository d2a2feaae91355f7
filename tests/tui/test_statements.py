"""Pilot journey: a quote reported by two outlets — search shows one row ×2, the reader says
"also reported by …", and s opens the comparison with the word differences highlighted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_helpers import SIZE, corpus_of, settle
from textual.widgets import OptionList, Static

from sma_tui import services
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.screens.search import SearchScreen
from sma_tui.tui.screens.statement import StatementScreen
from sma_tui.tui.widgets.browser import QuoteBrowser

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "statements"


async def test_reader_also_reported_by_opens_the_comparison(store_path: Path, loaded: Any) -> None:
    services.add_files(store_path, sorted(FIXTURES.glob("*.txt")), {}, dry_run=False)
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"figure we are")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        browser = screen.query_one(QuoteBrowser)
        assert len(browser.items) == 1  # two reports, one statement: one row
        (quote,) = browser.items.values()
        assert str(browser.table.get_row_at(0)[-1]).startswith("×2 ")
        await pilot.press("down", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.current_quote is quote
        status = str(reader.query_one("#reader-status", Static).visual)
        assert "also reported by Eastern Ledger, 21 Mar 2020" in status
        await pilot.press("s")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, StatementScreen)
        assert [q.article for q in compare.reports] == ["harborwire-2020-03-20", "easternledger-2020-03-21"]
        options = compare.query_one(OptionList)
        later = options.get_option_at_index(1).prompt
        insert = compare.get_visual_style("statement--insert", partial=True)
        delete = compare.get_visual_style("statement--delete", partial=True)
        plain = later.plain  # type: ignore[union-attr]
        styled = {(plain[s.start : s.end], s.style) for s in later.spans}  # type: ignore[union-attr]
        assert ("the", insert) in styled and ("focusing", insert) in styled
        assert ("a", delete) in styled and ("focused", delete) in styled
        await pilot.press("down", "enter")  # a report opens its article at the quote
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.article.id == "easternledger-2020-03-21"
        assert corpus_of(app).statement_reports(quote)[1] is app.screen.current_quote


async def test_a_quote_reported_once_has_nothing_to_compare(make_app: Any, loaded: Any) -> None:
    app: SmaApp = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        c = corpus_of(app)
        single = next(q for q in c.quote_list() if len(c.statement_reports(q)) == 1)
        app.push_screen(ReaderScreen(c, ("Dossier",), single.article, single.id))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "also reported" not in str(app.screen.query_one("#reader-status", Static).visual)


async def test_the_palette_opens_the_comparison_from_the_reader(store_path: Path, loaded: Any) -> None:
    services.add_files(store_path, sorted(FIXTURES.glob("*.txt")), {}, dry_run=False)
    app = SmaApp(store_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        c = corpus_of(app)
        quote = next(q for q in c.quote_list() if q.article.startswith("easternledger") and "figure" in q.text)
        app.push_screen(ReaderScreen(c, ("Dossier",), quote.article, quote.id))
        await pilot.pause()
        await pilot.press("ctrl+p", *"compare the reports")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, StatementScreen) and screen.quote is quote
        assert screen.query_one(OptionList).highlighted == 1  # the report the reader was at
