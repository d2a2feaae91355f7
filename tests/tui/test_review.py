"""The review-and-correct journey (issue 14): v opens the queue, enter opens a claim in its
article, e + a pick corrects the speaker, x rejects, u undoes; the ? and ✎ marks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, OptionList

from sma_tui.services import corrections as fixes
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.picker import Picker
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.screens.search import SearchScreen
from sma_tui.tui.widgets.browser import QuoteBrowser
from sma_tui.tui.widgets.lists import SmaTable

from .pilot_helpers import SIZE, corpus_of, open_review, settle


async def test_review_correct_then_undo(make_app: Callable[[], SmaApp], loaded, store_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        review = await open_review(pilot)
        assert review.items
        first = review.current()
        assert first is not None and first.kind == "quote"
        quote = corpus_of(app).quotes[first.id]
        assert quote.speaker != "kang-kyung-wha"

        await pilot.press("enter")  # the claim in its article
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.current_quote is quote
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is review

        await pilot.press("e")  # the speaker picker, filtered by typing
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, Picker)
        await pilot.press(*"kang kyung")
        await pilot.pause()
        options = picker.query_one(OptionList)
        assert options.get_option_at_index(0).id == "kang-kyung-wha"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert app.screen is review
        assert corpus_of(app).quotes[first.id].speaker == "kang-kyung-wha"
        assert first.id in corpus_of(app).corrected
        assert first.id not in {i.id for i in review.items}  # the next item came up
        assert review.current() is not None and review.current() != first
        assert fixes.load(store_path).corpus.quotes[first.id].speaker == "kang-kyung-wha"  # stored
        assert not app.store_changed  # our own write is not "another process"

        await pilot.press("u")  # undo the latest
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert corpus_of(app).quotes[first.id].speaker == quote.speaker
        assert first.id in {i.id for i in review.items}
        assert [c.active for c in fixes.load(store_path).corrections] == [False]


async def test_reject_and_a_new_actor(make_app: Callable[[], SmaApp], loaded, store_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        review = await open_review(pilot)
        first = review.current()
        assert first is not None
        before = corpus_of(app).counts()["quotes"]
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert first.id not in corpus_of(app).quotes and corpus_of(app).counts()["quotes"] == before - 1
        assert str(before - 1) in app.sub_title

        second = review.current()
        assert second is not None and second.kind == "quote"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"Pat Example")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(options.option_count - 1).id == "new:Pat Example"
        await pilot.press("up", "down")  # the list follows the arrows while typing
        options.highlighted = options.option_count - 1
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        actor = corpus_of(app).actors["pat-example"]
        assert actor.side == "unknown" and corpus_of(app).quotes[second.id].speaker == "pat-example"

        await pilot.press("e")  # escape in the picker changes nothing
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is review and len(fixes.load(store_path).corrections) == 2


async def test_markers_in_quote_lists(make_app: Callable[[], SmaApp], loaded) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"equitable")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        browser = search.query_one(QuoteBrowser)
        table = browser.table
        doubtful = [q for q in browser.items.values() if q.attribution in ("pronoun", "context", "unknown")]
        assert doubtful
        row = table.get_row(doubtful[0].id)
        assert str(row[0]).endswith(" ?")

        table.focus()
        table.move_cursor(row=table.get_row_index(doubtful[0].id))
        await pilot.press("e")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, Picker)
        await pilot.press(*"kang kyung", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is search
        row = table.get_row(doubtful[0].id)
        assert str(row[0]) == "Kang Kyung-wha ✎"  # corrected: no longer doubtful, marked
        table.move_cursor(row=table.get_row_index(doubtful[0].id))
        await pilot.pause()
        assert "✎ corrected by hand" in str(search.query_one(".preview").render())


async def test_actor_side_from_the_actors_pane(make_app: Callable[[], SmaApp], loaded) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#actors SmaTable", SmaTable)
        key = table.cursor_key()
        assert key is not None
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, Picker)
        app.screen.query_one(Input).value = "unknown"
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert corpus_of(app).actors[key].side == "unknown" and key in corpus_of(app).corrected
