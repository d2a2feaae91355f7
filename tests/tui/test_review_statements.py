"""The Review screen lists statements whose reports credit the same words to different
speakers (issue 16): the detail says who is credited by which outlets and articles, and
``e`` on the row corrects that report's speaker, which settles it.

The articles in ``tests/fixtures/disagreement/`` are invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Label, OptionList, Static

from sma_tui import services
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.picker import Picker
from sma_tui.tui.screens.reader import ReaderScreen
from sma_tui.tui.screens.review import WHY_WIDTH
from sma_tui.tui.widgets.lists import SmaTable

from .pilot_helpers import SIZE, corpus_of, move_to, open_review

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "disagreement"


async def test_a_disagreement_is_listed_explained_and_settled(
    make_app: Callable[[], SmaApp], loaded, store_path: Path
) -> None:
    services.add_files(store_path, sorted(FIXTURES.glob("*.txt")), {}, dry_run=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        review = await open_review(pilot)
        await app.workers.wait_for_complete()  # the statements are compared in a worker
        await pilot.pause()
        assert "To review" in str(review.query_one("#review-title", Label).render())
        rows = [i for i in review.items if i.kind == "statement"]
        assert {i.credits[0].speaker for i in rows} == {"jeong-eun-bo", "james-dehart"}
        dehart = next(i for i in rows if i.credits[0].speaker == "james-dehart")
        await move_to(pilot, review.query_one(SmaTable), f"statement:{dehart.id}")
        assert review.current() == dehart
        detail = str(review.query_one("#review-detail", Static).render())
        assert "Credited to James DeHart by: Eastern Ledger (easternledger-2020-04-04)" in detail
        assert "Credited to Jeong Eun-bo by: Harbor Wire (harborwire-2020-04-03), Bay Courier" in detail
        table = review.query_one(SmaTable)
        why = table.get_cell(f"statement:{dehart.id}", "why")  # the long reason is cut with an ellipsis
        assert why.plain.endswith("…") and why.cell_len == WHY_WIDTH and dehart.reason.startswith(why.plain[:-1])

        await pilot.press("enter")  # the report in its article
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.current_quote is corpus_of(app).quotes[dehart.id]
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("e")  # this report's speaker: Jeong, as the other outlets say
        await pilot.pause()
        assert isinstance(app.screen, Picker)
        await pilot.press(*"jeong eun")
        await pilot.pause()
        assert app.screen.query_one(OptionList).get_option_at_index(0).id == "jeong-eun-bo"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()  # the corrected corpus compared again
        await pilot.pause()
        assert app.screen is review
        assert corpus_of(app).quotes[dehart.id].speaker == "jeong-eun-bo"
        assert not [i for i in review.items if i.kind == "statement"]
