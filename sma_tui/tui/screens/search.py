"""Incremental quote search: results update on every keystroke.

Each keystroke parses the query and filters with :class:`~sma_tui.core.search.QuoteMatcher`
(column arrays, a few list comprehensions); when the new query only narrows the previous
one (typing more letters), the previous hits are the pool, so the scan shrinks as you type.
Only the first :data:`MAX_ROWS` hits are put in the table, with a note saying how many more
there are, so the cost of drawing does not grow with the corpus.

The scan itself runs in a thread worker (exclusive: a newer keystroke cancels an older
scan) so that typing never waits for it: at 100,000 quotes an unnarrowed scan takes
10-20 ms on a slow machine, more than a frame. Results that arrive for a query that is no
longer in the box are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on, work
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from ...core.corpus import Corpus
from ...core.models import Quote
from ...core.safety.sanitize import clean
from ...core.search import Query, QueryError, QuoteMatcher, narrows, parse_query
from .. import bindings
from ..widgets.browser import QuoteBrowser, one_per_statement
from .base import DrillScreen

MAX_ROWS = 200
HINT = 'words, "exact phrase", speaker:esper side:rok round:3 after:2020-01-01 before:2020-04'


class SearchScreen(DrillScreen):
    BINDINGS = bindings.SEARCH

    def __init__(self, corpus: Corpus, trail: tuple[str, ...], matcher: QuoteMatcher, query: str = "") -> None:
        super().__init__(corpus, trail, "Search")
        self.matcher = matcher
        self.initial = query
        self._last: tuple[Query, list[int]] | None = None
        self.hits: list[int] = []
        self.pending: str | None = None  # the query being scanned, if any
        self.open_when_ready = False  # enter was pressed before the results arrived

    def compose_content(self) -> Iterable[Widget]:
        yield Input(self.initial, placeholder="Search quotes: " + HINT, id="search-input")
        yield Static(id="search-status")
        yield QuoteBrowser(self.corpus, ("speaker", "date", "publisher", "text"), empty="", id="results")

    def on_mount(self) -> None:
        self.run_search(self.initial)
        self.query_one(Input).focus()

    def focused_quote(self) -> Quote | None:
        return self.query_one(QuoteBrowser).current()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        """Enter in the query box opens the highlighted (first) result."""
        if self.pending is not None:
            self.open_when_ready = True
            return
        self._open_current()

    def _open_current(self) -> None:
        browser = self.query_one(QuoteBrowser)
        if browser.current() is None:
            self.app.bell()
            return
        browser.table.action_select_cursor()

    def action_results(self) -> None:
        table = self.query_one(QuoteBrowser).table
        if table.row_count:
            table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "results":  # only from the query box; in the table, down moves the cursor
            return self.query_one(Input).has_focus
        return True

    def run_search(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        browser = self.query_one(QuoteBrowser)
        try:
            query = parse_query(text)
        except QueryError as exc:
            self.pending = None
            status.update(Content(clean(f"⚠ {exc}")))
            status.set_class(True, "-error")
            return
        status.set_class(False, "-error")
        if query.empty:
            self.workers.cancel_group(self, "search")
            self.pending = None
            self._last = None
            self.hits = []
            status.update(Content(f"{len(self.matcher)} quotes. Type to search: {HINT}"))
            browser.empty = "Results appear here as you type."
            browser.show_quotes([])
            return
        pool = self._last[1] if self._last and narrows(self._last[0], query) else None
        self.pending = text
        self._scan(text, query, pool)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="Searching quotes")
    def _scan(self, text: str, query: Query, pool: list[int] | None) -> None:
        hits = self.matcher.search_indices(query, pool)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, text, query, hits)

    def _show_hits(self, text: str, query: Query, hits: list[int]) -> None:
        if not self.is_attached or text != self.query_one(Input).value:
            return  # a stale scan: a newer one is on its way
        self.pending = None
        self.hits = hits
        self._last = (query, hits)
        status = self.query_one("#search-status", Static)
        browser = self.query_one(QuoteBrowser)
        shown = [self.matcher.quotes[i] for i in hits[:MAX_ROWS]]
        total = len(hits)
        if not total:
            status.update(Content(clean(f"No quotes match “{text.strip()}”.")))
            browser.empty = "No results. Try fewer words, or check the filters."
        elif total > MAX_ROWS:
            more = f"{total} quotes match; showing the first {MAX_ROWS} — {total - MAX_ROWS} more, refine the query"
            status.update(Content(more))
        else:
            matches = "quotes match" if total != 1 else "quote matches"
            statements = len(one_per_statement(shown))  # rows: one per statement
            grouped = f" ({statements} statements, ×N: reported N times)" if statements < total else ""
            status.update(Content(f"{total} {matches}{grouped} · enter opens the article at the quote"))
        browser.show_quotes(shown, query, by_statement=True)
        if self.open_when_ready:
            self.open_when_ready = False
            self._open_current()
