"""What the Pilot journeys share: the terminal size, walking a list, waiting for search, and
what a current quote in the reader must look like."""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notification
from textual.pilot import Pilot

from sma_tui.core.corpus import Corpus
from sma_tui.core.models import Quote
from sma_tui.tui.app import SmaApp
from sma_tui.tui.screens.reader import ArticleBody, Paragraph, ReaderScreen
from sma_tui.tui.screens.review import ReviewScreen
from sma_tui.tui.widgets.lists import SmaTable

SIZE = (100, 30)


def notices(app: App[object]) -> list[Notification]:
    """The toasts ``app`` has raised so far, oldest first, expired ones included (see the
    ``record_notifications`` fixture)."""
    return list(app.__dict__.get("_raised_notifications", []))


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


async def open_review(pilot: Pilot[None]) -> ReviewScreen:
    """Press v, as a user would, and return the Review screen it opens."""
    await pilot.press("v")
    await pilot.pause()
    review = pilot.app.screen
    assert isinstance(review, ReviewScreen)
    return review


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
