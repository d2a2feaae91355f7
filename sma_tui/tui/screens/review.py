"""The Review screen: the claims and actors that need a human look, most doubtful first
(:func:`sma_tui.core.corrections.review.review_queue`), each with why.

``enter`` opens a quote or figure in its article (an actor on its page); the app's fix keys
work on the highlighted row: ``e`` (a quote's speaker, an actor's side), ``x`` (reject a
quote or figure), ``u`` (undo the latest correction). After a fix the queue is read again
and the cursor stays where it was: the next item comes up.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on, work
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Label, Static
from textual.worker import get_current_worker

from ...core.corpus import Corpus
from ...core.corrections.review import Credit, ReviewItem
from ...core.models import Actor, Figure, Quote
from ...core.text import format_value
from ...services.corrections import disagreement_items, queue
from .. import bindings
from ..format import human_date, one_line, source_of
from ..messages import OpenActor, OpenArticle
from ..widgets.lists import SmaTable, cell
from .base import DrillScreen

CRUMB = "Review"
WHY_WIDTH = 30
"""The Why column: the reason, cut with an ellipsis (the detail below shows it whole)."""
MAX_REPORTS = 3
"""Reports listed per speaker of a statement's disagreement in the detail; the rest are counted."""


class ReviewScreen(DrillScreen):
    BINDINGS = bindings.REVIEW

    def __init__(self, corpus: Corpus, trail: tuple[str, ...]) -> None:
        super().__init__(corpus, trail, CRUMB)
        self.items: list[ReviewItem] = []
        self.disagreements: list[ReviewItem] | None = None
        """The statement items of :attr:`corpus` once the worker has found them (``None``: not yet)."""

    def compose_content(self) -> Iterable[Widget]:
        yield Label("", id="review-title", classes="section")
        yield SmaTable(id="review-table")
        yield Static(id="review-detail", classes="preview")

    def on_mount(self) -> None:
        table = self.query_one(SmaTable)
        table.add_column("Doubt", key="doubt", width=5)
        table.add_column("Kind", key="kind", width=9)  # "statement"
        table.add_column("What", key="what", width=max(20, (self.app.size.width or 100) - 53))
        table.add_column("Why", key="why", width=WHY_WIDTH)  # what is left of the width beside "What"
        self.refill()
        table.focus()

    # ------------------------------------------------------------------ state
    def refill(self, corpus: Corpus | None = None) -> None:
        """Read the queue again (after a correction: ``corpus`` is the store as it is now);
        the cursor keeps its row number, so the item after the one fixed comes up."""
        if corpus is not None:
            self.corpus, self.disagreements = corpus, None
        if self.disagreements is None:
            self._find_disagreements(self.corpus)
        self._fill(self.query_one(SmaTable).cursor_row)

    @work(thread=True, exclusive=True, group="review", exit_on_error=False, description="Comparing reports")
    def _find_disagreements(self, corpus: Corpus) -> None:
        """Group the corpus's quotes into statements (seconds at 10,000 articles) for the
        statements whose reports credit different speakers; the queue shows them when done."""
        found = disagreement_items(corpus)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_disagreements, corpus, found)

    def _show_disagreements(self, corpus: Corpus, found: list[ReviewItem]) -> None:
        if not self.is_attached or corpus is not self.corpus:
            return  # a stale search: the corpus was read again meanwhile
        self.disagreements = found
        table = self.query_one(SmaTable)
        key = table.cursor_key()
        self._fill(table.cursor_row)
        if key is not None:
            table.move_to_key(key)  # the row the person was on
            self._show_detail()

    def _fill(self, row: int) -> None:
        table = self.query_one(SmaTable)
        self.items = queue(self.corpus, self.disagreements or [])
        table.clear()
        for item in self.items:
            why = cell(item.reason, WHY_WIDTH)
            table.add_row(cell(f"{item.score:.1f}"), cell(item.kind), cell(self.what(item), 200), why,
                          key=f"{item.kind}:{item.id}")  # fmt: skip
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1), animate=False)
        n = len(self.items)
        self.query_one("#review-title", Label).update(
            f"To review ({n}): most doubtful first · enter opens · e corrects · x rejects · u undoes"
            if n else "Nothing to review: every doubtful claim has been looked at."
        )
        if self.disagreements is None:
            self.query_one("#review-title", Label).update(f"To review ({n}+): comparing reports for disagreements…")
        self._show_detail()

    def current(self) -> ReviewItem | None:
        key = self.query_one(SmaTable).cursor_key()
        return next((i for i in self.items if f"{i.kind}:{i.id}" == key), None)

    def record(self, item: ReviewItem | None) -> Quote | Figure | Actor | None:
        if item is None:
            return None
        c = self.corpus
        if item.kind in ("quote", "statement"):  # a statement's item: its report a fix corrects
            return c.quotes.get(item.id)
        if item.kind == "figure":
            return c.figures.get(item.id)
        return c.actors.get(item.id)

    def focused_quote(self) -> Quote | None:
        record = self.record(self.current())
        return record if isinstance(record, Quote) else None

    def focused_figure(self) -> Figure | None:
        record = self.record(self.current())
        return record if isinstance(record, Figure) else None

    def focused_actor(self) -> Actor | None:
        record = self.record(self.current())
        return record if isinstance(record, Actor) else None

    # ------------------------------------------------------------------ drawing
    def what(self, item: ReviewItem) -> str:
        c, record = self.corpus, self.record(item)
        if isinstance(record, Quote):
            return f"{c.speaker_name(record.speaker)}: “{one_line(record.text)}”"
        if isinstance(record, Figure):
            return f"{format_value(record.value, record.unit)} “{one_line(record.text)}”"
        if isinstance(record, Actor):
            return f"{record.name} ({record.side}{', ' + record.role if record.role else ''})"
        return item.id

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.current()
        detail = self.query_one("#review-detail", Static)
        record = self.record(item)
        if item is None or record is None:
            detail.update(Content(""))
            return
        if isinstance(record, Actor):
            text = f"{record.name} · side {record.side} · {record.role or 'no role'} · id {record.id}"
            hint = "e sets the side"
        else:
            article = self.corpus.articles.get(record.article)
            when = record.date if record.date and (article is None or record.date != article.date) else None
            said = f" · dated {human_date(when)}" if when else ""  # the article's own date is in its label
            text = f"“{one_line(record.text)}”\n{source_of(self.corpus, record)}{said}"
            hint = "enter opens it in its article · " + ("e picks the speaker · x rejects" if isinstance(
                record, Quote) else "x rejects · the CLI sets measure/side/period")  # fmt: skip
            if item.credits:  # the credits say what the reason says, with the articles
                text += "".join(f"\n{self.credited(c)}" for c in item.credits)
                hint = "different speakers for the same words — enter opens this report · e corrects its speaker"
                detail.update(Content.assemble(text, "\n", (hint, "dim")))
                return
        detail.update(Content.assemble(text, "\n", (f"{item.reason} — {hint}", "dim")))

    def credited(self, credit: Credit) -> str:
        """``Credited to NAME by: Outlet (article id), …`` on one line."""
        by = []
        for _, aid in credit.reports[:MAX_REPORTS]:
            article = self.corpus.articles.get(aid)
            by.append(f"{one_line(article.publisher) if article else 'unknown outlet'} ({one_line(aid)})")
        if len(credit.reports) > MAX_REPORTS:
            by.append(f"+{len(credit.reports) - MAX_REPORTS} more")
        return f"Credited to {one_line(self.corpus.speaker_name(credit.speaker))} by: {', '.join(by)}"

    # ------------------------------------------------------------------ actions
    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        record = self.record(self.current())
        if isinstance(record, Actor):
            self.post_message(OpenActor(record.id))
        elif record is not None:
            self.post_message(OpenArticle(record.article, record.id))
